/**
 * One i18next instance for the app. Keys are typed from the English catalogue
 * (see i18next.d.ts), so `t('tree.lable')` fails to compile.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'
import type { Locale } from '../stores/settings-store'

export const resources = {
  en: { translation: en },
  'zh-CN': { translation: zhCN },
} as const

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    // Synchronous init: the catalogues are bundled, so the first render is translated.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  return instance
}
