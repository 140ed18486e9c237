import { useTranslation } from 'react-i18next'
import type { CreateMode, CreateModeInfo } from '../../../../shared/protocol/edit-api'

/** The create modes; the ones the client cannot send are shown disabled with the backend's reason. */
export function ModePicker({ modes, value, onChange }: { modes: readonly CreateModeInfo[]; value: CreateMode; onChange(mode: CreateMode): void }) {
  const { t } = useTranslation()
  const current = modes.find((m) => m.mode === value)
  return (
    <fieldset className="fieldset edit-modes">
      <legend className="field-label">{t('edit.create.mode')}</legend>
      <div className="radio-group edit-mode-grid">
        {modes.map((m) => (
          <label key={m.mode} className="check" title={!m.supported ? m.note : undefined}>
            <input type="radio" name="create-mode" value={m.mode} checked={value === m.mode} disabled={!m.supported} onChange={() => onChange(m.mode)} />
            {t(`edit.mode.${m.mode}`)}
          </label>
        ))}
      </div>
      {current?.ephemeral && <p className="message message-warning edit-note">{t('edit.create.ephemeralNote')}</p>}
      {modes.some((m) => !m.supported) && (
        <details className="field-hint edit-unsupported">
          <summary>{t('edit.create.unsupportedModes')}</summary>
          <ul>
            {modes
              .filter((m) => !m.supported)
              .map((m) => (
                <li key={m.mode}>{t('edit.create.unsupported', { mode: t(`edit.mode.${m.mode}`), reason: m.note ?? '' })}</li>
              ))}
          </ul>
        </details>
      )}
    </fieldset>
  )
}
