import { beforeEach, describe, expect, it } from 'vitest'
import { useTreeStore, hasChildren } from '../stores/tree-store'
import type { ZnodeStat } from '../../../shared/protocol/types'

const stat = (numChildren: number): ZnodeStat => ({
  czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: '0', version: 0, cversion: 0, aversion: 0,
  ephemeralOwner: '0x0', dataLength: 0, numChildren,
})

const C = 'conn-1'
const tree = () => {
  const value = useTreeStore.getState().trees[C]
  if (!value) throw new Error('no tree')
  return value
}
const paths = () => tree().rows.map((r) => r.path)

describe('tree store', () => {
  beforeEach(() => {
    useTreeStore.getState().dropTree(C)
    useTreeStore.getState().ensureTree(C)
  })

  it('shows loaded children of expanded nodes', () => {
    const s = useTreeStore.getState()
    s.setExpanded(C, '/', true)
    s.setChildren(C, '/', ['a', 'b'], stat(2))
    s.setExpanded(C, '/a', true)
    s.setChildren(C, '/a', ['x'], stat(1))
    expect(paths()).toEqual(['/', '/a', '/a/x', '/b'])
    expect(hasChildren(tree(), '/a')).toBe(true)
    expect(hasChildren(tree(), '/b')).toBeUndefined()
  })

  it('moves focus up when an ancestor of the focused row collapses', () => {
    const s = useTreeStore.getState()
    s.setExpanded(C, '/', true)
    s.setChildren(C, '/', ['a'], stat(1))
    s.setExpanded(C, '/a', true)
    s.setChildren(C, '/a', ['x'], stat(1))
    s.focus(C, '/a/x')
    s.setExpanded(C, '/a', false)
    expect(tree().focused).toBe('/a')
    expect(paths()).toEqual(['/', '/a'])
  })

  it('forgets expansion below children that vanished', () => {
    const s = useTreeStore.getState()
    s.setExpanded(C, '/', true)
    s.setChildren(C, '/', ['a', 'b'], stat(2))
    s.setExpanded(C, '/a', true)
    s.setChildren(C, '/a', ['x'], stat(1))
    s.setExpanded(C, '/a/x', true)
    s.setChildren(C, '/', ['b'], stat(1))
    expect(tree().expanded).toEqual({ '/': true })
    expect(paths()).toEqual(['/', '/b'])
  })

  it('keeps Stats in place and signals each change with a new revision', () => {
    const s = useTreeStore.getState()
    const before = tree()
    s.setStats(C, [{ path: '/a', stat: stat(3) }, { path: '/gone', error: { code: 'NO_NODE', message: '' } }])
    const after = tree()
    expect(after).not.toBe(before)
    expect(after.stats).toBe(before.stats)
    expect(after.statsRev).toBe(before.statsRev + 1)
    expect(after.stats.get('/a')?.stat?.numChildren).toBe(3)
    expect(after.stats.get('/gone')?.error).toBe('NO_NODE')
    s.invalidateStats(C, ['/a'])
    expect(tree().stats.has('/a')).toBe(false)
  })

  it('collapses everything but the root', () => {
    const s = useTreeStore.getState()
    s.setExpanded(C, '/', true)
    s.setChildren(C, '/', ['a'], stat(1))
    s.setExpanded(C, '/a', true)
    s.setChildren(C, '/a', ['x'], stat(1))
    s.focus(C, '/a/x')
    s.collapseAll(C)
    expect(paths()).toEqual(['/', '/a'])
    expect(tree().focused).toBe('/')
  })
})
