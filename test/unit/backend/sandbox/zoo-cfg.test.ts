import { describe, expect, it } from 'vitest'
import { renderZooCfg, type ZooCfgInput } from '../../../../electron/backend/sandbox/zoo-cfg'

const ports = (base: number) => ({ clientPort: base, quorumPort: base + 1, electionPort: base + 2, adminPort: base + 3 })
const peers = [3, 1, 2].map((id) => ({ id, host: '127.0.0.1', quorumPort: 1000 * id + 1, electionPort: 1000 * id + 2 }))

function parse(cfg: string): Map<string, string> {
  const map = new Map<string, string>()
  for (const line of cfg.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const i = line.indexOf('=')
    map.set(line.slice(0, i), line.slice(i + 1))
  }
  return map
}

const base: ZooCfgInput = { id: 2, host: '127.0.0.1', dataDir: '/tmp/x/member-2/data', ports: ports(2000), peers }

describe('renderZooCfg', () => {
  it('writes a quorum member with every port, the AdminServer on loopback and all 4lw allowed', () => {
    const cfg = parse(renderZooCfg(base))
    expect(cfg.get('tickTime')).toBe('2000')
    expect(cfg.get('dataDir')).toBe('/tmp/x/member-2/data')
    expect(cfg.get('clientPort')).toBe('2000')
    expect(cfg.get('clientPortAddress')).toBe('127.0.0.1')
    expect(cfg.get('4lw.commands.whitelist')).toBe('*')
    expect(cfg.get('admin.enableServer')).toBe('true')
    expect(cfg.get('admin.serverAddress')).toBe('127.0.0.1')
    expect(cfg.get('admin.serverPort')).toBe('2003')
    expect(cfg.get('server.1')).toBe('127.0.0.1:1001:1002')
    expect(cfg.get('server.3')).toBe('127.0.0.1:3001:3002')
    const serverLines = renderZooCfg(base).split('\n').filter((l) => l.startsWith('server.'))
    expect(serverLines.map((l) => l.slice(0, 8))).toEqual(['server.1', 'server.2', 'server.3'])
  })

  it('writes no server lines for a standalone member', () => {
    const text = renderZooCfg({ ...base, id: 1, peers: [] })
    expect(text).not.toMatch(/^server\./m)
  })

  it('takes the tick time, a narrower 4lw whitelist and extra lines that come last', () => {
    const text = renderZooCfg({ ...base, tickTime: 500, fourLetterWhitelist: 'srvr', extraConfig: ['maxClientCnxns=10', 'snapCount=1000'] })
    const cfg = parse(text)
    expect(cfg.get('tickTime')).toBe('500')
    expect(cfg.get('4lw.commands.whitelist')).toBe('srvr')
    // java.util.Properties keeps the last value of a repeated key, so extra lines override defaults.
    expect(cfg.get('maxClientCnxns')).toBe('10')
    expect(text.trimEnd().split('\n').slice(-2)).toEqual(['maxClientCnxns=10', 'snapCount=1000'])
  })

  it('writes Windows data folders with forward slashes (backslash is an escape in .properties)', () => {
    expect(parse(renderZooCfg({ ...base, dataDir: 'C:\\Users\\me\\sandbox\\data' })).get('dataDir')).toBe('C:/Users/me/sandbox/data')
  })
})
