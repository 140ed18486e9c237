import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DiffParams, DiffResult } from '../../../../shared/protocol/edit-api'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { chooseExportDestination } from '../files/export-destination'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ConnectionSelect } from './ConnectionSelect'
import { DiffEntries } from './DiffEntries'
import { downloadText, fileStem } from './download'
import { OperationProgress } from './OperationProgress'
import { useOperation } from './use-operation'
import { useEditCapabilities } from './write-guard'

const MAX_NODES = 200_000
const MAX_ENTRIES = 500

/** Compares two subtrees (same or another open connection): added, removed, changed with data; the diff can be exported. */
export function DiffDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const id = useId()
  const caps = useEditCapabilities(connectionId)
  const op = useOperation()
  const [leftPath, setLeftPath] = useState(path)
  const [rightId, setRightId] = useState(connectionId)
  const [rightPath, setRightPath] = useState(path)
  const [compareAcl, setCompareAcl] = useState(false)
  const [result, setResult] = useState<DiffResult | null>(null)
  const [exported, setExported] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const params = (operationId: string): DiffParams => ({
    operationId,
    left: { connectionId, path: leftPath },
    right: { connectionId: rightId, path: rightPath },
    compareAcl,
    includeEphemeral: false,
    maxNodes: MAX_NODES,
    maxEntries: MAX_ENTRIES,
  })

  const compare = async () => {
    if (op.running) return
    setError(null)
    setResult(null)
    setExported(null)
    try {
      setResult(await op.run((operationId, signal) => client.call('diffTrees', params(operationId), { signal, timeoutMs: 0 })))
    } catch (e) {
      setError(describeError(t, e))
    }
  }

  // The full diff (not only the entries shown) is written by the backend: to a file on desktop, as a download in web mode.
  const exportDiff = async () => {
    if (!caps || op.running) return
    setError(null)
    const name = `diff-${fileStem(leftPath)}-${fileStem(rightPath)}.json`
    try {
      const destination = await chooseExportDestination(client.api, caps, name, 'json')
      if (!destination) return
      const full = await op.run((operationId, signal) => client.call('diffTrees', { ...params(operationId), destination }, { signal, timeoutMs: 0 }))
      if (full.text !== undefined) downloadText(full.text, name, 'application/json')
      setExported(full.filePath ?? name)
    } catch (e) {
      setError(describeError(t, e))
    }
  }

  return (
    <Dialog
      title={t('edit.diff.title')}
      width={820}
      onClose={onClose}
      onSubmit={() => void compare()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.close')}
          </button>
          <button type="button" className="btn" disabled={!result || op.running} onClick={() => void exportDiff()}>
            {t('edit.diff.export')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={op.running}>
            {t('edit.diff.compare')}
          </button>
        </>
      }
    >
      <div className="edit-form">
        <div className="edit-grid">
          <label className="field-label" htmlFor={`${id}-left`}>
            {t('edit.diff.left')}
          </label>
          <input id={`${id}-left`} className="input mono" value={leftPath} onChange={(e) => setLeftPath(e.target.value)} />
          <label className="field-label" htmlFor={`${id}-rconn`}>
            {t('edit.diff.rightConnection')}
          </label>
          <ConnectionSelect id={`${id}-rconn`} value={rightId} onChange={setRightId} />
          <label className="field-label" htmlFor={`${id}-right`}>
            {t('edit.diff.right')}
          </label>
          <input id={`${id}-right`} className="input mono" value={rightPath} onChange={(e) => setRightPath(e.target.value)} />
        </div>
        <label className="check">
          <input type="checkbox" checked={compareAcl} onChange={(e) => setCompareAcl(e.target.checked)} />
          {t('edit.diff.compareAcl')}
        </label>
        {op.running && <OperationProgress operationId={op.operationId} onCancel={op.cancel} />}
        {result && (
          <>
            <p role="status" className="edit-outcome">
              {t('edit.diff.summary', { ...result.counts, left: result.leftNodes, right: result.rightNodes })}
            </p>
            {(result.truncated || result.entriesTruncated) && <p className="field-hint">{t('edit.diff.truncated')}</p>}
            <DiffEntries entries={result.entries} />
          </>
        )}
        {exported && (
          <p className="field-ok" role="status">
            {t('edit.diff.exported', { file: exported })}
          </p>
        )}
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </div>
    </Dialog>
  )
}
