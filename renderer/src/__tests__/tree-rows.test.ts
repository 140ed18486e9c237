import { describe, expect, it } from 'vitest'
import { allRows, spliceSubtree, visibleDescendants, type ChildrenMap, type ExpandedSet, type TreeRow } from '../stores/tree-rows'

const children: ChildrenMap = {
  '/': ['a', 'b'],
  '/a': ['x', 'y'],
  '/a/x': ['deep'],
  '/b': [],
}

describe('tree rows', () => {
  it('lists only what is expanded, depth-first, with positions among siblings', () => {
    const expanded: ExpandedSet = { '/': true, '/a': true }
    expect(allRows(children, expanded).map((r) => [r.path, r.depth, r.posInSet, r.setSize])).toEqual([
      ['/', 1, 1, 1],
      ['/a', 2, 1, 2],
      ['/a/x', 3, 1, 2],
      ['/a/y', 3, 2, 2],
      ['/b', 2, 2, 2],
    ])
  })

  it('shows nothing below a collapsed node even when its children are loaded', () => {
    expect(visibleDescendants('/a', 2, children, { '/': true })).toEqual([])
  })

  it('splices a subtree in and out to the same rows a full rebuild gives', () => {
    // A random walk of expand/collapse/reload, checked against the full rebuild each step.
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const kids: Record<string, string[]> = { '/': ['p1', 'p2', 'p3'] }
    let expanded: Record<string, true> = { '/': true }
    let rows: readonly TreeRow[] = allRows(kids, expanded)
    for (let step = 0; step < 400; step++) {
      const row = rows[Math.floor(random() * rows.length)]
      if (!row) continue
      const action = random()
      if (action < 0.5) {
        if (!kids[row.path]) kids[row.path] = Array.from({ length: Math.floor(random() * 4) }, (_, i) => `c${i}`)
        expanded = expanded[row.path] ? Object.fromEntries(Object.entries(expanded).filter(([k]) => k !== row.path)) : { ...expanded, [row.path]: true }
      } else {
        kids[row.path] = Array.from({ length: Math.floor(random() * 5) }, (_, i) => `c${i}`)
      }
      rows = spliceSubtree(rows, row.path, kids, expanded)
      expect(rows).toEqual(allRows(kids, expanded))
    }
  })

  it('returns the same array when the node is not visible', () => {
    const rows = allRows(children, { '/': true })
    expect(spliceSubtree(rows, '/a/x', children, { '/': true, '/a/x': true })).toBe(rows)
  })

  it('builds 100,000 rows quickly', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `n${i}`)
    const started = performance.now()
    const rows = spliceSubtree(allRows({ '/': ['big'] }, { '/': true }), '/big', { '/': ['big'], '/big': names }, { '/': true, '/big': true })
    expect(rows.length).toBe(100_002)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
