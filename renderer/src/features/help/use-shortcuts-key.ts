import { useWindowKeydown } from '../../ui/use-window-keydown'

/** Whether a key press is typing into a field, where "?" is just a character. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || target.matches('input, textarea, select, [role="combobox"], .cm-content')
}

/** "?" or F1 anywhere outside a text field and a dialog opens the shortcuts list. */
export function useShortcutsKey(open: () => void): void {
  useWindowKeydown((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
    if (event.key !== '?' && event.key !== 'F1') return
    if (isTyping(event.target) || document.querySelector('dialog[open]')) return
    event.preventDefault()
    open()
  })
}
