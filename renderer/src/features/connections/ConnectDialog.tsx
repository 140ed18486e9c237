import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ENVIRONMENTS, type ConnectionProfile, type Environment } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { selectSecureStorage, useAppStore } from '../../stores/app-store'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { EnvChip } from '../../ui/EnvChip'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { checkForm, emptyForm, formFromProfile, toAdHocParams, toSaveParams, type ConnectForm } from './connect-form'
import { connectAdHoc, connectProfile, type ConnectOutcome } from './connect-actions'
import { ConnectStringField } from './ConnectStringField'
import { CredentialsEditor } from './CredentialsEditor'

type Busy = 'save' | 'connect' | 'save-connect' | null

/** Create or edit a connection; save it, connect without saving, or both. */
export function ConnectDialog({ profile, onClose }: { profile?: ConnectionProfile; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const secureStorage = useAppStore(selectSecureStorage)
  const [form, setForm] = useState<ConnectForm>(() => (profile ? formFromProfile(profile) : emptyForm()))
  const [busy, setBusy] = useState<Busy>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempted, setAttempted] = useState(false)
  const id = useId()
  const check = checkForm(form)
  const patch = (change: Partial<ConnectForm>) => setForm((f) => ({ ...f, ...change }))

  const failed = (outcome: ConnectOutcome) => {
    const reason = outcome.info.message ?? t(`session.${outcome.info.state}`)
    setError(t('dialog.failed', { reason }))
  }

  const run = async (action: Exclude<Busy, null>) => {
    setAttempted(true)
    setError(null)
    if (action === 'connect' ? !check.canConnect : !check.canSave) return
    setBusy(action)
    try {
      if (action === 'connect') {
        const outcome = await connectAdHoc(api, toAdHocParams(form))
        if (!outcome.ok) return failed(outcome)
      } else {
        const saved = await api.saveProfile(toSaveParams(form))
        // From here on this is an edit of the saved profile, so a retry does not create a second one.
        setForm((f) => ({ ...f, id: saved.id, credentials: [], clearStored: false }))
        if (action === 'save-connect') {
          const outcome = await connectProfile(api, saved.id)
          if (!outcome.ok) return failed(outcome)
        }
      }
      onClose()
    } catch (caught) {
      setError(describeError(t, caught))
    } finally {
      setBusy(null)
    }
  }

  const storedUsers = profile && profile.authUsers.length > 0 && form.credentials.length === 0 && !form.clearStored
  const field = (name: string) => `${id}-${name}`

  return (
    <Dialog
      title={profile ? t('dialog.titleEdit') : t('dialog.titleNew')}
      width={600}
      onClose={onClose}
      onSubmit={() => void run(check.nameOk ? 'save-connect' : 'connect')}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <span className="spacer" />
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('save')}>
            {busy === 'save' ? t('dialog.saving') : t('dialog.save')}
          </button>
          <button type="button" className="btn" disabled={busy !== null} onClick={() => void run('connect')}>
            {busy === 'connect' ? t('dialog.connecting') : t('dialog.connect')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy !== null}>
            {busy === 'save-connect' ? t('dialog.connecting') : t('dialog.saveAndConnect')}
          </button>
        </>
      }
    >
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={field('name')}>
            {t('dialog.name')}
          </label>
          <input
            id={field('name')}
            className="input"
            value={form.name}
            placeholder={t('dialog.namePlaceholder')}
            aria-invalid={attempted && !check.nameOk && busy !== 'connect'}
            onChange={(event) => patch({ name: event.target.value })}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={field('env')}>
            {t('dialog.environment')}
          </label>
          <div className="env-select">
            <select
              id={field('env')}
              className="select"
              value={form.environment}
              onChange={(event) => patch({ environment: event.target.value as Environment })}
            >
              {ENVIRONMENTS.map((env) => (
                <option key={env} value={env}>
                  {t(`env.${env}`)}
                </option>
              ))}
            </select>
            <EnvChip environment={form.environment} />
          </div>
        </div>
      </div>
      <ConnectStringField
        value={form.connectString}
        check={check.connectString}
        forceShow={attempted}
        onChange={(connectString) => patch({ connectString })}
      />
      <div className="form-grid">
        <div className="field">
          <label className="field-label" htmlFor={field('timeout')}>
            {t('dialog.sessionTimeout')}
          </label>
          <div className="input-with-unit">
            <input
              id={field('timeout')}
              className="input mono"
              inputMode="numeric"
              value={form.sessionTimeoutMs}
              aria-invalid={!check.timeoutOk}
              aria-describedby={field('timeout-hint')}
              onChange={(event) => patch({ sessionTimeoutMs: event.target.value })}
            />
            <span className="muted">{t('dialog.sessionTimeoutUnit')}</span>
          </div>
          <span id={field('timeout-hint')} className={check.timeoutOk ? 'field-hint' : 'field-error'}>
            {t('dialog.sessionTimeoutRange')}
          </span>
        </div>
        <div className="field">
          <span className="field-label" id={field('ro-label')}>
            {t('dialog.readOnly')}
          </span>
          <label className="check switch-row">
            <input
              type="checkbox"
              role="switch"
              className="switch"
              aria-labelledby={field('ro-label')}
              aria-describedby={field('ro-hint')}
              checked={form.readOnly}
              onChange={(event) => patch({ readOnly: event.target.checked })}
            />
            <span id={field('ro-hint')} className="field-hint">
              {t('dialog.readOnlyHint')}
            </span>
          </label>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend className="field-label">{t('dialog.credentials')}</legend>
        <span className="field-hint">{t('dialog.credentialsHint')}</span>
        {storedUsers && (
          <div className="stored-credentials">
            <span className="field-hint">
              {t('dialog.storedCredentials', {
                users: profile.authUsers.join(', '),
                storage: t(`start.storage.${profile.credentialStorage}`),
              })}
            </span>
            <button type="button" className="btn btn-small btn-danger" onClick={() => patch({ clearStored: true })}>
              {t('dialog.clearStored')}
            </button>
          </div>
        )}
        <CredentialsEditor
          rows={form.credentials}
          valid={check.credentialOk}
          onChange={(credentials) => patch({ credentials })}
        />
        <label className="check">
          <input type="checkbox" checked={form.remember} onChange={(event) => patch({ remember: event.target.checked })} />
          {t('dialog.remember')}
        </label>
        {secureStorage ? (
          <span className="field-hint">{t('dialog.rememberHintSecure')}</span>
        ) : (
          <ErrorMessage tone="warning">{t('dialog.rememberWarningPlain')}</ErrorMessage>
        )}
      </fieldset>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </Dialog>
  )
}
