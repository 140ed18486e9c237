import { startTransition, useEffect, useState } from 'react'

/** What one consumer was handed so far: the value it shows and how far it is mounted. */
export interface Staggered<T> {
  /** Null until the consumer got its first value (not drawn yet). */
  value: T | null
  /** Mount steps done, from 0 to `stages`: a consumer mounts its parts one step (one frame) at a time. */
  stage: number
}

/**
 * Hands a new value to `count` consumers one at a time, one per frame: the
 * charts of a dashboard then redraw in separate tasks, each well under the
 * 50 ms long-task budget, instead of all seven in one. A consumer that is
 * not mounted yet takes `stages` frames to mount (its value comes with the
 * first), so mounting a chart is split too: recharts does most of a chart's
 * work in the commit that mounts a part (its store settles synchronously).
 */
export function useStaggered<T>(target: T, count: number, stages = 1): Staggered<T>[] {
  const [items, setItems] = useState<Staggered<T>[]>(() => Array.from({ length: count }, () => ({ value: null, stage: 0 })))
  const next = items.findIndex((item) => item.value !== target || item.stage < stages)
  // The same consumer can be next for several steps (its mount stages): its item changes with each.
  const pending = items[next]
  useEffect(() => {
    if (!pending) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the next frame is painted, so the previous step's drawing is not in the same task.
    const frame = requestAnimationFrame(() => {
      // A transition: React may split the consumer's render into slices of a few milliseconds.
      timer = setTimeout(() => startTransition(() => setItems((current) => current.map((item, i) => (i === next ? advance(item, target, stages) : item)))), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [next, pending, target, stages])
  return items
}

/** One step for one consumer: its next mount stage (with the newest value), or the newest value once mounted. */
function advance<T>(item: Staggered<T>, target: T, stages: number): Staggered<T> {
  return { value: target, stage: Math.min(stages, item.stage + 1) }
}
