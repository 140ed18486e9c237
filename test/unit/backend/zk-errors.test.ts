import { describe, expect, it } from 'vitest'
import { toZkError } from '../../../electron/backend/connections/zk-errors'
import { ZkError } from '../../../shared/protocol/errors'

/** The shape of node-zookeeper-client's Exception. */
function clientException(code: number, name: string) {
  const error = new Error(`Exception: ${name}[${code}]`) as Error & { getCode(): number; getName(): string }
  error.getCode = () => code
  error.getName = () => name
  return error
}

describe('toZkError', () => {
  it.each([
    [-101, 'NO_NODE', 'NO_NODE'],
    [-102, 'NO_AUTH', 'NO_AUTH'],
    [-103, 'BAD_VERSION', 'BAD_VERSION'],
    [-4, 'CONNECTION_LOSS', 'CONNECTION_LOSS'],
    [-112, 'SESSION_EXPIRED', 'SESSION_EXPIRED'],
    [-110, 'NODE_EXISTS', 'NODE_EXISTS'],
    [-111, 'NOT_EMPTY', 'NOT_EMPTY'],
    [-108, 'NO_CHILDREN_FOR_EPHEMERALS', 'NO_CHILDREN_FOR_EPHEMERALS'],
    [-114, 'INVALID_ACL', 'INVALID_ACL'],
    [-115, 'AUTH_FAILED', 'AUTH_FAILED'],
    [-7, 'OPERATION_TIMEOUT', 'TIMEOUT'],
  ] as const)('maps client code %i (%s) to %s', (code, name, expected) => {
    const error = toZkError(clientException(code, name))
    expect(error).toBeInstanceOf(ZkError)
    expect(error.code).toBe(expected)
    expect(error.message.length).toBeGreaterThan(0)
    expect(error.path).toBeUndefined()
  })

  it('works with a plain object that only has getCode and getName', () => {
    const error = toZkError({ getCode: () => -101, getName: () => 'NO_NODE' }, '/a')
    expect(error.code).toBe('NO_NODE')
  })

  it('carries the path in the error and its message', () => {
    const error = toZkError(clientException(-101, 'NO_NODE'), '/app/config')
    expect(error.code).toBe('NO_NODE')
    expect(error.path).toBe('/app/config')
    expect(error.message).toContain('/app/config')
    expect(error.toInfo()).toEqual({ code: 'NO_NODE', message: error.message, path: '/app/config' })
  })

  it('maps an unknown code to ZK_ERROR naming the code and the name', () => {
    const error = toZkError(clientException(-125, 'QUOTA_EXCEEDED'), '/q')
    expect(error.code).toBe('ZK_ERROR')
    expect(error.message).toContain('-125')
    expect(error.message).toContain('QUOTA_EXCEEDED')
    expect(error.path).toBe('/q')
  })

  it('passes a ZkError through unchanged', () => {
    const original = new ZkError('BAD_VERSION', 'changed', '/x')
    expect(toZkError(original, '/other')).toBe(original)
  })

  it('maps size errors to TOO_LARGE and other errors to ZK_ERROR, keeping the message', () => {
    const large = toZkError(new Error('Data length exceeds 1048576 bytes'), '/big')
    expect(large.code).toBe('TOO_LARGE')
    expect(large.path).toBe('/big')
    const other = toZkError(new Error('socket hang up'))
    expect(other.code).toBe('ZK_ERROR')
    expect(other.message).toBe('socket hang up')
    expect(toZkError('plain string').message).toBe('plain string')
    expect(toZkError(undefined).code).toBe('ZK_ERROR')
  })

  it('does not mistake an object with only getCode for a client exception', () => {
    const error = toZkError({ getCode: () => -101 })
    expect(error.code).toBe('ZK_ERROR')
  })
})
