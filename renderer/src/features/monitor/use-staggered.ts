import { startTransition, useEffect, useState } from 'react'

/**
 * Hands a new value to `count` consumers one at a time, one per frame: the
 * charts of a dashboard then redraw (or mount) in separate tasks, each well
 * under the 50 ms long-task budget, instead of all seven in one. Before a
 * consumer got its first value it reads null (not drawn yet).
 */
export function useStaggered<T>(target: T, count: number): (T | null)[] {
  const [values, setValues] = useState<(T | null)[]>(() => new Array<T | null>(count).fill(null))
  const next = values.findIndex((v) => v !== target)
  useEffect(() => {
    if (next < 0) return
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the next frame is painted, so the previous consumer's drawing is not in the same task.
    const frame = requestAnimationFrame(() => {
      // A transition: React may split the consumer's render into slices of a few milliseconds.
      timer = setTimeout(() => startTransition(() => setValues((current) => current.map((v, i) => (i === next ? target : v)))), 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [next, target])
  return values
}
