import type { IpcMainEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  IPC_CHANNEL,
  attachIpcHost,
  isTrustedSender,
  type IpcMainLike,
  type WebContentsLike,
} from '../../../electron/host/ipc-host'
import type { ApiHandlers } from '../../../shared/rpc/server'
import type { ZkEvents } from '../../../shared/protocol/api'
import { ZkError } from '../../../shared/protocol/errors'
import { Emitter } from '../../../shared/util/emitter'
import { fakeHandlers, fakeStat, fakeEventSource } from '../../helpers/fake-api'

type IpcListener = (event: IpcMainEvent, message: unknown) => void
type ContentsEvent = 'destroyed' | 'render-process-gone' | 'did-start-loading'

class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Set<IpcListener>>()
  on(channel: string, listener: IpcListener) {
    const set = this.listeners.get(channel) ?? new Set()
    set.add(listener)
    this.listeners.set(channel, set)
    return this
  }
  removeListener(channel: string, listener: IpcListener) {
    this.listeners.get(channel)?.delete(listener)
    return this
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0
  }
  /** What ipcRenderer.send from some frame looks like on the main side. */
  deliver(sender: WebContentsLike, senderFrame: unknown, message: unknown): void {
    const event = { sender, senderFrame } as unknown as IpcMainEvent
    for (const listener of this.listeners.get(IPC_CHANNEL) ?? []) listener(event, message)
  }
}

class FakeWebContents implements WebContentsLike {
  readonly mainFrame = { name: 'main frame' }
  readonly subFrame = { name: 'an iframe' }
  readonly sent: { channel: string; message: unknown }[] = []
  destroyed = false
  readonly listeners = new Map<ContentsEvent, Set<() => void>>()
  constructor(readonly id: number) {}
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message })
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  on(event: ContentsEvent, listener: () => void) {
    const set = this.listeners.get(event) ?? new Set()
    set.add(listener)
    this.listeners.set(event, set)
    return this
  }
  removeListener(event: ContentsEvent, listener: () => void) {
    this.listeners.get(event)?.delete(listener)
    return this
  }
  fire(event: ContentsEvent): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener()
  }
  listenerTotal(): number {
    let n = 0
    for (const set of this.listeners.values()) n += set.size
    return n
  }
  /** Messages sent to the page of a given kind ('res' or 'evt'). */
  messages(kind: 'res' | 'evt'): Record<string, unknown>[] {
    return this.sent
      .filter((s) => s.channel === IPC_CHANNEL)
      .map((s) => s.message as Record<string, unknown>)
      .filter((m) => m.t === kind)
  }
}




const flush = () => new Promise((r) => setTimeout(r, 0))

function request(id: number, path = '/x') {
  return { t: 'req', id, method: 'getChildren', params: { connectionId: 'c1', path } }
}

const sandboxRunning: ZkEvents['sandbox.state'] = { state: 'running', members: [], credentials: [] }

function setup(overrides: Partial<ApiHandlers> = {}) {
  const ipcMain = new FakeIpcMain()
  const contents = new FakeWebContents(1)
  const emitter = new Emitter<ZkEvents>()
  const calls: string[] = []
  const handlers = fakeHandlers({
    getChildren: async ({ path }) => {
      calls.push(path)
      return { path, children: ['a'], stat: fakeStat }
    },
    ...overrides,
  })
  const host = attachIpcHost({ ipcMain, webContents: contents, handlers, events: fakeEventSource(emitter) })
  return { ipcMain, contents, emitter, calls, host }
}

