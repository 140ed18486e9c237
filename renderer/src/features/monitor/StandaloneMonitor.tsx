import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseConnectString } from '../../../../shared/zk/connect-string'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { useConnectionsStore } from '../../stores/connections-store'
import { selectMonitor, useMonitorStore } from '../../stores/monitor-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { Close } from '../../ui/icons'
import { useModalDialog } from '../../ui/use-modal-dialog'
import { hostsOnly, openMonitor } from './monitor-actions'
import { MonitorDashboard } from './MonitorDashboard'

function hostSet(connectString: string): string {
  const parsed = parseConnectString(hostsOnly(connectString))
  return parsed.ok ? parsed.value.hosts.map((h) => `${h.host.toLowerCase()}:${h.port}`).sort().join(',') : connectString
}

/**
 * A monitor opened from the start screen, over the whole window (a modal
 * <dialog>: focus stays inside, Escape closes it; the monitor keeps running).
 */
export function StandaloneMonitor({ monitorId, onClose }: { monitorId: string; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const ref = useModalDialog(onClose)
  const entry = useMonitorStore(selectMonitor(monitorId))
  const [error, setError] = useState<string | null>(null)
  const connections = useConnectionsStore((s) => s.connections)
  const hosts = entry ? hostSet(entry.connectString) : ''
  // Open connections to the same servers, for the clients' session join.
  const connectionIds = useMemo(
    () => Object.values(connections).filter((c) => hosts !== '' && hostSet(c.connectString) === hosts).map((c) => c.connectionId),
    [connections, hosts],
  )
  useEffect(() => {
    openMonitor(api, monitorId).catch((caught: unknown) => setError(describeError(t, caught)))
  }, [api, monitorId, t])

  const title = t('monitor.standalone.overlayTitle', { name: entry?.name ?? monitorId })
  return (
    <dialog ref={ref} className="monitor-overlay" aria-label={title}>
      <div className="monitor-overlay-header">
        <h1>{title}</h1>
        <span className="mono muted">{entry?.connectString}</span>
        <span className="card-actions-spacer" />
        <button type="button" className="btn btn-ghost btn-icon" aria-label={t('app.close')} onClick={onClose}>
          <Close />
        </button>
      </div>
      <div className="monitor-scroll">
        {error && <ErrorMessage>{error}</ErrorMessage>}
        <MonitorDashboard monitorId={monitorId} connectionIds={connectionIds} onStopped={onClose} />
      </div>
    </dialog>
  )
}
