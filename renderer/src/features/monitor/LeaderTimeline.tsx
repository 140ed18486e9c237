import { memo, useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { LeaderTerm, TimelineEvent } from '../../../../shared/protocol/monitor-api'
import type { MemberRing } from './member-ring'
import { formatDuration, formatTick } from './monitor-format'
import { electionMarks, stateSegments, visibleTerms, type StateSegment } from './timeline-segments'
import { TimelineEvents } from './TimelineEvents'
import { gapFor, timeTicks } from './time-window'
import { useElementWidth } from './use-element-width'

interface LeaderTimelineProps {
  /** Mutated in place: `epoch` and the window say when the drawing changes. */
  rings: Readonly<Record<string, MemberRing>>
  epoch: number
  terms: readonly LeaderTerm[]
  events: readonly TimelineEvent[]
  intervalMs: number
  from: number
  to: number
  memberIds: readonly string[]
  colors: Readonly<Record<string, string>>
  names: Readonly<Record<string, string>>
}

const LABEL_W = 120
const LANE_H = 18
const LANE_GAP = 6
const AXIS_H = 20
/** Room under the leader lane for the elections' labels. */
const LABEL_ROW = 14

/** Role shading within a member's lane: the leader solid, followers lighter, observers lighter still. */
function segmentStyle(seg: StateSegment, color: string): { className: string; fill?: string; opacity?: number } {
  if (seg.status !== 'serving') return { className: `seg seg-${seg.status}` }
  if (seg.role === 'read-only') return { className: 'seg seg-read-only' }
  const opacity = seg.role === 'leader' || seg.role === 'standalone' ? 1 : seg.role === 'follower' ? 0.5 : 0.28
  return { className: 'seg', fill: color, opacity }
}

/** Like the charts: a new point at the end of a ring alone does not redraw the lanes of a window. */
function sameDrawing(a: LeaderTimelineProps, b: LeaderTimelineProps): boolean {
  return (Object.keys(a) as Array<keyof LeaderTimelineProps>).every((key) => key === 'rings' || a[key] === b[key])
}

/** Who led when, the elections between leaders with their duration, and each member's role over time. */
export const LeaderTimeline = memo(function LeaderTimeline(props: LeaderTimelineProps) {
  const { rings, intervalMs: interval, from, to, memberIds, colors, names } = props
  const { t, i18n } = useTranslation()
  const hatch = useId().replace(/:/g, '')
  const [ref, width] = useElementWidth<HTMLDivElement>()
  const span = Math.max(1, to - from)
  const plotW = Math.max(1, width - LABEL_W - 8)
  const x = (at: number) => LABEL_W + ((Math.max(from, Math.min(to, at)) - from) / span) * plotW
  // An open term runs to the window's end (the window follows the newest sample).
  const terms = visibleTerms(props.terms, from, to, to)
  const elections = electionMarks(props.terms, from, to)
  const lanes = useMemo(
    () => memberIds.map((id) => ({ id, segments: rings[id] ? stateSegments(rings[id], from, to, interval, gapFor(interval)) : [] })),
    [rings, memberIds, from, to, interval],
  )
  const height = (lanes.length + 1) * (LANE_H + LANE_GAP) + LABEL_ROW + AXIS_H
  const laneY = (index: number) => index * (LANE_H + LANE_GAP) + (index > 0 ? LABEL_ROW : 0)
  const current = terms.find((term) => term.to === null)
  const summary = current
    ? t('monitor.timeline.summaryLeader', { member: names[current.memberId] ?? current.memberId, count: elections.length })
    : t('monitor.timeline.summaryNone', { count: elections.length })

  return (
    <section className="leader-timeline card" aria-labelledby={`${hatch}-title`}>
      <div className="card-header">
        <h2 id={`${hatch}-title`}>{t('monitor.timeline.title')}</h2>
        <span className="muted">{summary}</span>
      </div>
      <div className="leader-timeline-body" ref={ref}>
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-label={summary}>
            <defs>
              <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width="6" height="6" className="election-bg" />
                <line x1="0" y1="0" x2="0" y2="6" className="election-stripe" strokeWidth="3" />
              </pattern>
            </defs>
            <text x={0} y={laneY(0) + 13} className="lane-label">
              {t('monitor.timeline.leaderLane')}
            </text>
            <rect x={LABEL_W} y={laneY(0)} width={plotW} height={LANE_H} className="lane-bg" />
            {terms.map((term) => {
              const x0 = x(term.from)
              const w = Math.max(1, x(term.end) - x0)
              const label = `${names[term.memberId] ?? term.memberId}${term.epoch === null ? '' : ` · ${t('monitor.timeline.epoch', { epoch: term.epoch })}`}`
              return (
                <g key={`${term.memberId}@${term.from}`} className="term" data-member={term.memberId}>
                  <rect x={x0} y={laneY(0)} width={w} height={LANE_H} fill={colors[term.memberId] ?? '#7d8796'} rx={2}>
                    <title>{label}</title>
                  </rect>
                  {w > label.length * 6.5 + 10 && (
                    <text x={x0 + 5} y={laneY(0) + 13} className="term-label">
                      {label}
                    </text>
                  )}
                </g>
              )
            })}
            {elections.map((mark) => {
              const x0 = x(mark.from)
              const w = Math.max(3, x(mark.to) - x0)
              const text = mark.durationMs === null ? t('monitor.timeline.electionUnknown') : t('monitor.timeline.election', { duration: formatDuration(t, mark.durationMs) })
              return (
                <g key={`e${mark.to}`} className="election">
                  <rect x={x0 - (w === 3 ? 1 : 0)} y={laneY(0) - 2} width={w} height={LANE_H + 4} fill={`url(#${hatch})`} className="election-mark">
                    <title>{text}</title>
                  </rect>
                  <text x={Math.min(x0 + w / 2, width - 4)} y={laneY(0) + LANE_H + 13} className="election-label" textAnchor={x0 + w / 2 > width - 90 ? 'end' : 'middle'}>
                    {text}
                  </text>
                </g>
              )
            })}
            {lanes.map((lane, index) => (
              <g key={lane.id} data-member={lane.id}>
                <text x={0} y={laneY(index + 1) + 13} className="lane-label">
                  {names[lane.id] ?? lane.id}
                </text>
                <rect x={LABEL_W} y={laneY(index + 1)} width={plotW} height={LANE_H} className="lane-bg" />
                {lane.segments.map((seg) => {
                  const style = segmentStyle(seg, colors[lane.id] ?? '#7d8796')
                  return (
                    <rect key={seg.from} x={x(seg.from)} y={laneY(index + 1) + 2} width={Math.max(1, x(seg.to) - x(seg.from))} height={LANE_H - 4} {...style}>
                      <title>{seg.status === 'serving' ? t(`monitor.role.${seg.role ?? 'unknown'}`) : t(`monitor.status.${seg.status}`)}</title>
                    </rect>
                  )
                })}
              </g>
            ))}
            {timeTicks(from, to, Math.max(2, Math.floor(plotW / 120))).map((tick) => (
              <text key={tick} x={x(tick)} y={height - 5} className="axis-label" textAnchor={x(tick) > width - 40 ? 'end' : 'middle'}>
                {formatTick(tick, i18n.language, span)}
              </text>
            ))}
          </svg>
        )}
      </div>
      <ul className="timeline-legend">
        <li><span className="legend-box" style={{ background: 'var(--text-muted)' }} />{t('monitor.role.leader')}</li>
        <li><span className="legend-box" style={{ background: 'var(--text-muted)', opacity: 0.5 }} />{t('monitor.role.follower')}</li>
        <li><span className="legend-box" style={{ background: 'var(--text-muted)', opacity: 0.28 }} />{t('monitor.role.observer')}</li>
        <li><span className="legend-box seg-not-serving" />{t('monitor.status.not-serving')}</li>
        <li><span className="legend-box seg-down" />{t('monitor.status.down')}</li>
        <li><span className="legend-box election-swatch" />{t('monitor.timeline.electionLegend')}</li>
      </ul>
      <TimelineEvents events={props.events} terms={props.terms} rings={rings} from={from} to={to} names={names} />
    </section>
  )
}, sameDrawing)
