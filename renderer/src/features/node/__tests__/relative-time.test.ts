import { describe, expect, it } from 'vitest'
import { formatRelative } from '../relative-time'

describe('formatRelative', () => {
  const now = Date.UTC(2025, 2, 20, 10, 0, 0)
  it('picks the largest whole unit, in the locale', () => {
    expect(formatRelative(now - 3 * 60_000, now, 'en')).toBe('3 minutes ago')
    expect(formatRelative(now - 5_000, now, 'en')).toBe('5 seconds ago')
    expect(formatRelative(now, now, 'en')).toBe('now')
    expect(formatRelative(now - 26 * 3600_000, now, 'en')).toBe('yesterday')
    expect(formatRelative(now - 3 * 60_000, now, 'zh-CN')).toBe('3分钟前')
    expect(formatRelative(now + 2 * 3600_000, now, 'en')).toBe('in 2 hours')
  })
})
