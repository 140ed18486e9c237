/**
 * Applies the settings to the document: the message catalogue follows the
 * locale setting (or the OS language), the theme pins or releases the colour
 * scheme.
 */
import { useEffect, useState, type ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from '../i18n/i18n'
import { selectLocale, useSettingsStore } from '../stores/settings-store'

export function AppProviders({ children }: { children: ReactNode }) {
  const locale = useSettingsStore(selectLocale)
  const theme = useSettingsStore((s) => s.theme)
  const [i18n] = useState(() => createI18n(locale))

  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale)
    document.documentElement.lang = locale
    document.title = i18n.t('app.title')
  }, [i18n, locale])

  useEffect(() => {
    const root = document.documentElement
    if (theme === 'system') delete root.dataset.theme
    else root.dataset.theme = theme
  }, [theme])

  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
}
