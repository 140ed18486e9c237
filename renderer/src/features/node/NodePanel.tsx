import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CopyButton } from '../../ui/CopyButton'
import { Refresh } from '../../ui/icons'
import { useNode } from './use-node'
import { DataSection } from './DataSection'
import { StatTable } from './StatTable'
import { AclTable } from './AclTable'

/**
 * The node open in a workspace: its path, data, Stat and ACL. When the node
 * cannot be read (NO_AUTH, NO_NODE…) the reason is shown as a sentence, and a
 * Stat read earlier through the tree is still shown when there is one.
 */
export function NodePanel({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const { connectionId } = info
  const path = useTreeStore((s) => s.trees[connectionId]?.openPath ?? null)
  const cachedStat = useTreeStore((s) => (path ? s.trees[connectionId]?.stats.get(path)?.stat : undefined))
  const [reloadKey, setReloadKey] = useState(0)
  const live = isLive(info.state)
  const current = useNode(connectionId, path, reloadKey, live)

  if (path === null) {
    return (
      <section className="node-panel node-panel-empty" aria-label={t('node.panel')}>
        <p className="muted">{t('node.none')}</p>
      </section>
    )
  }

  return (
    <section className="node-panel" aria-label={t('node.panel')} aria-busy={current.status === 'loading'}>
      <div className="node-header">
        <h2 className="node-path mono" title={path}>
          {path}
        </h2>
        <CopyButton text={path} label={t('node.copyPath')} />
        <span className="panel-toolbar-spacer" />
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-small"
          aria-label={t('node.refresh')}
          title={t('node.refresh')}
          disabled={!live}
          onClick={() => setReloadKey((k) => k + 1)}
        >
          <Refresh size={14} />
        </button>
      </div>
      <div className="node-body">
        {current.status === 'loading' && (
          <p className="node-loading muted">
            <span className="spinner" /> {t('node.loading', { path })}
          </p>
        )}
        {current.status === 'error' && (
          <>
            <ErrorMessage>{describeError(t, current.error)}</ErrorMessage>
            {cachedStat && (
              <div className="node-columns">
                <div>
                  <p className="data-note">{t('node.statFromCache')}</p>
                  <StatTable stat={cachedStat} />
                </div>
              </div>
            )}
          </>
        )}
        {current.status === 'ok' && (
          <>
            <DataSection key={current.path} data={current.result.data} />
            <div className="node-columns">
              <StatTable stat={current.result.stat} />
              <AclTable acl={current.result.acl} />
            </div>
          </>
        )}
      </div>
    </section>
  )
}
