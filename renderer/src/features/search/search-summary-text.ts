/**
 * The sentence that sums up a search run: live counts while it runs, then why
 * and where it stopped (done, a limit, the depth limit, cancelled, failed).
 */
import type { TFunction } from 'i18next'
import type { SearchRun } from '../../stores/search-store'
import { describeError } from '../../i18n/describe-error'
import { formatNumber } from '../../i18n/format'

export interface SummaryText {
  text: string
  /** A second sentence: what the depth limit left out, nodes that could not be read. */
  notes: string[]
  /** The run completed but the depth limit kept nodes out: deeper levels can be searched. */
  depthLimited: boolean
}

export function searchSummaryText(t: TFunction, run: SearchRun, locale: string): SummaryText {
  const fmt = (n: number) => formatNumber(n, locale)
  const counts = { visited: fmt(run.visited), matched: fmt(run.matched), count: run.matched, rate: fmt(run.rate) }
  const notes: string[] = []
  const summary = run.summary
  const ms = summary?.elapsedMs ?? 0
  const duration = ms < 1000 ? t('search.ms', { ms: fmt(ms) }) : t('search.seconds', { seconds: formatNumber(Math.round(ms / 100) / 10, locale) })
  const below = summary?.belowMaxDepth ?? 0
  const depthLimited = run.status === 'done' && summary?.stoppedBy === undefined && below > 0

  let text: string
  if (run.status === 'running') text = t('search.running', counts)
  else if (run.status === 'failed') text = t('search.failed', { reason: describeError(t, run.error) })
  else if (run.status === 'cancelled' || summary?.stoppedBy === 'cancelled') text = t('search.cancelled', { ...counts, duration })
  else if (summary?.stoppedBy === 'max-nodes') text = t('search.stoppedNodes', { ...counts, limit: fmt(run.maxNodes), duration })
  else if (summary?.stoppedBy === 'max-results') text = t('search.stoppedResults', { ...counts, limit: fmt(run.maxResults), duration })
  else if (depthLimited) {
    text = t('search.stoppedDepth', { ...counts, depth: fmt(run.maxDepth), duration })
    notes.push(t('search.belowDepth', { count: below, shown: fmt(below) }))
  } else text = t('search.finished', { ...counts, duration })

  const unreadable = summary?.unreadable ?? 0
  if (unreadable > 0) notes.push(t('search.unreadable', { count: unreadable, shown: fmt(unreadable) }))
  return { text, notes, depthLimited }
}
