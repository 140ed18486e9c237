import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PickFileButton } from '../files/PickFileButton'

const baseName = (path: string) => path.split(/[\\/]/).pop() || 'export'

export interface FileTargetState {
  path: string
  overwrite: boolean
  setPath(path: string): void
  setOverwrite(overwrite: boolean): void
}

/** A file path typed by the user (desktop only: the backend writes it); defaults to a name in the working folder. */
export function useFileTarget(defaultName: string): FileTargetState {
  const [typed, setPath] = useState<string | null>(null)
  const [overwrite, setOverwrite] = useState(false)
  return { path: typed ?? defaultName, overwrite, setPath, setOverwrite }
}

/** The path field of a desktop export, with the OS file dialog beside it. */
export function FileTarget({ target, extension }: { target: FileTargetState; extension: string }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('edit.file.path')}
      </label>
      <div className="field-row">
        <input id={id} className="input mono" spellCheck={false} value={target.path} onChange={(e) => target.setPath(e.target.value)} />
        <PickFileButton
          request={{ mode: 'save', defaultName: baseName(target.path), extensions: [extension] }}
          onPicked={(path) => {
            target.setPath(path)
            // The OS dialog has already asked before replacing a file.
            target.setOverwrite(true)
          }}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={target.overwrite} onChange={(e) => target.setOverwrite(e.target.checked)} />
        {t('edit.file.overwrite')}
      </label>
    </div>
  )
}
