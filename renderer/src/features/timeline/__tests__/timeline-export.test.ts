import { describe, expect, it } from 'vitest'
import { RingBuffer } from '../../../../../shared/util/ring-buffer'
import type { TimelineEntry } from '../../../stores/timeline-store'
import { exportName, toCsv, toJson } from '../timeline-export'
import { newestFirst } from '../timeline-filter'

const entries: TimelineEntry[] = [
  { id: 1, at: Date.UTC(2026, 0, 2, 3, 4, 5, 6), kind: 'children', path: '/a', added: ['x', 'y,z'], removed: [], count: 2 },
  { id: 2, at: Date.UTC(2026, 0, 2, 3, 4, 6), kind: 'session', state: 'connected', message: 'said "hi"' },
  { id: 3, at: Date.UTC(2026, 0, 2, 3, 4, 7), kind: 'data', path: '/b', fromVersion: 1, toVersion: 2, size: 10 },
]

describe('timeline export', () => {
  it('writes JSON with ISO times and without internal ids', () => {
    const parsed = JSON.parse(toJson(entries)) as Record<string, unknown>[]
    expect(parsed[0]).toEqual({ time: '2026-01-02T03:04:05.006Z', at: entries[0]?.at, kind: 'children', path: '/a', added: ['x', 'y,z'], removed: [], count: 2 })
    expect(parsed[0]).not.toHaveProperty('id')
  })

  it('writes CSV with a header and quoting where needed', () => {
    const lines = toCsv(entries).split('\r\n')
    expect(lines[0]).toBe('time,kind,path,fromVersion,toVersion,size,added,removed,count,changes,resync,state,sessionId,server,expiresAt,message,lost')
    expect(lines[1]).toBe('2026-01-02T03:04:05.006Z,children,/a,,,,"x y,z",,2,,,,,,,,')
    expect(lines[2]).toContain(',connected,,,,"said ""hi"""')
    expect(lines[3]).toBe('2026-01-02T03:04:07.000Z,data,/b,1,2,10,,,,,,,,,,,')
  })

  it('names files safely', () => {
    expect(exportName('prod: east/1', 'csv', new Date(Date.UTC(2026, 0, 2)))).toBe('zk-events-prod_east_1-2026-01-02T00-00-00-000Z.csv')
  })
})

describe('timeline filter', () => {
  it('shows the newest first, by path substring and kind, keeping session entries for a path filter', () => {
    const ring = new RingBuffer<TimelineEntry>(10)
    for (const entry of entries) ring.push(entry)
    expect(newestFirst(ring, { path: '/B', kinds: ['data', 'children', 'session'] }).map((e) => e.id)).toEqual([3, 2])
    expect(newestFirst(ring, { path: '', kinds: ['children'] }).map((e) => e.id)).toEqual([1])
  })
})
