import { describe, expect, it } from 'vitest'
import { digestId } from '../../../../electron/backend/edit/digest'

describe('digestId', () => {
  it('matches ZooKeeper documentation and python hashlib vectors', () => {
    // The superDigest example of the ZooKeeper admin guide.
    expect(digestId('super', 'test')).toBe('super:D/InIHSb7yEEbrWz8b9l71RjZJU=')
    // A colon in the password is part of the password.
    expect(digestId('alice', 's3cr3t:x')).toBe('alice:cRh6V+KybeAusS6PuM/DCsTQm0k=')
    expect(digestId('用户', '密码')).toBe('用户:zdhAQdxI6cvSbbXQQKAdwbXsm/0=')
  })
})
