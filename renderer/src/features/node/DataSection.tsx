import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NodeData } from '../../../../shared/protocol/types'
import { countControlChars, decodeBytes } from '../../../../shared/zk/charsets'
import { DATA_FORMATS, TEXT_FORMATS, detectFormat, type DataFormat } from '../../../../shared/zk/format-detect'
import { parseUrlValue } from '../../../../shared/zk/url-value'
import { selectPrefs, useViewPrefsStore, type ViewPrefs } from '../../stores/view-prefs-store'
import { formatBytes } from '../../i18n/format'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { DATA_VIEWS } from './data-views'
import { DataToolbar } from './DataToolbar'
import { GzipBadge } from './GzipBadge'
import { CopyAction } from '../../ui/CopyButton'
import { useDataSource } from './use-data-source'
import { EditButton } from './editor/EditButton'
import { DataEditor } from './editor/DataEditor'
import { UndoEdit } from './editor/UndoEdit'
import { editCheck, type EditStart } from './editor/edit-block'
import { editLanguage } from './editor/validate-text'
import { useWriteGuard } from '../edit'

const NO_BYTES = new Uint8Array(0)
const NO_PREFS: ViewPrefs = {}

interface DataSectionProps {
  data: NodeData
  path: string
  scope: string
  connectionId: string
  /** The node's version as last read: the one an edit starts from. */
  version: number
  live: boolean
}

/**
 * The node's data: the detected (or chosen) view, the charset, gzip
 * decompression, and copy as shown or as raw base64. Choices are remembered
 * per connection and path.
 */
export function DataSection({ data, path, scope, connectionId, version, live }: DataSectionProps) {
  const { t, i18n } = useTranslation()
  const prefs = useViewPrefsStore(selectPrefs(scope, path)) ?? NO_PREFS
  const setPrefs = (patch: ViewPrefs) => useViewPrefsStore.getState().setPrefs(scope, path, patch)
  const source = useDataSource(data, prefs.compressed === true)
  const bytes = source.status === 'pending' ? NO_BYTES : source.bytes

  const detection = useMemo(() => detectFormat(bytes, path), [bytes, path])
  const format = prefs.format ?? detection.format
  const charset = prefs.charset ?? detection.charset
  const textual = TEXT_FORMATS.has(format)
  const decoded = useMemo(() => (textual ? decodeBytes(bytes, charset) : null), [textual, bytes, charset])
  const text = decoded?.text ?? ''
  const formats = useMemo(
    () =>
      DATA_FORMATS.filter((f) => {
        if (f === 'image') return detection.image !== undefined
        if (f === 'layout') return detection.layout !== undefined || format === 'layout'
        // A URL view only for text that is one (checked on the start; a URL is short).
        if (f === 'url') return format === 'url' || parseUrlValue(decodeBytes(bytes.subarray(0, 8192), charset).text) !== undefined
        return true
      }),
    [detection.image, detection.layout, format, bytes, charset],
  )
  const view = DATA_VIEWS[format]
  const guard = useWriteGuard(connectionId)
  const [editing, setEditing] = useState<{ version: number; start: EditStart }>()
  const check = editCheck({ data, source, charset, readOnly: guard.readOnly, live })

  return (
    <section className="node-section node-data" aria-labelledby="node-data-title">
      <div className="section-header">
        <h3 id="node-data-title">{t('node.data')}</h3>
        <span className="badge">{formatBytes(data.size, i18n.language)}</span>
        <GzipBadge source={source} />
        <span className="section-spacer" />
        {!editing && (
          <EditButton
            path={path}
            reason={'block' in check ? t(`editor.blocked.${check.block}`, { charset: t(`inspector.charsets.${charset}`) }) : undefined}
            onEdit={() => 'start' in check && setEditing({ version, start: check.start })}
          />
        )}
        {data.size > 0 && (
          <>
            <CopyAction label={t('inspector.copyShown')} getText={() => view.shown({ bytes, text, mode: prefs.mode, path, t })}>
              {t('app.copy')}
            </CopyAction>
            <CopyAction label={t('inspector.copyBase64')} getText={() => data.base64}>
              base64
            </CopyAction>
          </>
        )}
      </div>
      {!editing && !guard.readOnly && <UndoEdit connectionId={connectionId} path={path} version={version} />}
      {editing && (
        <DataEditor
          connectionId={connectionId}
          path={path}
          language={editLanguage(format)}
          formatName={t(`inspector.formats.${format}`)}
          start={editing.start}
          version={editing.version}
          onClose={() => setEditing(undefined)}
        />
      )}
      {!editing && data.size > 0 && (
        <DataToolbar
          formats={formats}
          format={format}
          charset={charset}
          detection={detection}
          overridden={prefs.format !== undefined || prefs.charset !== undefined}
          onFormat={(f: DataFormat) => setPrefs({ format: f === detection.format ? undefined : f })}
          onCharset={(c) => setPrefs({ charset: c === detection.charset ? undefined : c })}
          onReset={() => setPrefs({ format: undefined, charset: undefined })}
        >
          {(source.status === 'pending' || (source.status === 'ready' && source.gzip) || prefs.compressed) && (
            <label className="data-choice">
              <input type="checkbox" checked={prefs.compressed === true} onChange={(event) => setPrefs({ compressed: event.target.checked || undefined })} />
              <span>{t('inspector.showCompressed')}</span>
            </label>
          )}
        </DataToolbar>
      )}
      {!editing && source.status === 'failed' && <ErrorMessage tone="warning">{t('inspector.gzipFailed', { message: source.message })}</ErrorMessage>}
      {decoded && !decoded.exact && <p className="data-note">{t('inspector.notExact', { charset: t(`inspector.charsets.${charset}`) })}</p>}
      {decoded?.exact && format === 'text' && countControlChars(text, 1) > 0 && <p className="data-note">{t('inspector.controlChars')}</p>}
      {detection.reason === 'binary' && format === 'hex' && <p className="data-note">{t('node.notText')}</p>}
      {editing ? null : data.size === 0 ? (
        <p className="data-empty">{t('node.emptyData')}</p>
      ) : source.status === 'pending' ? (
        <p className="node-loading muted">
          <span className="spinner" />
        </p>
      ) : (
        <view.Component
          key={format}
          path={path}
          bytes={bytes}
          text={text}
          mode={prefs.mode}
          setMode={(mode) => setPrefs({ mode })}
          {...(detection.image ? { image: detection.image } : {})}
        />
      )}
    </section>
  )
}
