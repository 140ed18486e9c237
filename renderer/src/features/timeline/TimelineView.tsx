import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive } from '../../stores/connections-store'
import { selectTimeline, useTimelineStore } from '../../stores/timeline-store'
import { FollowBar } from './FollowBar'
import { TimelineList } from './TimelineList'
import { TimelineToolbar } from './TimelineToolbar'
import { newestFirst } from './timeline-filter'
import { selectFilter, useTimelineViewStore } from './timeline-view-store'

/**
 * The Events view of a connection: every change the console saw, newest
 * first, filtered by path and kind, with pause, clear and export; above it,
 * following a subtree streams that subtree's changes into the same list.
 */
export function TimelineView({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const { connectionId } = info
  const timeline = useTimelineStore(selectTimeline(connectionId))
  const filter = useTimelineViewStore(selectFilter(connectionId))
  // The ring is updated in place; the timeline object is new whenever it changed.
  const shown = useMemo(() => (timeline ? newestFirst(timeline.ring, filter) : []), [timeline, filter])
  const total = timeline?.ring.size ?? 0
  const label = t('timeline.label', { name: info.name })

  return (
    <section className="timeline" aria-label={label}>
      <FollowBar connectionId={connectionId} live={isLive(info.state)} />
      <TimelineToolbar
        connectionId={connectionId}
        connectionName={info.name}
        shown={shown}
        total={total}
        paused={timeline?.paused ?? false}
        held={timeline?.held.length ?? 0}
      />
      {shown.length === 0 ? (
        <p className="timeline-empty muted">{total === 0 ? t('timeline.empty') : t('timeline.emptyFiltered')}</p>
      ) : (
        <TimelineList entries={shown} label={label} />
      )}
    </section>
  )
}
