import { describe, expect, it } from 'vitest'
import { allRows } from '../stores/tree-rows'
import { findByPrefix, treeKeyAction } from '../features/tree/tree-keys'

const children = { '/': ['a', 'b'], '/a': ['x'] }
const expanded = { '/': true as const, '/a': true as const }
const rows = allRows(children, expanded) // /, /a, /a/x, /b

function act(key: string, index: number, known: Record<string, boolean | undefined> = {}) {
  return treeKeyAction(key, {
    rows,
    index,
    isExpanded: (path) => path in expanded,
    hasChildren: (path) => (path in known ? known[path] : path === '/' || path === '/a' ? true : undefined),
  })
}

describe('tree keyboard', () => {
  it('moves up and down, home and end', () => {
    expect(act('ArrowDown', 0)).toEqual({ type: 'focus', index: 1 })
    expect(act('ArrowDown', 3)).toBeNull()
    expect(act('ArrowUp', 0)).toBeNull()
    expect(act('Home', 2)).toEqual({ type: 'focus', index: 0 })
    expect(act('End', 0)).toEqual({ type: 'focus', index: 3 })
  })

  it('Right expands a closed node, then enters it; does nothing on a leaf', () => {
    expect(act('ArrowRight', 3)).toEqual({ type: 'expand', path: '/b' })
    expect(act('ArrowRight', 1)).toEqual({ type: 'focus', index: 2 })
    expect(act('ArrowRight', 3, { '/b': false })).toBeNull()
  })

  it('Left collapses an open node, otherwise goes to the parent', () => {
    expect(act('ArrowLeft', 1)).toEqual({ type: 'collapse', path: '/a' })
    expect(act('ArrowLeft', 2)).toEqual({ type: 'focus', index: 1 })
    expect(act('ArrowLeft', 3)).toEqual({ type: 'focus', index: 0 })
    expect(act('ArrowLeft', 0, { '/': false })).toBeNull()
  })

  it('Enter activates', () => {
    expect(act('Enter', 2)).toEqual({ type: 'activate', path: '/a/x' })
  })

  it('finds the next row by its first letters, wrapping around', () => {
    expect(findByPrefix(rows, 0, 'x')).toBe(2)
    expect(findByPrefix(rows, 3, 'A')).toBe(1)
    expect(findByPrefix(rows, 0, 'zz')).toBe(-1)
  })
})
