import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SandboxInfo } from '../../../../shared/protocol/types'
import { useClient } from '../../backend/client-context'
import { selectSandboxBusy, useSandboxStore } from '../../stores/sandbox-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CopyButton } from '../../ui/CopyButton'
import { Play, Stop } from '../../ui/icons'
import { connectSandbox } from './startup'

/** Starting the sandbox waits for three JVMs and a leader election. */
const SANDBOX_TIMEOUT_MS = 180_000

/** The local 3-member sandbox: start it, see its members and credentials, connect in one click. */
export function SandboxPanel() {
  const { t } = useTranslation()
  const client = useClient()
  const api = client.api
  const sandbox = useSandboxStore((s) => s.sandbox)
  const busy = useSandboxStore(selectSandboxBusy)
  const [error, setError] = useState<string | null>(null)
  const [working, setWorking] = useState(false)
  const state = sandbox?.state ?? 'stopped'

  const act = async (action: () => Promise<unknown>) => {
    setError(null)
    setWorking(true)
    try {
      await action()
    } catch (caught) {
      setError(describeError(t, caught))
    } finally {
      setWorking(false)
    }
  }
  const lifecycle = (method: 'startSandbox' | 'stopSandbox') =>
    act(async () => {
      const info = await client.call(method, {}, { timeoutMs: SANDBOX_TIMEOUT_MS })
      useSandboxStore.getState().setSandbox(info)
    })
  const connect = (withCredentials: boolean, info: SandboxInfo) =>
    act(async () => {
      const outcome = await connectSandbox(api, info, withCredentials)
      if (!outcome.ok) setError(t('dialog.failed', { reason: outcome.info.message ?? t(`session.${outcome.info.state}`) }))
    })

  return (
    <section className="card sandbox" aria-labelledby="sandbox-title">
      <div className="card-header">
        <h2 id="sandbox-title">{t('sandbox.title')}</h2>
        <span className="sandbox-state" data-state={state}>
          {busy && <span className="spinner" />}
          {t(`sandbox.state.${state}`)}
        </span>
      </div>
      <p className="muted">{t('sandbox.description')}</p>
      {state === 'starting' && (
        <>
          <div className="progress" role="progressbar" aria-label={t('sandbox.state.starting')} />
          <p className="sandbox-progress">{t('sandbox.progress')}</p>
        </>
      )}
      {sandbox?.state === 'failed' && (
        <ErrorMessage>
          {sandbox.message}
          {sandbox.installHint && (
            <>
              <br />
              {t('sandbox.installHint', { hint: sandbox.installHint })}
            </>
          )}
        </ErrorMessage>
      )}
      {sandbox && state === 'running' && (
        <dl className="sandbox-facts">
          <dt>{t('sandbox.connectString')}</dt>
          <dd className="sandbox-cs">
            <span className="mono">
              {(sandbox.connectString ?? '').split(',').map((host, index) => (
                <span key={host}>
                  {index > 0 && ','}
                  {index > 0 && <wbr />}
                  {host}
                </span>
              ))}
            </span>
            {sandbox.connectString && <CopyButton text={sandbox.connectString} label={t('app.copy')} />}
          </dd>
          <dt>{t('sandbox.members')}</dt>
          <dd>
            <table className="mini-table">
              <thead>
                <tr>
                  <th scope="col">{t('sandbox.memberColumns.id')}</th>
                  <th scope="col">{t('sandbox.memberColumns.client')}</th>
                  <th scope="col">{t('sandbox.memberColumns.admin')}</th>
                </tr>
              </thead>
              <tbody>
                {sandbox.members.map((member) => (
                  <tr key={member.id} className="mono">
                    <td>{member.id}</td>
                    <td>{member.clientPort}</td>
                    <td>{member.adminPort}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </dd>
          {sandbox.credentials.length > 0 && (
            <>
              <dt>{t('sandbox.credentials', { path: sandbox.protectedPath ?? '/' })}</dt>
              <dd>
                <ul className="plain-list">
                  {sandbox.credentials.map((credential) => (
                    <li key={credential} className="mono">
                      {credential}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {error && <ErrorMessage>{error}</ErrorMessage>}
      <div className="card-actions">
        {state === 'running' && sandbox ? (
          <>
            <button type="button" className="btn btn-primary" disabled={working} onClick={() => void connect(false, sandbox)}>
              {t('sandbox.connect')}
            </button>
            {sandbox.credentials.length > 0 && (
              <button type="button" className="btn" disabled={working} onClick={() => void connect(true, sandbox)}>
                {t('sandbox.connectWithCredentials')}
              </button>
            )}
            <span className="card-actions-spacer" />
            <button type="button" className="btn btn-ghost" disabled={working || busy} onClick={() => void lifecycle('stopSandbox')}>
              <Stop size={14} /> {t('sandbox.stop')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="btn btn-primary"
            disabled={working || busy}
            onClick={() => void lifecycle('startSandbox')}
          >
            <Play size={14} /> {t('sandbox.start')}
          </button>
        )}
      </div>
    </section>
  )
}
