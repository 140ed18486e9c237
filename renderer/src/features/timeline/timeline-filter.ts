/**
 * Which timeline entries to show: a path substring (ignoring case) and a set
 * of kinds. Session entries concern the whole connection, so a path filter
 * keeps them (they explain gaps and bursts); only the kind filter hides them.
 */
import type { RingBuffer } from '../../../../shared/util/ring-buffer'
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../../stores/timeline-store'

export interface TimelineFilter {
  path: string
  kinds: readonly TimelineKind[]
}

export const ALL_KINDS: TimelineFilter = { path: '', kinds: TIMELINE_KINDS }

export function entryMatcher(filter: TimelineFilter): (entry: TimelineEntry) => boolean {
  const kinds = new Set(filter.kinds)
  const needle = filter.path.trim().toLowerCase()
  return (entry) => {
    if (!kinds.has(entry.kind)) return false
    if (needle === '' || entry.path === undefined) return true
    return entry.path.toLowerCase().includes(needle)
  }
}

/** The matching entries, newest first, in one pass over the ring. */
export function newestFirst(ring: RingBuffer<TimelineEntry>, filter: TimelineFilter): TimelineEntry[] {
  const keep = entryMatcher(filter)
  const out: TimelineEntry[] = []
  for (let i = ring.size - 1; i >= 0; i--) {
    const entry = ring.at(i)
    if (entry && keep(entry)) out.push(entry)
  }
  return out
}
