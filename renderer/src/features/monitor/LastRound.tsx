import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import type { MonitorEntry } from '../../stores/monitor-store'
import { formatAt } from './monitor-format'

type PollState = { kind: 'idle' } | { kind: 'polling' } | { kind: 'joined' } | { kind: 'failed'; reason: string }

/**
 * When the shown sample was taken, and "Poll now": a round at once instead
 * of waiting for the interval. The backend never starts a second round
 * while one runs; it answers with that round, which is said here.
 */
export function LastRound({ entry }: { entry: MonitorEntry }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [state, setState] = useState<PollState>({ kind: 'idle' })
  const at = entry.latest?.at
  const poll = () => {
    setState({ kind: 'polling' })
    api.pollMonitorNow({ monitorId: entry.monitorId }).then(
      (result) => setState(result.joined ? { kind: 'joined' } : { kind: 'idle' }),
      (error: unknown) => setState({ kind: 'failed', reason: describeError(t, error) }),
    )
  }
  return (
    <div className="monitor-last-round">
      <dt>{t('monitor.facts.lastRound')}</dt>
      <dd>
        {at === undefined ? '—' : <time dateTime={new Date(at).toISOString()} data-at={at}>{formatAt(at, i18n.language, false)}</time>}{' '}
        <button type="button" className="btn btn-small" disabled={state.kind === 'polling' || entry.stopped} onClick={poll}>
          {state.kind === 'polling' ? t('monitor.pollNow.polling') : t('monitor.pollNow.button')}
        </button>
        {(state.kind === 'joined' || state.kind === 'failed') && (
          <span role="status" className={state.kind === 'failed' ? 'fact-warn' : 'muted'}>
            {' '}
            {state.kind === 'joined' ? t('monitor.pollNow.joined') : t('monitor.pollNow.failed', { reason: state.reason })}
          </span>
        )}
      </dd>
    </div>
  )
}
