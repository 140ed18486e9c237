/** Re-reads a copied subtree and compares it with what was read from the source: counts, bytes, ACLs. */
import type { VerificationResult } from '../../../shared/protocol/edit-api'
import { sameAcl } from '../../../shared/zk/acl-spec'
import { scanSubtree, type ScanSession, type ScannedNode } from './subtree-scan'

const MAX_LISTED = 100

export async function verifyCopy(session: ScanSession, targetRoot: string, expected: readonly ScannedNode[], signal?: AbortSignal): Promise<VerificationResult> {
  const byRel = new Map(expected.map((node) => [node.rel, node]))
  const result: VerificationResult = {
    ok: false,
    expected: expected.length,
    found: 0,
    missing: [],
    extra: [],
    dataMismatch: [],
    aclMismatch: [],
    unreadable: 0,
    listsTruncated: false,
  }
  const list = (into: string[], path: string) => {
    if (into.length < MAX_LISTED) into.push(path)
    else result.listsTruncated = true
  }
  let mismatches = 0
  const scan = await scanSubtree(session, {
    root: targetRoot,
    maxNodes: expected.length * 2 + 1000,
    withData: true,
    withAcl: true,
    ...(signal ? { signal } : {}),
    onNode: (node) => {
      result.found += 1
      const source = byRel.get(node.rel)
      if (!source) {
        mismatches += 1
        list(result.extra, node.path)
        return undefined
      }
      byRel.delete(node.rel)
      if (!(node.data ?? Buffer.alloc(0)).equals(source.data ?? Buffer.alloc(0))) {
        mismatches += 1
        list(result.dataMismatch, node.path)
      }
      if (node.acl && source.acl && !sameAcl(node.acl, source.acl)) {
        mismatches += 1
        list(result.aclMismatch, node.path)
      }
      return undefined
    },
  })
  result.unreadable = scan.unreadable
  for (const node of byRel.values()) list(result.missing, node.rel === '' ? targetRoot : `${targetRoot === '/' ? '' : targetRoot}${node.rel}`)
  result.ok = mismatches === 0 && byRel.size === 0 && scan.unreadable === 0
  return result
}
