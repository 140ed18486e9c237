import type { TFunction } from 'i18next'
import type { OperationReport } from '../../../../shared/protocol/edit-api'
import { describeCode } from '../../i18n/describe-error'

/** Which sentence names what an operation did to its nodes (the backend's own line is English only). */
const LINE_KEY = {
  'delete-tree': 'edit.report.lines.delete',
  'copy-tree': 'edit.report.lines.copy',
  'move-tree': 'edit.report.lines.move',
  'set-acl-tree': 'edit.report.lines.acl',
  import: 'edit.report.lines.import',
} as const

/** "deleted 5,000 of 42,021 nodes", and for an interrupted operation what stopped it, in the UI's language. */
export function reportLine(t: TFunction, report: OperationReport): string {
  const key = report.operation in LINE_KEY ? LINE_KEY[report.operation as keyof typeof LINE_KEY] : 'edit.report.lines.write'
  const line = t(key, { done: report.succeeded, count: report.total })
  if (report.outcome !== 'interrupted' || !report.error) return line
  return t('edit.report.stoppedBy', { line, reason: describeCode(t, report.error.code, report.error.message) })
}
