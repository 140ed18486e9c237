import { describe, expect, it } from 'vitest'
import { emptyTree, type ConnectionTree } from '../../../stores/tree-store'
import { desiredSpecs, diffSpecs } from '../watch-specs'

function tree(over: Partial<ConnectionTree>): ConnectionTree {
  return { ...emptyTree(), ...over }
}

describe('desiredSpecs', () => {
  it('watches the children of loaded, visible, expanded nodes and the data of open nodes, with what the screen shows', () => {
    const t = tree({
      expanded: { '/': true, '/a': true, '/b/hidden': true, '/c': true },
      children: { '/': ['a', 'b', 'c'], '/a': ['x'], '/b/hidden': [] },
      openPath: '/a/x',
    })
    t.stats.set('/a', { stat: { cversion: 7 } as never })
    t.stats.set('/a/x', { stat: { version: 3 } as never })
    const specs = [...desiredSpecs(t, [{ path: '/pinned', preview: false }]).values()]
    expect(specs).toEqual([
      { path: '/', kind: 'children' },
      { path: '/a', kind: 'children', seen: { cversion: 7 } },
      { path: '/pinned', kind: 'data' },
      { path: '/a/x', kind: 'data', seen: { version: 3 } },
    ])
  })
})

describe('diffSpecs', () => {
  it('adds what is new and removes what went, without `seen`', () => {
    const current = new Map([['children\u0000/a', { path: '/a', kind: 'children' as const, seen: { cversion: 1 } }]])
    const desired = new Map([['data\u0000/b', { path: '/b', kind: 'data' as const }]])
    expect(diffSpecs(current, desired)).toEqual({ add: [{ path: '/b', kind: 'data' }], remove: [{ path: '/a', kind: 'children' }] })
  })
})
