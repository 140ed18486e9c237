import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperationReport } from '../../../../shared/protocol/edit-api'
import { baseName, topmostPaths } from '../../../../shared/zk/path'
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
import { PreviewRoots } from './PreviewRoots'
import { useTreeStore } from '../../stores/tree-store'

/** From this many nodes on, a delete asks for the node's name to be typed. */
export const LARGE_DELETE = 10

const NONE: readonly string[] = []

interface DeleteDialogProps {
  connectionId: string
  path: string
  /** The rest of a multi-selection: deleted with `path` as one operation. */
  morePaths?: readonly string[]
  onClose(): void
}

/** Delete one node, a subtree or several selected subtrees: preview, confirmation, progress, report. */
export function DeleteDialog({ connectionId, path, morePaths = NONE, onClose }: DeleteDialogProps) {
  const { t } = useTranslation()
  const client = useClient()
  const guard = useWriteGuard(connectionId)
  const { preview, error: previewError, op: previewOp } = usePreview(connectionId, path, morePaths)
  const op = useOperation()
  const [keepRoot, setKeepRoot] = useState(false)
  const [typed, setTyped] = useState('')
  const [report, setReport] = useState<OperationReport | null>(null)
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const many = morePaths.length > 0
  // Computed once: the dialog re-renders on every progress event, and a selection can hold 100,000 paths.
  const rootCount = useMemo(() => topmostPaths([path, ...morePaths]).length, [path, morePaths])
  // Several subtrees are confirmed by their total node count: the number the preview just showed.
  const name = many ? String(preview?.nodeCount ?? '') : baseName(path)
  const mustType = guard.confirmWrites || (preview?.nodeCount ?? 0) >= LARGE_DELETE
  const ready = preview && !guard.readOnly && (!mustType || typed === name) && !op.running && !finished
  const single = preview?.nodeCount === 1 && !keepRoot && !many

  const submit = async () => {
    if (!ready) return
    setError(null)
    try {
      if (single) {
        await client.api.deleteNode({ connectionId, path, version: preview.rootStat.version })
      } else {
        setReport(
          await op.run((operationId, signal) =>
            client.call('deleteTree', { operationId, connectionId, path, ...(many ? { morePaths: [...morePaths] } : {}), keepRoot }, { signal, timeoutMs: 0 }),
          ),
        )
      }
    } catch (e) {
      setError(describeError(t, e))
    } finally {
      setFinished(true)
      if (many) useTreeStore.getState().clearMarks(connectionId)
      const roots = [path, ...morePaths]
      await showChanges(client.api, connectionId, keepRoot ? roots.map((root) => `${root}/x`) : roots)
    }
  }

  return (
    <Dialog
      title={many ? t('edit.delete.titleMany', { count: rootCount }) : t('edit.delete.title', { path })}
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
            {preview.roots.length > 1 && <PreviewRoots roots={preview.roots} />}
            <SubtreePreviewView preview={preview} />
            {preview.nodeCount > 1 && (
              <label className="check">
                <input type="checkbox" checked={keepRoot} onChange={(e) => setKeepRoot(e.target.checked)} />
                {t(many ? 'edit.delete.keepRootsMany' : 'edit.delete.keepRoot')}
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
