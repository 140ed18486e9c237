import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionProfile } from '../../../../shared/protocol/types'
import { useConnectionsStore } from '../../stores/connections-store'
import { Plus } from '../../ui/icons'
import { ProfileList } from './ProfileList'
import { SandboxPanel } from './SandboxPanel'
import { MonitorsPanel } from '../monitor/MonitorsPanel'
import { ConnectDialog } from './ConnectDialog'

type DialogState = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; profile: ConnectionProfile }

/** Saved connections on the left, the local sandbox on the right. */
export function StartScreen() {
  const { t } = useTranslation()
  const loaded = useConnectionsStore((s) => s.profilesLoaded)
  const [dialog, setDialog] = useState<DialogState>({ mode: 'closed' })

  return (
    <div className="start">
      <section className="start-main card" aria-labelledby="saved-title">
        <div className="card-header">
          <h2 id="saved-title">{t('start.saved')}</h2>
          <span className="card-actions-spacer" />
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ mode: 'new' })}>
            <Plus size={14} /> {t('start.newConnection')}
          </button>
        </div>
        {loaded ? (
          <ProfileList onEdit={(profile) => setDialog({ mode: 'edit', profile })} />
        ) : (
          <p className="empty-state muted">
            <span className="spinner" /> {t('app.loading')}
          </p>
        )}
      </section>
      <aside className="start-side">
        <SandboxPanel />
        <MonitorsPanel />
      </aside>
      {dialog.mode !== 'closed' && (
        <ConnectDialog
          {...(dialog.mode === 'edit' ? { profile: dialog.profile } : {})}
          onClose={() => setDialog({ mode: 'closed' })}
        />
      )}
    </div>
  )
}
