/**
 * Editing: version-checked writes, safe recursive operations, ACLs, undo,
 * import/export, subtree diff and the local audit log.
 *
 * Rules every method follows:
 * - Every write goes through the connection's read-only guard (`READ_ONLY`)
 *   and is recorded in the audit log, refused or not.
 * - Every write that replaces something carries the version the user saw;
 *   there is no blind overwrite (version -1 is refused by the schema).
 * - Multi-step operations take an `operationId` chosen by the caller: progress
 *   streams as `edit.progress`, the final report is returned AND sent as
 *   `edit.done` (a cancelled call rejects at once on the client, so the event
 *   is how the UI learns how far it got). Cancel through the call's signal.
 *   Call them with `timeoutMs: 0`: a client-side timeout cancels the operation.
 * - Failures before the first write (validation, scanning) reject with an
 *   error; once writing has started the call resolves with a report that
 *   says exactly what was done, what failed, and what was never attempted.
 */
import { z } from 'zod'
import type { ErrorCode, ErrorInfo } from './errors'
import type { AclEntry, Environment, NodeData, ZnodeStat } from './types'

/** A node on a given connection. */
export interface ZnodeRef {
  connectionId: string
  path: string
}

export const CREATE_MODES = [
  'persistent',
  'ephemeral',
  'persistent-sequential',
  'ephemeral-sequential',
  'container',
  'persistent-ttl',
  'persistent-sequential-ttl',
] as const
export type CreateMode = (typeof CREATE_MODES)[number]

/** Whether the console can create nodes of a mode on this connection, and if not why. */
export interface CreateModeInfo {
  mode: CreateMode
  supported: boolean
  ephemeral: boolean
  sequential: boolean
  /** Why it is disabled, or what to know before using it (ephemeral nodes die with the console's session). */
  note?: string
}

/** What the UI needs to know before offering writes on a connection. */
export interface EditCapabilities {
  connectionId: string
  name: string
  environment: Environment
  /** Every write is refused with READ_ONLY. */
  readOnly: boolean
  /** The connection is tagged production: the UI asks before every write (the backend does not). */
  confirmWrites: boolean
  chroot?: string
  createModes: CreateModeInfo[]
  /** Longest request the server reads by default (jute.maxbuffer); longer ones are refused with TOO_LARGE before sending. */
  maxRequestBytes: number
  /** Size multi-op batches are kept under. */
  batchBytes: number
  /** Largest `inline` export or import this backend accepts. */
  inlineLimitBytes: number
  /** Whether `file` destinations and sources are allowed (desktop: yes; web mode may refuse them). */
  fileAccess: boolean
}

export interface CreateNodeParams {
  connectionId: string
  path: string
  /** The bytes, base64. */
  data: string
  mode: CreateMode
  /** Default `world:anyone:cdrwa`. */
  acl?: AclEntry[]
  /** Create missing ancestors (persistent, empty, with the ACL of the nearest existing one), atomically with the node. */
  createParents: boolean
}

export interface CreateNodeResult {
  /** The created path: differs from the requested one for sequential modes. */
  path: string
  stat: ZnodeStat
  createdParents: string[]
}

export interface SetDataParams {
  connectionId: string
  path: string
  data: string
  /** The version the user read; the write is refused if the node moved since. */
  version: number
}

/** A save either lands or meets a newer version; `theirs` is what is there now, for a diff and a deliberate retry. */
export type SetDataResult =
  | { status: 'saved'; path: string; stat: ZnodeStat; previousVersion: number }
  | { status: 'conflict'; path: string; theirs: { data: NodeData; stat: ZnodeStat } }

export interface UndoInfo {
  path: string
  available: boolean
  /** The version the undo expects; it is refused if the node has moved past it. */
  expectedVersion?: number
  /** Wall-clock ms of the edit that would be undone. */
  editedAt?: number
  /** The bytes the undo would write back. */
  previous?: NodeData
}

export interface EphemeralInfo {
  path: string
  /** Session id of the owner, hex. */
  owner: string
  ownedByThisSession: boolean
}

/** One root of a preview over several subtrees (a multi-selection). */
export interface PreviewRoot {
  path: string
  /** Nodes in this root's subtree, the root included (as far as counted). */
  nodeCount: number
  ephemeralCount: number
}

