/** The details column of a timeline entry, in words. */
import type { TFunction } from 'i18next'
import type { TimelineEntry } from '../../stores/timeline-store'
import { formatBytes } from '../../i18n/format'

const MAX_NAMES = 5

function names(t: TFunction, list: readonly string[], locale: string): string {
  if (list.length <= MAX_NAMES) return list.join(', ')
  return t('timeline.moreNames', { names: list.slice(0, MAX_NAMES).join(', '), count: list.length - MAX_NAMES, lng: locale })
}

export function describeEntry(t: TFunction, entry: TimelineEntry, locale: string): string {
  const parts: string[] = []
  switch (entry.kind) {
    case 'data':
      if (entry.toVersion !== undefined) {
        parts.push(
          entry.fromVersion !== undefined && entry.fromVersion !== entry.toVersion
            ? t('timeline.dataVersions', { from: entry.fromVersion, to: entry.toVersion })
            : t('timeline.dataVersion', { to: entry.toVersion }),
        )
      }
      if (entry.size !== undefined) parts.push(formatBytes(entry.size, locale))
      break
    case 'children': {
      if (entry.added?.length) parts.push(t('timeline.added', { names: names(t, entry.added, locale) }))
      if (entry.removed?.length) parts.push(t('timeline.removed', { names: names(t, entry.removed, locale) }))
      if (entry.added && entry.removed && entry.added.length + entry.removed.length === 0) parts.push(t('timeline.noNetChange'))
      if (entry.changes !== undefined) parts.push(t('timeline.changes', { count: entry.changes }))
      if (entry.count !== undefined) parts.push(t('timeline.childCount', { count: entry.count }))
      break
    }
    case 'session':
      if (entry.state) parts.push(t(`session.${entry.state}`))
      if (entry.server) parts.push(t('timeline.server', { server: entry.server }))
      if (entry.sessionId) parts.push(t('timeline.session', { id: entry.sessionId }))
      if (entry.expiresAt !== undefined) parts.push(t('timeline.expiresAt', { time: formatEventTime(entry.expiresAt, locale).slice(0, -4) }))
      if (entry.message) parts.push(entry.message)
      if (entry.lost?.length) parts.push(t('timeline.lost', { paths: names(t, entry.lost, locale) }))
      break
    default:
      break
  }
  if (entry.resync) parts.push(t('timeline.resync'))
  return parts.join(' · ')
}

const clocks = new Map<string, Intl.DateTimeFormat>()

/** Local time with milliseconds: changes a few ms apart must stay apart. */
export function formatEventTime(at: number, locale: string): string {
  let clock = clocks.get(locale)
  if (!clock) {
    clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    clocks.set(locale, clock)
  }
  return `${clock.format(at)}.${String(at % 1000).padStart(3, '0')}`
}
