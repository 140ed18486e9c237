/**
 * A modal on top of the native <dialog>: the browser traps focus, makes the
 * rest inert, and closes on Escape. The caller renders it only while open.
 */
import { useId, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Close } from './icons'
import { useModalDialog } from './use-modal-dialog'

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
  const ref = useModalDialog(onClose)
  const titleId = useId()

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
