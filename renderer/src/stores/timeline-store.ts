/**
 * The event timeline of each open connection: every change the console saw
 * (node created, deleted, data and children changes, session states), newest
 * last, in a bounded ring so a busy ensemble cannot grow it without limit.
 *
 * The ring is mutated in place and `rev` is bumped on every change, as the
 * tree store does with Stats: copying 10,000 entries for every event that
 * arrives would cost more than drawing them.
 */
import { create } from 'zustand'
import type { SessionState } from '../../../shared/protocol/types'
import { RingBuffer } from '../../../shared/util/ring-buffer'

export const TIMELINE_CAPACITY = 10_000

export const TIMELINE_KINDS = ['created', 'deleted', 'data', 'children', 'session'] as const
export type TimelineKind = (typeof TIMELINE_KINDS)[number]

export interface TimelineEntry {
  /** Increasing within the page, so list keys stay stable as the ring turns. */
  id: number
  /** Wall-clock ms when the backend learned of it. */
  at: number
  kind: TimelineKind
  /** The node; absent for session entries. */
  path?: string
  /** Data changes: the version before and after, and the new size in bytes. */
  fromVersion?: number
  toVersion?: number
  size?: number
  /** Children changes: names that came and went since the previous list, when it was known. */
  added?: string[]
  removed?: string[]
  /** Children changes: how many children there are now. */
  count?: number
  /** Children changes: how many changes the node's children had in all, when more than the names show. */
  changes?: number
  /** Found by re-reading after a reconnect or a new session, not by a notification. */
  resync?: boolean
  /** Session entries: the new state, the backend's words, the session and member. */
  state?: SessionState
  message?: string
  sessionId?: string
  server?: string
  /** Session entries while disconnected: when the server will expire the session. */
  expiresAt?: number
  /** Session entries: ephemeral nodes of the previous session the console had on screen (lost with it). */
  lost?: string[]
}

export interface ConnectionTimeline {
  ring: RingBuffer<TimelineEntry>
  rev: number
  paused: boolean
  /** Entries that arrived while paused, shown once resumed (bounded like the ring). */
  held: TimelineEntry[]
}

export interface TimelineState {
  timelines: Readonly<Record<string, ConnectionTimeline>>
  append(connectionId: string, entries: readonly Omit<TimelineEntry, 'id'>[]): void
  setPaused(connectionId: string, paused: boolean): void
  clear(connectionId: string): void
  drop(connectionId: string): void
}

let nextId = 1

function emptyTimeline(): ConnectionTimeline {
  return { ring: new RingBuffer(TIMELINE_CAPACITY), rev: 0, paused: false, held: [] }
}

export const useTimelineStore = create<TimelineState>()((set) => ({
  timelines: {},
  append: (connectionId, entries) =>
    set((s) => {
      if (entries.length === 0) return s
      const timeline = s.timelines[connectionId] ?? emptyTimeline()
      const stamped = entries.map((entry) => ({ ...entry, id: nextId++ }))
      if (timeline.paused) {
        const held = timeline.held.concat(stamped)
        // Only what the ring could show is worth holding.
        return { timelines: { ...s.timelines, [connectionId]: { ...timeline, held: held.slice(-TIMELINE_CAPACITY) } } }
      }
      for (const entry of stamped) timeline.ring.push(entry)
      return { timelines: { ...s.timelines, [connectionId]: { ...timeline, rev: timeline.rev + 1 } } }
    }),
  setPaused: (connectionId, paused) =>
    set((s) => {
      const timeline = s.timelines[connectionId] ?? emptyTimeline()
      if (timeline.paused === paused) return s
      if (!paused) for (const entry of timeline.held) timeline.ring.push(entry)
      const next = { ...timeline, paused, held: [], rev: timeline.rev + 1 }
      return { timelines: { ...s.timelines, [connectionId]: next } }
    }),
  clear: (connectionId) =>
    set((s) => {
      const timeline = s.timelines[connectionId]
      if (!timeline) return s
      timeline.ring.clear()
      return { timelines: { ...s.timelines, [connectionId]: { ...timeline, held: [], rev: timeline.rev + 1 } } }
    }),
  drop: (connectionId) =>
    set((s) => {
      if (!s.timelines[connectionId]) return s
      const { [connectionId]: _dropped, ...rest } = s.timelines
      return { timelines: rest }
    }),
}))

export const selectTimeline =
  (connectionId: string) =>
  (s: TimelineState): ConnectionTimeline | undefined =>
    s.timelines[connectionId]
