/**
 * The dry run of an import: reads the file and the current state of every
 * node it names (and of their ancestors), and sorts each node into create,
 * update, unchanged or conflict. Nothing is written. The plan keeps the
 * versions it read, so applying it refuses updates to nodes that moved since.
 */
import type { ZkError } from '../../../shared/protocol/errors'
import type { ImportAction, ImportPlan, ImportPlanItem, ImportPlanParams } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import { mapLimit } from '../../../shared/util/map-limit'
import { DEFAULT_ACL, sameAcl } from '../../../shared/zk/acl-spec'
import { depthOf, parentPath, pathChain } from '../../../shared/zk/path'
import { isEphemeral, type ZnodeStat } from '../../../shared/zk/stat'
import { serverPath, tooLargeReason } from '../../../shared/zk/write-rules'
import { toZkError } from '../connections/zk-errors'
import { writeTarget, type CallScope, type EditContext } from './edit-context'
import { readImport, type WantedNode } from './import-read'
import { PLAN_TTL_MS, type ImportPlans, type StoredPlan } from './import-plans'
import { readImportSource } from './import-source'
import { MODE } from './multi'
import { Progress } from './progress'
import { assertWritablePath } from './write-guards'

const IN_FLIGHT = 256
const MAX_ITEMS = 5000
const ORDER: Record<ImportAction, number> = { conflict: 0, create: 1, update: 2, unchanged: 3 }

type State = { exists: false } | { exists: true; data: Buffer; stat: ZnodeStat; acl?: AclEntry[] } | { error: ZkError }

