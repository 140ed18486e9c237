import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useTreeStore } from '../../stores/tree-store'
import { formatNumber } from '../../i18n/format'
import { SessionStatus } from './SessionStatus'
import { NewSessionItem } from '../live/NewSessionItem'
import { WatchBudgetItem } from '../live/WatchBudgetItem'

/** One dense line under the workspace: session state, server, session id, timeout, watched paths, loaded rows. */
export function StatusBar({ info }: { info: ConnectionInfo }) {
  const { t, i18n } = useTranslation()
  const rowCount = useTreeStore((s) => s.trees[info.connectionId]?.rows.length ?? 0)
  const openPath = useTreeStore((s) => s.trees[info.connectionId]?.openPath ?? null)
  return (
    <footer className="statusbar">
      <SessionStatus info={info} />
      <NewSessionItem info={info} />
      {info.server && <span className="statusbar-item mono">{t('status.server', { server: info.server })}</span>}
      {info.sessionId && <span className="statusbar-item mono">{t('status.session', { id: info.sessionId })}</span>}
      {info.negotiatedTimeoutMs !== undefined && (
        <span className="statusbar-item">
          {t('status.timeout', { ms: formatNumber(info.negotiatedTimeoutMs, i18n.language) })}
        </span>
      )}
      {info.chroot && <span className="statusbar-item mono">{t('status.chroot', { chroot: info.chroot })}</span>}
      {info.readOnly && <span className="badge badge-warning">{t('status.readOnly')}</span>}
      <span className="statusbar-spacer" />
      {openPath && <span className="statusbar-item mono statusbar-path">{openPath}</span>}
      <WatchBudgetItem connectionId={info.connectionId} />
      <span className="statusbar-item">{t('tree.rows', { count: rowCount })}</span>
    </footer>
  )
}
