/**
 * What the dialogs of long subtree operations (delete, copy/move, recursive ACL) share:
 * the footer that turns into Close once the operation has finished, and the end of the
 * body showing progress while it runs and the report (or the error) after.
 */
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperationReport } from '../../../../shared/protocol/edit-api'
import { selectDone, useEditStore } from '../../stores/edit-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { OperationProgress } from './OperationProgress'
import { OperationReportView } from './OperationReportView'
import type { Operation } from './use-operation'

export function OperationFooter({ finished, ready, danger, onClose, children }: { finished: boolean; ready: boolean; danger?: boolean; onClose(): void; children: ReactNode }) {
  const { t } = useTranslation()
  if (finished) {
    return (
      <button type="button" className="btn btn-primary" onClick={onClose}>
        {t('app.close')}
      </button>
    )
  }
  return (
    <>
      <button type="button" className="btn" onClick={onClose}>
        {t('app.cancel')}
      </button>
      <button type="submit" className={danger ? 'btn btn-primary btn-danger-fill' : 'btn btn-primary'} disabled={!ready}>
        {children}
      </button>
    </>
  )
}

interface OutcomeProps {
  op: Operation
  finished: boolean
  /** The report the call resolved with, if it did. */
  report: OperationReport | null
  /** False when the operation ended as a single request, which has no report. */
  withReport?: boolean
  /** The error of the call, already in words. */
  error: string | null
}

export function OperationOutcome({ op, finished, report, withReport = true, error }: OutcomeProps) {
  const done = useEditStore(selectDone(op.operationId))
  // The call can fail (cancelled, connection lost) after the backend sent its report as edit.done.
  const shown = report ?? done?.report
  return (
    <>
      {op.running && <OperationProgress operationId={op.operationId} onCancel={op.cancel} />}
      {finished && withReport && (shown || done?.error) && <OperationReportView report={shown} error={done?.error} />}
      {/* A report (sent even when the call failed or was cancelled) already tells how it ended. */}
      {error && !(withReport && shown) && <ErrorMessage>{error}</ErrorMessage>}
    </>
  )
}
