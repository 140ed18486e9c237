interface UnitNumberFieldProps {
  /** Base for the input's and the hint's element ids. */
  id: string
  label: string
  /** Shown after the input: "seconds", "paths". */
  unit: string
  value: string
  valid: boolean
  /** Says what the number is for; shown as an error while the value is not valid. */
  hint: string
  min?: number
  max?: number
  onChange(text: string): void
}

/** A whole-number setting with its unit and a hint, typed as text so a half-typed value stays on screen. */
export function UnitNumberField({ id, label, unit, value, valid, hint, min = 1, max, onChange }: UnitNumberFieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-input`}>
        {label}
      </label>
      <span className="input-with-unit">
        <input
          id={`${id}-input`}
          className="input"
          type="number"
          min={min}
          max={max}
          step={1}
          value={value}
          aria-invalid={!valid}
          aria-describedby={`${id}-hint`}
          onChange={(event) => onChange(event.target.value)}
        />
        <span className="muted">{unit}</span>
      </span>
      <span id={`${id}-hint`} className={valid ? 'field-hint' : 'field-error'}>
        {hint}
      </span>
    </div>
  )
}
