/**
 * The data side of a diff: bytes of changed nodes attached for display
 * (small ones, within a budget), and the exported diff file, where every
 * entry carries the data of each side (up to 1 MiB each, read again).
 */
import type { DiffEntry, DiffParams, DiffResult } from '../../../shared/protocol/edit-api'
import type { NodeData } from '../../../shared/protocol/types'
import { mapLimit } from '../../../shared/util/map-limit'
import { toNodeData } from '../../../shared/zk/node-data'
import type { ZkSession } from '../connections/zk-session'
import type { DestinationResult, DestinationWriter } from './destination'
import type { Target } from './edit-context'
import { joinRel } from './subtree-scan'

const SHOW_MAX_BYTES = 64 * 1024
const SHOW_BUDGET_BYTES = 4 * 1024 * 1024
const IN_FLIGHT = 128
const EXPORT_CHUNK = 512

async function readData(session: ZkSession, path: string): Promise<NodeData | undefined> {
  try {
    return toNodeData((await session.getData(path)).data)
  } catch {
    // Gone or unreadable since the walk: the entry still says what was compared.
    return undefined
  }
}

/** Data for changed nodes small enough to show side by side, until the budget is spent. */
export async function attachData(entries: DiffEntry[], left: ZkSession, right: ZkSession, p: DiffParams): Promise<void> {
  let budget = SHOW_BUDGET_BYTES
  const chosen = entries.filter((e) => {
    if (e.kind !== 'changed' || !e.dataChanged || !e.left || !e.right) return false
    if (e.left.size > SHOW_MAX_BYTES || e.right.size > SHOW_MAX_BYTES || budget < e.left.size + e.right.size) return false
    budget -= e.left.size + e.right.size
    return true
  })
  await mapLimit(chosen, IN_FLIGHT, async (entry) => {
    const [ours, theirs] = await Promise.all([readData(left, joinRel(p.left.path, entry.rel)), readData(right, joinRel(p.right.path, entry.rel))])
    if (ours && entry.left) entry.left.data = ours
    if (theirs && entry.right) entry.right.data = theirs
  })
}

/** Writes `{ format, left, right, counts, entries: [...] }` with every entry on its own line. */
export async function writeDiff(
  out: DestinationWriter,
  result: DiffResult,
  entries: DiffEntry[],
  sides: { left: Target; right: Target },
  p: DiffParams,
): Promise<DestinationResult> {
  const describe = (t: Target, path: string) => ({ connection: t.info.name, connectString: t.info.connectString, path })
  const head = {
    format: 'zookeeper-console-diff',
    version: 1,
    createdAt: new Date().toISOString(),
    left: describe(sides.left, p.left.path),
    right: describe(sides.right, p.right.path),
    compareAcl: p.compareAcl,
    counts: result.counts,
    truncated: result.truncated,
  }
  await out.write(`${JSON.stringify(head).slice(0, -1)},\n"entries": [\n`)
  for (let i = 0; i < entries.length; i += EXPORT_CHUNK) {
    const chunk = entries.slice(i, i + EXPORT_CHUNK)
    const full = await mapLimit(chunk, IN_FLIGHT, async (entry) => {
      const copy: DiffEntry = { ...entry, ...(entry.left ? { left: { ...entry.left } } : {}), ...(entry.right ? { right: { ...entry.right } } : {}) }
      const [ours, theirs] = await Promise.all([
        copy.left && !copy.left.data ? readData(sides.left.session, joinRel(p.left.path, entry.rel)) : undefined,
        copy.right && !copy.right.data ? readData(sides.right.session, joinRel(p.right.path, entry.rel)) : undefined,
      ])
      if (ours && copy.left) copy.left.data = ours
      if (theirs && copy.right) copy.right.data = theirs
      return copy
    })
    await out.write(full.map((e, j) => `${i + j === 0 ? '' : ',\n'}${JSON.stringify(e)}`).join(''))
  }
  await out.write('\n]}\n')
  return out.finish()
}
