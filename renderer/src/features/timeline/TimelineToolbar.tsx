import { useTranslation } from 'react-i18next'
import { TIMELINE_KINDS, useTimelineStore, type TimelineEntry } from '../../stores/timeline-store'
import { formatNumber } from '../../i18n/format'
import { selectFilter, useTimelineViewStore } from './timeline-view-store'
import { download, exportName, toCsv, toJson } from './timeline-export'

interface TimelineToolbarProps {
  connectionId: string
  connectionName: string
  shown: readonly TimelineEntry[]
  total: number
  paused: boolean
  held: number
}

/** The list shows the newest first; a file reads best oldest first. */
const chronological = (entries: readonly TimelineEntry[]) => [...entries].reverse()

/** Filter by path and kind, pause (holding what arrives), clear, and export what is shown. */
export function TimelineToolbar({ connectionId, connectionName, shown, total, paused, held }: TimelineToolbarProps) {
  const { t, i18n } = useTranslation()
  const filter = useTimelineViewStore(selectFilter(connectionId))
  const setFilter = useTimelineViewStore((s) => s.setFilter)
  const { setPaused, clear } = useTimelineStore.getState()
  const locale = i18n.language

  const toggleKind = (kind: (typeof TIMELINE_KINDS)[number]) => {
    const kinds = filter.kinds.includes(kind) ? filter.kinds.filter((k) => k !== kind) : TIMELINE_KINDS.filter((k) => k === kind || filter.kinds.includes(k))
    setFilter(connectionId, { ...filter, kinds })
  }

  return (
    <div className="timeline-toolbar">
      <input
        className="input mono timeline-filter"
        type="search"
        aria-label={t('timeline.filterPath')}
        placeholder={t('timeline.filterPathPlaceholder')}
        value={filter.path}
        onChange={(event) => setFilter(connectionId, { ...filter, path: event.target.value })}
      />
      <div className="timeline-kinds" role="group" aria-label={t('timeline.filterTypes')}>
        {TIMELINE_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="timeline-kind-toggle"
            data-kind={kind}
            aria-pressed={filter.kinds.includes(kind)}
            onClick={() => toggleKind(kind)}
          >
            {t(`timeline.kinds.${kind}`)}
          </button>
        ))}
      </div>
      <span className="timeline-count" role="status">
        {t('timeline.count', { shown: formatNumber(shown.length, locale), total: formatNumber(total, locale) })}
      </span>
      <span className="panel-toolbar-spacer" />
      {paused && held > 0 && <span className="badge badge-warning">{t('timeline.held', { count: held })}</span>}
      <button type="button" className="btn btn-small" onClick={() => setPaused(connectionId, !paused)}>
        {paused ? t('timeline.resume') : t('timeline.pause')}
      </button>
      <button type="button" className="btn btn-small" disabled={total === 0 && held === 0} onClick={() => clear(connectionId)}>
        {t('timeline.clear')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={t('timeline.exportTitle')}
        disabled={shown.length === 0}
        onClick={() => download(toJson(chronological(shown)), exportName(connectionName, 'json'), 'application/json')}
      >
        {t('timeline.exportJson')}
      </button>
      <button
        type="button"
        className="btn btn-small"
        title={t('timeline.exportTitle')}
        disabled={shown.length === 0}
        onClick={() => download(toCsv(chronological(shown)), exportName(connectionName, 'csv'), 'text/csv')}
      >
        {t('timeline.exportCsv')}
      </button>
    </div>
  )
}
