import { beforeEach, describe, expect, it } from 'vitest'
import { MAX_REMEMBERED, prefsScope, selectPrefs, useViewPrefsStore } from '../view-prefs-store'

beforeEach(() => useViewPrefsStore.setState({ prefs: {} }))

describe('view preferences', () => {
  it('are kept per profile (or connect string) and path', () => {
    const saved = prefsScope({ profileId: 'p1', connectString: 'a:2181' })
    const adHoc = prefsScope({ connectString: 'a:2181' })
    expect(saved).not.toBe(adHoc)
    useViewPrefsStore.getState().setPrefs(saved, '/x', { format: 'hex' })
    useViewPrefsStore.getState().setPrefs(saved, '/x', { charset: 'gb18030' })
    expect(selectPrefs(saved, '/x')(useViewPrefsStore.getState())).toMatchObject({ format: 'hex', charset: 'gb18030' })
    expect(selectPrefs(adHoc, '/x')(useViewPrefsStore.getState())).toBeUndefined()
  })

  it('forget a choice set back to the detected one', () => {
    useViewPrefsStore.getState().setPrefs('s', '/x', { format: 'json', mode: 'source' })
    useViewPrefsStore.getState().setPrefs('s', '/x', { format: undefined })
    const prefs = selectPrefs('s', '/x')(useViewPrefsStore.getState())
    expect(prefs && 'format' in prefs).toBe(false)
    expect(prefs?.mode).toBe('source')
  })

  it('stay bounded', () => {
    for (let i = 0; i < MAX_REMEMBERED + 20; i++) useViewPrefsStore.getState().setPrefs('s', `/n${i}`, { format: 'text' })
    expect(Object.keys(useViewPrefsStore.getState().prefs)).toHaveLength(MAX_REMEMBERED)
  })
})
