/** Turns an import file into target nodes: parse, map onto the target path, drop what cannot be imported. */
import { ZkError } from '../../../shared/protocol/errors'
import type { ImportPlan, ImportPlanParams } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import { parseExport } from '../../../shared/zk/export-format'
import { checkPath } from '../../../shared/zk/path'
import { parseProperties } from '../../../shared/zk/properties-format'
import { isReservedPath } from '../../../shared/zk/write-rules'
import { joinRel } from './subtree-scan'

export interface WantedNode {
  path: string
  data: Buffer
  acl?: AclEntry[]
}

export interface ImportInput {
  nodes: WantedNode[]
  sourceRoot?: string
  issues: ImportPlan['parseIssues']
}

export function readImport(text: string, p: Pick<ImportPlanParams, 'format' | 'targetPath' | 'includeEphemeral'>): ImportInput {
  const issues: ImportPlan['parseIssues'] = []
  const raw: { rel: string; bytes: Uint8Array; acl?: AclEntry[] }[] = []
  let sourceRoot: string | undefined
  try {
    if (p.format === 'json') {
      const parsed = parseExport(text)
      sourceRoot = parsed.header.root
      issues.push(...parsed.issues)
      let ephemeral = 0
      for (const node of parsed.nodes) {
        if (node.ephemeral && !p.includeEphemeral) ephemeral += 1
        else raw.push(node.acl ? { rel: node.rel, bytes: node.bytes, acl: node.acl } : { rel: node.rel, bytes: node.bytes })
      }
      if (ephemeral) issues.push({ message: `${ephemeral} ephemeral node(s) in the file were left out (they would be created persistent)` })
    } else {
      const parsed = parseProperties(text)
      issues.push(...parsed.issues)
      // The file holds absolute paths: they land below the target path, so "/" puts them back where they were.
      for (const entry of parsed.entries) raw.push({ rel: entry.path, bytes: entry.bytes })
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new ZkError('INVALID_PARAMS', `cannot read the ${p.format} import: ${error.message}`)
    throw error
  }
  const nodes: WantedNode[] = []
  for (const { rel, bytes, acl } of raw) {
    const path = joinRel(p.targetPath, rel)
    const check = checkPath(path)
    if (!check.ok) {
      issues.push({ message: `${path}: not a valid path (${check.problem})` })
      continue
    }
    if (isReservedPath(path)) {
      issues.push({ message: `${path}: /zookeeper is reserved for ZooKeeper itself` })
      continue
    }
    const node: WantedNode = { path, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }
    if (acl) node.acl = acl
    nodes.push(node)
  }
  return sourceRoot === undefined ? { nodes, issues } : { nodes, issues, sourceRoot }
}
