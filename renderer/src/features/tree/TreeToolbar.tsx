import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { hasChildren, useTreeStore } from '../../stores/tree-store'
import { Refresh } from '../../ui/icons'
import type { TreeCommand } from './tree-keys'
import { collapseAll } from './tree-actions'
import { useTreePrefs } from './tree-prefs'
import { ExpandAll, Funnel, Percent } from './tree-icons'

interface TreeToolbarProps {
  connectionId: string
  focused: string
  live: boolean
  onCommand(command: TreeCommand, path: string): void
}

/** Buttons for the selected node and the whole tree; every one has a name and a tooltip. */
export function TreeToolbar({ connectionId, focused, live, onCommand }: TreeToolbarProps) {
  const { t } = useTranslation()
  const decode = useTreePrefs((s) => s.decodeNames)
  const leaf = useTreeStore((s) => {
    const tree = s.trees[connectionId]
    return tree ? hasChildren(tree, focused) === false : false
  })
  const icon = (label: string, onClick: () => void, child: ReactNode, disabled = false, pressed?: boolean) => (
    <button
      type="button"
      className="btn btn-ghost btn-icon btn-small"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
    >
      {child}
    </button>
  )
  return (
    <div className="tree-toolbar" role="toolbar" aria-label={t('treeNav.toolbar')}>
      {icon(t('treeNav.filterChildren'), () => onCommand('filter', focused), <Funnel />)}
      {icon(t('treeNav.command.expand-all'), () => onCommand('expand-all', focused), <ExpandAll />, leaf || !live)}
      <button type="button" className="btn btn-ghost btn-small" title={t('tree.collapseAll')} onClick={() => collapseAll(connectionId)}>
        {t('tree.collapseAll')}
      </button>
      {icon(t('treeNav.decodeNames'), () => useTreePrefs.getState().setDecodeNames(!decode), <Percent />, false, decode)}
      {icon(t('tree.refresh'), () => onCommand('refresh', focused), <Refresh size={14} />, !live)}
    </div>
  )
}
