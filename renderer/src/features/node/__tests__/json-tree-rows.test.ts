import { describe, expect, it } from 'vitest'
import { JsonNumber, type JsonValue } from '../../../../../shared/zk/json-text'
import { allContainerIds, flattenJson, initialExpanded } from '../json-tree-rows'

const value: JsonValue = { name: '订单', 'a/b': { 'c~d': [1, new JsonNumber('12345678901234567890'), null] }, ok: true }

describe('flattenJson', () => {
  it('lists only what is expanded, with JSON Pointer ids', () => {
    const collapsed = flattenJson(value, new Set(['']))
    expect(collapsed.map((r) => [r.id, r.kind, r.size])).toEqual([
      ['', 'object', 3],
      ['/name', 'string', 0],
      ['/a~1b', 'object', 1],
      ['/ok', 'boolean', 0],
    ])
    const open = flattenJson(value, new Set(['', '/a~1b', '/a~1b/c~0d']))
    expect(open.map((r) => `${'  '.repeat(r.depth)}${String(r.key)}:${r.kind}`)).toEqual([
      'null:object',
      '  name:string',
      '  a/b:object',
      '    c~d:array',
      '      0:number',
      '      1:number',
      '      2:null',
      '  ok:boolean',
    ])
  })
})

describe('initialExpanded', () => {
  it('opens a small value completely', () => {
    expect([...initialExpanded(value)].sort()).toEqual(['', '/a~1b', '/a~1b/c~0d'])
  })

  it('opens only the root (and few children) of a large value', () => {
    const big: JsonValue = Array.from({ length: 5000 }, (_, i) => ({ i, tags: ['x'] }))
    expect([...initialExpanded(big)]).toEqual([''])
    expect(flattenJson(big, initialExpanded(big))).toHaveLength(5001)
  })

  it('refuses expand-all past the limit', () => {
    expect(allContainerIds(Array.from({ length: 100 }, () => [1]), 50)).toBeUndefined()
  })
})
