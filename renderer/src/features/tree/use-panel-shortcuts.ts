import type { RefObject } from 'react'
import { useWindowKeydown } from '../../ui/use-window-keydown'
import { useConnectionsStore } from '../../stores/connections-store'
import { useSearchStore } from '../../stores/search-store'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/**
 * Window-wide keys of the workspace in front: Ctrl/Cmd+L goes to a path,
 * Ctrl/Cmd+Shift+F opens the search. Every workspace stays mounted, so only the
 * active connection's panel answers, and never under a modal dialog.
 */
export function usePanelShortcuts(connectionId: string, panelRef: RefObject<HTMLElement | null>, goToPath: () => void): void {
  useWindowKeydown((event) => {
    const mod = isMac ? event.metaKey : event.ctrlKey
    // The tree handles its own Ctrl+Shift+F (search below the focused node).
    if (!mod || event.altKey || event.defaultPrevented) return
    if (useConnectionsStore.getState().activeId !== connectionId) return
    if (document.querySelector('dialog[open]') || !panelRef.current?.isConnected) return
    const key = event.key.toLowerCase()
    if (key === 'l' && !event.shiftKey) {
      event.preventDefault()
      goToPath()
    } else if (key === 'f' && event.shiftKey) {
      event.preventDefault()
      useSearchStore.getState().setPanel(connectionId, 'search')
      setTimeout(() => panelRef.current?.querySelector<HTMLElement>('[data-autofocus]')?.focus(), 0)
    }
  })
}
