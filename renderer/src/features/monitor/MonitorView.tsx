import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useClient } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { isLive } from '../../stores/connections-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { attachMonitor, hostsOnly } from './monitor-actions'
import { MonitorDashboard } from './MonitorDashboard'

type Attach =
  | { status: 'starting'; key: string }
  | { status: 'ok'; key: string; monitorId: string }
  | { status: 'error'; key: string; message: string }
  | { status: 'stopped'; key: string }

/**
 * The ensemble dashboard of a connection. Opening the view starts the
 * monitor of the connection's servers (or joins the one already running:
 * the backend keeps it polling after the view closes), and hands it the
 * ensemble config the session can read, so members the connect string
 * leaves out are polled too.
 */
export function MonitorView({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const client = useClient()
  const connectString = hostsOnly(info.connectString)
  const [attempt, setAttempt] = useState(0)
  const key = `${connectString}|${attempt}`
  const [attach, setAttach] = useState<Attach>({ status: 'starting', key })
  const live = isLive(info.state)
  const canReadConfig = live && !info.chroot

  useEffect(() => {
    let current = true
    const start = async () => {
      let ensembleConfig: string | undefined
      if (canReadConfig) {
        // Best effort: without read access to /zookeeper/config the servers' own `conf` still lists the members.
        const node = await client.call('getNode', { connectionId: info.connectionId, path: '/zookeeper/config' }, { timeoutMs: 5_000 }).catch(() => null)
        ensembleConfig = node?.data.text || undefined
      }
      return attachMonitor(client.api, { connectString, name: info.name, ...(ensembleConfig ? { ensembleConfig } : {}) })
    }
    start().then(
      (monitorId) => current && setAttach({ status: 'ok', key, monitorId }),
      (error: unknown) => current && setAttach({ status: 'error', key, message: describeError(t, error) }),
    )
    return () => {
      current = false
    }
    // When the session becomes readable the backend is asked again (it joins the running monitor) with the config.
  }, [client, connectString, info.connectionId, info.name, key, canReadConfig, t])

  if (attach.key !== key || attach.status === 'starting') {
    return (
      <p className="empty-state muted monitor-starting">
        <span className="spinner" /> {t('monitor.starting')}
      </p>
    )
  }
  if (attach.status === 'stopped') {
    return (
      <div className="monitor-starting">
        <p className="muted">{t('monitor.stoppedHere')}</p>
        <button type="button" className="btn btn-primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('monitor.startAgain')}
        </button>
      </div>
    )
  }
  if (attach.status === 'error') {
    return (
      <div className="monitor-starting">
        <ErrorMessage>{t('monitor.startFailed', { reason: attach.message })}</ErrorMessage>
        <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
          {t('monitor.retry')}
        </button>
      </div>
    )
  }
  return (
    <div className="monitor-scroll" data-connection={info.connectionId}>
      <MonitorDashboard monitorId={attach.monitorId} connectionIds={[info.connectionId]} onStopped={() => setAttach({ status: 'stopped', key })} />
    </div>
  )
}
