import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransferReport } from '../../../../shared/protocol/edit-api'
import { baseName, joinPath, parentPath } from '../../../../shared/zk/path'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ConnectionSelect } from './ConnectionSelect'
import { OperationFooter, OperationOutcome } from './OperationDialogParts'
import { writePathProblem } from './path-problem'
import { showChanges } from './tree-sync'
import { useOperation } from './use-operation'
import { useWriteGuard } from './write-guard'

type Mode = 'copy' | 'move' | 'rename'

/** Copy, move or rename a subtree, within this connection or to another open one; data and ACLs carried over, then verified. */
export function TransferDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const id = useId()
  const op = useOperation()
  const [mode, setMode] = useState<Mode>('copy')
  const [targetId, setTargetId] = useState(connectionId)
  const [target, setTarget] = useState(`${path}-copy`)
  const [name, setName] = useState(baseName(path))
  const [verify, setVerify] = useState(true)
  const [report, setReport] = useState<TransferReport | null>(null)
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const sourceGuard = useWriteGuard(connectionId)
  const targetGuard = useWriteGuard(mode === 'rename' ? connectionId : targetId)

  const targetPath = mode === 'rename' ? joinPath(parentPath(path) ?? '/', name) : target
  const toConnection = mode === 'rename' ? connectionId : targetId
  const problem = writePathProblem(targetPath) ?? (name.includes('/') && mode === 'rename' ? { key: 'edit.path.empty-segment' as const } : undefined)
  const blocked = targetGuard.readOnly ? t('edit.transfer.targetReadOnly') : mode !== 'copy' && sourceGuard.readOnly ? t('edit.transfer.sourceReadOnly') : null
  const ready = !problem && !blocked && !op.running && !finished && targetPath !== path

  const submit = async () => {
    if (!ready) return
    setError(null)
    const action = t(`edit.transfer.confirm.${mode}`, { path, target: targetPath })
    if (!(await targetGuard.confirm(action))) return
    if (mode !== 'copy' && toConnection !== connectionId && !(await sourceGuard.confirm(action))) return
    const method = mode === 'copy' ? 'copyTree' : 'moveTree'
    try {
      setReport(
        await op.run((operationId, signal) =>
          client.call(method, { operationId, source: { connectionId, path }, target: { connectionId: toConnection, path: targetPath }, verify }, { signal, timeoutMs: 0 }),
        ),
      )
    } catch (e) {
      setError(describeError(t, e))
    } finally {
      setFinished(true)
      await showChanges(client.api, toConnection, [targetPath])
      if (mode !== 'copy') await showChanges(client.api, connectionId, [path])
    }
  }

  return (
    <Dialog
      title={t('edit.transfer.title', { path })}
      width={600}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <OperationFooter finished={finished} ready={ready} onClose={onClose}>
          {t(`edit.transfer.submit.${mode}`)}
        </OperationFooter>
      }
    >
      <div className="edit-form">
        {!finished && !op.running && (
          <>
            <fieldset className="fieldset">
              <legend className="field-label">{t('edit.transfer.mode')}</legend>
              <div className="radio-group edit-inline">
                {(['copy', 'move', 'rename'] as const).map((m) => (
                  <label key={m} className="check">
                    <input type="radio" name="transfer-mode" checked={mode === m} onChange={() => setMode(m)} />
                    {t(`edit.transfer.modes.${m}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            {mode === 'rename' ? (
              <div className="field">
                <label className="field-label" htmlFor={`${id}-name`}>
                  {t('edit.transfer.newName')}
                </label>
                <input id={`${id}-name`} className="input mono" value={name} onChange={(e) => setName(e.target.value)} />
              </div>
            ) : (
              <div className="edit-grid">
                <label className="field-label" htmlFor={`${id}-conn`}>
                  {t('edit.transfer.targetConnection')}
                </label>
                <ConnectionSelect id={`${id}-conn`} value={targetId} onChange={setTargetId} />
                <label className="field-label" htmlFor={`${id}-target`}>
                  {t('edit.transfer.targetPath')}
                </label>
                <input id={`${id}-target`} className="input mono" spellCheck={false} value={target} aria-invalid={problem ? true : undefined} onChange={(e) => setTarget(e.target.value)} />
              </div>
            )}
            {problem && <span className="field-error">{t(problem.key, { index: (problem.index ?? 0) + 1 })}</span>}
            <span className="field-hint">{t('edit.transfer.hint')}</span>
            <label className="check">
              <input type="checkbox" checked={verify} onChange={(e) => setVerify(e.target.checked)} />
              {t('edit.transfer.verify')}
            </label>
            {blocked && <ErrorMessage tone="warning">{blocked}</ErrorMessage>}
          </>
        )}
        <OperationOutcome op={op} finished={finished} report={report} error={error} />
      </div>
    </Dialog>
  )
}
