import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { INPUT_FORMATS, type EncodedData, type InputFormat } from './data-input'

interface DataInputProps {
  text: string
  format: InputFormat
  encoded: EncodedData
  onText(text: string): void
  onFormat(format: InputFormat): void
  /** Why the data cannot be written as it is (too large), if it cannot. */
  sizeProblem?: string
}

/** A node's data as typed text with its format; invalid JSON warns, invalid base64 or hex blocks. */
export function DataInput({ text, format, encoded, onText, onFormat, sizeProblem }: DataInputProps) {
  const { t } = useTranslation()
  const id = useId()
  const message = !encoded.ok ? t(`edit.data.${encoded.problem}`) : encoded.warning ? t('edit.data.invalid-json') : sizeProblem
  return (
    <div className="field">
      <div className="edit-data-head">
        <label className="field-label" htmlFor={`${id}-data`}>
          {t('edit.data.label')}
        </label>
        <select className="select" aria-label={t('edit.data.format')} value={format} onChange={(e) => onFormat(e.target.value as InputFormat)}>
          {INPUT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`edit.data.formats.${f}`)}
            </option>
          ))}
        </select>
        <span className="field-hint">{encoded.ok ? t('edit.data.bytes', { count: encoded.bytes }) : ''}</span>
      </div>
      <textarea
        id={`${id}-data`}
        className="input mono edit-data"
        rows={5}
        spellCheck={false}
        value={text}
        aria-invalid={!encoded.ok || Boolean(sizeProblem) || undefined}
        aria-describedby={message ? `${id}-msg` : undefined}
        onChange={(e) => onText(e.target.value)}
      />
      {message && (
        <span id={`${id}-msg`} className={encoded.ok && !sizeProblem ? 'field-hint edit-warn' : 'field-error'}>
          {message}
        </span>
      )}
    </div>
  )
}
