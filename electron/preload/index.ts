/**
 * The entire Electron surface the renderer sees: send a message to the
 * backend and listen for its messages, on one channel. Nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'

const CHANNEL = 'zk:rpc'

contextBridge.exposeInMainWorld('zkBridge', {
  send: (message: unknown) => ipcRenderer.send(CHANNEL, message),
  onMessage: (listener: (message: unknown) => void) => {
    const handler = (_event: IpcRendererEvent, message: unknown) => listener(message)
    ipcRenderer.on(CHANNEL, handler)
    return () => {
      ipcRenderer.removeListener(CHANNEL, handler)
    }
  },
})
