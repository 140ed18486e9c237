import { useTranslation } from 'react-i18next'
import type { SearchRun } from '../../stores/search-store'
import { describeError } from '../../i18n/describe-error'
import { formatNumber } from '../../i18n/format'


/** Live progress while a search runs, then why and where it stopped. Announced politely. */
export function SearchStatus({ run }: { run: SearchRun }) {
  const { t, i18n } = useTranslation()
  const fmt = (n: number) => formatNumber(n, i18n.language)
  const counts = { visited: fmt(run.visited), matched: fmt(run.matched), count: run.matched, rate: fmt(run.rate) }
  let text: string
  if (run.status === 'running') text = t('search.running', counts)
  else if (run.status === 'failed') text = t('search.failed', { reason: describeError(t, run.error) })
  else if (run.status === 'cancelled') text = t('search.cancelled', counts)
  else {
    const ms = run.summary?.elapsedMs ?? 0
    const duration = ms < 1000 ? t('search.ms', { ms: fmt(ms) }) : t('search.seconds', { seconds: formatNumber(Math.round(ms / 100) / 10, i18n.language) })
    const stopped = run.summary?.stoppedBy
    if (stopped === 'max-nodes') text = t('search.stoppedNodes', { ...counts, limit: fmt(run.maxNodes), duration })
    else if (stopped === 'max-results') text = t('search.stoppedResults', { ...counts, limit: fmt(run.maxResults), duration })
    else if (stopped === 'cancelled') text = t('search.cancelled', counts)
    else text = t('search.finished', { ...counts, duration })
  }
  const unreadable = run.summary?.unreadable ?? 0
  return (
    <div className="search-status" data-status={run.status} role="status">
      {run.status === 'running' && <span className="spinner" aria-hidden="true" />}
      <span>
        {text}
        {unreadable > 0 && ` ${t('search.unreadable', { count: unreadable, shown: fmt(unreadable) })}`}
      </span>
      {run.status === 'running' && (
        <span className="search-rate" aria-hidden="true">
          {t('search.rate', { rate: fmt(run.rate) })}
        </span>
      )}
    </div>
  )
}
