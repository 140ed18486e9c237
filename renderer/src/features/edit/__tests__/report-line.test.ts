import { describe, expect, it } from 'vitest'
import type { OperationReport } from '../../../../../shared/protocol/edit-api'
import { createI18n } from '../../../i18n/i18n'
import { reportLine } from '../report-line'

const en = createI18n('en').t
const zh = createI18n('zh-CN').t

function report(overrides: Partial<OperationReport>): OperationReport {
  return {
    operationId: 'op', operation: 'delete-tree', outcome: 'cancelled', message: 'the backend line, English only',
    total: 42_021, succeeded: 5_000, failed: 0, skipped: 0, uncertain: 0, notAttempted: 37_021,
    issues: [], issuesTruncated: false, atomic: false, batches: 5, elapsedMs: 900,
    ...overrides,
  }
}

describe('reportLine', () => {
  it('names what was done to how many nodes, in the UI language rather than the backend sentence', () => {
    expect(reportLine(en, report({}))).toBe('deleted 5,000 of 42,021 nodes')
    expect(reportLine(zh, report({}))).toBe('已删除 42,021 个节点中的 5,000 个')
    expect(reportLine(en, report({ operation: 'set-acl-tree', total: 1, succeeded: 1, outcome: 'complete' }))).toBe('set the ACL of 1 of 1 node')
  })

  it('says what stopped an interrupted operation', () => {
    const stopped = report({ operation: 'copy-tree', outcome: 'interrupted', error: { code: 'CONNECTION_LOSS', message: 'socket closed' } })
    expect(reportLine(en, stopped)).toMatch(/^copied 5,000 of 42,021 nodes; stopped: .+/)
    expect(reportLine(zh, stopped)).toMatch(/^已复制 42,021 个节点中的 5,000 个；已停止：.+/)
  })
})
