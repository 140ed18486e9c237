/** User preferences, persisted in localStorage for this origin. */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

export const LOCALES = ['system', 'en', 'zh-CN'] as const
export type LocaleSetting = (typeof LOCALES)[number]
export type Locale = Exclude<LocaleSetting, 'system'>

export const THEMES = ['system', 'light', 'dark'] as const
export type ThemeSetting = (typeof THEMES)[number]

export interface SettingsState {
  locale: LocaleSetting
  theme: ThemeSetting
  setLocale(locale: LocaleSetting): void
  setTheme(theme: ThemeSetting): void
}

export const useSettingsStore = create<SettingsState>()(
  persist(
    (set) => ({
      locale: 'system',
      theme: 'system',
      setLocale: (locale) => set({ locale }),
      setTheme: (theme) => set({ theme }),
    }),
    {
      name: 'zk-console.settings',
      version: 1,
      partialize: (s) => ({ locale: s.locale, theme: s.theme }),
      // A hand-edited or older value must not break the app.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SettingsState>
        return {
          ...current,
          locale: LOCALES.includes(p.locale as LocaleSetting) ? (p.locale as LocaleSetting) : current.locale,
          theme: THEMES.includes(p.theme as ThemeSetting) ? (p.theme as ThemeSetting) : current.theme,
        }
      },
    },
  ),
)

/** The OS language decides while the setting is "system": Chinese variants get zh-CN. */
export function resolveLocale(setting: LocaleSetting, languages: readonly string[]): Locale {
  if (setting !== 'system') return setting
  for (const language of languages) {
    const lower = language.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

export const selectLocale = (s: SettingsState): Locale => resolveLocale(s.locale, navigator.languages ?? [navigator.language])
