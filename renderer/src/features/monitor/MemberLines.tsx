import { useId } from 'react'
import { Curve, usePlotArea, useXAxisScale, useYAxisScale } from 'recharts'
import type { ChartData } from './chart-data'

/**
 * The lines of a chart, drawn as recharts Curves on the chart's own scales.
 * One <Line> per member and field would each register with recharts' store
 * and recompute on every pan (about 100 ms per line here); the curves only
 * need the scales, so 7 charts × 10 lines redraw within one frame's budget.
 */
export function MemberLines({ data }: { data: ChartData }) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const plot = usePlotArea()
  const clip = useId().replace(/:/g, '')
  if (!x || !y || !plot) return null
  const xs = data.rows.map((row) => x(row.t) ?? null)
  return (
    <g className="member-lines">
      <defs>
        <clipPath id={clip}>
          <rect x={plot.x} y={plot.y - 2} width={plot.width} height={plot.height + 4} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        {data.lines.map((line) => (
          <Curve
            key={line.key}
            type="linear"
            connectNulls={false}
            points={data.rows.map((row, i) => {
              const v = row.v[line.index]
              return { x: xs[i] ?? null, y: v === null || v === undefined ? null : (y(v) ?? null) }
            })}
            fill="none"
            stroke={line.color}
            strokeWidth={line.dashed ? 1.2 : 1.6}
            strokeDasharray={line.dashed ? '4 3' : undefined}
            data-member={line.memberId}
          />
        ))}
      </g>
    </g>
  )
}
