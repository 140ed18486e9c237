import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionProfile } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { useConnectionsStore } from '../../stores/connections-store'
import { useNoticesStore } from '../../stores/notices-store'
import { describeError, toErrorInfo } from '../../i18n/describe-error'
import { EnvChip, envColor } from '../../ui/EnvChip'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Lock, Pencil, Trash } from '../../ui/icons'
import { connectProfile } from './connect-actions'

interface ProfileListProps {
  onEdit(profile: ConnectionProfile): void
}

/** The saved connections as a dense table: connect, edit, delete. */
export function ProfileList({ onEdit }: ProfileListProps) {
  const { t } = useTranslation()
  const api = useApi()
  const profiles = useConnectionsStore((s) => s.profiles)
  const [connecting, setConnecting] = useState<Record<string, true>>({})
  const [deleting, setDeleting] = useState<ConnectionProfile | null>(null)
  const push = useNoticesStore((s) => s.push)

  const connect = async (profile: ConnectionProfile) => {
    setConnecting((c) => ({ ...c, [profile.id]: true }))
    try {
      const outcome = await connectProfile(api, profile.id)
      if (!outcome.ok) {
        push({
          kind: 'error',
          key: 'start.connectFailed',
          values: { name: profile.name, reason: outcome.info.message ?? t(`session.${outcome.info.state}`) },
        })
      }
    } catch (error) {
      push({ kind: 'error', key: 'start.connectFailed', values: { name: profile.name, reason: describeError(t, error) } })
    } finally {
      setConnecting(({ [profile.id]: _done, ...rest }) => rest)
    }
  }

  const remove = (profile: ConnectionProfile) => {
    api.deleteProfile({ profileId: profile.id }).then(
      () => useConnectionsStore.getState().setProfiles(useConnectionsStore.getState().profiles.filter((p) => p.id !== profile.id)),
      (error: unknown) => push({ kind: 'error', error: toErrorInfo(error) }),
    )
  }

  if (profiles.length === 0) return <p className="empty-state">{t('start.empty')}</p>

  return (
    <>
      <table className="grid-table profile-table">
        <thead>
          <tr>
            <th scope="col">{t('start.columns.name')}</th>
            <th scope="col">{t('start.columns.connectString')}</th>
            <th scope="col">{t('start.columns.environment')}</th>
            <th scope="col" className="actions-col">
              <span className="sr-only">{t('start.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {profiles.map((profile) => (
            <tr key={profile.id} style={envColor(profile.environment)} className="profile-row">
              <th scope="row" className="profile-name">
                <span className="profile-stripe" aria-hidden="true" />
                <span>{profile.name}</span>
                {profile.readOnly && <span className="badge badge-warning">{t('start.readOnly')}</span>}
                {profile.authUsers.length > 0 && (
                  <span className="badge" title={t(`start.storage.${profile.credentialStorage}`)}>
                    <Lock size={11} /> {t('start.authUsers', { users: profile.authUsers.join(', ') })}
                  </span>
                )}
              </th>
              <td className="mono profile-cs">{profile.connectString}</td>
              <td>
                <EnvChip environment={profile.environment} />
              </td>
              <td className="actions-col">
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    disabled={Boolean(connecting[profile.id])}
                    onClick={() => void connect(profile)}
                  >
                    {connecting[profile.id] ? t('start.connecting') : t('start.connect')}
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost btn-icon"
                    aria-label={`${t('start.edit')} ${profile.name}`}
                    title={t('start.edit')}
                    onClick={() => onEdit(profile)}
                  >
                    <Pencil size={14} />
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-ghost btn-icon btn-danger"
                    aria-label={`${t('start.delete')} ${profile.name}`}
                    title={t('start.delete')}
                    onClick={() => setDeleting(profile)}
                  >
                    <Trash size={14} />
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {deleting && (
        <ConfirmDialog
          title={t('start.deleteTitle')}
          message={t('start.deleteConfirm', { name: deleting.name })}
          confirmLabel={t('start.delete')}
          danger
          onConfirm={() => remove(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  )
}
