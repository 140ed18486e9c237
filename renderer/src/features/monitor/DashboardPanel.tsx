import { startTransition, useDeferredValue, useEffect, useState } from 'react'
import type { MonitorEntry } from '../../stores/monitor-store'
import { latestTime } from '../../stores/monitor-store'
import { ChartsPanel } from './ChartsPanel'
import { LeaderTimeline } from './LeaderTimeline'
import { MemberCard } from './MemberCard'
import { steppedWindow } from './time-window'

interface DashboardPanelProps {
  entry: MonitorEntry
  memberIds: readonly string[]
  colors: Readonly<Record<string, string>>
  names: Readonly<Record<string, string>>
}

/** Member cards, the charts and the leader timeline. */
export function DashboardPanel({ entry, memberIds, colors, names }: DashboardPanelProps) {
  const now = latestTime(entry)
  const at = entry.latest?.at ?? now
  const { from, to } = steppedWindow(entry.view, now, entry.settings.intervalMs)
  // The timeline redraws in a background render React splits into short tasks.
  const laneFrom = useDeferredValue(from)
  const laneTo = useDeferredValue(to)
  const laneEpoch = useDeferredValue(entry.ringsEpoch)
  // Mounted after the cards and the toolbar, in a task of its own: opening the dashboard stays responsive.
  const [showTimeline, setShowTimeline] = useState(false)
  useEffect(() => {
    const timer = setTimeout(() => startTransition(() => setShowTimeline(true)), 0)
    return () => clearTimeout(timer)
  }, [])
  return (
    <div className="monitor-dashboard">
      <div className="member-cards">
        {entry.members.map((info) => (
          <MemberCard
            key={info.memberId}
            info={info}
            snap={entry.latest?.members.find((m) => m.memberId === info.memberId)}
            color={colors[info.memberId] ?? '#7d8796'}
            at={at}
          />
        ))}
      </div>
      <ChartsPanel entry={entry} from={from} to={to} memberIds={memberIds} colors={colors} names={names} />
      {showTimeline && (
        <LeaderTimeline
          rings={entry.rings}
          epoch={laneEpoch}
          terms={entry.leaderTerms}
          events={entry.events}
          intervalMs={entry.settings.intervalMs}
          from={laneFrom}
          to={laneTo}
          memberIds={memberIds}
          colors={colors}
          names={names}
        />
      )}
    </div>
  )
}
