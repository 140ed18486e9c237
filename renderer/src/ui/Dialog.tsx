/**
 * A modal on top of the native <dialog>: the browser traps focus, makes the
 * rest inert, and closes on Escape. The caller renders it only while open.
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Close } from './icons'

interface DialogProps {
  title: string
  onClose(): void
  children: ReactNode
  footer: ReactNode
  width?: number
  onSubmit?(event: FormEvent<HTMLFormElement>): void
}

export function Dialog({ title, onClose, children, footer, width = 520, onSubmit }: DialogProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)

  useEffect(() => {
    onCloseRef.current = onClose
  }, [onClose])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    dialog.showModal()
    const handleCancel = (event: Event) => {
      event.preventDefault()
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', handleCancel)
    return () => {
      dialog.removeEventListener('cancel', handleCancel)
      dialog.close()
    }
  }, [])

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} style={{ width }}>
      <form
        className="dialog-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit?.(event)
        }}
      >
        <div className="dialog-header">
          <h1 id={titleId}>{title}</h1>
          <button type="button" className="btn btn-ghost btn-icon" aria-label={t('app.close')} onClick={onClose}>
            <Close />
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">{footer}</div>
      </form>
    </dialog>
  )
}
