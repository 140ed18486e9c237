import { memo, useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LineChart, XAxis, YAxis, getNiceTickValues } from 'recharts'
import { chartData, type ChartSpec } from './chart-data'
import type { MemberRing } from './member-ring'
import { nearestRow } from './downsample'
import { ChartInteraction } from './ChartInteraction'
import { MemberLines } from './MemberLines'
import { plainTick } from './PlainTick'
import { formatAt, formatCompact, formatTick, formatValue } from './monitor-format'
import { gapFor, timeTicks } from './time-window'

export interface MetricChartProps {
  spec: ChartSpec
  /** Mutated in place: `epoch` and the window say when the drawing changes (see `sameDrawing`). */
  rings: Readonly<Record<string, MemberRing>>
  epoch: number
  memberIds: readonly string[]
  colors: Readonly<Record<string, string>>
  intervalMs: number
  /** Every point, no downsampling (the benchmark's reference). */
  raw: boolean
  from: number
  to: number
  /** How far the chart is mounted (see CHART_MOUNT_STAGES): each part mounts in a frame of its own. */
  stage: number
  width: number
  names: Readonly<Record<string, string>>
  onSelect(a: number, b: number): void
  onPan(fraction: number): void
  onZoom(factor: number): void
  onReset(): void
}

/**
 * A new point at the end of a ring changes the rings' record but not what a
 * chart of a fixed window shows; the live window moves in bucket steps
 * (steppedWindow), so comparing the window and the epoch is enough.
 */
function sameDrawing(a: MetricChartProps, b: MetricChartProps): boolean {
  return (Object.keys(a) as Array<keyof MetricChartProps>).every((key) => key === 'rings' || a[key] === b[key])
}

/**
 * Mounting a chart in one task took 35 to 80 ms of CPU (the first chart
 * most: recharts' code runs for the first time): every part recharts knows
 * of registers in its store while committing, and the store settles in
 * synchronous re-renders. The empty chart, its y axis, its x axis and its
 * lines therefore mount one frame after the other.
 */
export const CHART_MOUNT_STAGES = 4

const HEIGHT = 176
const MARGIN = { top: 8, right: 28, bottom: 0, left: 0 }

/**
 * One metric over time: a line per member (and a dashed one per member for
 * a second field), hover read-out, drag to zoom, arrow keys to pan.
 */
export const MetricChart = memo(function MetricChart(props: MetricChartProps) {
  const { spec, rings, memberIds, colors, intervalMs, raw, from, to, stage, width, names, onSelect } = props
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [hover, setHover] = useState<{ at: number; x: number } | null>(null)
  const title = t(`monitor.charts.${spec.id}`)
  const span = to - from
  const data = useMemo(
    // Each bucket keeps a minimum and a maximum, so half the plot width (minus the y axis) in buckets.
    () => chartData(spec, rings, memberIds, colors, { from, to, buckets: Math.max(20, Math.floor((width - 80) / 2)), intervalMs, gapMs: gapFor(intervalMs), raw }),
    [spec, rings, memberIds, colors, from, to, width, intervalMs, raw],
  )
  // The lines are not recharts <Line>s, so the y axis gets its ticks and domain from here (nice round ticks).
  const yTicks = useMemo(() => getNiceTickValues([0, data.max > 0 ? data.max : 1], 5, spec.unit !== 'count'), [data.max, spec.unit])
  const yMax = Math.max(data.max, yTicks[yTicks.length - 1] ?? 1)

  // The chart is rebuilt only when its data or window changes, never on hover.
  const chart = useMemo(
    () => (
      <LineChart width={width} height={HEIGHT} margin={MARGIN} accessibilityLayer={false}>
        {stage >= 3 && (
        <XAxis
          dataKey="t"
          type="number"
          domain={[from, to]}
          allowDataOverflow
          ticks={timeTicks(from, to, Math.max(2, Math.floor(width / 110)))}
          tick={plainTick((v) => formatTick(v, locale, span), 11)}
          height={22}
          interval={0}
        />
        )}
        {stage >= 2 && (
        <YAxis
          width={46}
          interval={0}
          tick={plainTick((v) => formatCompact(v, locale), 11)}
          type="number"
          domain={[0, yMax]}
          ticks={yTicks}
          allowDataOverflow
          allowDecimals={spec.unit !== 'count'}
        />
        )}
        {stage >= 4 && <MemberLines data={data} from={from} to={to} yMax={yMax} yTicks={yTicks} />}
        {stage >= 4 && <ChartInteraction from={from} to={to} onSelect={onSelect} onHover={(at, x) => setHover(at === null ? null : { at, x })} />}
      </LineChart>
    ),
    [width, from, to, span, data, locale, onSelect, spec.unit, yMax, yTicks, stage],
  )

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowLeft') props.onPan(-0.25)
    else if (e.key === 'ArrowRight') props.onPan(0.25)
    else if (e.key === '+' || e.key === '=') props.onZoom(0.5)
    else if (e.key === '-') props.onZoom(2)
    else if (e.key === 'Escape' || e.key === '0') props.onReset()
    else return
    e.preventDefault()
  }
  const row = hover ? nearestRow(data.rows, hover.at) : null

  return (
    <figure className="metric-chart" tabIndex={0} aria-label={t('monitor.charts.label', { title })} onKeyDown={onKeyDown} data-chart={spec.id}>
      <figcaption>
        <span className="metric-chart-title">{title}</span>
        <span className="metric-chart-hint">{t(`monitor.charts.hint.${spec.id}`)}</span>
      </figcaption>
      <div className="metric-chart-plot">
        {chart}
        {!data.hasData && <p className="chart-empty">{t('monitor.charts.noData')}</p>}
        {hover && (
          <div className={hover.x > width / 2 ? 'chart-tooltip left' : 'chart-tooltip'} style={{ left: hover.x }} role="presentation">
            <div className="chart-tooltip-time">{formatAt(hover.at, locale, span > 12 * 3_600_000)}</div>
            {data.lines.map((line) => (
              <div key={line.key} className="chart-tooltip-row">
                <span className={line.dashed ? 'legend-swatch dashed' : 'legend-swatch'} style={{ borderColor: line.color }} />
                <span>{names[line.memberId] ?? line.memberId}</span>
                {spec.fields.length > 1 && <span className="muted">{t(`monitor.charts.field.${line.field}`)}</span>}
                <span className="chart-tooltip-value">{formatValue(row?.v[line.index], locale)}</span>
              </div>
            ))}
          </div>
        )}
      </div>
    </figure>
  )
}, sameDrawing)
