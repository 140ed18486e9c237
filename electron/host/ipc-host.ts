/**
 * Serves the backend to our window over Electron IPC. Only `import type`
 * from electron: main hands in ipcMain and the window's webContents, which
 * also lets tests drive this with small fakes. Messages are accepted only
 * from the main frame of our own window; a reload or crash of the page ends
 * its peer (and everything it owned) and a fresh one serves the new page.
 */
import type { IpcMainEvent } from 'electron'
import { serve, type ApiHandlers, type EventSource } from '../../shared/rpc/server'
import type { Transport } from '../../shared/rpc/transport'
import { toDisposable, type Disposable } from '../../shared/util/disposable'

export const IPC_CHANNEL = 'zk:rpc'

/** The parts of ipcMain this host uses. */
export interface IpcMainLike {
  on(channel: string, listener: (event: IpcMainEvent, message: unknown) => void): unknown
  removeListener(channel: string, listener: (event: IpcMainEvent, message: unknown) => void): unknown
}

/** The parts of a WebContents this host uses. */
export interface WebContentsLike {
  readonly id: number
  readonly mainFrame: unknown
  send(channel: string, message: unknown): void
  isDestroyed(): boolean
  on(event: 'destroyed' | 'render-process-gone' | 'did-start-loading', listener: () => void): unknown
  removeListener(event: 'destroyed' | 'render-process-gone' | 'did-start-loading', listener: () => void): unknown
}

export interface IpcHostOptions {
  ipcMain: IpcMainLike
  webContents: WebContentsLike
  handlers: ApiHandlers
  events: EventSource
}

/** True when a message comes from our window's top-level page, not a subframe or another window. */
export function isTrustedSender(event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>, contents: WebContentsLike): boolean {
  const sender = event.sender as unknown as WebContentsLike | undefined
  return sender?.id === contents.id && event.senderFrame !== null && event.senderFrame === contents.mainFrame
}

export function attachIpcHost(options: IpcHostOptions): Disposable {
  const { ipcMain, webContents } = options
  let current: { deliver(message: unknown): void; close(): void } | null = null

  const startPeer = () => {
    const messageListeners = new Set<(message: unknown) => void>()
    const closeListeners = new Set<() => void>()
    const transport: Transport = {
      send: (message) => {
        if (!webContents.isDestroyed()) webContents.send(IPC_CHANNEL, message)
      },
      onMessage: (listener) => {
        messageListeners.add(listener)
        return toDisposable(() => messageListeners.delete(listener))
      },
      onClose: (listener) => {
        closeListeners.add(listener)
        return toDisposable(() => closeListeners.delete(listener))
      },
    }
    serve(options.handlers, transport, options.events)
    current = {
      deliver: (message) => messageListeners.forEach((listener) => listener(message)),
      close: () => closeListeners.forEach((listener) => listener()),
    }
  }

  const endPeer = () => {
    current?.close()
    current = null
  }

  const onMessage = (event: IpcMainEvent, message: unknown) => {
    if (!isTrustedSender(event, webContents)) return
    if (!current) startPeer()
    current?.deliver(message)
  }
  // A new page load means a new renderer state: drop what the old page owned.
  const onReload = () => endPeer()

  ipcMain.on(IPC_CHANNEL, onMessage)
  webContents.on('did-start-loading', onReload)
  webContents.on('render-process-gone', onReload)
  webContents.on('destroyed', onReload)

  return toDisposable(() => {
    ipcMain.removeListener(IPC_CHANNEL, onMessage)
    webContents.removeListener('did-start-loading', onReload)
    webContents.removeListener('render-process-gone', onReload)
    webContents.removeListener('destroyed', onReload)
    endPeer()
  })
}
