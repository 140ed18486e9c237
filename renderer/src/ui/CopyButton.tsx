import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { copyText } from './clipboard'
import { Check, Copy } from './icons'

interface CopyActionProps {
  /** Called on click, so a 1 MiB hex dump is built only when someone copies it. */
  getText(): string
  label: string
  /** Visible text beside the icon; icon-only when absent. */
  children?: ReactNode
}

/** A copy button whose text is computed when pressed; says "Copied" for a moment. */
export function CopyAction({ getText, label, children }: CopyActionProps) {
  const { t } = useTranslation()
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 1500)
    return () => clearTimeout(timer)
  }, [copied])
  return (
    <button
      type="button"
      className={children ? 'btn btn-ghost btn-small' : 'btn btn-ghost btn-icon btn-small'}
      aria-label={label}
      title={copied ? t('app.copied') : label}
      onClick={() => {
        copyText(getText()).then(
          () => setCopied(true),
          (error: unknown) => console.error('copy failed', error),
        )
      }}
    >
      {copied ? <Check size={14} /> : <Copy size={14} />}
      {children}
    </button>
  )
}

/** An icon-only copy button for text already at hand (a path, a connect string). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  return <CopyAction getText={() => text} label={label} />
}
