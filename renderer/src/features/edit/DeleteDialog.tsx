import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperationReport } from '../../../../shared/protocol/edit-api'
import { baseName } from '../../../../shared/zk/path'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { OperationProgress } from './OperationProgress'
import { OperationFooter, OperationOutcome } from './OperationDialogParts'
import { SubtreePreviewView } from './SubtreePreviewView'
import { showChanges } from './tree-sync'
import { TypedConfirm } from './TypedConfirm'
import { useOperation } from './use-operation'
import { usePreview } from './use-preview'
import { useWriteGuard } from './write-guard'

/** From this many nodes on, a delete asks for the node's name to be typed. */
export const LARGE_DELETE = 10

/** Delete one node or a subtree: preview, confirmation, progress, report. */
export function DeleteDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const guard = useWriteGuard(connectionId)
  const { preview, error: previewError, op: previewOp } = usePreview(connectionId, path)
  const op = useOperation()
  const [keepRoot, setKeepRoot] = useState(false)
  const [typed, setTyped] = useState('')
  const [report, setReport] = useState<OperationReport | null>(null)
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const name = baseName(path)
  const mustType = guard.confirmWrites || (preview?.nodeCount ?? 0) >= LARGE_DELETE
  const ready = preview && !guard.readOnly && (!mustType || typed === name) && !op.running && !finished
  const single = preview?.nodeCount === 1 && !keepRoot

  const submit = async () => {
    if (!ready) return
    setError(null)
    try {
      if (single) {
        await client.api.deleteNode({ connectionId, path, version: preview.rootStat.version })
      } else {
        setReport(
          await op.run((operationId, signal) =>
            client.call('deleteTree', { operationId, connectionId, path, keepRoot }, { signal, timeoutMs: 0 }),
          ),
        )
      }
    } catch (e) {
      setError(describeError(t, e))
    } finally {
      setFinished(true)
      await showChanges(client.api, connectionId, [keepRoot ? `${path}/x` : path])
    }
  }

  return (
    <Dialog
      title={t('edit.delete.title', { path })}
      width={600}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <OperationFooter finished={finished} ready={Boolean(ready)} danger onClose={onClose}>
          {t(keepRoot ? 'edit.delete.submitChildren' : 'edit.delete.submit')}
        </OperationFooter>
      }
    >
      <div className="edit-form">
        {!preview && !previewError && <OperationProgress operationId={previewOp.operationId} onCancel={onClose} />}
        {previewError && <ErrorMessage>{previewError}</ErrorMessage>}
        {preview && !finished && !op.running && (
          <>
            <SubtreePreviewView preview={preview} />
            {preview.nodeCount > 1 && (
              <label className="check">
                <input type="checkbox" checked={keepRoot} onChange={(e) => setKeepRoot(e.target.checked)} />
                {t('edit.delete.keepRoot')}
              </label>
            )}
            {!single && <p className="field-hint">{t('edit.delete.howRecursive')}</p>}
            {mustType && <TypedConfirm name={name} value={typed} onChange={setTyped} />}
          </>
        )}
        {finished && !error && single && (
          <p className="edit-outcome edit-outcome-ok" role="status">
            {t('edit.delete.deletedOne', { path })}
          </p>
        )}
        <OperationOutcome op={op} finished={finished} report={report} withReport={!single} error={error} />
      </div>
    </Dialog>
  )
}
