/**
 * Single-node writes: setData (version-checked, conflicts come back with
 * theirs), delete, setAcl, and undo of the last data edit.
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { SetDataResult, UndoInfo, ZnodeRef } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import { toNodeData } from '../../../shared/zk/node-data'
import { convertStat, type ZnodeStat } from '../../../shared/zk/stat'
import { toZkError } from '../connections/zk-errors'
import { writeTarget, type EditContext, type Target } from './edit-context'
import { runSingle } from './multi'
import { assertAcl, assertFits, assertNotRoot, assertWritablePath } from './write-guards'
import { toLibraryAcl } from './zk-acl'

function conflict(path: string, current: { data: Buffer; stat: ZnodeStat }): SetDataResult {
  return { status: 'conflict', path, theirs: { data: toNodeData(current.data), stat: current.stat } }
}

/**
 * Reads the node, refuses when it is not at `version`, writes, remembers the
 * bytes it replaced for undo. The read also catches most conflicts without
 * sending a write; the write's own version check catches the rest.
 */
async function versionedWrite(ctx: EditContext, t: Target, path: string, data: Buffer, version: number, operation: 'setData' | 'undo'): Promise<SetDataResult> {
  const current = await t.session.getData(path)
  if (current.stat.version !== version) return conflict(path, current)
  let stat: ZnodeStat
  try {
    stat = (await runSingle(t.session, { kind: 'setData', path, data, version })).stat as ZnodeStat
  } catch (error) {
    const zkError = toZkError(error, path)
    t.record({ operation, path, versionBefore: version, ok: false, error: zkError.toInfo() })
    if (zkError.code !== 'BAD_VERSION') throw zkError
    return conflict(path, await t.session.getData(path))
  }
  t.record({ operation, path, versionBefore: version, versionAfter: stat.version, ok: true })
  ctx.undo.remember(t.connectionId, path, { previous: current.data, versionAfter: stat.version, editedAt: Date.now() })
  return { status: 'saved', path, stat, previousVersion: version }
}

export async function setData(ctx: EditContext, p: { connectionId: string; path: string; data: string; version: number }): Promise<SetDataResult> {
  const t = writeTarget(ctx, p.connectionId)
  assertWritablePath(p.path, 'write')
  const data = Buffer.from(p.data, 'base64')
  assertFits({ kind: 'setData', path: p.path, dataBytes: data.length }, t.chroot, p.path)
  return versionedWrite(ctx, t, p.path, data, p.version, 'setData')
}

export async function deleteNode(ctx: EditContext, p: { connectionId: string; path: string; version: number }): Promise<{ path: string }> {
  const t = writeTarget(ctx, p.connectionId)
  assertNotRoot(p.path, 'deleted')
  assertWritablePath(p.path, 'delete')
  try {
    await runSingle(t.session, { kind: 'delete', path: p.path, version: p.version })
  } catch (error) {
    const zkError = toZkError(error, p.path)
    t.record({ operation: 'delete', path: p.path, versionBefore: p.version, ok: false, error: zkError.toInfo() })
    if (zkError.code === 'NOT_EMPTY') {
      throw new ZkError('NOT_EMPTY', `${p.path} has children: preview and delete the subtree instead`, p.path)
    }
    throw zkError
  }
  t.record({ operation: 'delete', path: p.path, versionBefore: p.version, ok: true })
  ctx.undo.forget(t.connectionId, p.path)
  return { path: p.path }
}

export async function setAcl(ctx: EditContext, p: { connectionId: string; path: string; acl: AclEntry[]; aversion: number }): Promise<{ path: string; stat: ZnodeStat }> {
  const t = writeTarget(ctx, p.connectionId)
  assertWritablePath(p.path, 'change the ACL of')
  assertAcl(p.acl)
  assertFits({ kind: 'setAcl', path: p.path, acl: p.acl }, t.chroot, p.path)
  try {
    const stat = await t.session.run<ZnodeStat>(p.path, (client, done) =>
      client.setACL(p.path, toLibraryAcl(p.acl), p.aversion, (error, raw) => done(error, error ? undefined : convertStat(raw))),
    )
    t.record({ operation: 'setAcl', path: p.path, versionBefore: p.aversion, versionAfter: stat.aversion, ok: true, detail: 'versions are ACL versions' })
    return { path: p.path, stat }
  } catch (error) {
    const zkError = toZkError(error, p.path)
    t.record({ operation: 'setAcl', path: p.path, versionBefore: p.aversion, ok: false, error: zkError.toInfo() })
    throw zkError
  }
}

export function getUndo(ctx: EditContext, p: ZnodeRef): UndoInfo {
  ctx.connections.info(p.connectionId)
  const entry = ctx.undo.get(p.connectionId, p.path)
  if (!entry) return { path: p.path, available: false }
  return { path: p.path, available: true, expectedVersion: entry.versionAfter, editedAt: entry.editedAt, previous: toNodeData(entry.previous) }
}

/** Writes back the bytes before the last edit; a conflict if the node moved since. Undoing twice redoes. */
export async function undoEdit(ctx: EditContext, p: ZnodeRef): Promise<SetDataResult> {
  const t = writeTarget(ctx, p.connectionId)
  const entry = ctx.undo.get(p.connectionId, p.path)
  if (!entry) throw new ZkError('INVALID_PARAMS', `nothing to undo on ${p.path}: the console has not edited its data in this session`, p.path)
  return versionedWrite(ctx, t, p.path, entry.previous, entry.versionAfter, 'undo')
}
