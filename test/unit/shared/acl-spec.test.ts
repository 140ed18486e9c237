import { describe, expect, it } from 'vitest'
import { aclEntryProblem, aclKey, formatAclEntry, formatPerms, parsePerms, sameAcl } from '../../../shared/zk/acl-spec'

describe('ACL helpers', () => {
  it('formats and parses cdrwa letters', () => {
    expect(formatPerms(31)).toBe('cdrwa')
    expect(formatPerms(1 | 16)).toBe('ra')
    expect(parsePerms('ar')).toBe(17)
    expect(parsePerms('cdrwa')).toBe(31)
    expect(parsePerms('rr')).toBeUndefined()
    expect(parsePerms('x')).toBeUndefined()
    expect(parsePerms('')).toBeUndefined()
    expect(formatAclEntry({ scheme: 'ip', id: '10.0.0.0/8', perms: 1 })).toBe('ip:10.0.0.0/8:r')
  })

  it('compares ACLs whatever their order', () => {
    const a = [{ scheme: 'world', id: 'anyone', perms: 1 }, { scheme: 'ip', id: '1.2.3.4', perms: 31 }]
    expect(sameAcl(a, [...a].reverse())).toBe(true)
    expect(sameAcl(a, [a[0] as (typeof a)[number]])).toBe(false)
    expect(aclKey(a)).toBe('ip:1.2.3.4:cdrwa,world:anyone:r')
  })

  it('says why an entry would be refused', () => {
    expect(aclEntryProblem({ scheme: 'world', id: 'anyone', perms: 31 })).toBeUndefined()
    expect(aclEntryProblem({ scheme: 'world', id: 'me', perms: 31 })).toMatch(/anyone/)
    expect(aclEntryProblem({ scheme: 'digest', id: 'alice:cRh6V+KybeAusS6PuM/DCsTQm0k=', perms: 31 })).toBeUndefined()
    expect(aclEntryProblem({ scheme: 'digest', id: 'alice:password', perms: 31 })).toMatch(/digest helper/)
    expect(aclEntryProblem({ scheme: 'ip', id: '10.0.0.0/8', perms: 1 })).toBeUndefined()
    expect(aclEntryProblem({ scheme: 'ip', id: 'host.example', perms: 1 })).toMatch(/address/)
    expect(aclEntryProblem({ scheme: 'world', id: 'anyone', perms: 0 })).toMatch(/cdrwa/)
    expect(aclEntryProblem({ scheme: 'x509', id: 'CN=svc', perms: 1 })).toBeUndefined()
  })
})
