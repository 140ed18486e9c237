/**
 * Gathers live events like the frame batcher, but hands the first event after
 * a quiet spell over at once (in a microtask) instead of waiting up to a frame
 * for the next animation frame: a single change reaches the screen sooner,
 * while a burst still becomes one store update per frame.
 */
import type { FrameBatcher } from '../../backend/frame-batcher'

/** About one frame: events closer together than this are a burst. */
const QUIET_MS = 16
const FALLBACK_MS = 250

export function createLiveBatcher<T>(deliver: (items: T[]) => void): FrameBatcher<T> {
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

  return {
    push(item) {
      if (disposed) return
      queue.push(item)
      if (microtask || frame !== null) return
      if (performance.now() - lastFlush > QUIET_MS) {
        microtask = true
        queueMicrotask(flush)
        return
      }
      frame = requestAnimationFrame(flush)
      // Background tabs get no animation frames.
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
