import type { TFunction } from 'i18next'
import type { ConnectionTree } from '../../stores/tree-store'
import { hasChildren } from '../../stores/tree-store'
import { selectionAt } from '../../stores/tree-marks'
import { isWithin } from '../../../../shared/zk/path'
import type { MenuItem } from './ContextMenu'
import type { TreeCommand } from './tree-keys'
import { decodeName } from './znode-name'

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

/** The context menu of a row; every item is also a command with a shortcut or a toolbar button. */
export function treeMenuItems(t: TFunction, tree: ConnectionTree, path: string, decode: boolean): MenuItem[] {
  const children = hasChildren(tree, path)
  const expandedBelow = Object.keys(tree.expanded).some((key) => isWithin(key, path))
  const encoded = decodeName(path === '/' ? '' : (path.split('/').pop() ?? '')) !== null
  const item = (id: TreeCommand, extra: Omit<MenuItem, 'id' | 'label'> = {}): MenuItem => ({ id, label: t(`treeNav.command.${id}`), ...extra })
  // The menu of a marked row acts on the whole multi-selection where it can.
  const selection = selectionAt(tree.marks, path)
  const items: MenuItem[] = [
    item('open', { shortcut: 'Enter' }),
    item('expand-all', { separated: true, disabled: children === false }),
    item('collapse-all', { disabled: !expandedBelow }),
    // On a leaf this filters its siblings (the children of its parent).
    item('filter', { shortcut: `${mod}F` }),
    selection
      ? { id: 'copy-path', label: t('treeNav.command.copyMarked', { count: selection.length }), separated: true, shortcut: `${mod}C` }
      : item('copy-path', { separated: true, shortcut: `${mod}C` }),
    item('copy-name', { disabled: path === '/' }),
    item('refresh', { separated: true, shortcut: 'F5' }),
    item('search-here', { shortcut: `${mod}Shift+F` }),
    item('go-parent', { shortcut: 'Backspace', disabled: path === '/' }),
  ]
  if (encoded) items.push({ id: 'toggle-decode', label: t(decode ? 'treeNav.command.showRaw' : 'treeNav.command.showDecoded'), separated: true })
  items.push({
    id: 'delete',
    label: selection ? t('treeNav.command.deleteMarked', { count: selection.length }) : t('treeNav.command.delete'),
    shortcut: 'Del',
    separated: true,
    disabled: path === '/' && !selection,
  })
  return items
}
