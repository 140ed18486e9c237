import { describe, expect, it } from 'vitest'
import { buildSearchParams } from '../search-params'
import { DEFAULT_FORM } from '../../../stores/search-store'

describe('search form to params', () => {
  it('sends only the patterns that are given', () => {
    const result = buildSearchParams({ ...DEFAULT_FORM, root: '/app', pathPattern: '*.json', pathMode: 'glob' }, 'c1', 's1')
    expect(result.ok && result.params).toEqual({
      connectionId: 'c1',
      searchId: 's1',
      root: '/app',
      path: { pattern: '*.json', mode: 'glob', caseSensitive: false },
      maxDepth: DEFAULT_FORM.maxDepth,
      maxNodes: DEFAULT_FORM.maxNodes,
      maxResults: DEFAULT_FORM.maxResults,
    })
    const data = buildSearchParams({ ...DEFAULT_FORM, dataPattern: '订单', encoding: 'gb18030' }, 'c1', 's1')
    expect(data.ok && data.params.data).toEqual({ pattern: '订单', mode: 'text', encoding: 'gb18030', caseSensitive: false })
  })

  it('names every problem a person can fix before anything is sent', () => {
    const result = buildSearchParams(
      { ...DEFAULT_FORM, root: 'app/', pathPattern: '(x', pathMode: 'regex', dataPattern: '[', dataMode: 'regex', maxNodes: 0, maxDepth: Number.NaN },
      'c1',
      's1',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.root).toBe('not-absolute')
    expect(result.problems.path).toBeTruthy()
    expect(result.problems.data).toBeTruthy()
    expect(result.problems.limits).toEqual(['maxDepth', 'maxNodes'])
    const empty = buildSearchParams(DEFAULT_FORM, 'c1', 's1')
    expect(!empty.ok && empty.problems.noPattern).toBe(true)
  })
})
