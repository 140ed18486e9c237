import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bytesToBase64 } from '../../../../../shared/zk/base64'
import type { Encoded } from '../../../../../shared/zk/text-encode'
import { toNodeData } from '../../../../../shared/zk/node-data'
import { useApi } from '../../../backend/client-context'
import { describeError } from '../../../i18n/describe-error'
import { selectEntry, useNodeTabsStore } from '../../../stores/node-tabs-store'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { ErrorMessage } from '../../../ui/ErrorMessage'
import { useWriteGuard } from '../../edit'
import type { CodeLanguage } from '../code-languages'
import { CodeEditor } from './CodeEditor'
import { ConflictView, type Theirs } from './ConflictView'
import type { EditStart } from './edit-block'
import { bytesToSave, theirsText, type TheirsText } from './edit-form'
import { EncodingNote, encodeProblemText } from './EncodingNote'
import { showWritten } from './node-store-sync'
import { validateText } from './validate-text'
import '../../../styles/editor.css'

interface DataEditorProps {
  connectionId: string
  path: string
  language: CodeLanguage
  /** The format's name for messages ("JSON"). */
  formatName: string
  /** The text read and the form (charset, byte order mark, gzip) it is written back in. */
  start: EditStart
  /** The version the text was read at: every save is conditional on it. */
  version: number
  onClose(): void
}

type Ask = 'invalid' | 'discard' | 'overwrite'

/**
 * Edits a node's data as text, saved in the form it was read in (charset,
 * byte order mark, gzip). A save carries the version the text is based on; a refusal shows theirs next to yours (nothing is overwritten
 * without the user choosing to, against the version they have seen).
 */
export function DataEditor({ connectionId, path, language, formatName, start, version, onClose }: DataEditorProps) {
  const { text: initialText, form } = start
  const { t } = useTranslation()
  const api = useApi()
  const guard = useWriteGuard(connectionId)
  const [base, setBase] = useState(version)
  const [text, setText] = useState(initialText)
  // Keystrokes and Ctrl+S can come before React re-renders: saves read the ref.
  const textRef = useRef(initialText)
  const [session, setSession] = useState(0)
  const [conflict, setConflict] = useState<Theirs & { shown: TheirsText }>()
  const [ask, setAsk] = useState<Ask>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string>()
  const entry = useNodeTabsStore(selectEntry(connectionId, path))
  const serverVersion = entry?.result?.stat.version
  const gone = entry?.error?.code === 'NO_NODE'
  const problem = validateText(language, text)
  const dirty = text !== initialText

  const write = async (against: number) => {
    if (saving) return
    setError(undefined)
    // Text the charset cannot hold is refused before anyone is asked to confirm a write.
    let encoded: Encoded
    try {
      encoded = await bytesToSave(textRef.current, form)
    } catch (cause) {
      setError(t('editor.failed', { message: describeError(t, cause) }))
      return
    }
    if (!encoded.ok) {
      setError(encodeProblemText(t, encoded.problem))
      return
    }
    if (!(await guard.confirm(t('editor.saveAction', { path, version: against })))) return
    setSaving(true)
    try {
      const bytes = encoded.bytes
      const result = await api.setData({ connectionId, path, data: bytesToBase64(bytes), version: against })
      if (result.status === 'saved') {
        showWritten(connectionId, path, toNodeData(bytes), result.stat)
        onClose()
        return
      }
      showWritten(connectionId, path, result.theirs.data, result.theirs.stat)
      setConflict({ ...result.theirs, shown: await theirsText(result.theirs.data, form) })
    } catch (cause) {
      setError(t('editor.failed', { message: describeError(t, cause) }))
    } finally {
      setSaving(false)
    }
  }

  const save = () => {
    if (saving || conflict) return
    if (problem) setAsk('invalid')
    else void write(base)
  }
  const cancel = () => {
    if (dirty) setAsk('discard')
    else onClose()
  }
  const merge = (theirs: Theirs) => {
    setBase(theirs.stat.version)
    setConflict(undefined)
    setSession((n) => n + 1)
  }

  const askDialog = () => {
    switch (ask) {
      case 'invalid':
        return (
          <ConfirmDialog
            title={t('editor.invalidTitle', { format: formatName })}
            message={t('editor.invalidMessage', { format: formatName, ...problem })}
            confirmLabel={t('editor.invalidConfirm')}
            onConfirm={() => void write(base)}
            onClose={() => setAsk(undefined)}
          />
        )
      case 'discard':
        return (
          <ConfirmDialog
            title={t('editor.discardTitle')}
            message={t('editor.discardMessage', { path })}
            confirmLabel={t('editor.discardConfirm')}
            danger
            onConfirm={onClose}
            onClose={() => setAsk(undefined)}
          />
        )
      case 'overwrite':
        return conflict ? (
          <ConfirmDialog
            title={t('editor.conflict.overwriteTitle', { version: conflict.stat.version })}
            message={t('editor.conflict.overwriteMessage', { path })}
            confirmLabel={t('editor.conflict.overwriteConfirm')}
            danger
            onConfirm={() => void write(conflict.stat.version)}
            onClose={() => setAsk(undefined)}
          />
        ) : null
      default:
        return null
    }
  }

  return (
    <div className="data-editor">
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {conflict ? (
        <ConflictView
          path={path}
          theirs={conflict}
          theirsShown={conflict.shown}
          yours={text}
          yoursVersion={base}
          language={language}
          busy={saving}
          onReload={onClose}
          onMerge={() => merge(conflict)}
          onOverwrite={() => setAsk('overwrite')}
        />
      ) : (
        <>
          {gone ? (
            <p className="editor-banner" role="alert">
              {t('editor.deleted')}
            </p>
          ) : (
            serverVersion !== undefined &&
            serverVersion > base && (
              <p className="editor-banner" role="alert">
                {t('editor.changed', { version: serverVersion })}
              </p>
            )
          )}
          <CodeEditor
            key={session}
            initial={text}
            language={language}
            label={t('editor.label', { path })}
            onChange={(next) => {
              textRef.current = next
              setText(next)
            }}
            onSave={save}
            onCancel={cancel}
          />
          {problem && (
            <p className="editor-problem" role="status">
              {t('editor.invalid', { format: formatName, ...problem })}
            </p>
          )}
          <div className="editor-actions">
            <span className="muted editor-base">{t('editor.basedOn', { version: base })}</span>
            <EncodingNote form={form} />
            <span className="muted editor-keys">{t('editor.keys')}</span>
            <span className="section-spacer" />
            <button type="button" className="btn btn-small" onClick={cancel}>
              {t('editor.cancel')}
            </button>
            <button type="button" className="btn btn-small btn-primary" disabled={saving || guard.readOnly} onClick={save}>
              {saving ? t('editor.saving') : t('editor.save')}
            </button>
          </div>
        </>
      )}
      {askDialog()}
    </div>
  )
}
