import { beforeEach, describe, expect, it } from 'vitest'
import { useTreeStore } from '../tree-store'
import type { ZnodeStat } from '../../../../shared/protocol/types'

const stat = (numChildren: number, mtime = 0): ZnodeStat => ({
  czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: String(mtime), version: 0, cversion: 0, aversion: 0,
  ephemeralOwner: '0x0', dataLength: 0, numChildren,
})

const C = 'conn-views'
const tree = () => {
  const value = useTreeStore.getState().trees[C]
  if (!value) throw new Error('no tree')
  return value
}
const paths = () => tree().rows.map((r) => r.path)

describe('tree store: views, expand many, collapse below', () => {
  beforeEach(() => {
    const s = useTreeStore.getState()
    s.dropTree(C)
    s.ensureTree(C)
    s.setExpanded(C, '/', true)
    s.setChildren(C, '/', ['a', 'b', 'c'], stat(3))
  })

  it('filters and sorts rows, with set sizes of what is shown', () => {
    const s = useTreeStore.getState()
    s.setChildView(C, '/', { sortKey: 'name', direction: 'desc', filter: { pattern: '[ab]', mode: 'regex', caseSensitive: false } })
    expect(paths()).toEqual(['/', '/b', '/a'])
    expect(tree().rows[1]?.setSize).toBe(2)
    s.setChildView(C, '/', null)
    expect(paths()).toEqual(['/', '/a', '/b', '/c'])
    expect(tree().views['/']).toBeUndefined()
  })

  it('sorts by mtime from cached Stats and keeps the view when the names are read again', () => {
    const s = useTreeStore.getState()
    s.setStats(C, [
      { path: '/a', stat: stat(0, 300) },
      { path: '/b', stat: stat(0, 100) },
      { path: '/c', stat: stat(0, 200) },
    ])
    s.setChildView(C, '/', { sortKey: 'mtime', direction: 'asc', filter: null })
    expect(paths()).toEqual(['/', '/b', '/c', '/a'])
    s.setChildren(C, '/', ['a', 'b', 'c', 'd'], stat(4))
    // The new child has no time yet: it goes last.
    expect(paths()).toEqual(['/', '/b', '/c', '/a', '/d'])
  })

  it('expands many nodes at once and collapses everything below a node', () => {
    const s = useTreeStore.getState()
    s.setChildren(C, '/a', ['x'], stat(1))
    s.setChildren(C, '/a/x', ['y'], stat(1))
    s.expandMany(C, ['/a', '/a/x'])
    expect(paths()).toEqual(['/', '/a', '/a/x', '/a/x/y', '/b', '/c'])
    s.focus(C, '/a/x/y')
    s.collapseBelow(C, '/a')
    expect(paths()).toEqual(['/', '/a', '/b', '/c'])
    expect(tree().focused).toBe('/a')
    expect(tree().expanded['/a/x']).toBeUndefined()
  })
})
