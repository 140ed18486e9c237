import { useRef, useState, type PointerEvent } from 'react'
import { usePlotArea } from 'recharts'

interface ChartInteractionProps {
  from: number
  to: number
  /** The time under the pointer, or null when it left the plot. */
  onHover(at: number | null, x: number): void
  /** A drag across the plot selected [a, b]. */
  onSelect(a: number, b: number): void
}

/**
 * A transparent layer over the plot area (rendered inside the recharts SVG,
 * so it knows the plot's box): a vertical cursor on hover and a drag
 * selection that zooms. Its state is its own, so moving the pointer never
 * re-renders the lines.
 */
export function ChartInteraction({ from, to, onHover, onSelect }: ChartInteractionProps) {
  const plot = usePlotArea()
  const [cursor, setCursor] = useState<number | null>(null)
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null)
  const dragging = useRef(false)
  if (!plot || plot.width <= 0) return null
  const clampX = (x: number) => Math.max(plot.x, Math.min(plot.x + plot.width, x))
  const timeAt = (x: number) => from + ((clampX(x) - plot.x) / plot.width) * (to - from)
  const localX = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect()
    return e.clientX - (box?.left ?? 0)
  }
  return (
    <g className="chart-interaction">
      {cursor !== null && <line className="chart-cursor" x1={cursor} x2={cursor} y1={plot.y} y2={plot.y + plot.height} />}
      {drag && (
        <rect
          className="chart-selection"
          x={Math.min(drag.start, drag.end)}
          y={plot.y}
          width={Math.abs(drag.end - drag.start)}
          height={plot.height}
        />
      )}
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        style={{ cursor: 'crosshair', touchAction: 'none' }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId)
          dragging.current = true
          const x = clampX(localX(e))
          setDrag({ start: x, end: x })
        }}
        onPointerMove={(e) => {
          const x = clampX(localX(e))
          setCursor(x)
          onHover(timeAt(x), x)
          if (dragging.current) setDrag((d) => (d ? { ...d, end: x } : d))
        }}
        onPointerUp={(e) => {
          dragging.current = false
          const x = clampX(localX(e))
          if (drag && Math.abs(x - drag.start) > 4) onSelect(timeAt(drag.start), timeAt(x))
          setDrag(null)
        }}
        onPointerLeave={() => {
          if (dragging.current) return
          setCursor(null)
          onHover(null, 0)
        }}
      />
    </g>
  )
}
