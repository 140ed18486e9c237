/**
 * What the tree's commands do, wherever they come from: the context menu,
 * a shortcut or a toolbar button. Long ones (expand all) report through the
 * panel's notice line; the expand-all guard asks through a dialog.
 */
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZkApi } from '../../../../shared/protocol/api'
import { baseName, parentPath } from '../../../../shared/zk/path'
import { hasChildren, useTreeStore } from '../../stores/tree-store'
import { selectionAt } from '../../stores/tree-marks'
import { useSearchStore } from '../../stores/search-store'
import { describeError } from '../../i18n/describe-error'
import { formatNumber } from '../../i18n/format'
import type { TreeCommand } from './tree-keys'
import { expand, refreshNode } from './tree-actions'
import { EXPAND_ALL_ASK, EXPAND_ALL_MAX, collapseAllBelow, expandAllBelow } from './expand-all'
import { copyText } from '../../ui/clipboard'
import { useTreePrefs } from './tree-prefs'
import { requestEditAction } from '../edit'

export interface PanelNotice {
  tone: 'info' | 'warning' | 'error'
  text: string
}

export interface ExpandAsk {
  path: string
  atLeast: number
}

interface Options {
  api: ZkApi
  connectionId: string
  /** Opens the filter and sort bar for the children of a node. */
  openChildrenBar(path: string): void
  notify(notice: PanelNotice): void
}

export function useTreeCommands({ api, connectionId, openChildrenBar, notify }: Options) {
  const { t, i18n } = useTranslation()
  const [ask, setAsk] = useState<ExpandAsk | null>(null)

  const expandAll = useCallback(
    async (path: string, limit: number) => {
      const result = await expandAllBelow(api, connectionId, path, limit)
      const count = (n: number) => formatNumber(n, i18n.language)
      if (result.status === 'done') notify({ tone: 'info', text: t('treeNav.expandedAll', { count: result.nodes, shown: count(result.nodes), path }) })
      else if (result.status === 'error') notify({ tone: 'error', text: describeError(t, result.error) })
      else if (result.atLeast > EXPAND_ALL_MAX) notify({ tone: 'warning', text: t('treeNav.expandRefused', { path, count: count(result.atLeast), max: count(EXPAND_ALL_MAX) }) })
      else setAsk({ path, atLeast: result.atLeast })
    },
    [api, connectionId, i18n.language, notify, t],
  )

  const run = useCallback(
    (command: TreeCommand, path: string) => {
      const store = useTreeStore.getState()
      const tree = store.trees[connectionId]
      if (!tree) return
      const copy = (text: string, copied = t('treeNav.copied', { text })) =>
        copyText(text).then(
          () => notify({ tone: 'info', text: copied }),
          (error: unknown) => notify({ tone: 'error', text: t('treeNav.copyFailed', { reason: String(error) }) }),
        )
      switch (command) {
        case 'open':
          store.focus(connectionId, path)
          store.open(connectionId, path)
          if (hasChildren(tree, path) !== false && !tree.expanded[path]) expand(api, connectionId, path)
          break
        case 'expand-all':
          void expandAll(path, EXPAND_ALL_ASK)
          break
        case 'collapse-all':
          collapseAllBelow(connectionId, path)
          break
        case 'filter':
          // On a leaf, the filter is for its siblings: the children of its parent.
          openChildrenBar(hasChildren(tree, path) === false ? (parentPath(path) ?? '/') : path)
          break
        case 'copy-path': {
          // On a row of the multi-selection: every selected path, one per line.
          const selection = selectionAt(tree.marks, path)
          if (selection) void copy(selection.join('\n'), t('treeNav.copiedPaths', { count: selection.length }))
          else void copy(path)
          break
        }
        case 'copy-name':
          if (path !== '/') void copy(baseName(path))
          break
        case 'refresh':
          void refreshNode(api, connectionId, path)
          break
        case 'search-here': {
          const search = useSearchStore.getState()
          search.updateForm(connectionId, { root: path, rootTouched: true })
          search.setPanel(connectionId, 'search')
          break
        }
        case 'go-parent': {
          const parent = parentPath(path)
          if (parent) {
            store.focus(connectionId, parent)
            store.open(connectionId, parent)
          }
          break
        }
        case 'delete': {
          // The edit toolbar decides: it deletes the multi-selection if there is one, else the focused node.
          const refused = requestEditAction(connectionId, 'delete')
          if (refused) notify({ tone: 'warning', text: refused })
          break
        }
        case 'toggle-decode': {
          const prefs = useTreePrefs.getState()
          prefs.setDecodeNames(!prefs.decodeNames)
          break
        }
      }
    },
    [api, connectionId, expandAll, notify, openChildrenBar, t],
  )

  const confirmAsk = useCallback(() => {
    if (ask) void expandAll(ask.path, EXPAND_ALL_MAX)
    setAsk(null)
  }, [ask, expandAll])

  return { run, ask, confirmAsk, dismissAsk: () => setAsk(null) }
}
