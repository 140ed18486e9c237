/** A Clock whose time only moves when the test says so; timers fire in order. */
import type { Clock } from '../../../../shared/util/clock'

interface Timer {
  at: number
  seq: number
  fn: () => void
}

export class FakeClock implements Clock {
  private t: number
  private seq = 0
  private readonly timers = new Map<number, Timer>()

  constructor(start = 1_800_000_000_000) {
    this.t = start
  }

  now(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): unknown {
    this.seq += 1
    this.timers.set(this.seq, { at: this.t + Math.max(0, ms), seq: this.seq, fn })
    return this.seq
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number)
  }

  get pendingTimers(): number {
    return this.timers.size
  }

  /** Lets promise chains (and real file I/O) run. */
  async settle(): Promise<void> {
    for (let i = 0; i < 25; i += 1) await new Promise<void>((resolve) => setImmediate(resolve))
  }

  /** Moves time forward, firing every timer that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.t + ms
    for (;;) {
      await this.settle()
      let next: Timer | null = null
      for (const timer of this.timers.values()) {
        if (timer.at <= target && (!next || timer.at < next.at || (timer.at === next.at && timer.seq < next.seq))) next = timer
      }
      if (!next) break
      this.timers.delete(next.seq)
      this.t = Math.max(this.t, next.at)
      next.fn()
    }
    this.t = target
    await this.settle()
  }
}
