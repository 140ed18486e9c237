import { useId, useMemo } from 'react'
import { Curve, usePlotArea } from 'recharts'
import type { ChartData } from './chart-data'

interface MemberLinesProps {
  data: ChartData
  /** The x and y domains the chart's axes show. */
  from: number
  to: number
  yMax: number
  /** Where the y axis has ticks: the horizontal grid lines. */
  yTicks: readonly number[]
}

/**
 * The lines of a chart, drawn as recharts Curves in the chart's plot area.
 * One <Line> per member and field would each register with recharts' store
 * and recompute on every pan (about 100 ms per line here). The coordinates
 * come from the domains the axes were given, not from recharts' scale
 * hooks: those change several times while recharts settles a new domain,
 * and each change would redraw every curve.
 */
export function MemberLines({ data, from, to, yMax, yTicks }: MemberLinesProps) {
  const plot = usePlotArea()
  const clip = useId().replace(/:/g, '')
  const curves = useMemo(() => {
    if (!plot || plot.width <= 0) return null
    const sx = plot.width / Math.max(1, to - from)
    const sy = plot.height / Math.max(Number.MIN_VALUE, yMax)
    const bottom = plot.y + plot.height
    const xs = data.rows.map((row) => plot.x + (row.t - from) * sx)
    // The grid is drawn here too: a recharts CartesianGrid costs a set of store selectors per chart.
    const grid = yTicks.map((tick) => (
      <line key={`g${tick}`} className="chart-grid" x1={plot.x} x2={plot.x + plot.width} y1={bottom - tick * sy} y2={bottom - tick * sy} />
    ))
    return [...grid, ...data.lines.map((line) => (
      <Curve
        key={line.key}
        type="linear"
        connectNulls={false}
        points={data.rows.map((row, i) => {
          const v = row.v[line.index]
          return { x: xs[i] ?? null, y: v === null || v === undefined ? null : bottom - v * sy }
        })}
        fill="none"
        stroke={line.color}
        strokeWidth={line.dashed ? 1.2 : 1.6}
        strokeDasharray={line.dashed ? '4 3' : undefined}
      />
    ))]
  }, [data, from, to, yMax, yTicks, plot])
  if (!plot || !curves) return null
  return (
    <g className="member-lines">
      <defs>
        <clipPath id={clip}>
          <rect x={plot.x} y={plot.y - 2} width={plot.width} height={plot.height + 4} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>{curves}</g>
    </g>
  )
}
