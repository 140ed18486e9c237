import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ExportFormat, ImportPlan, OperationReport } from '../../../../shared/protocol/edit-api'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { selectDone, useEditStore } from '../../stores/edit-store'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ImportPlanTable } from './ImportPlanTable'
import { ImportSourceField, toImportSource, type SourceState } from './ImportSourceField'
import { OperationProgress } from './OperationProgress'
import { OperationReportView } from './OperationReportView'
import { writePathProblem } from './path-problem'
import { showChanges } from './tree-sync'
import { useOperation } from './use-operation'
import { useEditCapabilities, useWriteGuard } from './write-guard'

/** Import: a dry-run plan first, applied only after the user confirms; then progress and a report. */
export function ImportDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const id = useId()
  const caps = useEditCapabilities(connectionId)
  const guard = useWriteGuard(connectionId)
  const op = useOperation()
  const done = useEditStore(selectDone(op.operationId))
  const [source, setSource] = useState<SourceState>({ filePath: '', text: '', fileName: null })
  const [targetPath, setTargetPath] = useState(path)
  const [format, setFormat] = useState<ExportFormat>('json')
  const [existing, setExisting] = useState<'update' | 'skip'>('skip')
  const [acl, setAcl] = useState<'from-file' | 'default'>('from-file')
  const [plan, setPlan] = useState<ImportPlan | null>(null)
  const [report, setReport] = useState<OperationReport | null>(null)
  const [applied, setApplied] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const pending = useRef<string | null>(null)

  // A plan not applied holds the backend's copy of the file until it expires: give it back.
  useEffect(() => () => {
    if (pending.current) void client.api.discardImport({ planId: pending.current }).catch(() => undefined)
  }, [client])

  const fileAccess = caps?.fileAccess ?? false
  const importSource = toImportSource(fileAccess, source)
  const targetProblem = targetPath === '/' ? undefined : writePathProblem(targetPath)
  const canPlan = importSource && !targetProblem && !op.running && !guard.readOnly

  const dryRun = async () => {
    if (!canPlan) return
    setError(null)
    setPlan(null)
    try {
      const next = await op.run((operationId, signal) =>
        client.call('planImport', { operationId, connectionId, targetPath, source: importSource, format, includeEphemeral: false, existing, acl }, { signal, timeoutMs: 0 }),
      )
      pending.current = next.planId
      setPlan(next)
    } catch (e) {
      setError(describeError(t, e))
    }
  }

  const apply = async () => {
    if (!plan || op.running) return
    const writes = plan.counts.create + plan.counts.update
    if (!(await guard.confirm(t('edit.import.confirm', { count: writes, path: targetPath })))) return
    setError(null)
    pending.current = null
    try {
      setReport(await op.run((operationId, signal) => client.call('applyImport', { operationId, planId: plan.planId }, { signal, timeoutMs: 0 })))
    } catch (e) {
      setError(describeError(t, e))
    } finally {
      setApplied(true)
      await showChanges(client.api, connectionId, [targetPath, `${targetPath}/x`])
    }
  }

  const writes = plan ? plan.counts.create + plan.counts.update : 0
  const shown = report ?? done?.report
  return (
    <Dialog
      title={t('edit.import.title')}
      width={760}
      onClose={onClose}
      onSubmit={() => void (plan ? apply() : dryRun())}
      footer={
        applied ? (
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('app.close')}
          </button>
        ) : (
          <>
            <button type="button" className="btn" onClick={onClose}>
              {t('app.cancel')}
            </button>
            {plan && (
              <button type="button" className="btn" disabled={op.running} onClick={() => setPlan(null)}>
                {t('edit.import.back')}
              </button>
            )}
            {plan ? (
              <button type="submit" className="btn btn-primary" disabled={op.running || writes === 0}>
                {t('edit.import.apply', { count: writes })}
              </button>
            ) : (
              <button type="submit" className="btn btn-primary" disabled={!canPlan}>
                {t('edit.import.dryRun')}
              </button>
            )}
          </>
        )
      }
    >
      <div className="edit-form">
        {!plan && !applied && (
          <>
            <ImportSourceField fileAccess={fileAccess} value={source} onChange={setSource} />
            <div className="edit-grid">
              <label className="field-label" htmlFor={`${id}-format`}>
                {t('edit.export.format')}
              </label>
              <select id={`${id}-format`} className="select" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
                <option value="json">{t('edit.export.formats.json')}</option>
                <option value="properties">{t('edit.export.formats.properties')}</option>
              </select>
              <label className="field-label" htmlFor={`${id}-target`}>
                {t('edit.import.target')}
              </label>
              <input id={`${id}-target`} className="input mono" value={targetPath} aria-invalid={targetProblem ? true : undefined} onChange={(e) => setTargetPath(e.target.value)} />
              <label className="field-label" htmlFor={`${id}-existing`}>
                {t('edit.import.existing')}
              </label>
              <select id={`${id}-existing`} className="select" value={existing} onChange={(e) => setExisting(e.target.value as 'update' | 'skip')}>
                <option value="skip">{t('edit.import.existingSkip')}</option>
                <option value="update">{t('edit.import.existingUpdate')}</option>
              </select>
              <label className="field-label" htmlFor={`${id}-acl`}>
                {t('edit.import.acl')}
              </label>
              <select id={`${id}-acl`} className="select" value={acl} onChange={(e) => setAcl(e.target.value as 'from-file' | 'default')}>
                <option value="from-file">{t('edit.import.aclFromFile')}</option>
                <option value="default">{t('edit.import.aclDefault')}</option>
              </select>
            </div>
            {targetProblem && <span className="field-error">{t(targetProblem.key, { index: (targetProblem.index ?? 0) + 1 })}</span>}
          </>
        )}
        {plan && !applied && !op.running && <ImportPlanTable plan={plan} />}
        {op.running && <OperationProgress operationId={op.operationId} onCancel={op.cancel} />}
        {applied && (shown || done?.error) && <OperationReportView report={shown} error={done?.error} />}
        {/* A report (sent even when the call failed or was cancelled) already tells how it ended. */}
        {error && !shown && <ErrorMessage>{error}</ErrorMessage>}
      </div>
    </Dialog>
  )
}
