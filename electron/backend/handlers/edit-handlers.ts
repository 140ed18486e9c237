/**
 * Editing exposed through the contract. Every multi-step operation reports
 * its end as `edit.done` to the calling peer, whether it finished, failed or
 * was cancelled: a cancelled call rejects on the client at once, so this is
 * how the UI learns how far it got.
 */
import type { EditApi, EditEvents, OperationKind, OperationReport } from '../../../shared/protocol/edit-api'
import { toZkError } from '../connections/zk-errors'
import type { ConnectionManager } from '../connections/connection-manager'
import { setAclTree } from '../edit/acl-tree'
import { exportAudit } from '../edit/audit-export'
import { AuditLog } from '../edit/audit-log'
import { editCapabilities } from '../edit/capabilities'
import { createNode } from '../edit/create-node'
import { deleteTree } from '../edit/delete-tree'
import { diffTrees } from '../edit/diff-trees'
import { digestId } from '../edit/digest'
import type { CallScope, EditContext } from '../edit/edit-context'
import { exportTree } from '../edit/export-tree'
import { applyImport } from '../edit/import-apply'
import { planImport } from '../edit/import-plan'
import { ImportPlans } from '../edit/import-plans'
import { deleteNode, getUndo, setAcl, setData, undoEdit } from '../edit/node-writes'
import { previewSubtree } from '../edit/preview'
import { transferTree } from '../edit/transfer'
import { UndoStore } from '../edit/undo-store'

export interface EditDeps {
  connections: ConnectionManager
  /** The backend's config folder: the audit log lives there as audit.ndjson. */
  auditDir: string
  /** Whether exports and imports may use file paths on this host (desktop: yes; web mode: the host decides). Default true. */
  fileAccess?: boolean
}

/** The slice of the RPC call context the edit handlers use; the server's CallContext satisfies it. */
export interface EditCallContext {
  peer: { emit<E extends keyof EditEvents>(event: E, payload: EditEvents[E]): void }
  signal: AbortSignal
}

export type EditHandlers = {
  [M in keyof EditApi]: (params: Parameters<EditApi[M]>[0], ctx: EditCallContext) => ReturnType<EditApi[M]>
}

function scopeOf(ctx: EditCallContext): CallScope {
  return { emit: (event, payload) => ctx.peer.emit(event, payload), signal: ctx.signal }
}

/** Runs a multi-step operation and always sends `edit.done`: with the report, or with the error that ended it. */
async function tracked<R>(ctx: EditCallContext, operationId: string, operation: OperationKind, run: (scope: CallScope) => Promise<R>, isReport: boolean): Promise<R> {
  try {
    const result = await run(scopeOf(ctx))
    ctx.peer.emit('edit.done', isReport ? { operationId, operation, report: result as OperationReport } : { operationId, operation })
    return result
  } catch (error) {
    const zkError = toZkError(error)
    ctx.peer.emit('edit.done', { operationId, operation, error: zkError.toInfo() })
    throw zkError
  }
}

export function editHandlers(deps: EditDeps): EditHandlers {
  const edit: EditContext = {
    connections: deps.connections,
    audit: new AuditLog(deps.auditDir),
    undo: new UndoStore(),
    fileAccess: deps.fileAccess ?? true,
  }
  const plans = new ImportPlans()
  const flushed = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work
    } finally {
      await edit.audit.flush()
    }
  }
  return {
    getEditCapabilities: async ({ connectionId }) => editCapabilities(edit, connectionId),
    computeDigest: async ({ user, password }) => {
      const id = digestId(user, password)
      return { id, acl: { scheme: 'digest', id, perms: 31 } }
    },
    createNode: (p) => flushed(createNode(edit, p)),
    setData: (p) => flushed(setData(edit, p)),
    deleteNode: (p) => flushed(deleteNode(edit, p)),
    setAcl: (p) => flushed(setAcl(edit, p)),
    getUndo: async (p) => getUndo(edit, p),
    undoEdit: (p) => flushed(undoEdit(edit, p)),
    previewSubtree: (p, ctx) => tracked(ctx, p.operationId, 'preview', (scope) => previewSubtree(edit, p, scope), false),
    deleteTree: (p, ctx) => tracked(ctx, p.operationId, 'delete-tree', (scope) => deleteTree(edit, p, scope), true),
    copyTree: (p, ctx) => tracked(ctx, p.operationId, 'copy-tree', (scope) => transferTree(edit, p, scope, false), true),
    moveTree: (p, ctx) => tracked(ctx, p.operationId, 'move-tree', (scope) => transferTree(edit, p, scope, true), true),
    setAclTree: (p, ctx) => tracked(ctx, p.operationId, 'set-acl-tree', (scope) => setAclTree(edit, p, scope), true),
    exportTree: (p, ctx) => tracked(ctx, p.operationId, 'export', (scope) => exportTree(edit, p, scope), false),
    planImport: (p, ctx) => tracked(ctx, p.operationId, 'import', (scope) => planImport(edit, plans, p, scope), false),
    applyImport: (p, ctx) => tracked(ctx, p.operationId, 'import', (scope) => applyImport(edit, plans, p, scope), true),
    discardImport: async ({ planId }) => plans.discard(planId),
    diffTrees: (p, ctx) => tracked(ctx, p.operationId, 'diff', (scope) => diffTrees(edit, p, scope), false),
    listAudit: (p) => edit.audit.list(p),
    exportAudit: (p) => exportAudit(edit.audit, p, edit.fileAccess),
  }
}
