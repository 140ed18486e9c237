import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Destination, ExportFormat, ExportResult } from '../../../../shared/protocol/edit-api'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { isAbsoluteFilePath } from '../files/export-destination'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { downloadText, fileStem } from './download'
import { FileTarget, useFileTarget } from './FileTarget'
import { formatBytes } from './format'
import { OperationProgress } from './OperationProgress'
import { useOperation } from './use-operation'
import { useEditCapabilities } from './write-guard'

const EXTENSION: Record<ExportFormat, string> = { json: 'json', properties: 'properties' }

/** Exports the selected subtree as JSON or zkui properties: to a file on desktop, as a download in web mode. */
export function ExportDialog({ connectionId, path, onClose }: { connectionId: string; path: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useClient()
  const id = useId()
  const caps = useEditCapabilities(connectionId)
  const op = useOperation()
  const [format, setFormat] = useState<ExportFormat>('json')
  const [includeEphemeral, setIncludeEphemeral] = useState(false)
  const file = useFileTarget(`${fileStem(path)}.${EXTENSION[format]}`)
  const [result, setResult] = useState<ExportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toFile = caps?.fileAccess ?? false

  const submit = async () => {
    if (!caps || op.running) return
    setError(null)
    setResult(null)
    try {
      let target = file.path
      // A bare name was never chosen by the user: ask where it goes rather than refuse it.
      if (toFile && !isAbsoluteFilePath(target)) {
        const picked = await client.api.pickFile({ mode: 'save', defaultName: target, extensions: [EXTENSION[format]] })
        if (picked.path === null) return
        target = picked.path
        file.setPath(target)
        file.setOverwrite(true)
      }
      const destination: Destination = toFile ? { kind: 'file', path: target, overwrite: file.overwrite || target !== file.path } : { kind: 'inline', maxBytes: caps.inlineLimitBytes }
      const exported = await op.run((operationId, signal) =>
        client.call('exportTree', { operationId, connectionId, path, format, includeEphemeral, destination }, { signal, timeoutMs: 0 }),
      )
      setResult(exported)
      if (exported.text !== undefined) downloadText(exported.text, `${fileStem(path)}.${EXTENSION[format]}`, format === 'json' ? 'application/json' : 'text/plain')
    } catch (e) {
      setError(describeError(t, e))
    }
  }

  return (
    <Dialog
      title={t('edit.export.title', { path })}
      width={560}
      onClose={onClose}
      onSubmit={() => void submit()}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.close')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!caps || op.running || (toFile && file.path === '')}>
            {t(toFile ? 'edit.export.submitFile' : 'edit.export.submitDownload')}
          </button>
        </>
      }
    >
      <div className="edit-form">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-format`}>
            {t('edit.export.format')}
          </label>
          <select id={`${id}-format`} className="select" value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            <option value="json">{t('edit.export.formats.json')}</option>
            <option value="properties">{t('edit.export.formats.properties')}</option>
          </select>
          <span className="field-hint">{t(`edit.export.formatHint.${format}`)}</span>
        </div>
        <label className="check">
          <input type="checkbox" checked={includeEphemeral} onChange={(e) => setIncludeEphemeral(e.target.checked)} />
          {t('edit.export.includeEphemeral')}
        </label>
        {toFile ? <FileTarget target={file} extension={EXTENSION[format]} /> : <p className="field-hint">{t('edit.export.webHint')}</p>}
        {op.running && <OperationProgress operationId={op.operationId} onCancel={op.cancel} />}
        {result && (
          <p className="edit-outcome edit-outcome-ok" role="status">
            {t('edit.export.done', { count: result.nodes, size: formatBytes(result.bytes) })}
            {result.filePath ? ` ${t('edit.export.savedTo', { file: result.filePath })}` : ''}
            {result.skippedEphemeral > 0 ? ` ${t('edit.export.skippedEphemeral', { count: result.skippedEphemeral })}` : ''}
            {result.skippedNotRepresentable > 0 ? ` ${t('edit.export.skippedNotText', { count: result.skippedNotRepresentable })}` : ''}
            {result.unreadable > 0 ? ` ${t('edit.export.unreadable', { count: result.unreadable })}` : ''}
          </p>
        )}
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </div>
    </Dialog>
  )
}
