import { describe, expect, it } from 'vitest'
import { isReservedPath, maxDataBytes, MAX_REQUEST_BYTES, multiOpBytes, requestBytes, serverPath, tooLargeReason, utf8Length } from '../../../shared/zk/write-rules'

describe('write rules', () => {
  it('reserves /zookeeper and below only', () => {
    expect(isReservedPath('/zookeeper')).toBe(true)
    expect(isReservedPath('/zookeeper/quota')).toBe(true)
    expect(isReservedPath('/zookeeper2')).toBe(false)
    expect(isReservedPath('/')).toBe(false)
  })

  it('sizes requests as the server reads them (measured: 1,048,546 bytes on /a pass, 1,048,556 do not)', () => {
    expect(requestBytes({ kind: 'setData', path: '/a', dataBytes: 1_048_546 })).toBeLessThanOrEqual(MAX_REQUEST_BYTES)
    expect(requestBytes({ kind: 'setData', path: '/a', dataBytes: 1_048_556 })).toBeGreaterThan(MAX_REQUEST_BYTES)
    expect(maxDataBytes('/a')).toBe(1_048_575 - 22)
    expect(requestBytes({ kind: 'create', path: '/b1048516', dataBytes: 1_048_516, acl: [{ scheme: 'world', id: 'anyone', perms: 31 }] })).toBeLessThanOrEqual(MAX_REQUEST_BYTES)
    expect(requestBytes({ kind: 'create', path: '/b1048536', dataBytes: 1_048_536, acl: [{ scheme: 'world', id: 'anyone', perms: 31 }] })).toBeGreaterThan(MAX_REQUEST_BYTES)
  })

  it('counts the chroot and multi-byte characters', () => {
    expect(serverPath('/x', '/chroot')).toBe('/chroot/x')
    expect(serverPath('/', '/chroot')).toBe('/chroot')
    expect(utf8Length('/订单')).toBe(7)
    expect(maxDataBytes('/x', '/chroot')).toBe(maxDataBytes('/x') - 7)
    expect(multiOpBytes({ kind: 'delete', path: '/a' })).toBe(9 + 4 + 2 + 4)
  })

  it('explains what is too large', () => {
    expect(tooLargeReason({ kind: 'setData', path: '/a', dataBytes: 10 })).toBeUndefined()
    expect(tooLargeReason({ kind: 'setData', path: '/a', dataBytes: 2_000_000 })).toMatch(/2,000,000 bytes.*1,048,575/)
  })
})
