import { describe, expect, it } from 'vitest'
import { exportNodeText, exportPrefix, exportSuffix, parseExport, toExportNode, type ExportHeader } from '../../../shared/zk/export-format'
import type { ZnodeStat } from '../../../shared/zk/stat'

const stat: ZnodeStat = {
  czxid: '0x1', mzxid: '0x1', pzxid: '0x1', ctime: '0', mtime: '0', version: 0, cversion: 0,
  aversion: 0, ephemeralOwner: '0x0', dataLength: 0, numChildren: 0,
}
const acl = [{ scheme: 'world', id: 'anyone', perms: 31 }]
const header: ExportHeader = { format: 'zookeeper-console-export', version: 1, exportedAt: '2026-01-01T00:00:00Z', source: { connectString: 'h:2181', root: '/app' }, includeEphemeral: false }
const gbk = Uint8Array.from([0xb6, 0xa9, 0xb5, 0xa5])

function write(nodes: ReturnType<typeof toExportNode>[]): string {
  return exportPrefix(header) + nodes.map((n, i) => exportNodeText(n, i === 0)).join('') + exportSuffix({ nodes: nodes.length, skippedEphemeral: 0, unreadable: 0 })
}

describe('export format', () => {
  it('writes valid JSON in pieces, one node per line, and reads it back byte for byte', () => {
    const text = write([
      toExportNode('/app', '', new Uint8Array(), acl, stat),
      toExportNode('/app/json', '/json', new TextEncoder().encode('{"a": 1}\n'), acl, stat),
      toExportNode('/app/gbk', '/gbk', gbk, acl, stat),
      toExportNode('/app/eph', '/eph', new Uint8Array([1]), acl, { ...stat, ephemeralOwner: '0x1234' }),
    ])
    const lines = text.split('\n')
    expect(lines.filter((l) => l.startsWith('{"path"'))).toHaveLength(4)
    const raw = JSON.parse(text) as { nodes: { rel: string; text?: string; ephemeral?: boolean }[] }
    expect(raw.nodes.find((n) => n.rel === '/json')?.text).toBe('{"a": 1}\n')
    expect(raw.nodes.find((n) => n.rel === '/gbk')?.text).toBeUndefined()
    expect(raw.nodes.find((n) => n.rel === '/eph')?.ephemeral).toBe(true)
    const parsed = parseExport(text)
    expect(parsed.header.root).toBe('/app')
    expect(parsed.issues).toEqual([])
    expect(parsed.nodes.map((n) => n.rel)).toEqual(['', '/json', '/gbk', '/eph'])
    expect(Array.from(parsed.nodes[2]?.bytes ?? [])).toEqual(Array.from(gbk))
    expect(parsed.nodes[3]?.ephemeral).toBe(true)
  })

  it('accepts hand-written entries with only a path and text', () => {
    const text = JSON.stringify({ format: 'zookeeper-console-export', version: 1, source: { root: '/' }, nodes: [{ path: '/a', text: 'x' }, { path: '/a/b' }], summary: { nodes: 2 } })
    const parsed = parseExport(text)
    expect(parsed.nodes.map((n) => [n.rel, new TextDecoder().decode(n.bytes)])).toEqual([
      ['/a', 'x'],
      ['/a/b', ''],
    ])
  })

  it('reports unusable entries and a missing summary, and refuses what is not an export', () => {
    const text = JSON.stringify({
      format: 'zookeeper-console-export',
      version: 1,
      source: { root: '/app' },
      nodes: [{ rel: '/ok' }, { rel: 'no-slash' }, { path: '/elsewhere' }, { rel: '/ok' }, { rel: '/b64', base64: '!!' }, 42],
    })
    const parsed = parseExport(text)
    expect(parsed.nodes.map((n) => n.rel)).toEqual(['/ok'])
    expect(parsed.issues).toHaveLength(6)
    expect(parsed.issues.at(-1)?.message).toMatch(/summary/)
    expect(() => parseExport('{"format": "other"}')).toThrow(SyntaxError)
    expect(() => parseExport(write([]).slice(0, 50))).toThrow(/cut-off/)
  })
})
