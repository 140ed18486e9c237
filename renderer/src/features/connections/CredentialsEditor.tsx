import { useTranslation } from 'react-i18next'
import type { CredentialRow } from './connect-form'
import { Close, Plus } from '../../ui/icons'

interface CredentialsEditorProps {
  rows: CredentialRow[]
  valid: boolean[]
  onChange(rows: CredentialRow[]): void
}

/** Digest credentials as user and password pairs; the password is masked. */
export function CredentialsEditor({ rows, valid, onChange }: CredentialsEditorProps) {
  const { t } = useTranslation()
  const update = (index: number, patch: Partial<CredentialRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  return (
    <div className="credentials">
      {rows.map((row, index) => (
        <div className="credential-row" key={index}>
          <input
            className="input mono"
            aria-label={t('dialog.credentialUserLabel', { index: index + 1 })}
            placeholder={t('dialog.credentialUser')}
            autoComplete="off"
            spellCheck={false}
            value={row.user}
            aria-invalid={valid[index] === false}
            onChange={(event) => update(index, { user: event.target.value })}
          />
          <span className="credential-colon">:</span>
          <input
            className="input mono"
            type="password"
            aria-label={t('dialog.credentialPasswordLabel', { index: index + 1 })}
            placeholder={t('dialog.credentialPassword')}
            autoComplete="new-password"
            value={row.password}
            onChange={(event) => update(index, { password: event.target.value })}
          />
          <button
            type="button"
            className="btn btn-ghost btn-icon"
            aria-label={t('dialog.removeCredential', { index: index + 1 })}
            onClick={() => onChange(rows.filter((_, i) => i !== index))}
          >
            <Close size={14} />
          </button>
          {valid[index] === false && <span className="field-error credential-error">{t('dialog.credentialInvalid')}</span>}
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { user: '', password: '' }])}>
          <Plus size={14} /> {t('dialog.addCredential')}
        </button>
      </div>
    </div>
  )
}