export interface SubtreePreview {
  operationId: string
  path: string
  /** Every root counted, `path` first; one entry unless `morePaths` were asked for. */
  roots: PreviewRoot[]
  /** Nodes in the subtree(s) including the root(s) (as far as counted). */
  nodeCount: number
  /** Counting stopped at maxNodes. */
  truncated: boolean
  /** Deepest level below the root. */
  depth: number
  dataBytes: number
  /** The first paths met, breadth-first. */
  sample: string[]
  ephemeralCount: number
  ephemerals: EphemeralInfo[]
  unreadable: number
  unreadableSample: { path: string; code: ErrorCode }[]
  rootStat: ZnodeStat
}

export const OPERATION_KINDS = ['preview', 'delete-tree', 'copy-tree', 'move-tree', 'set-acl-tree', 'export', 'import', 'diff'] as const
export type OperationKind = (typeof OPERATION_KINDS)[number]
export type WriteKind = 'create' | 'setData' | 'delete' | 'setAcl'

/** One write that did not simply succeed. */
export interface OperationIssue {
  path: string
  op: WriteKind
  /** failed: the server refused it; skipped: not sent because a node it depends on failed; uncertain: sent, answer lost with the connection. */
  status: 'failed' | 'skipped' | 'uncertain'
  code: ErrorCode
  message: string
}

/** Counts of one step; `total` = succeeded + failed + skipped + uncertain + notAttempted. */
export interface StepCounts {
  total: number
  succeeded: number
  failed: number
  skipped: number
  /** Sent, but the connection was lost before the answer: may or may not have been applied. */
  uncertain: number
  /** Never sent because the operation stopped (cancelled or interrupted). */
  notAttempted: number
}

export interface OperationReport extends StepCounts {
  operationId: string
  operation: OperationKind
  /**
   * complete: everything done; partial: some writes failed or were skipped (see issues);
   * failed: an atomic operation was refused and nothing changed; cancelled; interrupted: the connection failed.
   */
  outcome: 'complete' | 'partial' | 'failed' | 'cancelled' | 'interrupted'
  /** One sentence for the UI. */
  message: string
  /** The first issues (failed, skipped, uncertain). */
  issues: OperationIssue[]
  issuesTruncated: boolean
  /** True when everything was one multi-op transaction: all or nothing. */
  atomic: boolean
  /** Requests sent (multi batches count once). */
  batches: number
  /** What stopped the operation, when something did. */
  error?: ErrorInfo
  elapsedMs: number
}

export interface VerificationResult {
  ok: boolean
  expected: number
  found: number
  missing: string[]
  extra: string[]
  dataMismatch: string[]
  aclMismatch: string[]
  unreadable: number
  /** The path lists hold only the first few. */
  listsTruncated: boolean
  /** Why the target could not be read back, when it could not. */
  error?: ErrorInfo
}

export interface TransferParams {
  operationId: string
  source: ZnodeRef
  /** The new path of the subtree's root; it must not exist, its parent must. */
  target: ZnodeRef
  /** Re-read the target afterwards and compare with what was read from the source. */
  verify: boolean
}

/** A copy or move. The counts are the target's creates; `removal` the source's deletes (move only). */
export interface TransferReport extends OperationReport {
  source: ZnodeRef
  target: ZnodeRef
  /** Source nodes not carried over. */
  left: { ephemeral: number; unreadable: number }
  removal?: StepCounts
  verification?: VerificationResult
}

/**
 * Further subtree roots handled in the same operation as `path` (a
 * multi-selection in the tree): one scan, one progress, one report. A path at
 * or below another root is covered by that root.
 */
export type MorePaths = string[]

export interface DeleteTreeParams {
  operationId: string
  connectionId: string
  path: string
  morePaths?: MorePaths
  /** Delete only what is below each root. */
  keepRoot: boolean
}

export interface PreviewParams {
  operationId: string
  connectionId: string
  path: string
  morePaths?: MorePaths
  maxNodes: number
  sampleSize: number
}

export interface SetAclTreeParams {
  operationId: string
  connectionId: string
  path: string
  acl: AclEntry[]
}

export type FileDestination = { kind: 'file'; path: string; overwrite: boolean }
export type InlineDestination = { kind: 'inline'; maxBytes: number }
/** Desktop writes files; web mode asks for the text back (capped). */
export type Destination = FileDestination | InlineDestination

