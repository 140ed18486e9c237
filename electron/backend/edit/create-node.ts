/**
 * Creates one node. With `createParents`, the missing ancestors are created
 * in the same multi-op transaction as the node, so either all of them exist
 * afterwards or none do; they are persistent, empty, and take the ACL of the
 * nearest ancestor that exists (a node under a protected subtree stays
 * protected).
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { CreateNodeParams, CreateNodeResult } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import { DEFAULT_ACL } from '../../../shared/zk/acl-spec'
import { parentPath, pathChain } from '../../../shared/zk/path'
import { toZkError } from '../connections/zk-errors'
import { libraryMode } from './create-modes'
import { writeTarget, type EditContext, type Target } from './edit-context'
import { commitMulti, MODE, runSingle, type MultiOp } from './multi'
import { assertAcl, assertFits, assertNotRoot, assertWritablePath } from './write-guards'

/** Ancestors of `path` that do not exist, top-down, and the ACL of the nearest one that does. */
async function missingAncestors(t: Target, path: string): Promise<{ missing: string[]; acl: AclEntry[] }> {
  const parent = parentPath(path) ?? '/'
  const chain = pathChain(parent)
  const stats = await Promise.all(chain.map((p) => t.session.exists(p)))
  const firstMissing = stats.findIndex((s) => s === null)
  if (firstMissing < 0) return { missing: [], acl: [] }
  const nearest = chain[firstMissing - 1] ?? '/'
  return { missing: chain.slice(firstMissing), acl: await t.session.getAcl(nearest) }
}

export async function createNode(ctx: EditContext, p: CreateNodeParams): Promise<CreateNodeResult> {
  const mode = libraryMode(p.mode)
  const t = writeTarget(ctx, p.connectionId)
  assertNotRoot(p.path, 'created')
  assertWritablePath(p.path, 'create nodes under')
  const acl = p.acl ?? [...DEFAULT_ACL]
  assertAcl(acl)
  const data = Buffer.from(p.data, 'base64')
  // Sequential modes append 10 digits to the name.
  const sizedPath = mode === MODE.PERSISTENT_SEQUENTIAL || mode === MODE.EPHEMERAL_SEQUENTIAL ? `${p.path}0000000000` : p.path
  assertFits({ kind: 'create', path: sizedPath, dataBytes: data.length, acl }, t.chroot, p.path)

  const node: MultiOp = { kind: 'create', path: p.path, data, acl, mode }
  let created: string
  let createdParents: string[] = []
  try {
    // A parent created by someone else between the check and the commit: look again, once.
    for (let attempt = 0; ; attempt++) {
      const ancestors = p.createParents ? await missingAncestors(t, p.path) : { missing: [], acl: [] }
      if (ancestors.missing.length === 0) {
        created = (await runSingle(t.session, node)).path ?? p.path
        break
      }
      const parents: MultiOp[] = ancestors.missing.map((path) => ({ kind: 'create', path, data: Buffer.alloc(0), acl: ancestors.acl, mode: MODE.PERSISTENT }))
      const outcome = await commitMulti(t.session, [...parents, node])
      if (outcome.ok) {
        created = outcome.results.at(-1)?.path ?? p.path
        createdParents = ancestors.missing
        break
      }
      if (outcome.error.code === 'NODE_EXISTS' && outcome.index < parents.length && attempt === 0) continue
      throw outcome.error
    }
  } catch (error) {
    const zkError = toZkError(error, p.path)
    t.record({ operation: 'create', path: p.path, ok: false, error: zkError.toInfo(), detail: `mode ${p.mode}` })
    if (zkError.code === 'NO_NODE' && !p.createParents) {
      throw new ZkError('NO_NODE', `the parent of ${p.path} does not exist (create it first, or ask to create parents)`, p.path)
    }
    throw zkError
  }
  for (const path of createdParents) t.record({ operation: 'create', path, versionAfter: 0, ok: true, detail: 'missing parent' })
  t.record({ operation: 'create', path: created, versionAfter: 0, ok: true, detail: `mode ${p.mode}` })
  const stat = await t.session.exists(created)
  if (!stat) throw new ZkError('NO_NODE', `${created} was created but is already gone (deleted by someone else, or its session ended)`, created)
  return { path: created, stat, createdParents }
}
