/**
 * Composition root of the desktop app: one instance, the backend, the IPC
 * host attached before the window exists, the window, and an orderly quit
 * that closes every session and stops the sandbox.
 */
import { app, ipcMain, safeStorage, shell, BrowserWindow, Menu } from 'electron'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ZkBackend } from '../backend/zk-backend'
import { Sandbox } from '../backend/sandbox/sandbox'
import { attachIpcHost } from '../host/ipc-host'
import { parseConsoleFlags, type ConsoleFlags } from '../host/cli-flags'
import { installSecurityGuards } from './security'
import { safeStorageSecrets } from './safe-storage-secrets'
import { createMainWindow } from './window'
import { buildMenu } from './menu'
import { showFileDialog } from './file-dialog'

function readFlags(): ConsoleFlags {
  // Electron passes its own arguments first; ours follow the app path.
  const ours = process.argv.slice(app.isPackaged ? 1 : 2).filter((a) => a.startsWith('--') && !a.startsWith('--inspect'))
  try {
    return parseConsoleFlags(ours)
  } catch (error) {
    console.error(`zookeeper-console: ${error instanceof Error ? error.message : String(error)}`)
    return { host: '127.0.0.1', sandbox: false }
  }
}

async function boot(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  const flags = readFlags()
  installSecurityGuards(app, shell)
  await app.whenReady()
  Menu.setApplicationMenu(buildMenu())

  const sandboxBase = mkdtempSync(join(tmpdir(), 'zk-console-sandbox-'))
  const backend = new ZkBackend({
    configDir: app.getPath('userData'),
    secrets: safeStorageSecrets(join(app.getPath('userData'), 'credentials.bin'), safeStorage),
    appInfo: {
      version: app.getVersion(),
      host: 'desktop',
      startup: { sandbox: flags.sandbox, ...(flags.connect ? { connect: flags.connect } : {}) },
      secureStorage: safeStorage.isEncryptionAvailable(),
      platform: process.platform,
    },
    createSandbox: (onState) => new Sandbox({ baseDir: sandboxBase, onState }),
    pickFile: showFileDialog,
  })

  // Each window gets its own IPC peer, attached before the page loads.
  const openWindow = () => {
    const window = createMainWindow()
    const host = attachIpcHost({ ipcMain, webContents: window.webContents, handlers: backend.handlers, events: backend.events })
    window.on('closed', () => host.dispose())
    return window
  }
  openWindow()

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => app.quit())

  let quitting = false
  app.on('will-quit', (event) => {
    if (quitting) return
    quitting = true
    event.preventDefault()
    // Sessions close (their ephemeral nodes go) and the sandbox stops before the process ends.
    void backend.dispose().finally(() => {
      rmSync(sandboxBase, { recursive: true, force: true })
      app.exit(0)
    })
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow()
  })
}

void boot()
