import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { closeConnection } from '../connections/connect-actions'
import { useConnectionsStore } from '../../stores/connections-store'

/**
 * Shown over a workspace whose session will not come back by itself (auth
 * failed, failed). "Connect again" opens a fresh session for the same
 * connection, so the tree, the open nodes, the watches and the event
 * timeline carry on. An expired session is replaced by the backend on its
 * own; meanwhile the alert says so.
 */
export function SessionEndedAlert({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const renewing = info.state === 'expired'

  const again = async () => {
    setBusy(true)
    setError(null)
    try {
      const next = await api.reconnect({ connectionId: info.connectionId })
      useConnectionsStore.getState().applySessionStates([next])
      if (next.state !== 'connected') setError(next.message ?? t(`session.${next.state}`))
    } catch (caught) {
      setError(describeError(t, caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="workspace-alert">
      <ErrorMessage>
        <span>
          {t(`session.${info.state}`)}
          {info.message ? ` — ${info.message}` : ''}. {renewing ? t('live.renewing') : t('workspace.reconnectHint')}
          {error && <> {t('dialog.failed', { reason: error })}</>}
        </span>
        <span className="workspace-alert-actions">
          {!renewing && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void again()}>
              {t('workspace.connectAgain')}
            </button>
          )}
          <button type="button" className="btn btn-small" onClick={() => closeConnection(api, info.connectionId)}>
            {t('workspace.closeTab')}
          </button>
        </span>
      </ErrorMessage>
    </div>
  )
}
