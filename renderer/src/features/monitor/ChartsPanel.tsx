import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { latestTime, useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CHART_SPECS, chartData } from './chart-data'
import { MetricChart } from './MetricChart'
import { ensureCoverage } from './monitor-actions'
import { RangeToolbar } from './RangeToolbar'
import { gapFor, panBy, rangeMs, resolveWindow, zoomBy, zoomTo, type ViewWindow } from './time-window'
import { useElementWidth } from './use-element-width'

/** Developer switch for the benchmark's reference run: draw every point, no downsampling. */
const RAW_POINTS = typeof localStorage !== 'undefined' && localStorage.getItem('zk-console.monitor.rawPoints') === '1'
const GAP = 12
/** Plot width minus the y axis and margins, halved: each bucket draws a minimum and a maximum. */
const bucketsFor = (chartWidth: number) => Math.max(20, Math.floor((chartWidth - 60) / 2))

export interface ChartsPanelProps {
  entry: MonitorEntry
  memberIds: readonly string[]
  colors: Readonly<Record<string, string>>
  names: Readonly<Record<string, string>>
}

/** The time-range toolbar and every metric chart, sharing one window. */
export function ChartsPanel({ entry, memberIds, colors, names }: ChartsPanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const monitorId = entry.monitorId
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>()
  // Which range's history arrived (or failed); while it differs from the range shown, history is loading.
  const [loaded, setLoaded] = useState<{ range: string; error: string | null } | null>(null)
  const now = latestTime(entry)
  const { from, to } = resolveWindow(entry.view, now)
  const columns = gridWidth >= 900 ? 2 : 1
  const chartWidth = Math.max(0, Math.floor((gridWidth - (columns - 1) * GAP) / columns) - 2)
  const range = entry.view.range

  useEffect(() => {
    let live = true
    ensureCoverage(api, monitorId, rangeMs(range)).then(
      () => live && setLoaded({ range, error: null }),
      (caught: unknown) => live && setLoaded({ range, error: describeError(t, caught) }),
    )
    return () => {
      live = false
    }
  }, [api, monitorId, range, t])
  const loading = loaded?.range !== range
  const error = loading ? null : (loaded?.error ?? null)

  // Stable callbacks read the newest view from the store, so the memoized charts never redraw for them.
  const change = useCallback(
    (next: (view: ViewWindow, now: number) => ViewWindow) => {
      const current = useMonitorStore.getState().monitors[monitorId]
      if (current) useMonitorStore.getState().setView(monitorId, next(current.view, latestTime(current)))
    },
    [monitorId],
  )
  const onSelect = useCallback((a: number, b: number) => change((v, n) => zoomTo(v, a, b, n)), [change])
  const onPan = useCallback((fraction: number) => change((v, n) => panBy(v, fraction, n)), [change])
  const onZoom = useCallback((factor: number) => change((v, n) => zoomBy(v, factor, n)), [change])
  const onReset = useCallback(() => change((v) => ({ ...v, zoom: null })), [change])

  const rings = entry.rings
  const intervalMs = entry.settings.intervalMs
  const charts = useMemo(() => {
    if (chartWidth <= 0) return []
    const opts = { from, to, buckets: bucketsFor(chartWidth), intervalMs, gapMs: gapFor(intervalMs), raw: RAW_POINTS }
    return CHART_SPECS.map((spec) => ({ spec, data: chartData(spec, rings, memberIds, colors, opts) }))
  }, [rings, memberIds, colors, from, to, chartWidth, intervalMs])

  return (
    <section className="monitor-charts" aria-label={t('monitor.charts.title')}>
      <RangeToolbar
        entry={entry}
        from={from}
        to={to}
        loading={loading}
        onRange={(next) => change((v) => ({ range: next, zoom: v.range === next ? v.zoom : null }))}
        onPan={onPan}
        onZoom={onZoom}
        onReset={onReset}
      />
      <ul className="chart-legend" aria-label={t('monitor.charts.legend')}>
        {memberIds.map((id) => (
          <li key={id}>
            <span className="legend-swatch" style={{ borderColor: colors[id] }} />
            {names[id] ?? id}
          </li>
        ))}
      </ul>
      {error && <ErrorMessage>{t('monitor.charts.loadFailed', { reason: error })}</ErrorMessage>}
      <div className="charts-grid" ref={gridRef} style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {charts.map(({ spec, data }) => (
          <MetricChart
            key={spec.id}
            spec={spec}
            data={data}
            from={from}
            to={to}
            width={chartWidth}
            names={names}
            onSelect={onSelect}
            onPan={onPan}
            onZoom={onZoom}
            onReset={onReset}
          />
        ))}
      </div>
    </section>
  )
}
