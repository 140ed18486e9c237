import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { RequestDeadlines } from '../../../electron/backend/connections/request-deadlines'

describe('RequestDeadlines', () => {
  let clock = 0
  beforeEach(() => {
    clock = 0
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())
  const advance = (ms: number) => {
    clock += ms
    vi.advanceTimersByTime(ms)
  }

  it('times out only the requests left unanswered, each after the full timeout', () => {
    const deadlines = new RequestDeadlines(100, () => clock)
    const timedOut: string[] = []
    const a = deadlines.start(() => timedOut.push('a'))
    advance(40)
    const b = deadlines.start(() => timedOut.push('b'))
    deadlines.start(() => timedOut.push('c'))
    expect(deadlines.settle(a)).toBe(true)
    advance(99)
    // a was answered; b and c were sent at 40 ms and are due at 140 ms.
    expect(timedOut).toEqual([])
    advance(1)
    expect(timedOut).toEqual(['b', 'c'])
    expect(deadlines.settle(b)).toBe(false)
    expect(deadlines.pending).toBe(0)
  })

  it('an answer that arrives after the timeout is refused, one in time is accepted once', () => {
    const deadlines = new RequestDeadlines(50, () => clock)
    let fired = 0
    const late = deadlines.start(() => (fired += 1))
    advance(50)
    expect(fired).toBe(1)
    expect(deadlines.settle(late)).toBe(false)
    const onTime = deadlines.start(() => (fired += 1))
    expect(deadlines.settle(onTime)).toBe(true)
    expect(deadlines.settle(onTime)).toBe(false)
    advance(200)
    expect(fired).toBe(1)
  })

  it('answers to the others out of order still leave the unanswered one to time out, and keep no timer when idle', () => {
    const deadlines = new RequestDeadlines(100, () => clock)
    const timedOut: number[] = []
    const requests = Array.from({ length: 5 }, (_, i) => deadlines.start(() => timedOut.push(i)))
    for (const request of [4, 2, 3, 0].map((i) => requests[i])) if (request) deadlines.settle(request)
    expect(deadlines.pending).toBe(1)
    advance(100)
    expect(timedOut).toEqual([1])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('a request sent after the others expired gets a timer of its own', () => {
    const deadlines = new RequestDeadlines(100, () => clock)
    const timedOut: string[] = []
    deadlines.start(() => timedOut.push('first'))
    advance(100)
    deadlines.start(() => timedOut.push('second'))
    advance(99)
    expect(timedOut).toEqual(['first'])
    advance(1)
    expect(timedOut).toEqual(['first', 'second'])
  })
})
