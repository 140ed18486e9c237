import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** "Type the node's name to confirm", for large or production deletes. */
export function TypedConfirm({ name, value, onChange }: { name: string; value: string; onChange(value: string): void }) {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field edit-typed">
      <label className="field-label" htmlFor={id}>
        {t('edit.typed.label', { name })}
      </label>
      <input id={id} className="input mono" autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  )
}