describe('attachIpcHost', () => {
  it('serves requests from the main frame of our window and answers on the same channel', async () => {
    const { ipcMain, contents, calls } = setup()
    ipcMain.deliver(contents, contents.mainFrame, request(7, '/app'))
    await flush()
    expect(calls).toEqual(['/app'])
    expect(contents.sent).toHaveLength(1)
    expect(contents.sent[0]?.channel).toBe(IPC_CHANNEL)
    expect(contents.sent[0]?.message).toEqual({
      t: 'res',
      id: 7,
      ok: true,
      result: { path: '/app', children: ['a'], stat: fakeStat },
    })
  })

  it('answers invalid requests with an error, still only to our window', async () => {
    const { ipcMain, contents, calls } = setup()
    ipcMain.deliver(contents, contents.mainFrame, request(3, 'relative'))
    await flush()
    expect(calls).toEqual([])
    expect(contents.messages('res')).toEqual([
      expect.objectContaining({ id: 3, ok: false, error: expect.objectContaining({ code: 'INVALID_PARAMS' }) }),
    ])
  })

  it('ignores messages from another webContents', async () => {
    const { ipcMain, contents, calls, emitter } = setup()
    const other = new FakeWebContents(2)
    ipcMain.deliver(other, other.mainFrame, request(1))
    // Even when it claims our main frame object.
    ipcMain.deliver(other, contents.mainFrame, request(2))
    await flush()
    expect(calls).toEqual([])
    expect(contents.sent).toEqual([])
    expect(other.sent).toEqual([])
    // No peer was started for it, so events do not flow either.
    emitter.emit('sandbox.state', sandboxRunning)
    expect(contents.sent).toEqual([])
    expect(emitter.listenerCount()).toBe(0)
  })

  it('ignores messages from a subframe of our window, or without a frame', async () => {
    const { ipcMain, contents, calls } = setup()
    ipcMain.deliver(contents, contents.subFrame, request(1))
    ipcMain.deliver(contents, null, request(2))
    ipcMain.deliver(contents, undefined, request(3))
    await flush()
    expect(calls).toEqual([])
    expect(contents.sent).toEqual([])
  })

  it('forwards backend events once the page has spoken', async () => {
    const { ipcMain, contents, emitter } = setup()
    emitter.emit('sandbox.state', sandboxRunning)
    expect(contents.sent).toEqual([])
    ipcMain.deliver(contents, contents.mainFrame, request(1))
    await flush()
    emitter.emit('sandbox.state', sandboxRunning)
    expect(contents.messages('evt')).toEqual([{ t: 'evt', event: 'sandbox.state', payload: sandboxRunning }])
  })

  it('ends the old peer on reload: events stop until the new page sends, then flow once', async () => {
    const { ipcMain, contents, emitter } = setup()
    ipcMain.deliver(contents, contents.mainFrame, request(1))
    await flush()
    expect(emitter.listenerCount()).toBeGreaterThan(0)

    contents.fire('did-start-loading')
    expect(emitter.listenerCount()).toBe(0)
    emitter.emit('sandbox.state', sandboxRunning)
    expect(contents.messages('evt')).toEqual([])

    ipcMain.deliver(contents, contents.mainFrame, request(1))
    await flush()
    expect(contents.messages('res')).toHaveLength(2)
    emitter.emit('sandbox.state', sandboxRunning)
    expect(contents.messages('evt')).toHaveLength(1)
  })

  it('cancels what the old page had in flight and never answers it into the new page', async () => {
    let aborted = false
    let finish: (() => void) | undefined
    const { ipcMain, contents } = setup({
      getNode: (_params, ctx) =>
        new Promise((_resolve, reject) => {
          ctx.signal.addEventListener('abort', () => {
            aborted = true
          })
          finish = () => reject(new ZkError('NO_NODE', 'late answer'))
        }),
    })
    ipcMain.deliver(contents, contents.mainFrame, {
      t: 'req',
      id: 1,
      method: 'getNode',
      params: { connectionId: 'c1', path: '/slow' },
    })
    await flush()
    contents.fire('did-start-loading')
    expect(aborted).toBe(true)
    finish?.()
    await flush()
    expect(contents.messages('res')).toEqual([])
  })

  it('also ends the peer when the renderer process dies or the contents are destroyed', async () => {
    for (const event of ['render-process-gone', 'destroyed'] as const) {
      const { ipcMain, contents, emitter } = setup()
      ipcMain.deliver(contents, contents.mainFrame, request(1))
      await flush()
      contents.fire(event)
      expect(emitter.listenerCount(), event).toBe(0)
      emitter.emit('sandbox.state', sandboxRunning)
      expect(contents.messages('evt'), event).toEqual([])
    }
  })

  it('does not send into destroyed contents', async () => {
    const { ipcMain, contents, emitter } = setup()
    ipcMain.deliver(contents, contents.mainFrame, request(1))
    await flush()
    const before = contents.sent.length
    contents.destroyed = true
    emitter.emit('sandbox.state', sandboxRunning)
    ipcMain.deliver(contents, contents.mainFrame, request(2))
    await flush()
    expect(contents.sent).toHaveLength(before)
  })

  it('dispose removes every listener and ends the peer', async () => {
    const { ipcMain, contents, emitter, calls, host } = setup()
    expect(ipcMain.count(IPC_CHANNEL)).toBe(1)
    expect(contents.listenerTotal()).toBe(3)
    ipcMain.deliver(contents, contents.mainFrame, request(1))
    await flush()
    host.dispose()
    expect(ipcMain.count(IPC_CHANNEL)).toBe(0)
    expect(contents.listenerTotal()).toBe(0)
    expect(emitter.listenerCount()).toBe(0)
    const sent = contents.sent.length
    emitter.emit('sandbox.state', sandboxRunning)
    ipcMain.deliver(contents, contents.mainFrame, request(2))
    await flush()
    expect(calls).toEqual(['/x'])
    expect(contents.sent).toHaveLength(sent)
  })
})

describe('isTrustedSender', () => {
  it('needs both our webContents and its main frame', () => {
    const ours = new FakeWebContents(1)
    const other = new FakeWebContents(2)
    const event = (sender: WebContentsLike, senderFrame: unknown) =>
      ({ sender, senderFrame }) as unknown as Pick<IpcMainEvent, 'sender' | 'senderFrame'>
    expect(isTrustedSender(event(ours, ours.mainFrame), ours)).toBe(true)
    expect(isTrustedSender(event(ours, ours.subFrame), ours)).toBe(false)
    expect(isTrustedSender(event(ours, null), ours)).toBe(false)
    expect(isTrustedSender(event(other, ours.mainFrame), ours)).toBe(false)
    expect(isTrustedSender(event(other, other.mainFrame), ours)).toBe(false)
  })
})
