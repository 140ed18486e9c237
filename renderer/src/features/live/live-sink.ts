/**
 * Where the event bridge hands live events: node changes, the watch budget
 * state and session states. They are gathered per animation frame and then,
 * in arrival order, applied to the tree, written to the timeline and flashed
 * (a lone change goes through at once; see frame-batcher.ts).
 */
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import type { NodeChange, WatchStatus } from '../../../../shared/protocol/watch-api'
import type { Disposable } from '../../../../shared/util/disposable'
import { createFrameBatcher } from '../../backend/frame-batcher'
import { useTimelineStore } from '../../stores/timeline-store'
import { useTreeStore } from '../../stores/tree-store'
import { ChangeJournal, type TimelineDraft } from './change-journal'
import { useLiveStore } from './live-store'
import { ephemeralsOf } from './lost-ephemerals'
import { requestFlash } from './row-flash'
import { applyChange, beforeOf, type FlashTarget } from './tree-apply'

type LiveItem =
  | { kind: 'node'; change: NodeChange }
  | { kind: 'status'; status: WatchStatus }
  | { kind: 'session'; info: ConnectionInfo }

export interface LiveSink extends Disposable {
  nodeChanged(change: NodeChange): void
  watchStatus(status: WatchStatus): void
  sessionState(info: ConnectionInfo): void
  readonly journal: ChangeJournal
}

/** A renewed session: connected again, with a new id, after the old one expired. */
function isRenewal(before: ConnectionInfo | undefined, info: ConnectionInfo): before is ConnectionInfo & { sessionId: string } {
  return info.state === 'connected' && before?.sessionId !== undefined && info.sessionId !== undefined && before.sessionId !== info.sessionId
}

function lostWith(journal: ChangeJournal, info: ConnectionInfo): string[] {
  const before = journal.previousSession(info.connectionId)
  if (!isRenewal(before, info)) return []
  return ephemeralsOf(useTreeStore.getState().trees[info.connectionId], before.sessionId)
}

export function createLiveSink(): LiveSink {
  const journal = new ChangeJournal()

  const deliver = (items: LiveItem[]) => {
    const drafts = new Map<string, TimelineDraft[]>()
    const add = (connectionId: string, entries: TimelineDraft[]) => {
      if (entries.length === 0) return
      const list = drafts.get(connectionId)
      if (list) list.push(...entries)
      else drafts.set(connectionId, entries)
    }
    const flashes: FlashTarget[] = []
    const statuses = new Map<string, WatchStatus>()
    for (const item of items) {
      if (item.kind === 'node') {
        const before = beforeOf(item.change)
        add(item.change.connectionId, journal.record(item.change, before))
        flashes.push(...applyChange(item.change, before))
      } else if (item.kind === 'status') {
        statuses.set(item.status.connectionId, item.status)
      } else {
        const { info } = item
        const before = journal.previousSession(info.connectionId)
        const lost = lostWith(journal, info)
        add(info.connectionId, journal.recordSession(info, lost))
        // The backend says in words when a new session replaced an expired one.
        if (isRenewal(before, info) && info.message) useLiveStore.getState().setRenewal(info.connectionId, info.since, lost)
        // A connection closed elsewhere, never shown here, leaves nothing behind.
        if (info.state === 'closed' && !useTreeStore.getState().trees[info.connectionId]) {
          journal.forget(info.connectionId)
          drafts.delete(info.connectionId)
          useTimelineStore.getState().drop(info.connectionId)
        }
      }
    }
    for (const status of statuses.values()) useLiveStore.getState().setStatus(status)
    const timeline = useTimelineStore.getState()
    for (const [connectionId, entries] of drafts) timeline.append(connectionId, entries)
    requestFlash(flashes)
  }

  // About one frame: events closer together than this are a burst.
  const batcher = createFrameBatcher<LiveItem>(deliver, { quietMs: 16 })
  return {
    journal,
    nodeChanged: (change) => batcher.push({ kind: 'node', change }),
    watchStatus: (status) => batcher.push({ kind: 'status', status }),
    sessionState: (info) => batcher.push({ kind: 'session', info }),
    dispose: () => batcher.dispose(),
  }
}
