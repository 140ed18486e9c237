/**
 * Joins client sessions from `cons` with what the console knows about its
 * open connections: the session of the connection itself, the node open in
 * its node panel, and the ephemeral nodes whose Stat the tree has read. No
 * tree walk: only Stats already on hand, so the join is cheap and exact for
 * what it shows.
 */
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import type { StatCell } from '../../stores/tree-store'

/** Session ids are 64-bit hex in several spellings (0x0001…, 0x1…, upper case): compare them as numbers. */
export function sessionKey(id: string | null | undefined): string | null {
  if (!id) return null
  const text = id.trim().toLowerCase()
  const hex = text.startsWith('0x') ? text.slice(2) : text
  if (!/^[0-9a-f]{1,16}$/.test(hex)) return null
  return BigInt(`0x${hex}`).toString(16)
}

export interface SessionFacts {
  /** Names of console connections that hold this session. */
  ownConnections: string[]
  /** The node open in a node panel, when this session owns it. */
  openNode: string | null
  /** Ephemeral nodes seen in a tree that this session owns (capped). */
  ephemerals: string[]
}

export interface TreeView {
  connectionId: string
  openPath: string | null
  stats: ReadonlyMap<string, StatCell>
}

const MAX_EPHEMERALS = 20

/** Facts per session key, for the sessions listed. */
export function joinSessions(
  sessionIds: readonly (string | null)[],
  connections: readonly ConnectionInfo[],
  trees: readonly TreeView[],
): Map<string, SessionFacts> {
  const out = new Map<string, SessionFacts>()
  for (const id of sessionIds) {
    const key = sessionKey(id)
    if (key && !out.has(key)) out.set(key, { ownConnections: [], openNode: null, ephemerals: [] })
  }
  if (out.size === 0) return out
  for (const c of connections) {
    const key = sessionKey(c.sessionId)
    if (key) out.get(key)?.ownConnections.push(c.name)
  }
  for (const tree of trees) {
    for (const [path, cell] of tree.stats) {
      const key = sessionKey(cell.stat?.ephemeralOwner)
      const facts = key && key !== '0' ? out.get(key) : undefined
      if (!facts) continue
      if (path === tree.openPath) facts.openNode = path
      if (facts.ephemerals.length < MAX_EPHEMERALS && !facts.ephemerals.includes(path)) facts.ephemerals.push(path)
    }
  }
  return out
}
