import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import type { MonitorEntry } from '../../stores/monitor-store'
import { downloadHistory } from './monitor-actions'
import { formatAt } from './monitor-format'
import { RANGES, rangeMs, type RangeId } from './time-window'

interface RangeToolbarProps {
  entry: MonitorEntry
  from: number
  to: number
  loading: boolean
  onRange(range: RangeId): void
  onPan(fraction: number): void
  onZoom(factor: number): void
  onReset(): void
}

/** Range (5 min, 1 h, 24 h), zoom and pan, live or zoomed state, and the history export. */
export function RangeToolbar({ entry, from, to, loading, onRange, onPan, onZoom, onReset }: RangeToolbarProps) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [exported, setExported] = useState<string | null>(null)
  const zoomed = entry.view.zoom !== null
  const long = to - from > 12 * 3_600_000

  const exportAs = (format: 'csv' | 'json') => {
    setExported(null)
    downloadHistory(api, entry.monitorId, format, rangeMs(entry.view.range)).then(
      (filename) => setExported(t('monitor.charts.exported', { filename })),
      (error: unknown) => setExported(t('monitor.charts.exportFailed', { reason: describeError(t, error) })),
    )
  }

  return (
    <div className="charts-toolbar">
      <div className="segmented" role="radiogroup" aria-label={t('monitor.charts.range')}>
        {RANGES.map((r) => (
          <button
            key={r.id}
            type="button"
            data-range={r.id}
            role="radio"
            aria-checked={entry.view.range === r.id}
            className="segmented-item"
            onClick={() => onRange(r.id)}
          >
            {t(`monitor.charts.ranges.${r.id}`)}
          </button>
        ))}
      </div>
      {loading && <span className="spinner" aria-label={t('monitor.charts.loading')} data-loading="history" />}
      {zoomed ? (
        <span className="chip chip-zoom">{t('monitor.charts.zoomed', { from: formatAt(from, i18n.language, long), to: formatAt(to, i18n.language, long) })}</span>
      ) : (
        <span className="chip chip-live">{t('monitor.charts.live')}</span>
      )}
      <div className="btn-group" role="group" aria-label={t('monitor.charts.navigate')}>
        <button type="button" className="btn btn-small" data-nav="earlier" onClick={() => onPan(-0.5)}>
          ◀ {t('monitor.charts.earlier')}
        </button>
        <button type="button" className="btn btn-small" data-nav="later" disabled={!zoomed} onClick={() => onPan(0.5)}>
          {t('monitor.charts.later')} ▶
        </button>
        <button type="button" className="btn btn-small" data-nav="zoom-in" onClick={() => onZoom(0.5)}>
          {t('monitor.charts.zoomIn')}
        </button>
        <button type="button" className="btn btn-small" data-nav="zoom-out" disabled={!zoomed} onClick={() => onZoom(2)}>
          {t('monitor.charts.zoomOut')}
        </button>
        <button type="button" className="btn btn-small" data-nav="reset" disabled={!zoomed} onClick={onReset}>
          {t('monitor.charts.resetZoom')}
        </button>
      </div>
      <span className="card-actions-spacer" />
      <span className="muted charts-drag-hint">{t('monitor.charts.dragHint')}</span>
      <div className="btn-group" role="group" aria-label={t('monitor.charts.export')}>
        <button type="button" className="btn btn-small" onClick={() => exportAs('csv')}>
          {t('monitor.charts.exportCsv')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => exportAs('json')}>
          {t('monitor.charts.exportJson')}
        </button>
      </div>
      {exported && (
        <span className="muted charts-exported" role="status">
          {exported}
        </span>
      )}
    </div>
  )
}
