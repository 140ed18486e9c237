import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { isLive } from '../../stores/connections-store'
import { selectEntry, useNodeTabsStore, type NodeTab } from '../../stores/node-tabs-store'
import { useTreeStore } from '../../stores/tree-store'
import { prefsScope } from '../../stores/view-prefs-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { CopyButton } from '../../ui/CopyButton'
import { Refresh } from '../../ui/icons'
import { DataSection } from './DataSection'
import { StatTable } from './StatTable'
import { AclTable } from './AclTable'
import { AddCredentialsDialog } from '../connections/AddCredentialsDialog'
import { PinIcon } from './node-icons'
import { useNodeLoader } from './use-node-loader'

interface NodeTabPanelProps {
  info: ConnectionInfo
  tab: NodeTab
  ids: { tab: string; panel: string }
}

/**
 * One open node: its path, data, Stat and ACL. When the node cannot be read
 * (NO_AUTH, NO_NODE…) the reason is shown as a sentence, with what was read
 * before (or a Stat read through the tree) still on screen.
 */
export function NodeTabPanel({ info, tab, ids }: NodeTabPanelProps) {
  const { t } = useTranslation()
  const { connectionId } = info
  const { path } = tab
  const live = isLive(info.state)
  useNodeLoader(connectionId, path, live)
  const entry = useNodeTabsStore(selectEntry(connectionId, path))
  const cachedStat = useTreeStore((s) => s.trees[connectionId]?.stats.get(path)?.stat)
  const result = entry?.result
  const error = entry?.error
  const gone = error?.code === 'NO_NODE' && result !== undefined
  const [addingCredentials, setAddingCredentials] = useState(false)

  return (
    <div className="node-tabpanel" role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} aria-busy={entry?.loading ?? true}>
      <div className="node-header">
        <h2 className="node-path mono" title={path}>
          {path}
        </h2>
        <CopyButton text={path} label={t('node.copyPath')} />
        {entry?.loading && result && <span className="spinner node-refreshing" title={t('inspector.refreshing')} />}
        <span className="panel-toolbar-spacer" />
        {tab.preview ? (
          <button type="button" className="btn btn-ghost btn-small" title={t('inspector.tabs.preview')} onClick={() => useNodeTabsStore.getState().pin(connectionId, path)}>
            <PinIcon /> {t('inspector.tabs.keepOpen')}
          </button>
        ) : (
          <span className="node-kept" title={t('inspector.tabs.kept')} aria-label={t('inspector.tabs.kept')} role="img">
            <PinIcon />
          </span>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-small"
          aria-label={t('node.refresh')}
          title={t('node.refresh')}
          disabled={!live}
          onClick={() => useNodeTabsStore.getState().requestReload(connectionId, path)}
        >
          <Refresh size={14} />
        </button>
      </div>
      <div className="node-body">
        {!result && !error && (
          <p className="node-loading muted">
            <span className="spinner" /> {t('node.loading', { path })}
          </p>
        )}
        {error && (gone ? <ErrorMessage tone="warning">{t('inspector.deleted')}</ErrorMessage> : <ErrorMessage>{describeError(t, error)}</ErrorMessage>)}
        {error?.code === 'NO_AUTH' && live && (
          <p>
            <button type="button" className="btn btn-small" onClick={() => setAddingCredentials(true)}>
              {t('node.addCredentials')}
            </button>
          </p>
        )}
        {addingCredentials && (
          <AddCredentialsDialog
            connectionId={connectionId}
            name={info.name}
            onAdded={() => useNodeTabsStore.getState().requestReload(connectionId, path)}
            onClose={() => setAddingCredentials(false)}
          />
        )}
        {result ? (
          <>
            <DataSection data={result.data} path={path} scope={prefsScope(info)} connectionId={connectionId} version={result.stat.version} live={live} />
            <div className="node-columns">
              <StatTable stat={result.stat} />
              <AclTable acl={result.acl} />
            </div>
          </>
        ) : (
          error &&
          cachedStat && (
            <div className="node-columns">
              <div>
                <p className="data-note">{t('node.statFromCache')}</p>
                <StatTable stat={cachedStat} />
              </div>
            </div>
          )
        )}
      </div>
    </div>
  )
}
