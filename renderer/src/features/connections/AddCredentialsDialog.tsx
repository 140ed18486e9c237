import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CredentialsEditor } from './CredentialsEditor'
import type { CredentialRow } from './connect-form'

const filled = (row: CredentialRow) => row.user.trim() !== '' || row.password !== ''
const usable = (row: CredentialRow) => row.user.trim() !== '' && !row.user.includes(':')

/** Digest credentials added to an open connection, offered where a node answered "not authorized". */
export function AddCredentialsDialog({ connectionId, name, onAdded, onClose }: { connectionId: string; name: string; onAdded(): void; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [rows, setRows] = useState<CredentialRow[]>([{ user: '', password: '' }])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const typed = rows.filter(filled)
  const valid = rows.map((row) => !filled(row) || usable(row))
  const ready = typed.length > 0 && valid.every(Boolean) && !busy

  const submit = () => {
    if (!ready) return
    setBusy(true)
    setError(null)
    api.addCredentials({ connectionId, credentials: typed.map((row) => `${row.user.trim()}:${row.password}`) }).then(
      () => {
        onAdded()
        onClose()
      },
      (e: unknown) => {
        setError(describeError(t, e))
        setBusy(false)
      },
    )
  }

  return (
    <Dialog
      title={t('node.addCredentialsTitle', { name })}
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!ready}>
            {t('node.addCredentialsSubmit')}
          </button>
        </>
      }
    >
      <p className="field-hint">{t('node.addCredentialsHint')}</p>
      <CredentialsEditor rows={rows} valid={valid} onChange={setRows} />
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </Dialog>
  )
}
