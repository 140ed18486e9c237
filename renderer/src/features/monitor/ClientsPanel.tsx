import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientsResult } from '../../../../shared/protocol/monitor-api'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import { formatLocalTime } from '../../i18n/format'
import { useConnectionsStore } from '../../stores/connections-store'
import type { MonitorEntry } from '../../stores/monitor-store'
import { useTreeStore } from '../../stores/tree-store'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { Refresh } from '../../ui/icons'
import { formatCount, formatValue } from './monitor-format'
import { joinSessions, sessionKey, type TreeView } from './session-join'

interface ClientsPanelProps {
  entry: MonitorEntry
  colors: Readonly<Record<string, string>>
  names: Readonly<Record<string, string>>
  connectionIds: readonly string[]
}

/**
 * Client connections per member (from `cons`), joined with the console's
 * own connections to the ensemble: which session is this console, and
 * which session owns the node open in the node panel (highlighted).
 */
export function ClientsPanel({ entry, colors, names, connectionIds }: ClientsPanelProps) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const locale = i18n.language
  const [member, setMember] = useState<string>('')
  // Each request has a number; the answer records which one it answers, so "busy" needs no extra state.
  const [request, setRequest] = useState(0)
  const [answer, setAnswer] = useState<{ request: number; result: ClientsResult | null; error: string | null } | null>(null)
  const connections = useConnectionsStore((s) => s.connections)
  const trees = useTreeStore((s) => s.trees)

  useEffect(() => {
    let live = true
    api.getMonitorClients({ monitorId: entry.monitorId, refresh: true }).then(
      (result) => live && setAnswer({ request, result, error: null }),
      (caught: unknown) => live && setAnswer((prev) => ({ request, result: prev?.result ?? null, error: describeError(t, caught) })),
    )
    return () => {
      live = false
    }
  }, [api, entry.monitorId, request, t])
  const busy = answer?.request !== request
  const result = answer?.result ?? null
  const error = answer?.error ?? null

  const clients = useMemo(() => (result?.clients ?? []).filter((c) => member === '' || c.memberId === member), [result, member])
  const facts = useMemo(() => {
    const own = connectionIds.flatMap((id) => (connections[id] ? [connections[id]] : []))
    const views: TreeView[] = connectionIds.flatMap((id) => {
      const tree = trees[id]
      return tree ? [{ connectionId: id, openPath: tree.openPath, stats: tree.stats }] : []
    })
    return joinSessions(clients.map((c) => c.sessionId), own, views)
  }, [clients, connectionIds, connections, trees])

  return (
    <section className="monitor-clients" aria-label={t('monitor.clients.title')}>
      <div className="panel-row">
        <label className="field-inline">
          <span>{t('monitor.clients.member')}</span>
          <select className="select" value={member} onChange={(e) => setMember(e.target.value)}>
            <option value="">{t('monitor.clients.allMembers')}</option>
            {entry.members.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {names[m.memberId] ?? m.memberId} ({m.memberId})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-small" onClick={() => setRequest((n) => n + 1)} disabled={busy}>
          {busy ? <span className="spinner" /> : <Refresh size={14} />} {t('monitor.clients.refresh')}
        </button>
        <span className="muted">{t('monitor.clients.count', { count: clients.length })}</span>
        <span className="card-actions-spacer" />
        <span className="muted">{t('monitor.clients.joinHint')}</span>
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {result?.missing.map((m) => (
        <p key={m.memberId} className="muted">
          {t('monitor.clients.missing', { member: names[m.memberId] ?? m.memberId })}
        </p>
      ))}
      <div className="table-scroll">
        <table className="grid-table clients-table">
          <thead>
            <tr>
              <th>{t('monitor.clients.columns.member')}</th>
              <th>{t('monitor.clients.columns.client')}</th>
              <th>{t('monitor.clients.columns.session')}</th>
              <th className="num">{t('monitor.clients.columns.queued')}</th>
              <th className="num">{t('monitor.clients.columns.sentReceived')}</th>
              <th className="num">{t('monitor.clients.columns.latency')}</th>
              <th>{t('monitor.clients.columns.lastOperation')}</th>
              <th>{t('monitor.clients.columns.established')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">
                  {result ? t('monitor.clients.none') : t('app.loading')}
                </td>
              </tr>
            )}
            {clients.map((c) => {
              const key = sessionKey(c.sessionId)
              const f = key ? facts.get(key) : undefined
              return (
                <tr key={`${c.memberId}|${c.address}|${c.port}`} className={f?.openNode ? 'client-highlight' : undefined}>
                  <td>
                    <span className="legend-swatch" style={{ borderColor: colors[c.memberId] }} /> {names[c.memberId] ?? c.memberId}
                  </td>
                  <td className="mono">{c.hostname ? `${c.hostname}/${c.address}:${c.port}` : `${c.address}:${c.port}`}</td>
                  <td>
                    <span className="mono">{c.sessionId ?? '—'}</span>
                    {f && f.ownConnections.length > 0 && <span className="badge">{t('monitor.clients.thisConsole', { name: f.ownConnections.join(', ') })}</span>}
                    {f?.openNode && <span className="badge badge-accent">{t('monitor.clients.ownsOpen', { path: f.openNode })}</span>}
                    {f && f.ephemerals.length > 0 && (
                      <div className="client-ephemerals muted">{t('monitor.clients.ephemerals', { paths: f.ephemerals.join(', ') })}</div>
                    )}
                  </td>
                  <td className="num">{formatCount(c.queued, locale)}</td>
                  <td className="num">{`${formatCount(c.sent, locale)} / ${formatCount(c.received, locale)}`}</td>
                  <td className="num">{`${formatValue(c.lastLatencyMs, locale)} · ${formatValue(c.avgLatencyMs, locale)} · ${formatValue(c.maxLatencyMs, locale)}`}</td>
                  <td className="mono">{c.lastOperation ?? '—'}</td>
                  <td>{c.establishedAt ? formatLocalTime(c.establishedAt, locale) : '—'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </section>
  )
}
