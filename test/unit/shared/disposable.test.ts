import { afterEach, describe, expect, it, vi } from 'vitest'
import { DisposableStore, toDisposable, type Disposable } from '../../../shared/util/disposable'
import { Emitter } from '../../../shared/util/emitter'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('toDisposable', () => {
  it('runs its cleanup exactly once', () => {
    let runs = 0
    const d = toDisposable(() => runs++)
    expect(runs).toBe(0)
    d.dispose()
    d.dispose()
    expect(runs).toBe(1)
  })
})

describe('DisposableStore', () => {
  it('disposes everything, last added first', () => {
    const order: string[] = []
    const store = new DisposableStore()
    store.add(toDisposable(() => order.push('a')))
    store.add(toDisposable(() => order.push('b')))
    store.add(toDisposable(() => order.push('c')))
    expect(store.isDisposed).toBe(false)
    store.dispose()
    expect(order).toEqual(['c', 'b', 'a'])
    expect(store.isDisposed).toBe(true)
    store.dispose()
    expect(order).toEqual(['c', 'b', 'a'])
  })

  it('returns what it adds', () => {
    const store = new DisposableStore()
    const item = { dispose: () => undefined, extra: 42 }
    expect(store.add(item)).toBe(item)
  })

  it('disposes an item added after the store was disposed, at once', () => {
    const store = new DisposableStore()
    store.dispose()
    let disposed = false
    store.add(toDisposable(() => (disposed = true)))
    expect(disposed).toBe(true)
  })

  it('keeps disposing the rest when one item throws, and reports the failure', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const order: string[] = []
    const store = new DisposableStore()
    store.add(toDisposable(() => order.push('first')))
    store.add({
      dispose: () => {
        throw new Error('bad cleanup')
      },
    })
    store.add(toDisposable(() => order.push('last')))
    expect(() => store.dispose()).not.toThrow()
    expect(order).toEqual(['last', 'first'])
    expect(errors).toHaveBeenCalledTimes(1)
  })

  it('disposes nested stores', () => {
    const outer = new DisposableStore()
    const inner = outer.add(new DisposableStore())
    let disposed = false
    inner.add(toDisposable(() => (disposed = true)))
    outer.dispose()
    expect(inner.isDisposed).toBe(true)
    expect(disposed).toBe(true)
  })
})

interface TestEvents {
  ping: number
  pong: { text: string }
}

describe('Emitter', () => {
  it('delivers payloads to the listeners of that event only', () => {
    const emitter = new Emitter<TestEvents>()
    const pings: number[] = []
    const pongs: string[] = []
    emitter.on('ping', (n) => pings.push(n))
    emitter.on('pong', (p) => pongs.push(p.text))
    emitter.emit('ping', 1)
    emitter.emit('pong', { text: 'a' })
    emitter.emit('ping', 2)
    expect(pings).toEqual([1, 2])
    expect(pongs).toEqual(['a'])
  })

  it('emitting an event nobody listens to does nothing', () => {
    const emitter = new Emitter<TestEvents>()
    expect(() => emitter.emit('ping', 1)).not.toThrow()
    expect(emitter.listenerCount()).toBe(0)
  })

  it('stops delivering after dispose and counts listeners', () => {
    const emitter = new Emitter<TestEvents>()
    const seen: number[] = []
    const a = emitter.on('ping', (n) => seen.push(n))
    const b = emitter.on('ping', (n) => seen.push(n * 10))
    emitter.on('pong', () => undefined)
    expect(emitter.listenerCount()).toBe(3)
    emitter.emit('ping', 1)
    a.dispose()
    a.dispose()
    expect(emitter.listenerCount()).toBe(2)
    emitter.emit('ping', 2)
    b.dispose()
    emitter.emit('ping', 3)
    expect(seen).toEqual([1, 10, 20])
    expect(emitter.listenerCount()).toBe(1)
  })

  it('registers the same function twice as one listener', () => {
    const emitter = new Emitter<TestEvents>()
    let calls = 0
    const listener = () => calls++
    emitter.on('ping', listener)
    emitter.on('ping', listener)
    emitter.emit('ping', 0)
    expect(calls).toBe(1)
  })

  it('isolates a throwing listener from the others', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const emitter = new Emitter<TestEvents>()
    const seen: number[] = []
    emitter.on('ping', () => {
      throw new Error('listener bug')
    })
    emitter.on('ping', (n) => seen.push(n))
    expect(() => emitter.emit('ping', 7)).not.toThrow()
    expect(seen).toEqual([7])
    expect(errors).toHaveBeenCalledTimes(1)
  })

  it('lets a listener unsubscribe another during an emit', () => {
    const emitter = new Emitter<TestEvents>()
    const seen: string[] = []
    const later: { second?: Disposable } = {}
    emitter.on('ping', (n) => {
      seen.push(`first:${n}`)
      later.second?.dispose()
    })
    later.second = emitter.on('ping', (n) => seen.push(`second:${n}`))
    expect(() => emitter.emit('ping', 1)).not.toThrow()
    seen.length = 0
    emitter.emit('ping', 2)
    expect(seen).toEqual(['first:2'])
    expect(emitter.listenerCount()).toBe(1)
  })

  it('does not call a listener added during an emit in that same emit', () => {
    const emitter = new Emitter<TestEvents>()
    const seen: string[] = []
    emitter.on('ping', () => {
      seen.push('outer')
      if (seen.length === 1) emitter.on('ping', () => seen.push('added'))
    })
    emitter.emit('ping', 1)
    expect(seen).toEqual(['outer'])
    emitter.emit('ping', 2)
    expect(seen).toEqual(['outer', 'outer', 'added'])
  })
})
