import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { closeConnection, connectProfile } from '../connections/connect-actions'

/**
 * Shown over a workspace whose session will not come back (expired, auth
 * failed, failed). A saved connection can be opened again in one click; the
 * old tab gives way to the new one.
 */
export function SessionEndedAlert({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { profileId } = info

  const again = async (id: string) => {
    setBusy(true)
    setError(null)
    try {
      const outcome = await connectProfile(api, id)
      if (outcome.ok) closeConnection(api, info.connectionId)
      else setError(outcome.info.message ?? t(`session.${outcome.info.state}`))
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
          {info.message ? ` — ${info.message}` : ''}. {t('workspace.reconnectHint')}
          {error && <> {t('dialog.failed', { reason: error })}</>}
        </span>
        <span className="workspace-alert-actions">
          {profileId && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void again(profileId)}>
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
