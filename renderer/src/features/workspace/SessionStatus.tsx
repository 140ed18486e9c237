import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { SessionDot } from './SessionDot'
import { useNow } from './use-now'

/**
 * The session state in words. While disconnected it counts down to the
 * moment the server will expire the session (ConnectionInfo.expiresAt), so the
 * user knows whether ephemeral nodes and watches are about to go.
 */
export function SessionStatus({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const counting = info.state === 'disconnected' && info.expiresAt !== undefined
  const now = useNow(counting)
  let detail = ''
  if (counting && info.expiresAt !== undefined) {
    const seconds = Math.ceil((info.expiresAt - now) / 1000)
    detail = seconds > 0 ? t('session.expiresIn', { seconds }) : t('session.expiredByNow')
  } else if ((info.state === 'failed' || info.state === 'auth-failed' || info.state === 'expired') && info.message) {
    detail = info.message
  }
  return (
    <span className="session-status" data-state={info.state} role="status">
      <SessionDot state={info.state} />
      <span className="session-state">{t(`session.${info.state}`)}</span>
      {detail && <span className="session-detail">— {detail}</span>}
    </span>
  )
}
