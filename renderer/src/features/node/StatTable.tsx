import { useTranslation } from 'react-i18next'
import type { ZnodeStat } from '../../../../shared/protocol/types'
import { isEphemeral, splitZxid } from '../../../../shared/zk/stat'
import { epochMs, formatBytes, formatIso, formatLocalTime, formatNumber } from '../../i18n/format'
import { useNow } from '../workspace/use-now'
import { CopyAction } from '../../ui/CopyButton'
import { formatRelative } from './relative-time'

type StatField = keyof ZnodeStat

const ORDER: readonly StatField[] = [
  'czxid',
  'mzxid',
  'pzxid',
  'ctime',
  'mtime',
  'version',
  'cversion',
  'aversion',
  'ephemeralOwner',
  'dataLength',
  'numChildren',
]

/**
 * Every Stat field: times in local time, ISO and relative; zxids in hex split
 * into epoch and counter; the owner of an ephemeral node as its session id.
 */
export function StatTable({ stat }: { stat: ZnodeStat }) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  // Relative times ("3 minutes ago") move on while the node stays open.
  const now = useNow(true, 30_000)

  const render = (field: StatField) => {
    switch (field) {
      case 'czxid':
      case 'mzxid':
      case 'pzxid': {
        const { epoch, counter } = splitZxid(stat[field])
        return (
          <>
            <span className="mono">{stat[field]}</span>
            <span className="stat-sub">
              {t('node.zxid', { epoch: `0x${epoch.toString(16)}`, counter: `0x${counter.toString(16)}` })}
            </span>
          </>
        )
      }
      case 'ctime':
      case 'mtime': {
        const ms = epochMs(stat[field])
        return (
          <>
            <span>{formatLocalTime(ms, locale)}</span>
            <span className="stat-sub">{formatRelative(ms, now, locale)}</span>
            <span className="stat-sub mono">{formatIso(ms)}</span>
          </>
        )
      }
      case 'ephemeralOwner':
        return (
          <>
            <span className="mono">{stat.ephemeralOwner}</span>
            <span className="stat-sub">
              {isEphemeral(stat) ? t('node.ephemeralOwner', { owner: stat.ephemeralOwner }) : t('node.persistent')}
            </span>
          </>
        )
      case 'dataLength':
        return (
          <>
            <span>{t('node.bytes', { count: stat.dataLength })}</span>
            {stat.dataLength >= 1024 && <span className="stat-sub">{formatBytes(stat.dataLength, locale)}</span>}
          </>
        )
      default:
        return <span className="mono">{formatNumber(stat[field], locale)}</span>
    }
  }

  return (
    <section className="node-section" aria-labelledby="node-stat-title">
      <div className="section-header">
        <h3 id="node-stat-title">{t('node.stat')}</h3>
        <span className="section-spacer" />
        <CopyAction label={t('inspector.copyStat')} getText={() => JSON.stringify(stat, null, 2)} />
      </div>
      <table className="kv-table">
        <tbody>
          {ORDER.map((field) => (
            <tr key={field}>
              <th scope="row" title={t(`stat.help.${field}`)}>
                {t(`stat.${field}`)}
              </th>
              <td>
                <div className="stat-value">{render(field)}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
