import { describe, expect, it } from 'vitest'
import { decodeName, displayName, displayPath } from '../znode-name'

const DUBBO = 'dubbo%3A%2F%2F10.0.0.1%3A20880%2Fcom.acme.OrderService%3Fanyhost%3Dtrue%26methods%3Dget%2Cput'

describe('encoded znode names', () => {
  it('decodes Dubbo provider URLs', () => {
    expect(decodeName(DUBBO)).toBe('dubbo://10.0.0.1:20880/com.acme.OrderService?anyhost=true&methods=get,put')
  })

  it('leaves plain names, stray percent signs and broken escapes alone', () => {
    expect(decodeName('n000001')).toBeNull()
    expect(decodeName('100%')).toBeNull()
    expect(decodeName('bad%E0%A4%A')).toBeNull()
    expect(decodeName('%ZZ')).toBeNull()
  })

  it('shows decoded or raw as asked, segment by segment in paths', () => {
    expect(displayName(DUBBO, false)).toBe(DUBBO)
    expect(displayName('a%2Fb', true)).toBe('a/b')
    expect(displayPath(`/dubbo/svc/providers/${DUBBO}`, true)).toContain('/providers/dubbo://10.0.0.1')
    expect(displayPath('/', true)).toBe('/')
  })
})
