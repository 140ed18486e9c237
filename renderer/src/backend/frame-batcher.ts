/**
 * Collects items and hands them over once per animation frame, so a burst of
 * backend events becomes one store update and one render. Background tabs get
 * no animation frames, so a timer flushes there as well.
 *
 * With `quietMs`, the first item after a quiet spell of that long is handed
 * over at once (in a microtask) instead of waiting up to a frame: a lone
 * change reaches the screen sooner, while a burst still becomes one update
 * per frame. Live watch events use this.
 */
export interface FrameBatcher<T> {
  push(item: T): void
  /** Delivers what is queued now, for example before the page goes away. */
  flush(): void
  dispose(): void
}

export interface FrameBatcherOptions {
  quietMs?: number
}

const FALLBACK_MS = 250

export function createFrameBatcher<T>(deliver: (items: T[]) => void, options: FrameBatcherOptions = {}): FrameBatcher<T> {
  let queue: T[] = []
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let microtask = false
  let lastFlush = -Infinity
  let disposed = false

  const cancel = () => {
    if (frame !== null) cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
  }

  const flush = () => {
    cancel()
    microtask = false
    if (queue.length === 0) return
    const items = queue
    queue = []
    lastFlush = performance.now()
    deliver(items)
  }

  const afterQuiet = () => options.quietMs !== undefined && performance.now() - lastFlush > options.quietMs

  return {
    push(item) {
      if (disposed) return
      queue.push(item)
      if (microtask || frame !== null) return
      if (afterQuiet()) {
        microtask = true
        queueMicrotask(flush)
        return
      }
      frame = requestAnimationFrame(flush)
      timer = setTimeout(flush, FALLBACK_MS)
    },
    flush,
    dispose() {
      disposed = true
      cancel()
      queue = []
    },
  }
}
