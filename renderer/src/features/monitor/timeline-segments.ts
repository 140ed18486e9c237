/**
 * What the leader timeline draws, as plain intervals: per member the runs
 * of the same state and role, the leaders' terms, and the elections between
 * them. Pure, so it is tested without a browser.
 */
import type { LeaderTerm, MemberStatus, ServingRole } from '../../../../shared/protocol/monitor-api'
import { ringLowerBound, ringRole, ringStatus, ringTime, type MemberRing } from './member-ring'

export interface StateSegment {
  from: number
  to: number
  status: MemberStatus
  role: ServingRole | null
}

export interface ElectionMark {
  /** When the election began and when the new leader was seen. */
  from: number
  to: number
  /** The server's own measure when known, else the console's. */
  durationMs: number | null
  leaderId: string
}

/**
 * Runs of equal status and role within [from, to]. A point holds until the
 * next one; a hole longer than `gapMs` (the monitor was not running) ends
 * the run one interval after its last point.
 */
export function stateSegments(ring: MemberRing, from: number, to: number, intervalMs: number, gapMs = intervalMs * 3): StateSegment[] {
  const out: StateSegment[] = []
  const start = Math.max(0, ringLowerBound(ring, from) - 1)
  for (let i = start; i < ring.size; i += 1) {
    const t = ringTime(ring, i)
    if (t > to) break
    const next = i + 1 < ring.size ? ringTime(ring, i + 1) : t + intervalMs
    const end = Math.min(to, next - t > gapMs ? t + intervalMs : next)
    const status = ringStatus(ring, i)
    const role = status === 'serving' ? ringRole(ring, i) : null
    const last = out.at(-1)
    const segFrom = Math.max(from, t)
    if (end <= segFrom) continue
    if (last && last.status === status && last.role === role && last.to >= segFrom) last.to = end
    else out.push({ from: segFrom, to: end, status, role })
  }
  return out
}

/** Terms clipped to the window; an open term runs to `now`. */
export function visibleTerms(terms: readonly LeaderTerm[], from: number, to: number, now: number): Array<LeaderTerm & { end: number }> {
  return terms
    .map((term) => ({ ...term, end: term.to ?? now }))
    .filter((term) => term.end >= from && term.from <= to)
}

/** Elections that ended inside the window: before every term that followed another one or a measured outage. */
export function electionMarks(terms: readonly LeaderTerm[], from: number, to: number): ElectionMark[] {
  const out: ElectionMark[] = []
  terms.forEach((term, index) => {
    const previous = index > 0 ? terms[index - 1] : undefined
    if (!previous && term.electionMs === null) return
    if (term.from < from || term.from > to) return
    const observedFrom = previous?.to ?? term.from
    const durationMs = term.electionMs ?? (previous?.to != null ? term.from - previous.to : null)
    const begin = Math.min(observedFrom, term.from - (term.electionMs ?? 0))
    out.push({ from: begin, to: term.from, durationMs, leaderId: term.memberId })
  })
  return out
}
