import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ALERT_RULE_INFO, DEFAULT_ALERT_RULES, type AlertRule, type AlertSeverity } from '../../../../shared/protocol/monitor-api'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ruleTitle } from './alert-text'

const SEVERITIES: AlertSeverity[] = ['critical', 'warning', 'info']

/** The alert rules with editable thresholds, durations and severities; defaults come from the backend. */
export function AlertRulesEditor({ entry }: { entry: MonitorEntry }) {
  const { t } = useTranslation()
  const api = useApi()
  const [draft, setDraft] = useState<AlertRule[]>(entry.alertRules)
  const [status, setStatus] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const dirty = JSON.stringify(draft) !== JSON.stringify(entry.alertRules)
  const edit = (id: AlertRule['id'], change: Partial<AlertRule>) => setDraft((rules) => rules.map((r) => (r.id === id ? { ...r, ...change } : r)))

  const save = (rules: AlertRule[]) => {
    setError(null)
    api.setAlertRules({ monitorId: entry.monitorId, rules }).then(
      (saved) => {
        useMonitorStore.getState().setRules(entry.monitorId, saved)
        setDraft(saved)
        setStatus(t('monitor.rules.saved'))
      },
      (caught: unknown) => setError(describeError(t, caught)),
    )
  }

  return (
    <section className="card" aria-labelledby={`${entry.monitorId}-rules`}>
      <div className="card-header">
        <h2 id={`${entry.monitorId}-rules`}>{t('monitor.rules.title')}</h2>
        <span className="card-actions-spacer" />
        {status && !dirty && <span className="muted" role="status">{status}</span>}
        <button type="button" className="btn btn-small" onClick={() => setDraft(DEFAULT_ALERT_RULES.map((r) => ({ ...r })))}>
          {t('monitor.rules.defaults')}
        </button>
        <button type="button" className="btn btn-small" disabled={!dirty} onClick={() => setDraft(entry.alertRules)}>
          {t('app.cancel')}
        </button>
        <button type="button" className="btn btn-small btn-primary" disabled={!dirty} onClick={() => save(draft)}>
          {t('monitor.rules.save')}
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="table-scroll">
        <table className="grid-table rules-table">
          <thead>
            <tr>
              <th>{t('monitor.rules.columns.enabled')}</th>
              <th>{t('monitor.rules.columns.rule')}</th>
              <th>{t('monitor.rules.columns.threshold')}</th>
              <th>{t('monitor.rules.columns.for')}</th>
              <th>{t('monitor.rules.columns.severity')}</th>
              <th>{t('monitor.rules.columns.source')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.map((rule) => {
              const info = ALERT_RULE_INFO[rule.id]
              const title = ruleTitle(t, rule.id)
              return (
                <tr key={rule.id}>
                  <td>
                    <input
                      type="checkbox"
                      className="switch"
                      role="switch"
                      aria-label={t('monitor.rules.enable', { rule: title })}
                      checked={rule.enabled}
                      onChange={(e) => edit(rule.id, { enabled: e.target.checked })}
                    />
                  </td>
                  <td>{title}</td>
                  <td>
                    {info.threshold === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="input-with-unit">
                        <input
                          className="input rule-number"
                          type="number"
                          min={0}
                          step="any"
                          aria-label={t('monitor.rules.thresholdOf', { rule: title })}
                          value={rule.threshold}
                          onChange={(e) => edit(rule.id, { threshold: Math.max(0, Number(e.target.value)) })}
                        />
                        <span className="muted">{t(`monitor.rules.${rule.id}.unit`)}</span>
                      </span>
                    )}
                  </td>
                  <td>
                    {info.pointInTime ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="input-with-unit">
                        <input
                          className="input rule-number"
                          type="number"
                          min={0}
                          aria-label={t('monitor.rules.forOf', { rule: title })}
                          value={Math.round(rule.forMs / 1000)}
                          onChange={(e) => edit(rule.id, { forMs: Math.max(0, Math.round(Number(e.target.value) * 1000)) })}
                        />
                        <span className="muted">{t('monitor.rules.seconds')}</span>
                      </span>
                    )}
                  </td>
                  <td>
                    <select
                      className="select"
                      aria-label={t('monitor.rules.severityOf', { rule: title })}
                      value={rule.severity}
                      onChange={(e) => edit(rule.id, { severity: e.target.value as AlertSeverity })}
                    >
                      {SEVERITIES.map((s) => (
                        <option key={s} value={s}>
                          {t(`monitor.severity.${s}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="muted rule-source">{info.source}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
