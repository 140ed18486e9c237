import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { LeaderTerm, TimelineEvent } from '../../../../shared/protocol/monitor-api'
import { ringLowerBound, ringRole, ringStatus, type MemberRing } from './member-ring'
import { formatAt, formatDuration } from './monitor-format'

const SHOWN = 12

/** An event in the user's language, from its kind and member (the backend's message is English). */
interface EventContext {
  terms: readonly LeaderTerm[]
  rings: Readonly<Record<string, MemberRing>>
  names: Readonly<Record<string, string>>
}

function eventText(t: TFunction, e: TimelineEvent, { terms, rings, names }: EventContext): string {
  const member = e.memberId === null ? '' : (names[e.memberId] ?? e.memberId)
  switch (e.kind) {
    case 'leader-change': {
      const term = terms.find((x) => x.from === e.at && x.memberId === e.memberId)
      return term?.electionMs
        ? t('monitor.timeline.text.leaderAfter', { member, duration: formatDuration(t, term.electionMs) })
        : t('monitor.timeline.text.leader', { member })
    }
    case 'election':
      return t('monitor.timeline.text.election', { member })
    case 'counter-reset':
      return t('monitor.timeline.text.reset', { member })
    case 'member-status': {
      const ring = e.memberId === null ? undefined : rings[e.memberId]
      const index = ring ? ringLowerBound(ring, e.at) : -1
      if (!ring || index >= ring.size) return t('monitor.timeline.text.status', { member })
      const status = ringStatus(ring, index)
      const state = status === 'serving' ? t('monitor.statusLine.serving', { role: t(`monitor.role.${ringRole(ring, index) ?? 'unknown'}`) }) : t(`monitor.status.${status}`)
      return t('monitor.timeline.text.statusIs', { member, state })
    }
    case 'membership':
      return t('monitor.timeline.text.membership')
  }
}

/** The newest events of the window: leader changes, elections, counter resets, status changes. */
export function TimelineEvents(props: EventContext & { events: readonly TimelineEvent[]; from: number; to: number }) {
  const { events, from, to } = props
  const { t, i18n } = useTranslation()
  const shown = events.filter((e) => e.at >= from && e.at <= to).slice(-SHOWN).reverse()
  if (shown.length === 0) return <p className="muted timeline-empty">{t('monitor.timeline.noEvents')}</p>
  return (
    <ol className="timeline-events" aria-label={t('monitor.timeline.events')}>
      {shown.map((e) => (
        <li key={`${e.at}|${e.kind}|${e.memberId ?? ''}`} data-kind={e.kind} title={e.message}>
          <time dateTime={new Date(e.at).toISOString()}>{formatAt(e.at, i18n.language, to - from > 12 * 3_600_000)}</time>
          <span className={`chip event-${e.kind}`}>{t(`monitor.timeline.kind.${e.kind}`)}</span>
          <span>{eventText(t, e, props)}</span>
        </li>
      ))}
    </ol>
  )
}
