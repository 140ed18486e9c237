import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseConnectString } from '../../../../shared/zk/connect-string'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { Dialog } from '../../ui/Dialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { attachMonitor, hostsOnly } from './monitor-actions'

/** Starts monitoring an ensemble by its servers' addresses, without a ZooKeeper session. */
export function NewMonitorDialog({ onClose, onStarted }: { onClose(): void; onStarted(monitorId: string): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [connectString, setConnectString] = useState('')
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const parsed = parseConnectString(connectString)
  const invalid = connectString.trim() !== '' && !parsed.ok

  return (
    <Dialog
      title={t('monitor.standalone.dialogTitle')}
      width={480}
      onClose={onClose}
      onSubmit={() => {
        if (!parsed.ok || busy) return
        setBusy(true)
        setError(null)
        attachMonitor(api, { connectString: hostsOnly(connectString), ...(name.trim() ? { name: name.trim() } : {}) }).then(onStarted, (caught: unknown) => {
          setBusy(false)
          setError(describeError(t, caught))
        })
      }}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!parsed.ok || busy}>
            {busy && <span className="spinner" />} {t('monitor.standalone.start')}
          </button>
        </>
      }
    >
      <div className="field">
        <label className="field-label" htmlFor={`${id}-servers`}>
          {t('monitor.standalone.servers')}
        </label>
        <input
          id={`${id}-servers`}
          aria-describedby={`${id}-servers-hint`}
          className="input mono"
          value={connectString}
          onChange={(e) => setConnectString(e.target.value)}
          placeholder="zk1:2181,zk2:2181,zk3:2181"
          aria-invalid={invalid}
          spellCheck={false}
          autoFocus
        />
        <span id={`${id}-servers-hint`} className={invalid ? 'field-error' : 'field-hint'}>
          {!parsed.ok && invalid ? t(`connectString.${parsed.error}`, { detail: parsed.detail }) : t('monitor.standalone.serversHint')}
        </span>
      </div>
      <label className="field">
        <span className="field-label">{t('monitor.standalone.name')}</span>
        <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder={t('monitor.standalone.namePlaceholder')} />
      </label>
      {error && <ErrorMessage>{t('monitor.startFailed', { reason: error })}</ErrorMessage>}
    </Dialog>
  )
}
