import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConnectionInfo } from '../../../../shared/protocol/types'
import { useApi } from '../../backend/client-context'
import { isLive, useConnectionsStore } from '../../stores/connections-store'
import { useTreeStore } from '../../stores/tree-store'
import { selectSearch, useSearchStore } from '../../stores/search-store'
import { describeError } from '../../i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { Close } from '../../ui/icons'
import { formatNumber } from '../../i18n/format'
import { SearchPanel } from '../search/SearchPanel'
import { cancelSearch } from '../search/search-actions'
import { TreeView } from './TreeView'
import { TreeToolbar } from './TreeToolbar'
import { SidePanelTabs } from './SidePanelTabs'
import { LocationBar } from './LocationBar'
import { ChildrenBar } from './ChildrenBar'
import { ContextMenu } from './ContextMenu'
import { PanelNoticeLine } from './PanelNoticeLine'
import { treeMenuItems } from './tree-menu'
import { useTreeCommands, type PanelNotice } from './use-tree-commands'
import { useTreePrefs } from './tree-prefs'
import { usePanelShortcuts } from './use-panel-shortcuts'
import { EXPAND_ALL_ASK } from './expand-all'
import type { TreeCommand } from './tree-keys'
import '../../styles/tree-nav.css'

interface MenuState {
  path: string
  x: number
  y: number
}

/**
 * The left side of a workspace: the Nodes and Search tabs. Nodes holds the
 * toolbar, the breadcrumbs (which turn into the go-to-path field), the filter
 * and sort bar, the tree with its context menu, and the last listing error.
 */
export function TreePanel({ info }: { info: ConnectionInfo }) {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const { connectionId } = info
  const tree = useTreeStore((s) => s.trees[connectionId])
  const panel = useSearchStore((s) => selectSearch(connectionId)(s).panel)
  const decode = useTreePrefs((s) => s.decodeNames)
  const [editing, setEditing] = useState(false)
  const [barPath, setBarPath] = useState<string | null>(null)
  const [menu, setMenu] = useState<MenuState | null>(null)
  const [notice, setNotice] = useState<PanelNotice | null>(null)
  const sectionRef = useRef<HTMLElement>(null)

  const focusTree = useCallback(() => {
    requestAnimationFrame(() => sectionRef.current?.querySelector<HTMLElement>('[role="tree"]')?.focus())
  }, [])
  const openChildrenBar = useCallback((path: string) => {
    useSearchStore.getState().setPanel(connectionId, 'nodes')
    setBarPath(path)
  }, [connectionId])
  const { run, ask, confirmAsk, dismissAsk } = useTreeCommands({ api, connectionId, openChildrenBar, notify: setNotice })
  const onCommand = useCallback(
    (command: TreeCommand, path: string) => {
      run(command, path)
      if (command === 'go-parent' || command === 'open') focusTree()
      // The search form takes over once it is rendered.
      if (command === 'search-here') setTimeout(() => sectionRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), 0)
    },
    [focusTree, run],
  )
  const onMenu = useCallback((path: string, x: number, y: number) => setMenu({ path, x, y }), [])
  const closeMenu = useCallback(() => {
    setMenu(null)
    focusTree()
  }, [focusTree])

  usePanelShortcuts(connectionId, sectionRef, () => {
    useSearchStore.getState().setPanel(connectionId, 'nodes')
    setEditing(true)
  })

  const showTree = useCallback(() => {
    useSearchStore.getState().setPanel(connectionId, 'nodes')
    focusTree()
  }, [connectionId, focusTree])

  // Closing the workspace (not just bringing another view to the front) ends its search.
  useEffect(
    () => () => {
      if (useConnectionsStore.getState().connections[connectionId]) return
      cancelSearch(connectionId)
      useSearchStore.getState().drop(connectionId)
    },
    [connectionId],
  )

  if (!tree) return null
  const live = isLive(info.state)
  const errors = Object.values(tree.loadErrors)
  const lastError = errors[errors.length - 1]

  return (
    <section className="tree-panel" aria-label={t('workspace.treePanel')} ref={sectionRef}>
      <div className="panel-toolbar side-tabs-bar">
        <SidePanelTabs connectionId={connectionId} value={panel} />
        <span className="panel-toolbar-spacer" />
        {panel === 'nodes' && <TreeToolbar connectionId={connectionId} focused={tree.focused} live={live} onCommand={onCommand} />}
      </div>
      {panel === 'search' ? (
        <div className="side-panel" role="tabpanel" id={`side-${connectionId}-search`} aria-labelledby={`side-tab-${connectionId}-search`}>
          <SearchPanel connectionId={connectionId} live={live} decode={decode} selected={tree.focused} onShowTree={showTree} />
        </div>
      ) : (
        <div className="side-panel" role="tabpanel" id={`side-${connectionId}-nodes`} aria-labelledby={`side-tab-${connectionId}-nodes`}>
          <LocationBar api={api} connectionId={connectionId} path={tree.focused} decode={decode} editing={editing} setEditing={setEditing} focusTree={focusTree} />
          {barPath !== null && <ChildrenBar key={barPath} api={api} connectionId={connectionId} path={barPath} onClose={() => { setBarPath(null); focusTree() }} />}
          <TreeView
            connectionId={connectionId}
            tree={tree}
            label={t('tree.label', { name: info.name })}
            live={live}
            decode={decode}
            onMenu={onMenu}
            onCommand={onCommand}
          />
          {notice && <PanelNoticeLine notice={notice} onDismiss={() => setNotice(null)} />}
          {lastError && (
            <div className="tree-error">
              <ErrorMessage>{t('tree.loadError', { path: lastError.path ?? '', reason: describeError(t, lastError) })}</ErrorMessage>
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
        </div>
      )}
      {menu && (
        <ContextMenu
          label={t('treeNav.menuLabel', { name: menu.path })}
          items={treeMenuItems(t, tree, menu.path, decode)}
          x={menu.x}
          y={menu.y}
          onClose={closeMenu}
          onSelect={(id) => {
            const path = menu.path
            setMenu(null)
            focusTree()
            onCommand(id as TreeCommand, path)
          }}
        />
      )}
      {ask && (
        <ConfirmDialog
          title={t('treeNav.expandAskTitle')}
          message={t('treeNav.expandAsk', { path: ask.path, count: formatNumber(ask.atLeast, i18n.language), limit: formatNumber(EXPAND_ALL_ASK, i18n.language) })}
          confirmLabel={t('treeNav.expandAnyway')}
          onConfirm={confirmAsk}
          onClose={dismissAsk}
        />
      )}
    </section>
  )
}
