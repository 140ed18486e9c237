import { describe, expect, it } from 'vitest'
import { editParamSchemas } from '../../../shared/protocol/edit-api'
import { zPath } from '../../../shared/protocol/schemas'

const schemas = editParamSchemas(zPath)

describe('edit params', () => {
  it('refuses blind overwrites and bad data', () => {
    expect(schemas.setData.safeParse({ connectionId: 'c', path: '/a', data: 'eA==', version: 0 }).success).toBe(true)
    expect(schemas.setData.safeParse({ connectionId: 'c', path: '/a', data: 'eA==', version: -1 }).success).toBe(false)
    expect(schemas.setData.safeParse({ connectionId: 'c', path: '/a', data: 'not base64!', version: 0 }).success).toBe(false)
    expect(schemas.setData.safeParse({ connectionId: 'c', path: '/a', data: 'eA', version: 0 }).success).toBe(false)
    expect(schemas.deleteNode.safeParse({ connectionId: 'c', path: '/a', version: -1 }).success).toBe(false)
    expect(schemas.setAcl.safeParse({ connectionId: 'c', path: '/a', acl: [], aversion: 0 }).success).toBe(false)
  })

  it('validates paths, modes and destinations', () => {
    const create = { connectionId: 'c', path: '/a', data: '', mode: 'persistent', createParents: false }
    expect(schemas.createNode.safeParse(create).success).toBe(true)
    expect(schemas.createNode.safeParse({ ...create, path: 'a' }).success).toBe(false)
    expect(schemas.createNode.safeParse({ ...create, mode: 'forever' }).success).toBe(false)
    // Container and TTL pass the schema: the backend refuses them with the reason.
    expect(schemas.createNode.safeParse({ ...create, mode: 'container' }).success).toBe(true)
    const exp = { operationId: 'o', connectionId: 'c', path: '/', format: 'json', includeEphemeral: false }
    expect(schemas.exportTree.safeParse({ ...exp, destination: { kind: 'inline', maxBytes: 1000 } }).success).toBe(true)
    expect(schemas.exportTree.safeParse({ ...exp, destination: { kind: 'inline', maxBytes: 1e9 } }).success).toBe(false)
    expect(schemas.exportTree.safeParse({ ...exp, destination: { kind: 'ftp', path: '/x' } }).success).toBe(false)
    expect(schemas.computeDigest.safeParse({ user: 'a:b', password: 'x' }).success).toBe(false)
  })
})
