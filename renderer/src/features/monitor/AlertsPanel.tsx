import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonitorEntry } from '../../stores/monitor-store'
import { AlertRulesEditor } from './AlertRulesEditor'
import { alertText, ruleTitle, type AlertContext } from './alert-text'
import { formatAt, formatDuration } from './monitor-format'
import { disableNotifications, enableNotifications, notifyState, type NotifyState } from './notifications'

const HISTORY_SHOWN = 100

/** Active alerts, their history, desktop notifications and the rules with their thresholds. */
export function AlertsPanel({ entry, names }: { entry: MonitorEntry; names: Readonly<Record<string, string>> }) {
  const { t, i18n } = useTranslation()
  const [notify, setNotify] = useState<NotifyState>(notifyState)
  const ctx: AlertContext = {
    members: entry.members,
    rules: entry.alertRules,
    snapshots: entry.latest?.members ?? [],
    terms: entry.leaderTerms,
    voters: entry.latest?.health.quorum.voters ?? null,
  }
  const now = entry.latest?.at ?? entry.startedAt
  const history = entry.alertHistory.slice(-HISTORY_SHOWN).reverse()
  const who = (memberId: string | null) => (memberId === null ? t('monitor.alerts.ensemble') : (names[memberId] ?? memberId))

  return (
    <div className="monitor-alerts">
      <section className="card" aria-labelledby={`${entry.monitorId}-active`}>
        <div className="card-header">
          <h2 id={`${entry.monitorId}-active`}>{t('monitor.alerts.active', { count: entry.activeAlerts.length })}</h2>
          <span className="card-actions-spacer" />
          {notify === 'on' ? (
            <button type="button" className="btn btn-small" onClick={() => setNotify(disableNotifications())}>
              {t('monitor.alerts.notifyOff')}
            </button>
          ) : (
            <button type="button" className="btn btn-small" disabled={notify !== 'off'} onClick={() => void enableNotifications().then(setNotify)}>
              {t('monitor.alerts.notifyOn')}
            </button>
          )}
          <span className="muted">{t(`monitor.alerts.notifyState.${notify}`)}</span>
        </div>
        {entry.activeAlerts.length === 0 ? (
          <p className="empty-state">{t('monitor.alerts.none')}</p>
        ) : (
          <ul className="alert-list" aria-label={t('monitor.alerts.activeList')}>
            {entry.activeAlerts.map((a) => (
              <li key={a.key} className={`alert-item severity-${a.severity}`} data-rule={a.ruleId}>
                <span className={`chip sev-${a.severity}`}>{t(`monitor.severity.${a.severity}`)}</span>
                <strong>{ruleTitle(t, a.ruleId)}</strong>
                <span className="muted">{who(a.memberId)}</span>
                <span>{alertText(t, a, ctx)}</span>
                <span className="muted">{t('monitor.alerts.since', { duration: formatDuration(t, now - a.since) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby={`${entry.monitorId}-history`}>
        <div className="card-header">
          <h2 id={`${entry.monitorId}-history`}>{t('monitor.alerts.history')}</h2>
        </div>
        {history.length === 0 ? (
          <p className="empty-state">{t('monitor.alerts.noHistory')}</p>
        ) : (
          <ol className="alert-list" aria-label={t('monitor.alerts.history')}>
            {history.map((e) => (
              <li key={e.id} className={`alert-item kind-${e.kind}`} data-rule={e.ruleId} data-kind={e.kind} title={e.message}>
                <time dateTime={new Date(e.at).toISOString()}>{formatAt(e.at, i18n.language, true)}</time>
                <span className={`chip kind-${e.kind}`}>{t(`monitor.alerts.kind.${e.kind}`)}</span>
                <strong>{ruleTitle(t, e.ruleId)}</strong>
                <span className="muted">{who(e.memberId)}</span>
                <span>{e.kind === 'clear' ? t('monitor.alerts.resolved', { text: alertText(t, e, ctx) }) : alertText(t, e, ctx)}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <AlertRulesEditor entry={entry} />
    </div>
  )
}
