import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { latestTime, useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CHART_SPECS } from './chart-data'
import { CHART_MOUNT_STAGES, MetricChart } from './MetricChart'
import { ensureCoverage } from './history-loader'
import { RangeToolbar } from './RangeToolbar'
import { panBy, rangeMs, zoomBy, zoomTo, type ViewWindow } from './time-window'
import { useElementWidth } from './use-element-width'
import { useStaggered } from './use-staggered'

/** Developer switch for the benchmark's reference run: draw every point, no downsampling. */
const RAW_POINTS = typeof localStorage !== 'undefined' && localStorage.getItem('zk-console.monitor.rawPoints') === '1'
const GAP = 12

export interface ChartsPanelProps {
  entry: MonitorEntry
  /** The window every chart shows. */
  from: number
  to: number
  memberIds: readonly string[]
  colors: Readonly<Record<string, string>>
  names: Readonly<Record<string, string>>
}

/** The time-range toolbar and every metric chart, sharing one window. */
export function ChartsPanel({ entry, from, to, memberIds, colors, names }: ChartsPanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const monitorId = entry.monitorId
  const [gridRef, gridWidth] = useElementWidth<HTMLDivElement>()
  // Which range's history arrived (or failed); while it differs from the range shown, history is loading.
  const [loaded, setLoaded] = useState<{ range: string; error: string | null } | null>(null)
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

  // The toolbar answers at once; the charts follow one per frame, each in a task of its own (a chart mounts over a few frames).
  const epoch = entry.ringsEpoch
  const target = useMemo(() => ({ from, to, epoch }), [from, to, epoch])
  const drawn = useStaggered(target, CHART_SPECS.length, CHART_MOUNT_STAGES)

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
        {chartWidth > 0 &&
          CHART_SPECS.map((spec, index) => {
            const at = drawn[index]?.value
            return !at ? (
              <div key={spec.id} className="metric-chart metric-chart-pending" />
            ) : (
              <MetricChart
                key={spec.id}
                spec={spec}
                rings={entry.rings}
                epoch={at.epoch}
                memberIds={memberIds}
                colors={colors}
                intervalMs={entry.settings.intervalMs}
                raw={RAW_POINTS}
                from={at.from}
                to={at.to}
                stage={drawn[index]?.stage ?? 0}
                width={chartWidth}
                names={names}
                onSelect={onSelect}
                onPan={onPan}
                onZoom={onZoom}
                onReset={onReset}
              />
            )
          })}
      </div>
    </section>
  )
}
