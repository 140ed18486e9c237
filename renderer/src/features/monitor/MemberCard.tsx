import { useTranslation } from 'react-i18next'
import type { CSSProperties } from 'react'
import type { MemberInfo, MemberSnapshot } from '../../../../shared/protocol/monitor-api'
import { formatHostPort } from '../../../../shared/zk/connect-string'
import { formatBytes } from '../../i18n/format'
import { formatCount, formatValue, memberName } from './monitor-format'
import { capabilityHint, statusLine } from './status-text'

interface MemberCardProps {
  info: MemberInfo
  snap: MemberSnapshot | undefined
  color: string
  /** The time of the round, for "not serving for 12 s". */
  at: number
}

/** A state chip's tone: serving is fine, not serving a warning, down an error, the rest unknown. */
function tone(snap: MemberSnapshot | undefined): string {
  if (!snap) return 'unknown'
  if (snap.status === 'serving') return snap.role === 'read-only' ? 'warning' : 'ok'
  if (snap.status === 'not-serving' || snap.status === 'not-whitelisted' || snap.status === 'tls-only') return 'warning'
  return snap.status === 'down' ? 'danger' : 'unknown'
}

/** One member: its role and state, the numbers operators look at first, and how to enable what is missing. */
export function MemberCard({ info, snap, color, at }: MemberCardProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const address = formatHostPort({ host: info.host, port: info.port })
  const m = snap?.metrics
  const chip = snap?.status === 'serving' ? t(`monitor.role.${snap.role ?? 'unknown'}`) : t(`monitor.status.${snap?.status ?? 'unknown'}`)
  const blocked = info.capabilities.filter((c) => c.fourLetter === 'not-whitelisted').map((c) => c.command)
  const hints = info.capabilities.flatMap((c) => {
    const hint = capabilityHint(t, c, info.adminStatus, blocked)
    return hint ? [{ command: c.command, hint }] : []
  })
  const fdsPct = m?.openFds != null && m.maxFds ? (m.openFds / m.maxFds) * 100 : null
  const fact = (label: string, value: string, title?: string, wide = false) => (
    <div className={wide ? 'member-fact wide' : 'member-fact'} title={title}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )

  return (
    <section className={`member-card tone-${tone(snap)}`} role="region" aria-label={address} style={{ '--member-color': color } as CSSProperties}>
      <header className="member-card-header">
        <span className="member-swatch" aria-hidden="true" />
        <h3 className="member-title">{memberName(t, info, info.memberId)}</h3>
        <span className="chip member-state">{chip}</span>
      </header>
      <p className="member-status">
        {snap ? statusLine(t, snap, at) : t('monitor.statusLine.waiting')}
        {snap?.stale && <span className="badge">{t('monitor.card.stale')}</span>}
      </p>
      {!info.confirmed && <p className="member-note muted">{t('monitor.card.unconfirmed')}</p>}
      <dl className="member-facts">
        {fact(t('monitor.card.version'), snap?.version ?? '—', snap?.fullVersion ?? undefined)}
        {fact(t('monitor.card.zxid'), snap?.zxid ?? '—', snap?.epoch != null ? t('monitor.card.epochCounter', { epoch: snap.epoch, counter: snap.zxidCounter ?? 0 }) : undefined)}
        {fact(t('monitor.card.connections'), formatCount(m?.connections, locale))}
        {fact(t('monitor.card.outstanding'), formatCount(m?.outstandingRequests, locale))}
        {fact(t('monitor.card.znodes'), formatCount(m?.znodeCount, locale))}
        {fact(t('monitor.card.watches'), formatCount(m?.watchCount, locale))}
        {fact(t('monitor.card.ephemerals'), formatCount(m?.ephemeralsCount, locale))}
        {fact(t('monitor.card.dataSize'), m?.approximateDataSize == null ? '—' : formatBytes(m.approximateDataSize, locale))}
        {fact(
          t('monitor.card.latency'),
          m ? `${formatValue(m.latencyMinMs, locale)} / ${formatValue(m.latencyAvgMs, locale)} / ${formatValue(m.latencyMaxMs, locale)}` : '—',
          undefined,
          true,
        )}
        {fact(
          t('monitor.card.fds'),
          m?.openFds == null ? '—' : t('monitor.card.fdsValue', { used: formatCount(m.openFds, locale), max: formatCount(m.maxFds, locale) }),
          fdsPct === null ? undefined : `${fdsPct.toFixed(1)} %`,
          true,
        )}
        {fact(t('monitor.card.lag'), snap?.lag == null || snap.role === 'leader' ? '—' : t('monitor.card.lagValue', { count: snap.lag }))}
        {fact(
          t('monitor.card.source'),
          snap?.sources.metrics ? t(`monitor.card.via.${snap.sources.metrics}`) : '—',
          info.admin ? t('monitor.card.adminAt', { address: `${info.admin.scheme}://${formatHostPort(info.admin)}`, status: t(`monitor.adminStatus.${info.adminStatus}`) }) : undefined,
        )}
      </dl>
      {fdsPct !== null && (
        <div className="fd-meter" role="meter" aria-label={t('monitor.card.fds')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fdsPct)}>
          <span style={{ width: `${Math.min(100, fdsPct)}%` }} className={fdsPct > 85 ? 'high' : undefined} />
        </div>
      )}
      {hints.length > 0 && (
        <details className="member-hints">
          <summary>{t('monitor.card.hints', { count: hints.length })}</summary>
          <ul>
            {hints.map((h) => (
              <li key={h.command}>{h.hint}</li>
            ))}
          </ul>
        </details>
      )}
      {info.warnings.length > 0 && (
        <ul className="member-warnings">
          {info.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
