import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UnitNumberField } from '../../ui/UnitNumberField'
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
    <UnitNumberField
      id={`${id}-budget`}
      label={t('live.settingBudget')}
      unit={t('live.settingBudgetUnit')}
      value={draft}
      valid={valid}
      hint={valid ? t('live.settingBudgetHint') : t('live.settingBudgetInvalid')}
      max={100_000}
      onChange={(text) => {
        setDraft(text)
        const next = Number(text)
        if (text.trim() !== '' && isValidBudget(next)) useLiveSettingsStore.getState().setWatchBudget(next)
      }}
    />
  )
}