export const EXPORT_FORMATS = ['json', 'properties'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportParams {
  operationId: string
  connectionId: string
  path: string
  /** json: the documented format (docs/export-format.md); properties: zkui's `parent=name=value` for text leaves. */
  format: ExportFormat
  includeEphemeral: boolean
  destination: Destination
}

export interface ExportResult {
  operationId: string
  format: ExportFormat
  nodes: number
  skippedEphemeral: number
  /** properties only: nodes whose data is not text that survives the format, or interior nodes with data. */
  skippedNotRepresentable: number
  unreadable: number
  unreadableSample: string[]
  bytes: number
  filePath?: string
  text?: string
  elapsedMs: number
}

export type ImportSource = { kind: 'file'; path: string } | { kind: 'inline'; text: string }
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'conflict'] as const
export type ImportAction = (typeof IMPORT_ACTIONS)[number]

export interface ImportPlanParams {
  operationId: string
  connectionId: string
  /** Where the export's root lands (json); the prefix for the absolute paths of a properties file (`/` puts them back where they were). */
  targetPath: string
  source: ImportSource
  format: ExportFormat
  includeEphemeral: boolean
  /** update: existing nodes with other data are updated (version-checked); skip: they are conflicts, left alone. */
  existing: 'update' | 'skip'
  /** from-file: ACLs recorded in the file (json); default: world:anyone for created nodes, existing ACLs untouched. */
  acl: 'from-file' | 'default'
}

export interface ImportPlanItem {
  path: string
  action: ImportAction
  reason?: string
  size: number
  currentSize?: number
  /** Version read during the dry run; the update is refused if it moved. */
  currentVersion?: number
  dataChanged?: boolean
  aclChanged?: boolean
}

export interface ImportPlan {
  planId: string
  operationId: string
  connectionId: string
  targetPath: string
  sourceRoot?: string
  counts: Record<ImportAction, number>
  /** Creates, updates and conflicts first, then unchanged; capped. */
  items: ImportPlanItem[]
  itemsTruncated: boolean
  /** Lines or entries of the file that could not be used. */
  parseIssues: { line?: number; message: string }[]
  /** Wall-clock ms after which applyImport refuses this plan. */
  expiresAt: number
}

export interface DiffParams {
  operationId: string
  /** The base. "added" is in right only, "removed" in left only. */
  left: ZnodeRef
  right: ZnodeRef
  compareAcl: boolean
  includeEphemeral: boolean
  /** Nodes per side to read at most. */
  maxNodes: number
  /** Entries to return at most (the exported diff holds all). */
  maxEntries: number
  destination?: Destination
}

export interface DiffSide {
  size: number
  version: number
  acl?: AclEntry[]
  /** Present for changed nodes whose data is small enough to show. */
  data?: NodeData
}

export interface DiffEntry {
  /** Path relative to each side's root; "" is the root itself. */
  rel: string
  kind: 'added' | 'removed' | 'changed'
  left?: DiffSide
  right?: DiffSide
  dataChanged: boolean
  aclChanged: boolean
}

export interface DiffResult {
  operationId: string
  left: ZnodeRef
  right: ZnodeRef
  counts: { added: number; removed: number; changed: number; unchanged: number }
  entries: DiffEntry[]
  entriesTruncated: boolean
  leftNodes: number
  rightNodes: number
  unreadable: number
  /** A side had more than maxNodes nodes: the diff covers only what was read. */
  truncated: boolean
  filePath?: string
  text?: string
  elapsedMs: number
}

export const AUDIT_OPERATIONS = ['create', 'setData', 'delete', 'setAcl', 'undo', 'delete-tree', 'copy-tree', 'move-tree', 'set-acl-tree', 'import'] as const
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number]

/** One line of the audit log (NDJSON in the backend's config folder). */
export interface AuditEntry {
  /** ISO time. */
  time: string
  connectionId: string
  connection: string
  connectString: string
  environment: Environment
  operation: AuditOperation
  path: string
  /** Copy and move: where to. */
  target?: string
  operationId?: string
  versionBefore?: number
  versionAfter?: number
  ok: boolean
  error?: ErrorInfo
  detail?: string
}

export interface AuditQuery {
  limit: number
  /** From a previous page's nextCursor: continue with older entries. */
  cursor?: number
  connectionId?: string
  operationId?: string
  /** Entries whose path is this path or below it. */
  path?: string
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[]
  nextCursor?: number
}

