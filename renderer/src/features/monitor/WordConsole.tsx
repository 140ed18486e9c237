import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FourLetterAnswer } from '../../../../shared/protocol/monitor-api'
import { EXPENSIVE_WORDS, FOUR_LETTER_WORDS, isMutatingAdminCommand, isMutatingWord } from '../../../../shared/zk/four-letter'
import { useApi } from '../../backend/client-context'
import { describeError } from '../../i18n/describe-error'
import type { MonitorEntry } from '../../stores/monitor-store'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { ErrorMessage } from '../../ui/ErrorMessage'

type Via = 'four-letter' | 'admin'
type Pending = { kind: 'mutating' | 'expensive'; command: string }

/**
 * Runs any four-letter word (or AdminServer command) on any member and
 * shows the raw answer. Words that change the server (srst, crst, stmk and
 * their AdminServer twins) ask first and are sent with `confirm: true`;
 * words that walk every watch or session (wchc, wchp, dump) ask too.
 */
export function WordConsole({ entry, names }: { entry: MonitorEntry; names: Readonly<Record<string, string>> }) {
  const { t } = useTranslation()
  const api = useApi()
  const [memberId, setMemberId] = useState(entry.members[0]?.memberId ?? '')
  const [via, setVia] = useState<Via>('four-letter')
  const [word, setWord] = useState<string>('srvr')
  const [adminCommand, setAdminCommand] = useState('server_stats')
  const [traceMask, setTraceMask] = useState('0')
  const [pending, setPending] = useState<Pending | null>(null)
  const [running, setRunning] = useState(false)
  const [answer, setAnswer] = useState<FourLetterAnswer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const command = via === 'admin' ? adminCommand.trim() : word
  const mutating = via === 'admin' ? isMutatingAdminCommand(command) : isMutatingWord(command)

  const run = (confirmed: boolean) => {
    setRunning(true)
    setError(null)
    api
      .runFourLetterWord({
        monitorId: entry.monitorId,
        memberId,
        command,
        via,
        ...(confirmed ? { confirm: true } : {}),
        ...(command === 'stmk' && via === 'four-letter' ? { traceMask } : {}),
      })
      .then(setAnswer, (caught: unknown) => setError(describeError(t, caught)))
      .finally(() => setRunning(false))
  }
  const request = () => {
    if (mutating) setPending({ kind: 'mutating', command })
    else if (via === 'four-letter' && EXPENSIVE_WORDS.includes(command)) setPending({ kind: 'expensive', command })
    else run(false)
  }

  return (
    <section className="word-console" aria-label={t('monitor.console.title')}>
      <form
        className="panel-row"
        onSubmit={(e) => {
          e.preventDefault()
          request()
        }}
      >
        <label className="field-inline">
          <span>{t('monitor.console.member')}</span>
          <select className="select" value={memberId} onChange={(e) => setMemberId(e.target.value)}>
            {entry.members.map((m) => (
              <option key={m.memberId} value={m.memberId}>
                {names[m.memberId] ?? m.memberId} ({m.memberId})
              </option>
            ))}
          </select>
        </label>
        <div className="segmented" role="radiogroup" aria-label={t('monitor.console.via')}>
          {(['four-letter', 'admin'] as const).map((v) => (
            <button key={v} type="button" role="radio" aria-checked={via === v} className="segmented-item" onClick={() => setVia(v)}>
              {t(`monitor.console.viaOption.${v}`)}
            </button>
          ))}
        </div>
        {via === 'four-letter' ? (
          <label className="field-inline">
            <span>{t('monitor.console.command')}</span>
            <select className="select mono" value={word} onChange={(e) => setWord(e.target.value)}>
              {FOUR_LETTER_WORDS.map((w) => (
                <option key={w} value={w}>
                  {isMutatingWord(w) ? `${w} ⚠` : w}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field-inline">
            <span>{t('monitor.console.command')}</span>
            <input className="input mono" value={adminCommand} onChange={(e) => setAdminCommand(e.target.value)} spellCheck={false} />
          </label>
        )}
        {command === 'stmk' && via === 'four-letter' && (
          <label className="field-inline">
            <span>{t('monitor.console.traceMask')}</span>
            <input className="input mono" value={traceMask} onChange={(e) => setTraceMask(e.target.value)} inputMode="numeric" />
          </label>
        )}
        <button type="submit" className={mutating ? 'btn btn-primary btn-danger-fill' : 'btn btn-primary'} disabled={running || memberId === '' || command === ''}>
          {running && <span className="spinner" />} {t('monitor.console.run')}
        </button>
        {mutating && <span className="fact-warn">{t('monitor.console.mutatingNote')}</span>}
      </form>
      {error && <ErrorMessage>{error}</ErrorMessage>}
      {answer && (
        <div className="word-answer" aria-label={t('monitor.console.answer')} role="region">
          <div className="word-answer-meta">
            <span className={answer.outcome === 'ok' ? 'chip chip-ok' : 'chip chip-warn'}>{t(`monitor.console.outcome.${answer.outcome}`)}</span>
            <span className="mono">{answer.command}</span>
            <span className="mono muted">{answer.target}</span>
            <span className="muted">{t('monitor.console.meta', { bytes: answer.bytes, ms: answer.durationMs })}</span>
            {answer.httpStatus !== null && <span className="muted">HTTP {answer.httpStatus}</span>}
          </div>
          {answer.outcome !== 'ok' && <p className="muted">{t(`monitor.console.outcomeHelp.${answer.outcome}`)}</p>}
          <pre className="word-output">{answer.text || t('monitor.console.empty')}</pre>
        </div>
      )}
      {pending && (
        <ConfirmDialog
          title={t(pending.kind === 'mutating' ? 'monitor.console.confirmTitle' : 'monitor.console.expensiveTitle', { command: pending.command })}
          message={t(pending.kind === 'mutating' ? 'monitor.console.confirmMessage' : 'monitor.console.expensiveMessage', {
            command: pending.command,
            member: names[memberId] ?? memberId,
          })}
          confirmLabel={t('monitor.console.confirmRun', { command: pending.command })}
          danger={pending.kind === 'mutating'}
          onConfirm={() => run(pending.kind === 'mutating')}
          onClose={() => setPending(null)}
        />
      )}
    </section>
  )
}
