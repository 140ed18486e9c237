import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isValidBudget, useLiveSettingsStore } from './live-settings'

/**
 * The watch budget in the settings dialog. It applies as soon as a valid
 * number is typed, to every open connection and to those opened later.
 */
export function WatchBudgetSetting() {
  const { t } = useTranslation()
  const id = useId()
  const budget = useLiveSettingsStore((s) => s.watchBudget)
  const [draft, setDraft] = useState(String(budget))
  const value = Number(draft)
  const valid = draft.trim() !== '' && isValidBudget(value)

  return (
    <div className="field">
      <label className="field-label" htmlFor={`${id}-budget`}>
        {t('live.settingBudget')}
      </label>
      <div className="input-with-unit">
        <input
          id={`${id}-budget`}
          className="input"
          type="number"
          min={1}
          max={100_000}
          step={1}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={`${id}-hint`}
          onChange={(event) => {
            setDraft(event.target.value)
            const next = Number(event.target.value)
            if (event.target.value.trim() !== '' && isValidBudget(next)) useLiveSettingsStore.getState().setWatchBudget(next)
          }}
        />
        <span className="muted">{t('live.settingBudgetUnit')}</span>
      </div>
      <div id={`${id}-hint`} className={valid ? 'field-hint' : 'field-error'}>
        {valid ? t('live.settingBudgetHint') : t('live.settingBudgetInvalid')}
      </div>
    </div>
  )
}