export interface EditProgress {
  operationId: string
  operation: OperationKind
  phase: 'scanning' | 'planning' | 'writing' | 'deleting' | 'verifying' | 'comparing'
  done: number
  /** Known once scanning is over. */
  total?: number
  failed: number
  /** Per second in this phase. */
  rate: number
}

export interface EditDone {
  operationId: string
  operation: OperationKind
  /** Write operations: what was done. */
  report?: OperationReport | TransferReport
  /** Why it ended without a report (cancelled before writing, failed while scanning). */
  error?: ErrorInfo
}

export interface EditApi {
  /** Read-only flag, environment, create modes (container/TTL disabled with the reason), size limits. */
  getEditCapabilities(p: { connectionId: string }): Promise<EditCapabilities>
  /** `user:base64(sha1(user:password))`, the id of a digest ACL entry, computed locally. */
  computeDigest(p: { user: string; password: string }): Promise<{ id: string; acl: AclEntry }>
  /** Creates one node (and, if asked, its missing parents in the same transaction). */
  createNode(p: CreateNodeParams): Promise<CreateNodeResult>
  /** Replaces the data if the node is still at `version`; otherwise returns theirs. */
  setData(p: SetDataParams): Promise<SetDataResult>
  /** Deletes one node at `version`; NOT_EMPTY when it has children (use deleteTree). */
  deleteNode(p: { connectionId: string; path: string; version: number }): Promise<{ path: string }>
  /** Replaces the ACL if the node's ACL is still at `aversion`. */
  setAcl(p: { connectionId: string; path: string; acl: AclEntry[]; aversion: number }): Promise<{ path: string; stat: ZnodeStat }>
  /** Whether the last data edit the console made on this node can be undone. */
  getUndo(p: ZnodeRef): Promise<UndoInfo>
  /** Writes back the bytes before the last edit, if the node has not moved since (else a conflict). */
  undoEdit(p: ZnodeRef): Promise<SetDataResult>
  /** Counts a subtree and lists a sample, its ephemeral nodes and owners: what a recursive operation would touch. */
  previewSubtree(p: PreviewParams): Promise<SubtreePreview>
  /** Deletes a subtree bottom-up in multi-op batches, each node at the version read just before. */
  deleteTree(p: DeleteTreeParams): Promise<OperationReport>
  /** Copies a subtree (data and ACLs) within a connection or to another one. */
  copyTree(p: TransferParams): Promise<TransferReport>
  /** Copies, verifies, then deletes the source (only what was copied and has not changed since). */
  moveTree(p: TransferParams): Promise<TransferReport>
  /** Sets the same ACL on every node of a subtree, each at the aversion read just before. */
  setAclTree(p: SetAclTreeParams): Promise<OperationReport>
  /** Writes a subtree to a file (streamed) or returns it as text (capped). */
  exportTree(p: ExportParams): Promise<ExportResult>
  /** The dry run: reads the file and the target, and plans creates, updates, unchanged and conflicts. Writes nothing. */
  planImport(p: ImportPlanParams): Promise<ImportPlan>
  /** Applies a plan; updates carry the versions read by the dry run. */
  applyImport(p: { operationId: string; planId: string }): Promise<OperationReport>
  discardImport(p: { planId: string }): Promise<void>
  /** Compares two subtrees on the same or different connections. */
  diffTrees(p: DiffParams): Promise<DiffResult>
  /** The audit log, newest first, page by page. */
  listAudit(p: AuditQuery): Promise<AuditPage>
  /** The audit log (optionally one connection's) as NDJSON, to a file or inline. */
  exportAudit(p: { destination: Destination; connectionId?: string }): Promise<{ entries: number; bytes: number; filePath?: string; text?: string }>
}

export interface EditEvents {
  'edit.progress': EditProgress
  'edit.done': EditDone
}

/** Largest inline export, import or audit export: one WebSocket message stays reasonable. */
export const INLINE_LIMIT_BYTES = 32 * 1024 * 1024
/** Base64 of 1 MiB. */
const MAX_BASE64 = Math.ceil((1024 * 1024) / 3) * 4

const zId = z.string().min(1).max(200)
const zBase64 = z
  .string()
  .max(MAX_BASE64, 'data over 1 MiB')
  .refine((s) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s), 'data must be base64')
