import type { TFunction } from 'i18next'
import type { ConnectionTree } from '../../stores/tree-store'
import { hasChildren } from '../../stores/tree-store'
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
  const marked = tree.marks.marked
  const onSelection = marked.length > 1 && marked.includes(path)
  const items: MenuItem[] = [
    item('open', { shortcut: 'Enter' }),
    item('expand-all', { separated: true, disabled: children === false }),
    item('collapse-all', { disabled: !expandedBelow }),
    // On a leaf this filters its siblings (the children of its parent).
    item('filter', { shortcut: `${mod}F` }),
    onSelection
      ? { id: 'copy-path', label: t('treeNav.command.copyMarked', { count: marked.length }), separated: true, shortcut: `${mod}C` }
      : item('copy-path', { separated: true, shortcut: `${mod}C` }),
    item('copy-name', { disabled: path === '/' }),
    item('refresh', { separated: true, shortcut: 'F5' }),
    item('search-here', { shortcut: `${mod}Shift+F` }),
    item('go-parent', { shortcut: 'Backspace', disabled: path === '/' }),
  ]
  if (encoded) items.push({ id: 'toggle-decode', label: t(decode ? 'treeNav.command.showRaw' : 'treeNav.command.showDecoded'), separated: true })
  items.push({
    id: 'delete',
    label: onSelection ? t('treeNav.command.deleteMarked', { count: marked.length }) : t('treeNav.command.delete'),
    shortcut: 'Del',
    separated: true,
    disabled: path === '/' && !onSelection,
  })
  return items
}
