import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { useMonitorStore } from '../../stores/monitor-store'
import { Play } from '../../ui/icons'
import { NewMonitorDialog } from './NewMonitorDialog'
import { StandaloneMonitor } from './StandaloneMonitor'

/**
 * The start screen's entry to monitoring an ensemble without opening a
 * connection to it: the running monitors (also those opened from a
 * connection's Monitor view) and "Monitor an ensemble".
 */
export function MonitorsPanel() {
  const { t } = useTranslation()
  const api = useApi()
  const summaries = useMonitorStore((s) => s.summaries)
  const lifecycleSeq = useMonitorStore((s) => s.lifecycleSeq)
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<string | null>(null)

  useEffect(() => {
    api.listMonitors({}).then(
      (list) => useMonitorStore.getState().setSummaries(list),
      () => undefined,
    )
  }, [api, lifecycleSeq])

  return (
    <section className="card monitors-panel" aria-labelledby="monitors-title">
      <div className="card-header">
        <h2 id="monitors-title">{t('monitor.standalone.title')}</h2>
        <span className="card-actions-spacer" />
        <button type="button" className="btn btn-small" onClick={() => setCreating(true)}>
          <Play size={14} /> {t('monitor.standalone.new')}
        </button>
      </div>
      {summaries.length === 0 ? (
        <p className="muted monitors-empty">{t('monitor.standalone.empty')}</p>
      ) : (
        <ul className="monitors-list">
          {summaries.map((m) => (
            <li key={m.monitorId}>
              <span className={`health-dot level-${m.health?.level ?? 'unknown'}`} aria-hidden="true" />
              <span className="monitors-name">
                <strong>{m.name}</strong>
                <span className="muted">
                  {t(`monitor.health.level.${m.health?.level ?? 'unknown'}`)} · {t('monitor.standalone.members', { count: m.members })}
                </span>
              </span>
              <button type="button" className="btn btn-small" onClick={() => setOpen(m.monitorId)} aria-label={t('monitor.standalone.openNamed', { name: m.name })}>
                {t('monitor.standalone.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {creating && (
        <NewMonitorDialog
          onClose={() => setCreating(false)}
          onStarted={(monitorId) => {
            setCreating(false)
            setOpen(monitorId)
          }}
        />
      )}
      {open && <StandaloneMonitor monitorId={open} onClose={() => setOpen(null)} />}
    </section>
  )
}
