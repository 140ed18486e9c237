import { useTranslation } from 'react-i18next'
import type { SearchRun } from '../../stores/search-store'
import { formatNumber } from '../../i18n/format'
import { LIMITS } from './search-params'
import { searchSummaryText } from './search-summary-text'

interface SearchStatusProps {
  run: SearchRun
  /** Searches again with the deepest depth limit; offered when the limit kept nodes out. */
  onSearchDeeper?(depth: number): void
}

/** Live progress while a search runs, then why and where it stopped. Announced politely. */
export function SearchStatus({ run, onSearchDeeper }: SearchStatusProps) {
  const { t, i18n } = useTranslation()
  const { text, notes, depthLimited } = searchSummaryText(t, run, i18n.language)
  const deepest = LIMITS.maxDepth.max
  const canGoDeeper = depthLimited && onSearchDeeper !== undefined && run.maxDepth < deepest
  return (
    <div className="search-status" data-status={run.status} role="status">
      {run.status === 'running' && <span className="spinner" aria-hidden="true" />}
      <span>
        {text}
        {notes.map((note) => ` ${note}`).join('')}
      </span>
      {run.status === 'running' && (
        <span className="search-rate" aria-hidden="true">
          {t('search.rate', { rate: formatNumber(run.rate, i18n.language) })}
        </span>
      )}
      {canGoDeeper && (
        <button
          type="button"
          className="btn btn-small search-deeper"
          title={t('search.searchDeeperHint', { depth: formatNumber(deepest, i18n.language) })}
          onClick={() => onSearchDeeper(deepest)}
        >
          {t('search.searchDeeper')}
        </button>
      )}
    </div>
  )
}
