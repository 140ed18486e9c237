import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { zhCN } from '../i18n/zh-CN'
import { ERROR_CODES } from '../../../shared/protocol/errors'
import { SESSION_STATES, ENVIRONMENTS } from '../../../shared/protocol/types'
import { resolveLocale } from '../stores/settings-store'

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, child]) =>
    typeof child === 'string' ? [`${prefix}${key}`] : keys(child as object, `${prefix}${key}.`),
  )
}

describe('message catalogues', () => {
  it('have the same keys in English and Simplified Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
  })

  it('explain every error code, session state and environment', () => {
    for (const catalogue of [en, zhCN]) {
      for (const code of ERROR_CODES) expect(catalogue.errors[code]).toBeTruthy()
      for (const state of SESSION_STATES) expect(catalogue.session[state]).toBeTruthy()
      for (const env of ENVIRONMENTS) expect(catalogue.env[env]).toBeTruthy()
    }
  })

  it('leave no English sentence untranslated in Chinese', () => {
    const zh = new Map(keys(zhCN).map((k) => [k, k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], zhCN)]))
    const same = keys(en).filter((k) => {
      const english = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], en) as string
      // Identifiers (Stat field names, "ACL", "gzip", placeholders) stay as they are.
      return english === zh.get(k) && /[a-z]{3,} [a-z]{3,}/i.test(english)
    })
    expect(same).toEqual([])
  })

  it('follow the OS language while the setting is "system"', () => {
    expect(resolveLocale('system', ['zh-TW', 'en-US'])).toBe('zh-CN')
    expect(resolveLocale('system', ['de-DE', 'en-US'])).toBe('en')
    expect(resolveLocale('system', ['fr-FR'])).toBe('en')
    expect(resolveLocale('zh-CN', ['en-US'])).toBe('zh-CN')
  })
})
