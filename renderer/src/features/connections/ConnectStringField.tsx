import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatHostPort, type ConnectStringResult } from '../../../../shared/zk/connect-string'

interface ConnectStringFieldProps {
  value: string
  check: ConnectStringResult
  /** Show the problem even if the field was never left (after a submit attempt). */
  forceShow: boolean
  onChange(value: string): void
}

/**
 * The connect string, checked as it is typed with the same parser the
 * backend uses; the exact problem (which host, which port) is named.
 */
export function ConnectStringField({ value, check, forceShow, onChange }: ConnectStringFieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const [blurred, setBlurred] = useState(false)
  // An empty field is only a problem once the user has moved on or tried to submit.
  const showError = !check.ok && (value.trim() !== '' || blurred || forceShow)
  const messageId = `${id}-message`

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('dialog.connectString')}
      </label>
      <input
        id={id}
        className="input mono"
        value={value}
        placeholder="127.0.0.1:2181,127.0.0.1:2182/chroot"
        spellCheck={false}
        autoComplete="off"
        aria-invalid={showError}
        aria-describedby={messageId}
        onChange={(event) => onChange(event.target.value)}
        onBlur={() => setBlurred(true)}
      />
      <div id={messageId} aria-live="polite">
        {showError && !check.ok ? (
          <span className="field-error">{t(`connectString.${check.error}`, { detail: check.detail })}</span>
        ) : check.ok ? (
          <span className="field-ok">
            {t('dialog.connectStringOk', { count: check.value.hosts.length })}
            {check.value.chroot ? ` · ${t('dialog.chroot', { chroot: check.value.chroot })}` : ''}
            {' · '}
            <span className="mono">{check.value.hosts.map(formatHostPort).join(', ')}</span>
          </span>
        ) : (
          <span className="field-hint">{t('dialog.connectStringHint')}</span>
        )}
      </div>
    </div>
  )
}