const zVersion = z.number().int().min(0, 'give the version you read: there is no blind overwrite').max(2 ** 31 - 1)
const zAclEntry = z.strictObject({
  scheme: z.string().min(1).max(64),
  id: z.string().max(1024),
  perms: z.number().int().min(1).max(31),
})
const zAcl = z.array(zAclEntry).min(1).max(64)
const zFilePath = z.string().min(1).max(4096)
const zDestination = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('file'), path: zFilePath, overwrite: z.boolean() }),
  z.strictObject({ kind: z.literal('inline'), maxBytes: z.number().int().min(1).max(INLINE_LIMIT_BYTES) }),
])

/** One runtime validator per EditApi method; `tsc` fails when one drifts from the interface. */
export type EditParamSchemas = { [M in keyof EditApi]: z.ZodType<Parameters<EditApi[M]>[0]> }

export const editParamSchemas = (zPath: z.ZodType<string>): EditParamSchemas => {
  const zRef = z.strictObject({ connectionId: zId, path: zPath })
  const zTransfer = z.strictObject({ operationId: zId, source: zRef, target: zRef, verify: z.boolean() })
  // As many as the tree can load and show: a shift-click across a 100,000-child parent.
  const zMorePaths = z.array(zPath).max(100_000)
  return {
    getEditCapabilities: z.strictObject({ connectionId: zId }),
    computeDigest: z.strictObject({
      user: z.string().min(1).max(256).regex(/^[^:]+$/, 'a digest user may not contain ":"'),
      password: z.string().max(1024),
    }),
    createNode: z.strictObject({
      connectionId: zId,
      path: zPath,
      data: zBase64,
      mode: z.enum(CREATE_MODES),
      acl: zAcl.optional(),
      createParents: z.boolean(),
    }),
    setData: z.strictObject({ connectionId: zId, path: zPath, data: zBase64, version: zVersion }),
    deleteNode: z.strictObject({ connectionId: zId, path: zPath, version: zVersion }),
    setAcl: z.strictObject({ connectionId: zId, path: zPath, acl: zAcl, aversion: zVersion }),
    getUndo: zRef,
    undoEdit: zRef,
    previewSubtree: z.strictObject({
      operationId: zId,
      connectionId: zId,
      path: zPath,
      morePaths: zMorePaths.optional(),
      maxNodes: z.number().int().min(1).max(10_000_000),
      sampleSize: z.number().int().min(0).max(10_000),
    }),
    deleteTree: z.strictObject({ operationId: zId, connectionId: zId, path: zPath, morePaths: zMorePaths.optional(), keepRoot: z.boolean() }),
    copyTree: zTransfer,
    moveTree: zTransfer,
    setAclTree: z.strictObject({ operationId: zId, connectionId: zId, path: zPath, acl: zAcl }),
    exportTree: z.strictObject({
      operationId: zId,
      connectionId: zId,
      path: zPath,
      format: z.enum(EXPORT_FORMATS),
      includeEphemeral: z.boolean(),
      destination: zDestination,
    }),
    planImport: z.strictObject({
      operationId: zId,
      connectionId: zId,
      targetPath: zPath,
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('file'), path: zFilePath }),
        z.strictObject({ kind: z.literal('inline'), text: z.string().max(INLINE_LIMIT_BYTES) }),
      ]),
      format: z.enum(EXPORT_FORMATS),
      includeEphemeral: z.boolean(),
      existing: z.enum(['update', 'skip']),
      acl: z.enum(['from-file', 'default']),
    }),
    applyImport: z.strictObject({ operationId: zId, planId: zId }),
    discardImport: z.strictObject({ planId: zId }),
    diffTrees: z.strictObject({
      operationId: zId,
      left: zRef,
      right: zRef,
      compareAcl: z.boolean(),
      includeEphemeral: z.boolean(),
      maxNodes: z.number().int().min(1).max(10_000_000),
      maxEntries: z.number().int().min(0).max(1_000_000),
      destination: zDestination.optional(),
    }),
    listAudit: z.strictObject({
      limit: z.number().int().min(1).max(10_000),
      cursor: z.number().int().min(0).optional(),
      connectionId: zId.optional(),
      operationId: zId.optional(),
      path: zPath.optional(),
    }),
    exportAudit: z.strictObject({ destination: zDestination, connectionId: zId.optional() }),
  }
}
