import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportSource } from '../../../../shared/protocol/edit-api'
import { PickFileButton } from '../files/PickFileButton'
import { formatBytes } from './format'

export interface SourceState {
  filePath: string
  text: string
  fileName: string | null
}

/** Where the import reads from: a path the backend opens (desktop), or a file picked in the browser or pasted text (web). */
export function ImportSourceField({ fileAccess, value, onChange }: { fileAccess: boolean; value: SourceState; onChange(value: SourceState): void }) {
  const { t } = useTranslation()
  const id = useId()
  if (fileAccess) {
    return (
      <div className="field">
        <label className="field-label" htmlFor={id}>
          {t('edit.import.filePath')}
        </label>
        <div className="field-row">
          <input id={id} className="input mono" spellCheck={false} value={value.filePath} onChange={(e) => onChange({ ...value, filePath: e.target.value })} />
          <PickFileButton request={{ mode: 'open', extensions: ['json', 'properties', 'txt'] }} onPicked={(filePath) => onChange({ ...value, filePath })} />
        </div>
      </div>
    )
  }
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('edit.import.pickFile')}
      </label>
      <input
        id={id}
        type="file"
        accept=".json,.properties,.txt"
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (!file) return
          file.text().then(
            (text) => onChange({ ...value, text, fileName: file.name }),
            (error: unknown) => console.error('reading the import file', error),
          )
        }}
      />
      {value.fileName && <span className="field-hint">{t('edit.import.picked', { name: value.fileName, size: formatBytes(value.text.length) })}</span>}
      <textarea
        className="input mono edit-data"
        rows={4}
        aria-label={t('edit.import.paste')}
        placeholder={t('edit.import.paste')}
        spellCheck={false}
        value={value.fileName ? '' : value.text}
        disabled={value.fileName !== null}
        onChange={(e) => onChange({ ...value, text: e.target.value })}
      />
    </div>
  )
}

export function toImportSource(fileAccess: boolean, value: SourceState): ImportSource | null {
  if (fileAccess) return value.filePath.trim() === '' ? null : { kind: 'file', path: value.filePath }
  return value.text.trim() === '' ? null : { kind: 'inline', text: value.text }
}
