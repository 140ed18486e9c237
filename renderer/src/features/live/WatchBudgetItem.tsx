import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../i18n/format'
import { selectWatchStatus, useLiveStore } from './live-store'
import { StatusPopover } from './StatusPopover'

/**
 * "Live: 1,234 / 5,000 paths" in the status bar. Past the budget, a warning
 * says how many paths are shown but not live, and opens the list of them.
 */
export function WatchBudgetItem({ connectionId }: { connectionId: string }) {
  const { t, i18n } = useTranslation()
  const status = useLiveStore(selectWatchStatus(connectionId))
  if (!status) return null
  const locale = i18n.language
  const budget = formatNumber(status.budget, locale)
  // The sample names a path once per watch kind; a path is what the user thinks in.
  const sample = [...new Set(status.notLive)]
  const complete = status.notLive.length === status.notLiveCount
  const count = complete ? sample.length : status.notLiveCount
  const rest = complete ? 0 : status.notLiveCount - status.notLive.length

  return (
    <>
      <span className="statusbar-item live-budget" title={t('live.budgetTitle')} data-over={status.notLiveCount > 0 || status.watchedPaths > status.budget || undefined}>
        {t('live.budget', { watched: formatNumber(status.watchedPaths, locale), budget })}
      </span>
      {status.notLiveCount > 0 && (
        <StatusPopover
          buttonClassName="badge badge-warning live-not-live"
          title={t('live.notLiveTitle', { budget })}
          label={t('live.notLive', { count })}
        >
          <p className="live-popover-title">{t('live.notLiveTitle', { budget })}</p>
          <ul className="live-popover-list mono">
            {sample.map((path) => (
              <li key={path}>{path}</li>
            ))}
          </ul>
          {rest > 0 && <p className="muted">{t('live.andMore', { count: rest })}</p>}
          <p className="field-hint">{t('live.raiseBudget')}</p>
        </StatusPopover>
      )}
    </>
  )
}
