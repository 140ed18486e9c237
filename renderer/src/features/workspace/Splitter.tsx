import { useRef, type KeyboardEvent, type PointerEvent } from 'react'

interface SplitterProps {
  label: string
  value: number
  min: number
  max: number
  onChange(value: number): void
}

/**
 * A vertical separator that resizes the panel before it, by pointer drag or
 * by arrow keys (WAI-ARIA window splitter).
 */
export function Splitter({ label, value, min, max, onChange }: SplitterProps) {
  const start = useRef<{ x: number; value: number } | null>(null)
  const clamp = (v: number) => Math.min(max, Math.max(min, v))

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId)
    start.current = { x: event.clientX, value }
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!start.current) return
    onChange(clamp(start.current.value + event.clientX - start.current.x))
  }
  const onPointerUp = () => {
    start.current = null
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 64 : 16
    if (event.key === 'ArrowLeft') onChange(clamp(value - step))
    else if (event.key === 'ArrowRight') onChange(clamp(value + step))
    else if (event.key === 'Home') onChange(min)
    else if (event.key === 'End') onChange(max)
    else return
    event.preventDefault()
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(value)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  )
}
