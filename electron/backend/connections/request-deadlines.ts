/**
 * Timeouts for the requests in flight on one session. Every request gets the
 * same timeout, so deadlines expire in the order the requests were sent: one
 * timer watching the oldest replaces a timer per request, which a walk with
 * hundreds in flight and thousands per second would otherwise create and
 * clear for every node.
 */

/** One request's place in the queue: settle it when its answer arrives. */
export interface Deadline {
  readonly at: number
  settled: boolean
  onTimeout(): void
}

export class RequestDeadlines {
  private readonly queue: (Deadline | undefined)[] = []
  private head = 0
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly timeoutMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts the clock for a request; onTimeout runs unless it is settled in time. */
  start(onTimeout: () => void): Deadline {
    const deadline: Deadline = { at: this.now() + this.timeoutMs, settled: false, onTimeout }
    this.queue.push(deadline)
    if (this.timer === undefined) this.arm(this.timeoutMs)
    return deadline
  }

  /** Marks the answer as arrived. False when it came too late: the request already timed out. */
  settle(deadline: Deadline): boolean {
    if (deadline.settled) return false
    deadline.settled = true
    // Answers come back in the order the requests went out, so the oldest is usually this one.
    this.dropSettled()
    return true
  }

  /** Requests still waiting for an answer (for tests and diagnostics). */
  get pending(): number {
    let count = 0
    for (let i = this.head; i < this.queue.length; i++) if (this.queue[i]?.settled === false) count += 1
    return count
  }

  private dropSettled(): void {
    while (this.head < this.queue.length && this.queue[this.head]?.settled !== false) {
      this.queue[this.head] = undefined
      this.head += 1
    }
    if (this.head === this.queue.length) {
      this.queue.length = 0
      this.head = 0
      clearTimeout(this.timer)
      this.timer = undefined
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head)
      this.head = 0
    }
  }

  private arm(delayMs: number): void {
    this.timer = setTimeout(() => this.expire(), Math.max(0, delayMs))
  }

  private expire(): void {
    this.timer = undefined
    const now = this.now()
    for (let next = this.queue[this.head]; next && (next.settled || next.at <= now); next = this.queue[this.head]) {
      this.queue[this.head] = undefined
      this.head += 1
      if (!next.settled) {
        next.settled = true
        next.onTimeout()
      }
    }
    this.dropSettled()
    const oldest = this.queue[this.head]
    if (oldest && this.timer === undefined) this.arm(oldest.at - now)
  }
}
