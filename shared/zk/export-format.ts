/**
 * The JSON export format (docs/export-format.md), version 1: written in
 * pieces so a 100,000-node export streams to disk, read back whole for an
 * import. Base64 is the truth; `text` is a convenience for people reading
 * the file, and the only field a hand-written entry needs.
 */
import { z } from 'zod'
import type { AclEntry } from '../protocol/types'
import type { ZnodeStat } from './stat'
import { base64ToBytes, bytesToBase64 } from './base64'
import { decodeUtf8, looksBinary } from './node-data'
import { checkPath, isWithin } from './path'

export const EXPORT_FORMAT_ID = 'zookeeper-console-export'
export const EXPORT_FORMAT_VERSION = 1

export interface ExportHeader {
  format: typeof EXPORT_FORMAT_ID
  version: typeof EXPORT_FORMAT_VERSION
  /** ISO time the export started. */
  exportedAt: string
  source: { connectString: string; chroot?: string; root: string }
  includeEphemeral: boolean
}

/** One node of the file. */
export interface ExportNode {
  /** Absolute path at export time. */
  path: string
  /** Path relative to the export's root: "" for the root, "/a/b" below it. */
  rel: string
  /** The bytes, base64. */
  base64: string
  /** The bytes as UTF-8, present only when they decode cleanly as text. */
  text?: string
  acl: AclEntry[]
  /** For reference only; an import ignores it. */
  stat: ZnodeStat
  /** Present (true) only for ephemeral nodes, which are exported only when asked. */
  ephemeral?: true
}

export interface ExportSummary {
  nodes: number
  skippedEphemeral: number
  unreadable: number
}

/** Everything before the first node. */
export function exportPrefix(header: ExportHeader): string {
  const head = JSON.stringify(header)
  return `${head.slice(0, -1)},\n"nodes": [\n`
}

/** One node, one line, so the file diffs and greps well. */
export function exportNodeText(node: ExportNode, first: boolean): string {
  return `${first ? '' : ',\n'}${JSON.stringify(node)}`
}

/** Everything after the last node; its presence tells a reader the export finished. */
export function exportSuffix(summary: ExportSummary): string {
  return `\n],\n"summary": ${JSON.stringify(summary)}}\n`
}

/** `base64` may be given when the caller has a faster encoder (Node's Buffer). */
export function toExportNode(path: string, rel: string, bytes: Uint8Array, acl: AclEntry[], stat: ZnodeStat, base64?: string): ExportNode {
  const text = bytes.length === 0 ? '' : decodeUtf8(bytes)
  const node: ExportNode = { path, rel, base64: base64 ?? bytesToBase64(bytes), acl, stat }
  if (text !== undefined && !looksBinary(text)) node.text = text
  if (stat.ephemeralOwner !== '0x0') node.ephemeral = true
  return node
}

/** A node read from a file, ready to plan. */
export interface ImportNode {
  rel: string
  bytes: Uint8Array
  acl?: AclEntry[]
  ephemeral: boolean
}

export interface ParsedExport {
  header: { root: string; connectString?: string; exportedAt?: string }
  nodes: ImportNode[]
  issues: { line?: number; message: string }[]
}

const zAcl = z.array(z.object({ scheme: z.string().min(1), id: z.string(), perms: z.number().int().min(1).max(31) })).min(1)
const zNode = z.object({
  path: z.string().optional(),
  rel: z.string().optional(),
  base64: z.string().optional(),
  text: z.string().optional(),
  acl: zAcl.optional(),
  ephemeral: z.boolean().optional(),
})
const zFile = z.object({
  format: z.literal(EXPORT_FORMAT_ID),
  version: z.literal(EXPORT_FORMAT_VERSION),
  exportedAt: z.string().optional(),
  source: z.object({ connectString: z.string().optional(), root: z.string() }),
  nodes: z.array(z.unknown()),
  summary: z.object({ nodes: z.number() }).optional(),
})

const encoder = new TextEncoder()

function relOf(entry: z.infer<typeof zNode>, root: string): string | undefined {
  if (entry.rel !== undefined) return entry.rel === '' || checkPath(entry.rel).ok ? entry.rel : undefined
  if (entry.path === undefined || !checkPath(entry.path).ok || !isWithin(entry.path, root)) return undefined
  if (entry.path === root) return ''
  return root === '/' ? entry.path : entry.path.slice(root.length)
}

/** Parses and checks a whole export; entries that cannot be used become issues, the rest still import. */
export function parseExport(text: string): ParsedExport {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new SyntaxError(`not JSON (${error instanceof Error ? error.message : String(error)}); a cut-off export is not valid JSON`, { cause: error })
  }
  const file = zFile.safeParse(raw)
  if (!file.success) throw new SyntaxError(`not a ${EXPORT_FORMAT_ID} version ${EXPORT_FORMAT_VERSION} file: ${file.error.issues[0]?.message ?? 'invalid'}`)
  const root = file.data.source.root
  if (!checkPath(root).ok) throw new SyntaxError(`source.root "${root}" is not a valid path`)
  const nodes: ImportNode[] = []
  const issues: ParsedExport['issues'] = []
  const seen = new Set<string>()
  file.data.nodes.forEach((value, index) => {
    const entry = zNode.safeParse(value)
    const where = `node ${index + 1}`
    if (!entry.success) return issues.push({ message: `${where}: ${entry.error.issues[0]?.message ?? 'invalid'}` })
    const rel = relOf(entry.data, root)
    if (rel === undefined) return issues.push({ message: `${where}: no valid "rel", or a "path" outside ${root}` })
    if (seen.has(rel)) return issues.push({ message: `${where}: "${rel || '(root)'}" appears twice` })
    let bytes: Uint8Array
    try {
      bytes = entry.data.base64 !== undefined ? base64ToBytes(entry.data.base64) : encoder.encode(entry.data.text ?? '')
    } catch {
      return issues.push({ message: `${where}: "base64" is not base64` })
    }
    seen.add(rel)
    const node: ImportNode = { rel, bytes, ephemeral: entry.data.ephemeral === true }
    if (entry.data.acl) node.acl = entry.data.acl
    nodes.push(node)
  })
  if (!file.data.summary) issues.push({ message: 'the file has no summary: the export may not have finished' })
  const header: ParsedExport['header'] = { root }
  if (file.data.source.connectString !== undefined) header.connectString = file.data.source.connectString
  if (file.data.exportedAt !== undefined) header.exportedAt = file.data.exportedAt
  return { header, nodes, issues }
}
