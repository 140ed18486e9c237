import { useTranslation } from 'react-i18next'
import type { NodeData, ZnodeStat } from '../../../../../shared/protocol/types'
import type { CodeLanguage } from '../code-languages'
import { DiffPanes } from './DiffPanes'
import type { TheirsText } from './edit-form'

export interface Theirs {
  data: NodeData
  stat: ZnodeStat
}

interface ConflictViewProps {
  path: string
  theirs: Theirs
  /** Their bytes read the way yours will be written. */
  theirsShown: TheirsText
  yours: string
  yoursVersion: number
  language: CodeLanguage
  busy: boolean
  onReload(): void
  onMerge(): void
  onOverwrite(): void
}

/** What a refused save shows: the server's data next to the user's, and the three deliberate ways on. */
export function ConflictView({ path, theirs, theirsShown, yours, yoursVersion, language, busy, onReload, onMerge, onOverwrite }: ConflictViewProps) {
  const { t } = useTranslation()
  const version = theirs.stat.version
  return (
    <div className="editor-conflict" role="region" aria-label={t('editor.conflict.title')}>
      <p className="editor-conflict-title" role="alert">
        <strong>{t('editor.conflict.title')}</strong> {t('editor.conflict.intro', { yours: yoursVersion, theirs: version })}
      </p>
      {!theirsShown.exact && <p className="data-note">{t('editor.conflict.theirsBinary', { size: theirs.data.size })}</p>}
      <DiffPanes
        key={path}
        theirs={theirsShown.text}
        yours={yours}
        language={language}
        label={t('editor.conflict.label')}
        theirsLabel={t('editor.conflict.theirs', { version })}
        yoursLabel={t('editor.conflict.yours', { version: yoursVersion })}
      />
      <div className="editor-actions">
        <button type="button" className="btn btn-small" disabled={busy} title={t('editor.conflict.reloadHint')} onClick={onReload}>
          {t('editor.conflict.reload')}
        </button>
        <button type="button" className="btn btn-small" disabled={busy} title={t('editor.conflict.mergeHint', { version })} onClick={onMerge}>
          {t('editor.conflict.merge')}
        </button>
        <button type="button" className="btn btn-small btn-danger" disabled={busy} onClick={onOverwrite}>
          {t('editor.conflict.overwrite')}
        </button>
      </div>
    </div>
  )
}
