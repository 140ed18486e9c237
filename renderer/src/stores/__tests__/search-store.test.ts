import { beforeEach, describe, expect, it } from 'vitest'
import { applySearchProgress, useSearchStore } from '../search-store'
import type { SearchMatch } from '../../../../shared/protocol/tree-api'

const match = (path: string): SearchMatch => ({
  path,
  stat: { czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: '0', version: 0, cversion: 0, aversion: 0, ephemeralOwner: '0x0', dataLength: 0, numChildren: 0 },
})
const scope = { root: '/', maxDepth: 10, maxNodes: 100, maxResults: 10 }
const run = (c: string) => useSearchStore.getState().searches[c]?.run

describe('search store', () => {
  beforeEach(() => {
    useSearchStore.getState().drop('a')
    useSearchStore.getState().drop('b')
  })

  it('routes streamed matches to the search they belong to and ignores stale ones', () => {
    const s = useSearchStore.getState()
    s.begin('a', 's1', scope)
    s.begin('b', 's2', scope)
    applySearchProgress([
      { searchId: 's1', visited: 5, matched: 1, rate: 50, matches: [match('/x')] },
      { searchId: 's2', visited: 3, matched: 2, rate: 30, matches: [match('/y'), match('/z')] },
      { searchId: 'old', visited: 1, matched: 1, rate: 1, matches: [match('/stale')] },
    ])
    expect(run('a')?.results.map((m) => m.path)).toEqual(['/x'])
    expect(run('b')?.results.map((m) => m.path)).toEqual(['/y', '/z'])
    expect(run('b')?.visited).toBe(3)
  })

  it('keeps final counts when the summary comes before the last progress event', () => {
    const s = useSearchStore.getState()
    s.begin('a', 's1', scope)
    s.finish('a', 's1', { searchId: 's1', visited: 10, matched: 2, unreadable: 0, elapsedMs: 100, stoppedBy: 'max-results' })
    applySearchProgress([{ searchId: 's1', visited: 10, matched: 2, rate: 99, matches: [match('/a'), match('/b')] }])
    expect(run('a')).toMatchObject({ status: 'done', visited: 10, matched: 2, rate: 100 })
    expect(run('a')?.results).toHaveLength(2)
  })

  it('ends a run once: a cancel after the summary changes nothing', () => {
    const s = useSearchStore.getState()
    s.begin('a', 's1', scope)
    s.end('a', 's1', 'cancelled')
    expect(run('a')?.status).toBe('cancelled')
    s.begin('a', 's2', scope)
    s.finish('a', 's2', { searchId: 's2', visited: 1, matched: 0, unreadable: 0, elapsedMs: 1 })
    s.end('a', 's2', 'failed', { code: 'INTERNAL', message: '' })
    expect(run('a')?.status).toBe('done')
  })
})
