import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFrameBatcher } from '../backend/frame-batcher'

// Animation frames are driven by hand; timers and the clock are vitest's fakes.
let frames: Array<() => void> = []
beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback))
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames[id - 1] = () => undefined
  })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})
const runFrames = () => frames.splice(0).forEach((callback) => callback())

describe('frame batcher', () => {
  it('hands a burst over as one batch on the next frame', () => {
    const batches: number[][] = []
    const batcher = createFrameBatcher<number>((items) => batches.push(items))
    for (let i = 0; i < 5; i++) batcher.push(i)
    expect(batches).toEqual([])
    runFrames()
    expect(batches).toEqual([[0, 1, 2, 3, 4]])
  })

  it('flushes on a timer when no frame comes (a background tab)', () => {
    const batches: number[][] = []
    createFrameBatcher<number>((items) => batches.push(items)).push(1)
    vi.advanceTimersByTime(250)
    expect(batches).toEqual([[1]])
  })

  it('with quietMs, hands the first item after a quiet spell over in a microtask, and a burst after it per frame', async () => {
    const batches: number[][] = []
    const batcher = createFrameBatcher<number>((items) => batches.push(items), { quietMs: 16 })
    batcher.push(1)
    await Promise.resolve()
    expect(batches).toEqual([[1]])
    batcher.push(2)
    batcher.push(3)
    await Promise.resolve()
    expect(batches).toEqual([[1]])
    runFrames()
    expect(batches).toEqual([[1], [2, 3]])
    vi.advanceTimersByTime(17)
    batcher.push(4)
    await Promise.resolve()
    expect(batches).toEqual([[1], [2, 3], [4]])
  })

  it('delivers nothing after dispose', () => {
    const batches: number[][] = []
    const batcher = createFrameBatcher<number>((items) => batches.push(items))
    batcher.push(1)
    batcher.dispose()
    batcher.push(2)
    runFrames()
    vi.advanceTimersByTime(1_000)
    expect(batches).toEqual([])
  })
})
