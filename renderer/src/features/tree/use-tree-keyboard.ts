import { useRef, type KeyboardEvent } from 'react'
import type { ZkApi } from '../../../../shared/protocol/api'
import { hasChildren, useTreeStore, type ConnectionTree } from '../../stores/tree-store'
import type { TreeRow } from '../../stores/tree-rows'
import { commandForKey, findByPrefix, isMenuKey, treeKeyAction, type TreeCommand } from './tree-keys'
import { collapse, expand, toggle } from './tree-actions'

const TYPEAHEAD_MS = 600

interface Options {
  api: ZkApi
  connectionId: string
  tree: ConnectionTree
  focusedIndex: number
  /** The name as the row shows it, for type-ahead. */
  label(row: TreeRow): string
  moveFocus(index: number): void
  onMenu(path: string): void
  onCommand(command: TreeCommand, path: string): void
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The tree's keys: WAI-ARIA tree navigation, type-ahead, the context menu key and command shortcuts. */
export function useTreeKeyboard({ api, connectionId, tree, focusedIndex, label, moveFocus, onMenu, onCommand }: Options) {
  const typeahead = useRef({ text: '', at: 0 })
  const { rows, focused } = tree

  /** Space toggles the focused row in the multi-selection; Escape clears it (and only then is the key used). */
  const markKey = (event: KeyboardEvent<HTMLDivElement>): boolean => {
    const store = useTreeStore.getState()
    if (event.key === ' ' && !event.shiftKey) {
      event.preventDefault()
      store.toggleMark(connectionId, focused)
      return true
    }
    if (event.key === 'Escape' && tree.marks.marked.length > 0) {
      event.preventDefault()
      event.stopPropagation()
      store.clearMarks(connectionId)
      return true
    }
    return false
  }

  return (event: KeyboardEvent<HTMLDivElement>) => {
    const chord = { key: event.key, mod: isMac ? event.metaKey : event.ctrlKey, shift: event.shiftKey, alt: event.altKey }
    if (isMenuKey(chord)) {
      event.preventDefault()
      onMenu(focused)
      return
    }
    const command = commandForKey(chord)
    if (command) {
      event.preventDefault()
      onCommand(command, focused)
      return
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return
    if (markKey(event)) return
    const action = treeKeyAction(event.key, {
      rows,
      index: focusedIndex,
      isExpanded: (path) => Boolean(tree.expanded[path]),
      hasChildren: (path) => hasChildren(tree, path),
    })
    if (action) {
      event.preventDefault()
      if (action.type === 'focus' && event.shiftKey) {
        // Shift+arrows (and Shift+Home/End) mark from the anchor to the row they move to.
        const target = rows[action.index]
        if (target) useTreeStore.getState().markRange(connectionId, target.path)
        moveFocus(action.index)
      } else if (action.type === 'focus') moveFocus(action.index)
      else if (action.type === 'expand') expand(api, connectionId, action.path)
      else if (action.type === 'collapse') collapse(connectionId, action.path)
      else {
        useTreeStore.getState().open(connectionId, action.path)
        if (hasChildren(tree, action.path) !== false) toggle(api, connectionId, action.path)
      }
      return
    }
    if (event.key.length === 1 && event.key !== ' ') {
      const now = Date.now()
      const state = typeahead.current
      state.text = now - state.at > TYPEAHEAD_MS ? event.key : state.text + event.key
      state.at = now
      const index = findByPrefix(rows, state.text.length > 1 ? focusedIndex - 1 : focusedIndex, state.text, label)
      if (index >= 0) {
        event.preventDefault()
        moveFocus(index)
      }
    }
  }
}
