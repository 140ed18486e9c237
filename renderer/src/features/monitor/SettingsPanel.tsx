import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MONITOR_LIMITS, type TransportPreference } from '../../../../shared/protocol/monitor-api'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { UnitNumberField } from '../../ui/UnitNumberField'
import { MembersEditor } from './MembersEditor'

const TRANSPORTS: TransportPreference[] = ['auto', 'four-letter', 'admin']

/** Poll interval, transport and default AdminServer port; the members; stopping the monitor. */
export function SettingsPanel({ entry, onStopped }: { entry: MonitorEntry; onStopped?: (() => void) | undefined }) {
  const { t } = useTranslation()
  const api = useApi()
  const s = entry.settings
  const [interval, setIntervalText] = useState(String(s.intervalMs / 1000))
  const [detail, setDetail] = useState(String(s.detailIntervalMs / 1000))
  const [transport, setTransport] = useState<TransportPreference>(s.transport)
  const [adminPort, setAdminPort] = useState(s.defaultAdminPort === null ? '' : String(s.defaultAdminPort))
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirmStop, setConfirmStop] = useState(false)
  const id = useId()
  const seconds = Number(interval)
  const intervalOk = Number.isFinite(seconds) && seconds * 1000 >= MONITOR_LIMITS.minIntervalMs && seconds * 1000 <= MONITOR_LIMITS.maxIntervalMs
  const detailOk = Number.isFinite(Number(detail)) && Number(detail) * 1000 >= MONITOR_LIMITS.minIntervalMs && Number(detail) * 1000 <= MONITOR_LIMITS.maxIntervalMs
  const portOk = adminPort === '' || (/^\d+$/.test(adminPort) && Number(adminPort) >= 1 && Number(adminPort) <= 65_535)

  const save = () => {
    setError(null)
    setStatus(null)
    api
      .updateMonitorSettings({
        monitorId: entry.monitorId,
        intervalMs: Math.round(seconds * 1000),
        detailIntervalMs: Math.round(Number(detail) * 1000),
        transport,
        defaultAdminPort: adminPort === '' ? null : Number(adminPort),
      })
      .then(
        (settings) => {
          useMonitorStore.getState().setSettings(entry.monitorId, settings)
          setStatus(t('monitor.settings.saved'))
        },
        (caught: unknown) => setError(describeError(t, caught)),
      )
  }
  const stop = () =>
    api.stopMonitor({ monitorId: entry.monitorId }).then(
      () => onStopped?.(),
      (caught: unknown) => setError(describeError(t, caught)),
    )

  return (
    <div className="monitor-settings">
      <section className="card" aria-labelledby={`${entry.monitorId}-polling`}>
        <div className="card-header">
          <h2 id={`${entry.monitorId}-polling`}>{t('monitor.settings.polling')}</h2>
        </div>
        <form
          className="settings-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (intervalOk && detailOk && portOk) save()
          }}
        >
          <UnitNumberField
            id={`${id}-interval`}
            label={t('monitor.settings.interval')}
            unit={t('monitor.rules.seconds')}
            value={interval}
            valid={intervalOk}
            hint={t('monitor.settings.intervalHint')}
            onChange={setIntervalText}
          />
          <UnitNumberField
            id={`${id}-detail`}
            label={t('monitor.settings.detailInterval')}
            unit={t('monitor.rules.seconds')}
            value={detail}
            valid={detailOk}
            hint={t('monitor.settings.detailHint')}
            onChange={setDetail}
          />
          <fieldset className="fieldset radio-group">
            <legend className="field-label">{t('monitor.settings.transport')}</legend>
            {TRANSPORTS.map((value) => (
              <label key={value} className="check">
                <input type="radio" name={`${entry.monitorId}-transport`} checked={transport === value} onChange={() => setTransport(value)} />
                {t(`monitor.settings.transports.${value}`)}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-admin`}>
              {t('monitor.settings.adminPort')}
            </label>
            <input
              id={`${id}-admin`}
              className="input"
              inputMode="numeric"
              value={adminPort}
              aria-invalid={!portOk}
              aria-describedby={`${id}-admin-hint`}
              onChange={(e) => setAdminPort(e.target.value.trim())}
            />
            <span id={`${id}-admin-hint`} className="field-hint">
              {t('monitor.settings.adminPortHint')}
            </span>
          </div>
          <div className="settings-actions">
            <button type="submit" className="btn btn-primary" disabled={!intervalOk || !detailOk || !portOk}>
              {t('monitor.settings.save')}
            </button>
            {status && <span className="muted" role="status">{status}</span>}
          </div>
        </form>
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </section>
      <MembersEditor entry={entry} />
      <section className="card" aria-labelledby={`${entry.monitorId}-stop`}>
        <div className="card-header">
          <h2 id={`${entry.monitorId}-stop`}>{t('monitor.settings.stopTitle')}</h2>
          <span className="card-actions-spacer" />
          <button type="button" className="btn btn-danger" onClick={() => setConfirmStop(true)} disabled={entry.stopped}>
            {t('monitor.settings.stop')}
          </button>
        </div>
        <p className="muted settings-note">{t('monitor.settings.stopHint')}</p>
      </section>
      {confirmStop && (
        <ConfirmDialog
          title={t('monitor.settings.stopTitle')}
          message={t('monitor.settings.stopConfirm', { name: entry.name })}
          confirmLabel={t('monitor.settings.stop')}
          danger
          onConfirm={() => void stop()}
          onClose={() => setConfirmStop(false)}
        />
      )}
    </div>
  )
}
