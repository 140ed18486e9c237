import { describe, expect, it } from 'vitest'
import type { NodeChange } from '../../../../../shared/protocol/watch-api'
import type { ConnectionInfo } from '../../../../../shared/protocol/types'
import type { ZnodeStat } from '../../../../../shared/zk/stat'
import { ChangeJournal } from '../change-journal'
import { diffChildren, survivingNeighbour } from '../children-diff'

const stat = (over: Partial<ZnodeStat> = {}): ZnodeStat => ({
  czxid: '0x1',
  mzxid: '0x1',
  pzxid: '0x1',
  ctime: '0',
  mtime: '0',
  version: 0,
  cversion: 0,
  aversion: 0,
  ephemeralOwner: '0x0',
  dataLength: 0,
  numChildren: 0,
  ...over,
})

const change = (c: Partial<NodeChange> & Pick<NodeChange, 'path' | 'change'>): NodeChange => ({ connectionId: 'c1', at: 1_000, ...c })

describe('diffChildren and survivingNeighbour', () => {
  it('lists added and removed names', () => {
    expect(diffChildren(['a', 'b', 'c'], ['b', 'c', 'd'])).toEqual({ added: ['d'], removed: ['a'] })
  })

  it('moves to the next surviving sibling, else the previous, else the parent', () => {
    expect(survivingNeighbour('/p', ['a', 'b', 'c'], ['a', 'c'], 'b')).toBe('/p/c')
    expect(survivingNeighbour('/p', ['a', 'b', 'c'], ['a', 'b'], 'c')).toBe('/p/b')
    expect(survivingNeighbour('/', ['a'], [], 'a')).toBe('/')
  })
})

describe('ChangeJournal', () => {
  it('turns a children change into created and deleted entries against the list the tree had', () => {
    const journal = new ChangeJournal()
    const entries = journal.record(change({ path: '/locks', change: 'children', children: ['l2', 'l3'], stat: stat() }), { children: ['l1', 'l2'] })
    expect(entries.map((e) => [e.kind, e.path])).toEqual([
      ['created', '/locks/l3'],
      ['deleted', '/locks/l1'],
      ['children', '/locks'],
    ])
    expect(entries[2]).toMatchObject({ added: ['l3'], removed: ['l1'], count: 2 })
  })

  it('counts changes that came and went between the notification and the re-read', () => {
    const journal = new ChangeJournal()
    journal.rememberList('c1', '/locks', [], 4)
    const [entry] = journal.record(change({ path: '/locks', change: 'children', children: [], stat: stat({ cversion: 6 }) }))
    expect(entry).toMatchObject({ kind: 'children', added: [], removed: [], changes: 2 })
  })

  it('reports one deletion although the node and its parent both say so', () => {
    const journal = new ChangeJournal()
    journal.rememberList('c1', '/locks', ['l1'])
    const own = journal.record(change({ path: '/locks/l1', change: 'deleted' }))
    const parent = journal.record(change({ path: '/locks', change: 'children', children: [], stat: stat(), at: 1_002 }))
    expect(own.map((e) => e.kind)).toEqual(['deleted'])
    expect(parent.map((e) => e.kind)).toEqual(['children'])
    // A deletion long after a re-creation is reported again.
    expect(journal.record(change({ path: '/locks/l1', change: 'created', at: 2_000 }))).toHaveLength(1)
    expect(journal.record(change({ path: '/locks/l1', change: 'deleted', at: 9_000 }))).toHaveLength(1)
  })

  it('gives data changes their versions, and skips a re-read that found nothing new', () => {
    const journal = new ChangeJournal()
    const data = { base64: '', size: 3, encoding: 'utf8' as const, text: 'abc', gzip: false }
    expect(journal.record(change({ path: '/c', change: 'data', data, stat: stat({ version: 4 }), previousVersion: 3 }))).toEqual([
      { at: 1_000, kind: 'data', path: '/c', fromVersion: 3, toVersion: 4, size: 3 },
    ])
    expect(journal.record(change({ path: '/c', change: 'data', data, stat: stat({ version: 4 }), resync: true }), { version: 4 })).toEqual([])
  })

  it('records each session state once, and what a new session lost', () => {
    const journal = new ChangeJournal()
    const info = (state: ConnectionInfo['state'], since: number, sessionId = '0x1'): ConnectionInfo => ({
      connectionId: 'c1',
      name: 'n',
      connectString: 'h:1',
      environment: 'none',
      readOnly: false,
      state,
      sessionId,
      since,
    })
    expect(journal.recordSession(info('connected', 1))).toHaveLength(1)
    expect(journal.recordSession(info('connected', 2))).toEqual([])
    expect(journal.recordSession(info('expired', 3))).toHaveLength(1)
    expect(journal.previousSession('c1')?.sessionId).toBe('0x1')
    expect(journal.recordSession(info('connected', 4, '0x2'), ['/e/1'])).toEqual([
      { at: 4, kind: 'session', state: 'connected', sessionId: '0x2', lost: ['/e/1'] },
    ])
    // An older state arriving late changes nothing.
    expect(journal.recordSession(info('disconnected', 2))).toEqual([])
  })
})
