import { useCallback, useState } from 'react'

/** The content width of an element, kept current with a ResizeObserver; 0 until it is measured. */
export function useElementWidth<T extends HTMLElement>(): [(node: T | null) => void, number] {
  const [width, setWidth] = useState(0)
  const ref = useCallback((node: T | null) => {
    if (!node) return
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect
      // Whole pixels: sub-pixel jitter must not redraw every chart.
      if (box) setWidth(Math.floor(box.width))
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}
