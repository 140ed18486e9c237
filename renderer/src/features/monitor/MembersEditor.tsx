import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MemberInfo, MemberSpec } from '../../../../shared/protocol/monitor-api'
import { formatHostPort } from '../../../../shared/zk/connect-string'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { useMonitorStore, type MonitorEntry } from '../../stores/monitor-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { Pencil, Plus, Trash } from '../../ui/icons'
import { MemberForm, specFromForm, type MemberFormValue } from './MemberForm'

function formOf(info: MemberInfo | null): MemberFormValue {
  const verify = info?.admin?.verify
  return {
    host: info?.host ?? '',
    port: info ? String(info.port) : '2181',
    adminHost: info?.admin && info.admin.host !== info.host ? info.admin.host : '',
    adminPort: info?.admin ? String(info.admin.port) : '',
    transport: info?.transport ?? 'auto',
    adminScheme: info?.admin?.scheme ?? 'http',
    adminCheck: !verify ? 'system' : 'caPem' in verify ? 'ca' : 'insecure',
    caPem: verify && 'caPem' in verify ? verify.caPem : '',
    caFile: null,
  }
}

/** The polled members with their four-letter and AdminServer addresses; add, correct or remove them. */
export function MembersEditor({ entry }: { entry: MonitorEntry }) {
  const { t } = useTranslation()
  const api = useApi()
  const [editing, setEditing] = useState<{ memberId: string | null; value: MemberFormValue } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const apply = (params: { upsert?: MemberSpec[]; remove?: string[] }) => {
    setError(null)
    api.updateMembers({ monitorId: entry.monitorId, ...params }).then(
      (members) => {
        useMonitorStore.getState().setMembers(entry.monitorId, members)
        setEditing(null)
      },
      (caught: unknown) => setError(describeError(t, caught)),
    )
  }

  return (
    <section className="card" aria-labelledby={`${entry.monitorId}-members`}>
      <div className="card-header">
        <h2 id={`${entry.monitorId}-members`}>{t('monitor.members.title')}</h2>
        <span className="card-actions-spacer" />
        <button type="button" className="btn btn-small" onClick={() => setEditing({ memberId: null, value: formOf(null) })}>
          <Plus size={14} /> {t('monitor.members.add')}
        </button>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {editing && (
        <MemberForm
          value={editing.value}
          isNew={editing.memberId === null}
          onChange={(value) => setEditing({ ...editing, value })}
          onCancel={() => setEditing(null)}
          onSubmit={() => {
            const spec = specFromForm(editing.value)
            if (spec) apply({ upsert: [{ ...spec, ...(editing.memberId ? { memberId: editing.memberId } : {}) }] })
          }}
        />
      )}
      <div className="table-scroll">
        <table className="grid-table members-table">
          <thead>
            <tr>
              <th>{t('monitor.members.columns.member')}</th>
              <th>{t('monitor.members.columns.fourLetter')}</th>
              <th>{t('monitor.members.columns.admin')}</th>
              <th>{t('monitor.members.columns.transport')}</th>
              <th>{t('monitor.members.columns.origin')}</th>
              <th>{t('start.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {entry.members.map((m) => (
              <tr key={m.memberId}>
                <td>
                  {m.serverId !== null ? t('monitor.member.short', { id: m.serverId }) : '—'}{' '}
                  {m.learnerType && <span className="muted">({t(`monitor.members.learner.${m.learnerType}`)})</span>}
                </td>
                <td className="mono">{formatHostPort(m)}{m.tls && ' (TLS)'}</td>
                <td className="mono">
                  {m.admin ? `${m.admin.scheme}://${formatHostPort(m.admin)}` : '—'}
                  {m.admin?.verify && 'insecure' in m.admin.verify && <span className="fact-warn"> {t('monitor.members.notVerified')}</span>}{' '}
                  <span className="muted">{t(`monitor.adminStatus.${m.adminStatus}`)}</span>
                </td>
                <td>{t(`monitor.members.transport.${m.transport}`)}</td>
                <td>{t(`monitor.members.origin.${m.origin}`)}</td>
                <td className="row-actions">
                  <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('monitor.members.edit', { member: m.memberId })} onClick={() => setEditing({ memberId: m.memberId, value: formOf(m) })}>
                    <Pencil size={14} />
                  </button>
                  <button type="button" className="btn btn-ghost btn-icon btn-small" aria-label={t('monitor.members.remove', { member: m.memberId })} onClick={() => apply({ remove: [m.memberId] })}>
                    <Trash size={14} />
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

