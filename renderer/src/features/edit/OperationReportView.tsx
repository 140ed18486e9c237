import { useTranslation } from 'react-i18next'
import type { OperationReport, StepCounts, TransferReport } from '../../../../shared/protocol/edit-api'
import type { ErrorInfo } from '../../../../shared/protocol/errors'
import { describeCode } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { reportLine } from './report-line'

function isTransfer(report: OperationReport): report is TransferReport {
  return 'source' in report && 'target' in report
}

function Counts({ label, counts }: { label: string; counts: StepCounts }) {
  const { t } = useTranslation()
  const cells: [string, number][] = [
    [t('edit.report.succeeded'), counts.succeeded],
    [t('edit.report.failed'), counts.failed],
    [t('edit.report.skipped'), counts.skipped],
    [t('edit.report.uncertain'), counts.uncertain],
    [t('edit.report.notAttempted'), counts.notAttempted],
  ]
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{counts.total}</td>
      {cells.map(([name, value]) => (
        <td key={name} className={value > 0 && name !== t('edit.report.succeeded') ? 'edit-count-bad' : undefined}>
          {value}
        </td>
      ))}
    </tr>
  )
}

/** The final report of a write operation: outcome, counts, issues, and for copies and moves the verification. */
export function OperationReportView({ report, error }: { report?: OperationReport; error?: ErrorInfo }) {
  const { t } = useTranslation()
  if (!report) return error ? <ErrorMessage>{describeCode(t, error.code, error.message)}</ErrorMessage> : null
  const tone = report.outcome === 'complete' ? 'ok' : 'bad'
  const transfer = isTransfer(report) ? report : null
  return (
    <section className="edit-report" aria-label={t('edit.report.title')}>
      <p className={`edit-outcome edit-outcome-${tone}`} role="status">
        {t(`edit.outcome.${report.outcome}`)} — {reportLine(t, report)}
      </p>
      {!report.atomic && report.total > 1 && <p className="field-hint">{t('edit.report.notAtomic', { batches: report.batches })}</p>}
      <table className="mini-table edit-counts">
        <thead>
          <tr>
            <th />
            <th scope="col">{t('edit.report.total')}</th>
            <th scope="col">{t('edit.report.succeeded')}</th>
            <th scope="col">{t('edit.report.failed')}</th>
            <th scope="col">{t('edit.report.skipped')}</th>
            <th scope="col">{t('edit.report.uncertain')}</th>
            <th scope="col">{t('edit.report.notAttempted')}</th>
          </tr>
        </thead>
        <tbody>
          <Counts label={t(transfer ? 'edit.report.creates' : 'edit.report.writes')} counts={report} />
          {transfer?.removal && <Counts label={t('edit.report.removal')} counts={transfer.removal} />}
        </tbody>
      </table>
      {transfer && (transfer.left.ephemeral > 0 || transfer.left.unreadable > 0) && (
        <p className="field-hint">{t('edit.report.left', transfer.left)}</p>
      )}
      {transfer?.verification && (
        <p className={transfer.verification.ok ? 'field-ok' : 'field-error'}>
          {transfer.verification.ok
            ? t('edit.report.verified', { found: transfer.verification.found })
            : t('edit.report.verifyFailed', {
                missing: transfer.verification.missing.length,
                mismatched: transfer.verification.dataMismatch.length + transfer.verification.aclMismatch.length,
              })}
        </p>
      )}
      {report.issues.length > 0 && (
        <ul className="edit-issues" aria-label={t('edit.report.issues')}>
          {report.issues.map((issue) => (
            <li key={`${issue.op}:${issue.path}`}>
              <span className="mono">{issue.path}</span> — {t(`edit.issue.${issue.status}`)}: {describeCode(t, issue.code, issue.message)}
            </li>
          ))}
          {report.issuesTruncated && <li className="muted">{t('edit.report.moreIssues')}</li>}
        </ul>
      )}
      {report.error && <ErrorMessage>{describeCode(t, report.error.code, report.error.message)}</ErrorMessage>}
    </section>
  )
}
