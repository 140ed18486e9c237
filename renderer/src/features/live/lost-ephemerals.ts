/**
 * After a session expired, the ephemeral nodes it owned are gone. The console
 * cannot list them on the server any more, but it can name those it had on
 * screen: cached Stats whose ephemeralOwner is the old session.
 */
import { hexToBigInt } from '../../../../shared/zk/stat'
import type { ConnectionTree } from '../../stores/tree-store'

const MAX_NAMED = 50

function sameSession(a: string, b: string): boolean {
  try {
    return hexToBigInt(a) === hexToBigInt(b)
  } catch {
    return false
  }
}

export function ephemeralsOf(tree: ConnectionTree | undefined, sessionId: string): string[] {
  if (!tree) return []
  const found: string[] = []
  for (const [path, cell] of tree.stats) {
    const owner = cell.stat?.ephemeralOwner
    if (owner && owner !== '0x0' && sameSession(owner, sessionId)) found.push(path)
    if (found.length >= MAX_NAMED) break
  }
  return found.sort()
}
