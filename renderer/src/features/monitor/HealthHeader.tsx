import { useTranslation } from 'react-i18next'
import type { MonitorEntry } from '../../stores/monitor-store'
import { Alert, Check } from '../../ui/icons'
import { healthText } from './health-text'
import { LastRound } from './LastRound'
import { formatDuration } from './monitor-format'

/** The one sentence on top (healthy or not, and why), then quorum, leader, epoch and drift at a glance. */
export function HealthHeader({ entry, names }: { entry: MonitorEntry; names: Readonly<Record<string, string>> }) {
  const { t } = useTranslation()
  const sample = entry.latest
  if (!sample) {
    return (
      <section className="monitor-health level-unknown" aria-label={t('monitor.health.label')}>
        <p className="monitor-sentence" role="status">
          <span className="spinner" /> {t('monitor.health.waiting')}
        </p>
      </section>
    )
  }
  const h = sample.health
  const text = healthText(t, sample, entry.members)
  const q = h.quorum
  const leaderName = h.leader ? (names[h.leader.memberId] ?? h.leader.memberId) : null
  // The leader's own uptime as leader beats the console's view, which starts when the console first saw it.
  const leaderSnap = h.leader ? sample.members.find((m) => m.memberId === h.leader?.memberId) : undefined
  const leaderFor = leaderSnap?.metrics.leaderUptimeMs ?? (h.leader ? sample.at - h.leader.since : 0)
  return (
    <section className={`monitor-health level-${h.level}`} aria-label={t('monitor.health.label')}>
      <p className="monitor-sentence" role="status" data-level={h.level}>
        {h.level === 'healthy' ? <Check /> : <Alert />}
        <span>{text.sentence}</span>
      </p>
      <dl className="monitor-facts">
        <div>
          <dt>{t('monitor.facts.quorum')}</dt>
          <dd>
            {h.mode === 'standalone'
              ? t('monitor.facts.standalone')
              : t('monitor.facts.quorumValue', { inSync: q.votersInSync ?? q.votersServing, voters: q.voters, majority: q.majority })}
            {q.canLose !== null && h.mode !== 'standalone' && (
              <span className={q.canLose === 0 ? 'fact-warn' : 'muted'}> · {q.canLose === 0 ? t('monitor.facts.cannotLose') : t('monitor.facts.canLose', { count: q.canLose })}</span>
            )}
            {q.observers > 0 && <span className="muted"> · {t('monitor.facts.observers', { count: q.observers })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.facts.leader')}</dt>
          <dd>
            {leaderName ? (
              <>
                {leaderName} <span className="muted">{t('monitor.facts.leaderFor', { duration: formatDuration(t, leaderFor) })}</span>
              </>
            ) : h.mode === 'standalone' ? (
              '—'
            ) : (
              <span className="fact-warn">
                {h.noLeaderSince !== null ? t('monitor.facts.noLeaderFor', { duration: formatDuration(t, sample.at - h.noLeaderSince) }) : t('monitor.facts.noLeader')}
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.facts.epoch')}</dt>
          <dd className="mono">{h.epoch ?? '—'}{h.zxid && <span className="muted"> · {h.zxid}</span>}</dd>
        </div>
        <div>
          <dt>{t('monitor.facts.version')}</dt>
          <dd className={h.versions.length > 1 ? 'fact-warn' : undefined}>
            {h.versions.length === 0 ? '—' : h.versions.map((v) => (h.versions.length > 1 ? `${v.version} ×${v.memberIds.length}` : v.version)).join(', ')}
            {h.versions.length > 1 && ` · ${t('monitor.facts.drift')}`}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.facts.config')}</dt>
          <dd className={h.configVersions.length > 1 ? 'fact-warn mono' : 'mono'}>
            {h.configVersions.length === 0 ? '—' : h.configVersions.map((v) => v.version).join(' vs ')}
            {h.configVersions.length > 1 && ` · ${t('monitor.facts.drift')}`}
          </dd>
        </div>
        <div>
          <dt>{t('monitor.facts.members')}</dt>
          <dd>
            {t('monitor.facts.serving', { count: h.counts.serving, total: Object.values(h.counts).reduce((a, b) => a + b, 0) })}
          </dd>
        </div>
        <LastRound entry={entry} />
      </dl>
      {text.problems.length > 2 && (
        <ul className="monitor-problems">
          {text.problems.map((p) => (
            <li key={`${p.code}:${p.memberIds.join(',')}`} className={`problem-${p.level}`}>
              {p.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
