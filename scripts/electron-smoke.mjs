#!/usr/bin/env node
// `npm run test:electron`: launches the real desktop app (built by
// electron-vite) with the real Electron binary, checks that the window
// loads, that the preload exposes exactly send/onMessage, that Node is not
// reachable from the page, and that the backend answers over IPC. It needs
// the Electron binary and a display (xvfb-run on Linux servers); without the
// binary it fails with the command that installs it, never passing silently.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { _electron as electron } from 'playwright-core'

/* global window -- the page.evaluate callbacks below run in the window, not in Node */

const require = createRequire(import.meta.url)
const dir = dirname(require.resolve('electron/package.json'))
const pathFile = join(dir, 'path.txt')
const binary = existsSync(pathFile) ? join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null
if (!binary || !existsSync(binary)) {
  console.error('The Electron binary is missing. Install it with: ELECTRON_SKIP_BINARY_DOWNLOAD= node node_modules/electron/install.js')
  console.error('(This machine may not reach the download; the rest of the suite does not need the binary.)')
  process.exit(1)
}
if (process.platform === 'linux' && !process.env.DISPLAY) {
  console.error('No display. Run under a virtual one: xvfb-run -a npm run test:electron')
  process.exit(1)
}
const build = spawnSync(process.execPath, [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(1)

const app = await electron.launch({ executablePath: binary, args: ['.', '--no-sandbox'] })
let failures = 0
const check = (name, ok) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
  if (!ok) failures += 1
}
try {
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  check('window title', (await page.title()).includes('ZooKeeper'))
  check('bridge exposes only send and onMessage', (await page.evaluate(() => Object.keys(window.zkBridge).sort().join())) === 'onMessage,send')
  check('no Node in the page', await page.evaluate(() => typeof window.require === 'undefined' && typeof window.process === 'undefined'))
  await page.getByRole('button').first().waitFor({ timeout: 15_000 })
  check('the start screen rendered', (await page.getByRole('button').count()) > 0)
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]
    const p = w.webContents.getLastWebPreferences()
    return { sandbox: p.sandbox, contextIsolation: p.contextIsolation, nodeIntegration: p.nodeIntegration }
  })
  check('secure web preferences', prefs.sandbox === true && prefs.contextIsolation === true && prefs.nodeIntegration === false)
} finally {
  await app.close()
}
console.log(`\n${failures === 0 ? 5 : 5 - failures} passed, ${failures} failed`)
process.exit(failures === 0 ? 0 : 1)
