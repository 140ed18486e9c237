import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UndoInfo } from '../../../../../shared/protocol/edit-api'
import { useApi } from '../../../backend/client-context'
import { describeError } from '../../../i18n/describe-error'
import { useWriteGuard } from '../../edit'
import { showWritten } from './node-store-sync'

interface UndoEditProps {
  connectionId: string
  path: string
  /** The node's current version: asked again whenever it moves (a save, or someone else's write). */
  version: number
}

/**
 * "Undo last edit" for the last data edit this console made on the node. The
 * backend refuses it when the node has moved since; the answer says why.
 */
export function UndoEdit({ connectionId, path, version }: UndoEditProps) {
  const { t } = useTranslation()
  const api = useApi()
  const guard = useWriteGuard(connectionId)
  const [info, setInfo] = useState<UndoInfo>()
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState<{ tone: 'ok' | 'warning'; text: string }>()

  useEffect(() => {
    let cancelled = false
    api.getUndo({ connectionId, path }).then(
      (loaded) => {
        if (!cancelled) setInfo(loaded)
      },
      () => {
        if (!cancelled) setInfo(undefined)
      },
    )
    return () => {
      cancelled = true
    }
  }, [api, connectionId, path, version])

  const undo = async () => {
    if (!(await guard.confirm(t('editor.undo.action', { path })))) return
    setBusy(true)
    try {
      const result = await api.undoEdit({ connectionId, path })
      if (result.status === 'saved') {
        const previous = info?.previous
        if (previous) showWritten(connectionId, path, previous, result.stat)
        setNote({ tone: 'ok', text: t('editor.undo.done', { version: result.stat.version }) })
        setInfo(await api.getUndo({ connectionId, path }))
      } else {
        setNote({ tone: 'warning', text: t('editor.undo.conflict', { version: result.theirs.stat.version }) })
      }
    } catch (cause) {
      setNote({ tone: 'warning', text: t('editor.undo.failed', { message: describeError(t, cause) }) })
    } finally {
      setBusy(false)
    }
  }

  if (!info?.available && !note) return null
  return (
    <div className="editor-undo">
      {info?.available && (
        <button
          type="button"
          className="btn btn-small"
          disabled={busy || guard.readOnly}
          title={t('editor.undo.hint', { version: info.expectedVersion ?? version })}
          onClick={() => void undo()}
        >
          {t('editor.undo.button')}
        </button>
      )}
      {note && (
        <span className={note.tone === 'ok' ? 'muted' : 'editor-undo-warning'} role="status">
          {note.text}
        </span>
      )}
    </div>
  )
}
