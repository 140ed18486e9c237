import { describe, expect, it } from 'vitest'
import { formatHostPort, parseConnectString, type ConnectStringResult } from '../../../shared/zk/connect-string'

function ok(input: string) {
  const result = parseConnectString(input)
  if (!result.ok) throw new Error(`expected "${input}" to parse, got ${result.error} (${result.detail})`)
  return result.value
}

function errorOf(input: string): ConnectStringResult & { ok: false } {
  const result = parseConnectString(input)
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${JSON.stringify(result.value)}`)
  return result
}

describe('parseConnectString', () => {
  it('parses a single host with a port', () => {
    expect(ok('zk1.example.com:2182')).toEqual({ hosts: [{ host: 'zk1.example.com', port: 2182 }] })
  })

  it('defaults the port to 2181', () => {
    expect(ok('localhost')).toEqual({ hosts: [{ host: 'localhost', port: 2181 }] })
    expect(ok('10.0.0.1,10.0.0.2:2888').hosts).toEqual([
      { host: '10.0.0.1', port: 2181 },
      { host: '10.0.0.2', port: 2888 },
    ])
  })

  it('parses several hosts in order', () => {
    expect(ok('a:1,b:2,c:3').hosts).toEqual([
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
      { host: 'c', port: 3 },
    ])
  })

  it('parses a chroot after the hosts', () => {
    expect(ok('a:2181,b:2181/kafka/prod')).toEqual({
      hosts: [
        { host: 'a', port: 2181 },
        { host: 'b', port: 2181 },
      ],
      chroot: '/kafka/prod',
    })
    expect(ok('a/配置').chroot).toBe('/配置')
  })

  it('treats a "/" chroot as no chroot', () => {
    const value = ok('a:2181/')
    expect(value.chroot).toBeUndefined()
    expect('chroot' in value).toBe(false)
  })

  it('parses bracketed IPv6 addresses with and without a port', () => {
    expect(ok('[::1]:2181').hosts).toEqual([{ host: '::1', port: 2181 }])
    expect(ok('[fe80::1]').hosts).toEqual([{ host: 'fe80::1', port: 2181 }])
    expect(ok('[2001:db8::7]:2888,127.0.0.1:2181/c')).toEqual({
      hosts: [
        { host: '2001:db8::7', port: 2888 },
        { host: '127.0.0.1', port: 2181 },
      ],
      chroot: '/c',
    })
  })

  it('refuses unbracketed IPv6 and malformed brackets', () => {
    expect(errorOf('::1:2181').error).toBe('bad-host')
    expect(errorOf('[::1').error).toBe('bad-host')
    expect(errorOf('[::1]2181').error).toBe('bad-host')
    expect(errorOf('[not-an-ip]:2181').error).toBe('bad-host')
  })

  it('accepts the port range 1..65535 and refuses the rest', () => {
    expect(ok('a:1').hosts[0]?.port).toBe(1)
    expect(ok('a:65535').hosts[0]?.port).toBe(65535)
    for (const input of ['a:0', 'a:65536', 'a:99999', 'a:abc', 'a:21a', 'a:', 'a:-1', 'a:123456', '[::1]:0', '[::1]:x']) {
      const result = errorOf(input)
      expect(result.error, input).toBe('bad-port')
      expect(result.detail, input).toContain(input.replace(/^.*,/, ''))
    }
  })

  it('refuses empty input and empty entries', () => {
    expect(errorOf('').error).toBe('empty')
    expect(errorOf('   ').error).toBe('empty')
    expect(errorOf('/chroot').error).toBe('empty')
    expect(errorOf('a,,b').error).toBe('bad-host')
    expect(errorOf('a,').error).toBe('bad-host')
    expect(errorOf(',a').error).toBe('bad-host')
    expect(errorOf('a, ,b').error).toBe('bad-host')
  })

  it('trims whitespace around the string and around entries', () => {
    expect(ok('  a:1 , b:2  ').hosts).toEqual([
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
    ])
    expect(ok('\ta:1/x\n')).toEqual({ hosts: [{ host: 'a', port: 1 }], chroot: '/x' })
  })

  it('refuses bad host names', () => {
    expect(errorOf('a b:2181').error).toBe('bad-host')
    expect(errorOf('-a:2181').error).toBe('bad-host')
    expect(errorOf('a:1:2').error).toBe('bad-host')
    // A URL is not a connect string: refused, whatever the first complaint is.
    expect(parseConnectString('http://a:2181').ok).toBe(false)
  })

  it('refuses invalid chroots', () => {
    for (const input of ['a:2181/a//b', 'a:2181/a/', 'a:2181/a/../b', 'a:2181/a/./b', 'a:2181/a\u0000']) {
      const result = errorOf(input)
      expect(result.error, input).toBe('bad-chroot')
    }
    expect(errorOf('a/a//b').detail).toBe('/a//b')
  })
})

describe('formatHostPort', () => {
  it('formats names and IPv4 plainly and IPv6 in brackets', () => {
    expect(formatHostPort({ host: 'zk1', port: 2181 })).toBe('zk1:2181')
    expect(formatHostPort({ host: '10.1.2.3', port: 2888 })).toBe('10.1.2.3:2888')
    expect(formatHostPort({ host: '::1', port: 2181 })).toBe('[::1]:2181')
  })

  it('round-trips through parseConnectString', () => {
    const hosts = ok('[2001:db8::1]:3000,zk-2:2181,127.0.0.1:9').hosts
    const again = ok(hosts.map(formatHostPort).join(','))
    expect(again.hosts).toEqual(hosts)
  })
})
