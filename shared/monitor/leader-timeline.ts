/**
 * Who led, when, and how long each election took, from one leader
 * observation per round. A new term starts when another member leads or the
 * same one leads a new epoch (every election bumps the epoch).
 */
import { RingBuffer } from '../util/ring-buffer'
import type { LeaderTerm, TimelineEvent } from './model'

export interface LeaderObservation {
  memberId: string
  serverId: number | null
  epoch: number | null
  /** How the leader is named in messages. */
  name: string
  /** The outage the server itself measured (zk_unavailable_time) when it became leader, if known. */
  outageMs?: number | null
}

export interface LeaderUpdate {
  /** Set when a new leader took over from another one or after an observed election. */
  change: { message: string; term: LeaderTerm; previous: LeaderTerm | null } | null
  events: TimelineEvent[]
  /** Terms that started or ended in this round (to persist). */
  touched: LeaderTerm[]
}

function secondsText(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}

export class LeaderTimeline {
  private readonly terms: RingBuffer<LeaderTerm>
  private current: LeaderTerm | null = null
  /** The term that ended last, so a leader elected after a gap still names its predecessor. */
  private lastClosed: LeaderTerm | null = null
  private lastName: string | null = null
  noLeaderSince: number | null = null

  constructor(capacity = 500) {
    this.terms = new RingBuffer<LeaderTerm>(capacity)
  }

  /** Terms oldest first, the current one last. */
  list(): LeaderTerm[] {
    return this.terms.toArray().map((t) => ({ ...t }))
  }

  get leaderSince(): number | null {
    return this.current?.from ?? null
  }

  /**
   * Reloads persisted terms (oldest first). A term still open when they were
   * saved is closed at `closedAt` (the last time the console saw anything),
   * because what happened while it was not running is unknown.
   */
  restore(terms: LeaderTerm[], closedAt: number): void {
    for (const term of terms) this.terms.push({ ...term, to: term.to ?? Math.max(term.from, closedAt) })
  }

  /** One round: `leader` is the single serving leader, or null when there is none or more than one. */
  update(now: number, leader: LeaderObservation | null): LeaderUpdate {
    const events: TimelineEvent[] = []
    if (!leader) {
      const touched: LeaderTerm[] = []
      if (this.current) {
        this.current.to = now
        this.lastClosed = this.current
        touched.push({ ...this.current })
        events.push({ at: now, kind: 'election', memberId: this.current.memberId, message: `leader ${this.lastName ?? this.current.memberId} lost; election started` })
        this.current = null
        this.noLeaderSince = now
      } else if (this.noLeaderSince === null) this.noLeaderSince = now
      return { change: null, events, touched }
    }
    const cur = this.current
    const sameTerm =
      cur !== null && cur.memberId === leader.memberId && (cur.epoch === null || leader.epoch === null || leader.epoch <= cur.epoch)
    if (sameTerm && cur) {
      if (cur.epoch === null) cur.epoch = leader.epoch
      if (cur.serverId === null) cur.serverId = leader.serverId
      this.lastName = leader.name
      return { change: null, events, touched: [] }
    }
    // The server's own measure beats the console's, which is only as fine as the poll interval.
    const observedMs = this.noLeaderSince !== null ? now - this.noLeaderSince : cur ? 0 : null
    const electionMs = leader.outageMs ?? observedMs
    if (cur) cur.to = now
    const term: LeaderTerm = { memberId: leader.memberId, serverId: leader.serverId, epoch: leader.epoch, from: now, to: null, electionMs }
    this.terms.push(term)
    this.current = term
    const previousName = this.lastName
    this.lastName = leader.name
    const touched = cur ? [{ ...cur }, { ...term }] : [{ ...term }]
    const observed = cur !== null || this.noLeaderSince !== null
    this.noLeaderSince = null
    if (!observed) return { change: null, events, touched }
    const epochText = leader.epoch === null ? '' : ` (epoch ${leader.epoch})`
    const after = electionMs !== null && electionMs > 0 ? ` after a ${secondsText(electionMs)} election` : ''
    const was = previousName && previousName !== leader.name ? `; was ${previousName}` : ''
    const message = `${leader.name} is the new leader${epochText}${after}${was}`
    events.push({ at: now, kind: 'leader-change', memberId: leader.memberId, message })
    const previous = cur ?? this.lastClosed
    this.lastClosed = cur ?? this.lastClosed
    return { change: { message, term: { ...term }, previous: previous ? { ...previous } : null }, events, touched }
  }
}
