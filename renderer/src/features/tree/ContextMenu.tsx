import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react'

export interface MenuItem {
  id: string
  label: string
  /** A key hint shown on the right, for example "Ctrl+L". */
  shortcut?: string
  disabled?: boolean
  /** Starts a new group, drawn as a separator above it. */
  separated?: boolean
}

interface ContextMenuProps {
  label: string
  items: readonly MenuItem[]
  /** Viewport coordinates of the pointer, or of the row it is for. */
  x: number
  y: number
  onSelect(id: string): void
  /** Called on Escape, Tab, a click outside, or after a selection; give focus back there. */
  onClose(): void
}

/**
 * A WAI-ARIA menu: focus moves into it, arrows, Home/End and first letters
 * move between items, Enter or Space activates, Escape closes. It is placed at
 * the pointer and kept inside the window.
 */
export function ContextMenu({ label, items, x, y, onSelect, onClose }: ContextMenuProps) {
  const ref = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState({ left: x, top: y })
  const enabled = items.filter((item) => !item.disabled)

  useLayoutEffect(() => {
    const menu = ref.current
    if (!menu) return
    const { width, height } = menu.getBoundingClientRect()
    setPosition({ left: Math.max(4, Math.min(x, window.innerWidth - width - 4)), top: Math.max(4, Math.min(y, window.innerHeight - height - 4)) })
    menu.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus()
  }, [x, y])

  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose()
    }
    const onBlur = () => onClose()
    document.addEventListener('pointerdown', onPointer, true)
    window.addEventListener('blur', onBlur)
    return () => {
      document.removeEventListener('pointerdown', onPointer, true)
      window.removeEventListener('blur', onBlur)
    }
  }, [onClose])

  const focusItem = (index: number) => {
    const item = enabled[(index + enabled.length) % enabled.length]
    if (item) ref.current?.querySelector<HTMLElement>(`[data-item="${item.id}"]`)?.focus()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = enabled.findIndex((item) => item.id === (document.activeElement as HTMLElement | null)?.dataset.item)
    const key = event.key
    if (key === 'ArrowDown') focusItem(current + 1)
    else if (key === 'ArrowUp') focusItem(current - 1)
    else if (key === 'Home') focusItem(0)
    else if (key === 'End') focusItem(enabled.length - 1)
    else if (key === 'Escape' || key === 'Tab') onClose()
    else if (key === 'Enter' || key === ' ') {
      const item = enabled[current]
      if (item) onSelect(item.id)
    } else if (key.length === 1) {
      const lower = key.toLowerCase()
      const next = enabled.findIndex((item, i) => i > current && item.label.toLowerCase().startsWith(lower))
      const wrapped = next >= 0 ? next : enabled.findIndex((item) => item.label.toLowerCase().startsWith(lower))
      if (wrapped >= 0) focusItem(wrapped)
    } else return
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div ref={ref} role="menu" aria-label={label} className="context-menu" style={position} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {items.map((item) => (
        <div key={item.id} className="context-menu-group" data-separated={item.separated || undefined} role="none">
          <div
            role="menuitem"
            tabIndex={-1}
            data-item={item.id}
            aria-disabled={item.disabled || undefined}
            className="context-menu-item"
            onClick={() => !item.disabled && onSelect(item.id)}
          >
            <span>{item.label}</span>
            {item.shortcut && <kbd className="context-menu-key">{item.shortcut}</kbd>}
          </div>
        </div>
      ))}
    </div>
  )
}