export async function planImport(ctx: EditContext, plans: ImportPlans, p: ImportPlanParams, scope: CallScope): Promise<ImportPlan> {
  const t = writeTarget(ctx, p.connectionId)
  assertWritablePath(p.targetPath, 'import into')
  const progress = new Progress(scope.emit, p.operationId, 'import')
  progress.phase('planning')
  const input = readImport(await readImportSource(p.source, ctx.fileAccess), p)
  const wanted = new Map<string, WantedNode>(input.nodes.map((n) => [n.path, n]))
  const implied = new Set<string>()
  for (const node of input.nodes) for (const a of pathChain(node.path)) if (a !== node.path && a !== '/' && !wanted.has(a)) implied.add(a)
  const paths = [...wanted.keys(), ...implied].sort((a, b) => depthOf(a) - depthOf(b))
  const fromFile = p.acl === 'from-file'

  let read = 0
  const states = new Map<string, State>()
  await mapLimit(
    paths,
    IN_FLIGHT,
    async (path) => {
      try {
        const { data, stat } = await t.session.getData(path)
        const acl = fromFile && wanted.get(path)?.acl ? await t.session.getAcl(path) : undefined
        states.set(path, acl ? { exists: true, data, stat, acl } : { exists: true, data, stat })
      } catch (error) {
        const zkError = toZkError(error, path)
        states.set(path, zkError.code === 'NO_NODE' ? { exists: false } : { error: zkError })
      }
      progress.update(++read)
    },
    scope.signal,
  )
  // The root always exists; only its ephemeral flag is looked at as a parent.
  if (!states.has('/')) states.set('/', { exists: true, data: Buffer.alloc(0), stat: { ephemeralOwner: '0x0' } as ZnodeStat })

  const plan: StoredPlan = { summary: undefined as unknown as ImportPlan, creates: [], implied: new Set(), updates: [], acls: [] }
  const items: ImportPlanItem[] = []
  const counts: Record<ImportAction, number> = { create: 0, update: 0, unchanged: 0, conflict: 0 }
  /** Paths that will not exist, or cannot hold children, after the import. */
  const barren = new Set<string>()
  const inherited = new Map<string, Promise<AclEntry[]>>()
  const add = (item: ImportPlanItem) => {
    counts[item.action] += 1
    items.push(item)
  }
  const conflict = (path: string, size: number, reason: string) => {
    barren.add(path)
    add({ path, action: 'conflict', size, reason })
  }

  for (const path of paths) {
    const node = wanted.get(path)
    const size = node?.data.length ?? 0
    const state = states.get(path) as State
    const parent = parentPath(path) ?? '/'
    const parentState = states.get(parent)
    if (barren.has(parent)) {
      conflict(path, size, `its parent ${parent} will not exist or cannot have children`)
      continue
    }
    if ('error' in state) {
      conflict(path, size, `cannot be read: ${state.error.message}`)
      continue
    }
    if (!state.exists) {
      if (parentState && 'exists' in parentState && parentState.exists && isEphemeral(parentState.stat)) {
        conflict(path, size, `its parent ${parent} is ephemeral and cannot have children`)
        continue
      }
      const acl = node ? (fromFile && node.acl ? node.acl : [...DEFAULT_ACL]) : []
      const tooLarge = tooLargeReason({ kind: 'create', path: serverPath(path, t.chroot), dataBytes: size, acl })
      if (tooLarge) {
        conflict(path, size, tooLarge)
        continue
      }
      if (!node) {
        plan.implied.add(path)
        const nearest = [...pathChain(parent)].reverse().find((a) => !plan.implied.has(a)) ?? '/'
        if (!inherited.has(nearest)) {
          const acl = t.session.getAcl(nearest)
          // Awaited below; until then a refusal must not count as unhandled.
          acl.catch(() => undefined)
          inherited.set(nearest, acl)
        }
      }
      plan.creates.push({ kind: 'create', path, data: node?.data ?? Buffer.alloc(0), acl, mode: MODE.PERSISTENT })
      add(node ? { path, action: 'create', size } : { path, action: 'create', size, reason: 'a missing ancestor of nodes in the file' })
      continue
    }
    if (!node) continue
    if (isEphemeral(state.stat)) {
      conflict(path, size, `an ephemeral node owned by session ${state.stat.ephemeralOwner} is there`)
      continue
    }
    const dataChanged = !state.data.equals(node.data)
    const aclChanged = fromFile && node.acl !== undefined && state.acl !== undefined && !sameAcl(node.acl, state.acl)
    const item: ImportPlanItem = { path, action: 'unchanged', size, currentSize: state.data.length, currentVersion: state.stat.version, dataChanged, aclChanged }
    if (!dataChanged && !aclChanged) add(item)
    else if (p.existing === 'skip') add({ ...item, action: 'conflict', reason: `exists with different ${dataChanged ? 'data' : 'ACL'}; left alone (existing nodes are skipped)` })
    else {
      const tooLarge = dataChanged && tooLargeReason({ kind: 'setData', path: serverPath(path, t.chroot), dataBytes: size })
      if (tooLarge) add({ ...item, action: 'conflict', reason: tooLarge })
      else {
        if (dataChanged) plan.updates.push({ kind: 'setData', path, data: node.data, version: state.stat.version })
        if (aclChanged && node.acl) plan.acls.push({ path, acl: node.acl, aversion: state.stat.aversion })
        add({ ...item, action: 'update' })
      }
    }
  }
  // Missing ancestors take the ACL of the nearest ancestor that exists, as createNode's parents do.
  for (const op of plan.creates) {
    if (op.kind !== 'create' || !plan.implied.has(op.path)) continue
    const nearest = [...pathChain(parentPath(op.path) ?? '/')].reverse().find((a) => !plan.implied.has(a)) ?? '/'
    op.acl = (await inherited.get(nearest)) ?? [...DEFAULT_ACL]
  }
  progress.flush()

  items.sort((a, b) => ORDER[a.action] - ORDER[b.action])
  const summary: ImportPlan = {
    planId: plans.newId(),
    operationId: p.operationId,
    connectionId: p.connectionId,
    targetPath: p.targetPath,
    counts,
    items: items.slice(0, MAX_ITEMS),
    itemsTruncated: items.length > MAX_ITEMS,
    parseIssues: input.issues,
    expiresAt: Date.now() + PLAN_TTL_MS,
  }
  if (input.sourceRoot !== undefined) summary.sourceRoot = input.sourceRoot
  plan.summary = summary
  plans.put(plan)
  return summary
}
