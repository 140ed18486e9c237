import { describe, expect, it } from 'vitest'
import { buildView, compileNameFilter, isDefaultView, shownNames, DEFAULT_VIEW } from '../child-view'

const names = ['n000001', 'n000002', 'n000010', 'node-a', 'Node-B', 'x.json']

describe('filtering children by name', () => {
  it('matches substrings, ignoring case unless asked', () => {
    const f = compileNameFilter({ pattern: 'NODE', mode: 'substring', caseSensitive: false })
    expect(f.ok && names.filter(f.test)).toEqual(['node-a', 'Node-B'])
    const exact = compileNameFilter({ pattern: 'Node', mode: 'substring', caseSensitive: true })
    expect(exact.ok && names.filter(exact.test)).toEqual(['Node-B'])
  })

  it('matches globs against the whole name', () => {
    const f = compileNameFilter({ pattern: 'n00000?', mode: 'glob', caseSensitive: false })
    expect(f.ok && names.filter(f.test)).toEqual(['n000001', 'n000002'])
    const json = compileNameFilter({ pattern: '*.json', mode: 'glob', caseSensitive: false })
    expect(json.ok && names.filter(json.test)).toEqual(['x.json'])
  })

  it('matches regular expressions and reports ones that do not compile', () => {
    const f = compileNameFilter({ pattern: '^n0+1\\d$', mode: 'regex', caseSensitive: false })
    expect(f.ok && names.filter(f.test)).toEqual(['n000010'])
    const bad = compileNameFilter({ pattern: '(unclosed', mode: 'regex', caseSensitive: false })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/unterminated|unclosed|missing/i)
  })

  it('matches encoded names by their decoded form too', () => {
    const f = compileNameFilter({ pattern: 'dubbo://10.0.0.1', mode: 'substring', caseSensitive: false })
    expect(f.ok && f.test('dubbo%3A%2F%2F10.0.0.1%3A20880')).toBe(true)
  })
})

describe('child views', () => {
  it('reverses the natural order, sorts by time with unknown times last, and filters', () => {
    expect(buildView(names, { ...DEFAULT_VIEW, direction: 'desc' }, null).names[0]).toBe('x.json')
    const times = new Map([['n000001', 30], ['n000002', 10], ['n000010', 20]])
    const byTime = buildView(names.slice(0, 4), { sortKey: 'mtime', direction: 'asc', filter: null }, times)
    expect(byTime.names).toEqual(['n000002', 'n000010', 'n000001', 'node-a'])
    const newest = buildView(names.slice(0, 4), { sortKey: 'mtime', direction: 'desc', filter: null }, times)
    expect(newest.names).toEqual(['n000001', 'n000010', 'n000002', 'node-a'])
    const filtered = buildView(names, { sortKey: 'name', direction: 'asc', filter: { pattern: 'n0', mode: 'substring', caseSensitive: true } }, null)
    expect(filtered.names).toEqual(['n000001', 'n000002', 'n000010'])
  })

  it('ignores a filter that does not compile rather than hiding everything', () => {
    const view = buildView(names, { sortKey: 'name', direction: 'asc', filter: { pattern: '[', mode: 'regex', caseSensitive: false } }, null)
    expect(view.names).toEqual(names)
  })

  it('recomputes a view whose names changed since it was made', () => {
    const view = buildView(['a', 'b'], { sortKey: 'name', direction: 'desc', filter: null }, null)
    expect(shownNames({ '/p': view.source }, { '/p': view }, '/p')).toEqual(['b', 'a'])
    expect(shownNames({ '/p': ['a', 'b', 'c'] }, { '/p': view }, '/p')).toEqual(['c', 'b', 'a'])
    expect(shownNames({ '/q': ['z'] }, { '/p': view }, '/q')).toEqual(['z'])
  })

  it('knows the default view', () => {
    expect(isDefaultView(DEFAULT_VIEW)).toBe(true)
    expect(isDefaultView({ ...DEFAULT_VIEW, direction: 'desc' })).toBe(false)
  })
})
