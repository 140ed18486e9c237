import { describe, expect, it } from 'vitest'
import { mapLimit } from '../../../shared/util/map-limit'

interface Deferred<T> {
  promise: Promise<T>
  resolve(value: T): void
  reject(error: unknown): void
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('mapLimit', () => {
  it('keeps results in input order when calls finish out of order', async () => {
    const items = [50, 10, 30, 0, 20]
    const result = await mapLimit(items, 3, async (ms, index) => {
      await new Promise((r) => setTimeout(r, ms))
      return `${index}:${ms}`
    })
    expect(result).toEqual(['0:50', '1:10', '2:30', '3:0', '4:20'])
  })

  it('never has more than `limit` calls in flight, and uses all of them', async () => {
    let inFlight = 0
    let peak = 0
    const items = Array.from({ length: 40 }, (_, i) => i)
    const result = await mapLimit(items, 4, async (item) => {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, item % 3))
      inFlight -= 1
      return item * 2
    })
    expect(peak).toBe(4)
    expect(inFlight).toBe(0)
    expect(result).toEqual(items.map((i) => i * 2))
  })

  it('starts the next item only when a slot frees up', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<number>())
    const started: number[] = []
    const promise = mapLimit([0, 1, 2, 3, 4], 2, (item) => {
      started.push(item)
      return (gates[item] as Deferred<number>).promise
    })
    await tick()
    expect(started).toEqual([0, 1])
    gates[1]?.resolve(1)
    await tick()
    expect(started).toEqual([0, 1, 2])
    gates[0]?.resolve(0)
    gates[2]?.resolve(2)
    await tick()
    expect(started).toEqual([0, 1, 2, 3, 4])
    gates[3]?.resolve(3)
    gates[4]?.resolve(4)
    await expect(promise).resolves.toEqual([0, 1, 2, 3, 4])
  })

  it('returns an empty array for no items and treats a limit below 1 as 1', async () => {
    let calls = 0
    await expect(mapLimit([], 4, async () => ++calls)).resolves.toEqual([])
    expect(calls).toBe(0)
    let inFlight = 0
    let peak = 0
    const result = await mapLimit([1, 2, 3], 0, async (x) => {
      inFlight += 1
      peak = Math.max(peak, inFlight)
      await tick()
      inFlight -= 1
      return x
    })
    expect(result).toEqual([1, 2, 3])
    expect(peak).toBe(1)
  })

  it('rejects with the first error', async () => {
    const failure = new Error('boom at 2')
    const promise = mapLimit([0, 1, 2, 3], 2, async (item) => {
      await tick()
      if (item === 2) throw failure
      if (item === 3) throw new Error('later error')
      return item
    })
    await expect(promise).rejects.toBe(failure)
  })

  it('starts no new items after the first error', async () => {
    const started: number[] = []
    const gates = Array.from({ length: 10 }, () => deferred<number>())
    const promise = mapLimit(Array.from({ length: 10 }, (_, i) => i), 2, (item) => {
      started.push(item)
      return (gates[item] as Deferred<number>).promise
    })
    const outcome = promise.catch((error: unknown) => error)
    await tick()
    expect(started).toEqual([0, 1])
    gates[0]?.reject(new Error('walk failed'))
    expect(((await outcome) as Error).message).toBe('walk failed')
    // The other worker finishes what it is doing, then must stop: the caller
    // has already been told the whole operation failed.
    gates[1]?.resolve(1)
    for (let i = 2; i < 10; i++) gates[i]?.resolve(i)
    await tick()
    await tick()
    expect(started).toEqual([0, 1])
  })

  it('stops starting items once the signal aborts, and rejects with its reason', async () => {
    const controller = new AbortController()
    const started: number[] = []
    const gates = Array.from({ length: 6 }, () => deferred<number>())
    const promise = mapLimit(
      [0, 1, 2, 3, 4, 5],
      2,
      (item) => {
        started.push(item)
        return (gates[item] as Deferred<number>).promise
      },
      controller.signal,
    )
    const outcome = promise.catch((error: unknown) => error)
    await tick()
    expect(started).toEqual([0, 1])
    const reason = new Error('user cancelled')
    controller.abort(reason)
    gates[0]?.resolve(0)
    gates[1]?.resolve(1)
    expect(await outcome).toBe(reason)
    for (let i = 2; i < 6; i++) gates[i]?.resolve(i)
    await tick()
    expect(started).toEqual([0, 1])
  })

  it('calls nothing when the signal is already aborted', async () => {
    let calls = 0
    const controller = new AbortController()
    controller.abort()
    await expect(mapLimit([1, 2, 3], 2, async () => ++calls, controller.signal)).rejects.toMatchObject({
      name: 'AbortError',
    })
    expect(calls).toBe(0)
  })
})
