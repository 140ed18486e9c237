import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { isLive } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { Close, Refresh } from '../../ui/icons'
import { TreeView } from './TreeView'
import { collapseAll, refreshNode } from './tree-actions'

/** The left side of a workspace: a small toolbar, the tree, and the last listing error. */
export function TreePanel({ info }: { info: ConnectionInfo }) {
  const { t } = useTranslation()
  const api = useApi()
  const { connectionId } = info
  const tree = useTreeStore((s) => s.trees[connectionId])
  if (!tree) return null
  const live = isLive(info.state)
  const errors = Object.values(tree.loadErrors)
  const lastError = errors[errors.length - 1]

  return (
    <section className="tree-panel" aria-label={t('workspace.treePanel')}>
      <div className="panel-toolbar">
        <h2>{t('workspace.treePanel')}</h2>
        <span className="panel-toolbar-spacer" />
        <button
          type="button"
          className="btn btn-ghost btn-small"
          title={t('tree.collapseAll')}
          onClick={() => collapseAll(connectionId)}
        >
          {t('tree.collapseAll')}
        </button>
        <button
          type="button"
          className="btn btn-ghost btn-icon btn-small"
          aria-label={t('tree.refresh')}
          title={t('tree.refresh')}
          disabled={!live}
          onClick={() => void refreshNode(api, connectionId, tree.focused)}
        >
          <Refresh size={14} />
        </button>
      </div>
      <TreeView connectionId={connectionId} tree={tree} label={t('tree.label', { name: info.name })} live={live} />
      {lastError && (
        <div className="tree-error">
          <ErrorMessage>
            {t('tree.loadError', { path: lastError.path ?? '', reason: describeError(t, lastError) })}
          </ErrorMessage>
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-small"
            aria-label={t('app.dismiss')}
            title={t('app.dismiss')}
            onClick={() => useTreeStore.getState().setLoadError(connectionId, lastError.path ?? '/', null)}
          >
            <Close size={14} />
          </button>
        </div>
      )}
    </section>
  )
}
