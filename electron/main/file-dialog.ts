/**
 * The backend's file picker on the desktop: Electron's native dialog, attached to the focused
 * console window so it is modal to it.
 */
import { BrowserWindow, dialog } from 'electron'
import type { FilePicker } from '../backend/handlers/host-handlers'

export const showFileDialog: FilePicker = async ({ mode, defaultName, extensions }) => {
  const parent = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]
  const filters = extensions?.length ? [{ name: extensions.join(', ').toUpperCase(), extensions }, { name: '*', extensions: ['*'] }] : []
  if (mode === 'save') {
    const options = { filters, ...(defaultName ? { defaultPath: defaultName } : {}) }
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
    return result.canceled || !result.filePath ? null : result.filePath
  }
  const options = { filters, properties: ['openFile' as const] }
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}
