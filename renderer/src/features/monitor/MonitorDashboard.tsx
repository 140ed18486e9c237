import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { selectMonitor, useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import '../../styles/monitor.css'
import { AlertsPanel } from './AlertsPanel'
import { ClientsPanel } from './ClientsPanel'
import { DashboardPanel } from './DashboardPanel'
import { HealthHeader } from './HealthHeader'
import { memberColors } from './member-colors'
import { attachMonitor } from './monitor-actions'
import { memberShort } from './monitor-format'
import { SettingsPanel } from './SettingsPanel'
import { WordConsole } from './WordConsole'

export const MONITOR_TABS = ['dashboard', 'clients', 'console', 'alerts', 'settings'] as const
export type MonitorTab = (typeof MONITOR_TABS)[number]

interface MonitorDashboardProps {
  monitorId: string
  /** Open connections to the same ensemble, for joining client sessions with their nodes. */
  connectionIds: readonly string[]
  /** Called after the user stopped the monitor. */
  onStopped?(): void
}

/**
 * Everything about one monitored ensemble: health on top, then dashboard,
 * clients, console, alerts, settings. Store updates (a sample, history, a
 * pan) render synchronously, as useSyncExternalStore does; the dashboard
 * itself follows with the deferred entry, in a background render React
 * splits into tasks of a few milliseconds, so no update blocks the page.
 */
export function MonitorDashboard({ monitorId, connectionIds, onStopped }: MonitorDashboardProps) {
  const live = useMonitorStore(selectMonitor(monitorId))
  // The first render shows the spinner; the dashboard mounts in the background render.
  const entry = useDeferredValue(live, undefined)
  const onStoppedRef = useRef(onStopped)
  useEffect(() => {
    onStoppedRef.current = onStopped
  }, [onStopped])
  const stopped = useCallback(() => onStoppedRef.current?.(), [])
  return <DashboardBody monitorId={monitorId} entry={entry} connectionIds={connectionIds} onStopped={stopped} />
}

interface DashboardBodyProps {
  monitorId: string
  entry: MonitorEntry | undefined
  connectionIds: readonly string[]
  onStopped(): void
}

/** Memoized: the synchronous pass of a store update stops here (the deferred entry is still the old one). */
const DashboardBody = memo(function DashboardBody({ monitorId, entry, connectionIds, onStopped }: DashboardBodyProps) {
  const { t } = useTranslation()
  const api = useApi()
  const [tab, setTab] = useState<MonitorTab>('dashboard')
  const alertSeq = entry?.alertSeq ?? 0
  const expectedAlerts = entry?.latest?.activeAlerts ?? 0
  const alertsAgree = expectedAlerts === (entry?.activeAlerts.length ?? 0)

  // The active list is re-read when an alert event came or the count in the samples disagrees.
  useEffect(() => {
    let live = true
    api.getMonitorAlerts({ monitorId, limit: 200 }).then(
      (result) => live && useMonitorStore.getState().setAlerts(monitorId, result.active, result.history),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [api, monitorId, alertSeq, alertsAgree])

  const members = entry?.members
  const ringIds = entry ? Object.keys(entry.rings).join('\n') : ''
  const memberIds = useMemo(() => {
    const ids = (members ?? []).map((m) => m.memberId)
    return [...ids, ...ringIds.split('\n').filter((id) => id !== '' && !ids.includes(id))]
  }, [members, ringIds])
  const colors = useMemo(() => memberColors(members ?? [], memberIds), [members, memberIds])
  const names = useMemo(() => {
    const out: Record<string, string> = {}
    for (const id of memberIds) out[id] = memberShort(t, members?.find((m) => m.memberId === id), id)
    return out
  }, [members, memberIds, t])

  if (!entry) return <p className="empty-state muted"><span className="spinner" /> {t('monitor.starting')}</p>
  const active = entry.activeAlerts.length
  // Arrow keys move between the sections, as in the ARIA tabs pattern.
  const move = (delta: number) => {
    const next = MONITOR_TABS[(MONITOR_TABS.indexOf(tab) + delta + MONITOR_TABS.length) % MONITOR_TABS.length] ?? 'dashboard'
    setTab(next)
    document.getElementById(`${monitorId}-tab-${next}`)?.focus()
  }
  const restart = () =>
    void attachMonitor(api, { connectString: entry.connectString, name: entry.name }).catch(() => undefined)
  return (
    <div className="monitor">
      <HealthHeader entry={entry} names={names} />
      {entry.stopped && (
        <div className="message message-warning monitor-stopped">
          <span>{t('monitor.stopped')}</span>
          <button type="button" className="btn btn-small" onClick={restart}>
            {t('monitor.startAgain')}
          </button>
        </div>
      )}
      <div
        className="monitor-tabs"
        role="tablist"
        aria-label={t('monitor.tabs.label')}
        onKeyDown={(e) => {
          if (e.key === 'ArrowRight') move(1)
          else if (e.key === 'ArrowLeft') move(-1)
        }}
      >
        {MONITOR_TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`${monitorId}-tab-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            aria-controls={`${monitorId}-panel-${id}`}
            className={tab === id ? 'monitor-tab active' : 'monitor-tab'}
            onClick={() => setTab(id)}
          >
            {t(`monitor.tabs.${id}`)}
            {id === 'alerts' && active > 0 && <span className="chip chip-alert">{active}</span>}
          </button>
        ))}
      </div>
      <div className="monitor-panel" role="tabpanel" id={`${monitorId}-panel-${tab}`} aria-labelledby={`${monitorId}-tab-${tab}`}>
        {tab === 'dashboard' && <DashboardPanel entry={entry} memberIds={memberIds} colors={colors} names={names} />}
        {tab === 'clients' && <ClientsPanel entry={entry} colors={colors} names={names} connectionIds={connectionIds} />}
        {tab === 'console' && <WordConsole entry={entry} names={names} />}
        {tab === 'alerts' && <AlertsPanel entry={entry} names={names} />}
        {tab === 'settings' && <SettingsPanel entry={entry} onStopped={onStopped} />}
      </div>
    </div>
  )
})
