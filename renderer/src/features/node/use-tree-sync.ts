import { useEffect } from 'react'
import { useNodeTabsStore } from '../../stores/node-tabs-store'
import { useTreeStore } from '../../stores/tree-store'
import { openInNewTab } from './tab-actions'

/**
 * Keeps the inspector's tabs in step with the tree: whatever the tree opens
 * (a click, Enter, selection following focus) is shown in the preview tab.
 */
export function useTreeSync(connectionId: string): void {
  useEffect(() => {
    const show = (path: string | null | undefined) => {
      if (path) useNodeTabsStore.getState().showPreview(connectionId, path)
    }
    show(useTreeStore.getState().trees[connectionId]?.openPath)
    return useTreeStore.subscribe((s, previous) => {
      const path = s.trees[connectionId]?.openPath
      if (path !== previous.trees[connectionId]?.openPath) show(path)
    })
  }, [connectionId])
}

/**
 * "Open in a new tab" gestures on the tree's rows: middle click, and
 * Ctrl/⌘+Enter on the focused row. Listened for on the document and matched
 * by the rows' ids (`tree-<connectionId>-<index>`) and `data-path`, so the
 * tree needs no knowledge of tabs.
 */
export function useOpenInTabGestures(connectionId: string): void {
  useEffect(() => {
    const prefix = `tree-${connectionId}-`
    const rowPath = (target: EventTarget | null): string | null => {
      const row = target instanceof Element ? target.closest('[role="treeitem"][data-path]') : null
      return row?.id.startsWith(prefix) ? row.getAttribute('data-path') : null
    }
    // Without this, a middle press starts the browser's autoscroll.
    const onMouseDown = (event: MouseEvent) => {
      if (event.button === 1 && rowPath(event.target)) event.preventDefault()
    }
    const onAuxClick = (event: MouseEvent) => {
      const path = event.button === 1 ? rowPath(event.target) : null
      if (!path) return
      event.preventDefault()
      openInNewTab(connectionId, path)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || !(event.target instanceof Element)) return
      const active = event.target.getAttribute('aria-activedescendant')
      const path = active?.startsWith(prefix) ? document.getElementById(active)?.getAttribute('data-path') : null
      if (!path) return
      event.preventDefault()
      openInNewTab(connectionId, path)
    }
    document.addEventListener('mousedown', onMouseDown)
    document.addEventListener('auxclick', onAuxClick)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('mousedown', onMouseDown)
      document.removeEventListener('auxclick', onAuxClick)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [connectionId])
}
