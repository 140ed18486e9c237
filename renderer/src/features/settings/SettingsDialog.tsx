import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { LOCALES, THEMES, useSettingsStore } from '../../stores/settings-store'
import { useAppStore } from '../../stores/app-store'
import { InfoDialog } from '../../ui/InfoDialog'
import { WatchBudgetSetting } from '../live/WatchBudgetSetting'

/** Language, theme and the watch budget; each applies at once and is remembered on this machine. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  const { locale, theme, setLocale, setTheme } = useSettingsStore()
  const appInfo = useAppStore((s) => s.appInfo)
  const id = useId()

  return (
    <InfoDialog title={t('settings.title')} width={420} onClose={onClose}>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">{t('settings.language')}</legend>
        {LOCALES.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${id}-locale`}
              value={value}
              checked={locale === value}
              onChange={() => setLocale(value)}
            />
            {t(`settings.locale.${value}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset radio-group">
        <legend className="field-label">{t('settings.theme')}</legend>
        {THEMES.map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${id}-theme`}
              value={value}
              checked={theme === value}
              onChange={() => setTheme(value)}
            />
            {t(`settings.themes.${value}`)}
          </label>
        ))}
      </fieldset>
      <WatchBudgetSetting />
      {appInfo && (
        <p className="field-hint">
          {t('settings.about', {
            version: appInfo.version,
            host: t(`settings.hosts.${appInfo.host}`),
            platform: appInfo.platform,
          })}
        </p>
      )}
    </InfoDialog>
  )
}
