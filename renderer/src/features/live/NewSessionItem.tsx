import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { Close } from '../../ui/icons'
import { selectLive, useLiveStore } from './live-store'
import { StatusPopover } from './StatusPopover'

/**
 * After the session expired and the backend opened a new one, the status bar
 * says so until dismissed: what was lost (the ephemeral nodes of the old
 * session, those the console had seen) and that the view carried on.
 */
export function NewSessionItem({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const live = useLiveStore(selectLive(info.connectionId))
  const renewal = live?.renewal
  if (!renewal || info.state !== 'connected' || live.dismissedRenewal === renewal.since) return null
  const text = t('live.newSession')

  return (
    <span className="live-renewal">
      <StatusPopover buttonClassName="badge badge-warning live-renewal-badge" title={text} label={t('live.newSessionShort')}>
        <p className="live-popover-title">{text}</p>
        {info.message && <p className="muted">{info.message}</p>}
        {renewal.lost.length > 0 && <p className="mono live-popover-lost">{t('live.lostNodes', { paths: renewal.lost.join(', ') })}</p>}
      </StatusPopover>
      <button
        type="button"
        className="btn btn-ghost btn-icon btn-small"
        aria-label={t('app.dismiss')}
        title={t('app.dismiss')}
        onClick={() => useLiveStore.getState().dismissRenewal(info.connectionId, renewal.since)}
      >
        <Close size={12} />
      </button>
    </span>
  )
}
