import { useId, useRef, type ReactNode } from 'react'

interface StatusPopoverProps {
  /** What the status bar shows; pressing it opens the details. */
  label: ReactNode
  buttonClassName: string
  /** The accessible name of the details. */
  title: string
  children: ReactNode
}

/**
 * A status bar item that opens details above it. The details are a native
 * popover, in the top layer, so the status bar's overflow cannot clip them;
 * they close on Escape or a click elsewhere. They open next to the item,
 * toward the middle of the window.
 */
export function StatusPopover({ label, buttonClassName, title, children }: StatusPopoverProps) {
  const id = useId()
  const button = useRef<HTMLButtonElement>(null)
  const popover = useRef<HTMLDivElement>(null)

  const place = () => {
    const anchor = button.current?.getBoundingClientRect()
    const element = popover.current
    if (!anchor || !element) return
    element.style.bottom = `${window.innerHeight - anchor.top + 4}px`
    if (anchor.left > window.innerWidth / 2) {
      element.style.right = `${Math.max(8, window.innerWidth - anchor.right)}px`
      element.style.left = 'auto'
    } else {
      element.style.left = `${Math.max(8, anchor.left)}px`
      element.style.right = 'auto'
    }
  }

  return (
    <>
      <button ref={button} type="button" className={buttonClassName} popoverTarget={id}>
        {label}
      </button>
      <div
        ref={popover}
        id={id}
        popover="auto"
        role="dialog"
        aria-label={title}
        className="live-popover"
        onBeforeToggle={(event) => {
          if (event.newState === 'open') place()
        }}
      >
        {children}
      </div>
    </>
  )
}
