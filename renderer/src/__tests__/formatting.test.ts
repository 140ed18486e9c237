import { describe, expect, it } from 'vitest'
import { hexDump } from '../features/node/hex-dump'
import { permLetters, permWords } from '../features/node/acl-format'
import { formatBytes } from '../i18n/format'
import { coalesce } from '../backend/event-bridge'
import type { ConnectionInfo } from '../../../shared/protocol/types'

describe('node formatting', () => {
  it('dumps exact bytes in hex with printable ASCII beside them', () => {
    const bytes = new Uint8Array([0x00, 0x41, 0xff, 0x7f, 0x20, ...new Array<number>(15).fill(0x62)])
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  00 41 ff 7f 20 62 62 62  62 62 62 62 62 62 62 62  .A.. bbbbbbbbbbb',
      '00000010  62 62 62 62                                       bbbb',
    ])
    // Every byte: the inspector's hex view is virtualized, and copying takes the whole dump.
    expect(hexDump(new Uint8Array(10_000)).split('\n')).toHaveLength(625)
  })

  it('writes permissions as cdrwa letters and words', () => {
    expect(permLetters(31)).toBe('cdrwa')
    expect(permLetters(1)).toBe('--r--')
    expect(permLetters(0)).toBe('-----')
    expect(permWords(3)).toEqual(['read', 'write'])
  })

  it('writes sizes in binary units, exact below 1 KiB', () => {
    expect(formatBytes(0, 'en')).toBe('0 B')
    expect(formatBytes(1023, 'en')).toBe('1,023 B')
    expect(formatBytes(1536, 'en')).toBe('1.5 KiB')
    expect(formatBytes(1024 * 1024, 'en')).toBe('1 MiB')
  })
})

describe('event bridge', () => {
  it('keeps only the newest event per connection, sandbox and profile list', () => {
    const info = (connectionId: string, state: ConnectionInfo['state'], since: number): ConnectionInfo => ({
      connectionId, name: connectionId, connectString: 'zk', environment: 'none', readOnly: false, state, since,
    })
    const out = coalesce([
      { kind: 'session', info: info('a', 'connecting', 1) },
      { kind: 'session', info: info('b', 'connecting', 1) },
      { kind: 'profiles', profiles: [] },
      { kind: 'session', info: info('a', 'connected', 2) },
    ])
    expect(out.map((q) => (q.kind === 'session' ? `${q.info.connectionId}:${q.info.state}` : q.kind))).toEqual([
      'b:connecting',
      'profiles',
      'a:connected',
    ])
  })
})
