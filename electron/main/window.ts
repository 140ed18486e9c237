/** The main window, with the secure settings the architecture requires. */
import { BrowserWindow } from 'electron'
import { join } from 'node:path'
import { rendererLocation } from './renderer-location'

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'ZooKeeper Console',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  window.once('ready-to-show', () => window.show())
  const page = rendererLocation()
  if (page.kind === 'dev') void window.loadURL(page.url)
  else void window.loadFile(page.path)
  return window
}
