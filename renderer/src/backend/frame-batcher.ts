/**
 * Collects items and hands them over once per animation frame, so a burst of
 * backend events becomes one store update and one render. Background tabs get
 * no animation frames, so a timer flushes there as well.
 */
export interface FrameBatcher<T> {
  push(item: T): void
  /** Delivers what is queued now, for example before the page goes away. */
  flush(): void
  dispose(): void
}

const FALLBACK_MS = 250

export function createFrameBatcher<T>(deliver: (items: T[]) => void): FrameBatcher<T> {
  let queue: T[] = []
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let disposed = false

  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
  }

  const flush = () => {
    cancel()
    if (queue.length === 0) return
    const items = queue
    queue = []
    deliver(items)
  }

  return {
    push(item) {
      if (disposed) return
      queue.push(item)
      if (frame === null) frame = requestAnimationFrame(flush)
      if (timer === null) timer = setTimeout(flush, FALLBACK_MS)
    },
    flush,
    dispose() {
      disposed = true
      cancel()
      queue = []
    },
  }
}
