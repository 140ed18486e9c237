import { useEffect, useRef, type RefObject } from 'react'

/**
 * Shows a native <dialog> as a modal while the component is mounted: the browser traps focus
 * and makes the rest inert; Escape calls the latest `onClose` instead of closing it behind
 * React's back.
 */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  const onCloseRef = useRef(onClose)

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    dialog.showModal()
    const cancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', cancel)
    return () => {
      dialog.removeEventListener('cancel', cancel)
      dialog.close()
    }
  }, [])

  return ref
}
