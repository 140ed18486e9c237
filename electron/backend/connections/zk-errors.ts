/**
 * Maps node-zookeeper-client failures to the contract's error codes, so every
 * error that reaches the UI has a code it can explain.
 */
import { ZkError, type ErrorCode } from '../../../shared/protocol/errors'

const BY_NUMBER: Record<number, ErrorCode> = {
  [-4]: 'CONNECTION_LOSS',
  [-7]: 'TIMEOUT',
  [-101]: 'NO_NODE',
  [-102]: 'NO_AUTH',
  [-103]: 'BAD_VERSION',
  [-108]: 'NO_CHILDREN_FOR_EPHEMERALS',
  [-110]: 'NODE_EXISTS',
  [-111]: 'NOT_EMPTY',
  [-112]: 'SESSION_EXPIRED',
  [-114]: 'INVALID_ACL',
  [-115]: 'AUTH_FAILED',
  [-122]: 'TIMEOUT',
}

const SENTENCES: Partial<Record<ErrorCode, string>> = {
  CONNECTION_LOSS: 'the connection to ZooKeeper was lost',
  TIMEOUT: 'ZooKeeper did not answer in time',
  NO_NODE: 'the node does not exist',
  NO_AUTH: 'not allowed by the node ACL (add credentials to the connection)',
  BAD_VERSION: 'the node changed since it was read',
  NO_CHILDREN_FOR_EPHEMERALS: 'ephemeral nodes cannot have children',
  NODE_EXISTS: 'the node already exists',
  NOT_EMPTY: 'the node has children',
  SESSION_EXPIRED: 'the session expired',
  INVALID_ACL: 'the ACL is invalid',
  AUTH_FAILED: 'authentication failed',
}

/** Codes of newer servers that have no code of their own in the contract. */
const NAMED_SENTENCES: Record<string, string> = {
  QUOTA_EXCEEDED: 'the quota of this subtree is exceeded',
  RECONFIG_DISABLED: 'dynamic reconfiguration is disabled on the server',
  EPHEMERAL_ON_LOCAL_SESSION: 'ephemeral nodes need a global session',
  THROTTLED_OP: 'the server is throttling requests; try again',
  SESSION_CLOSED_REQUIRE_SASL_AUTH: 'the server requires SASL authentication',
}

interface ClientException {
  getCode(): number
  getName(): string
}

function isClientException(error: unknown): error is ClientException {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Partial<ClientException>).getCode === 'function' &&
    typeof (error as Partial<ClientException>).getName === 'function'
  )
}

export function toZkError(error: unknown, path?: string): ZkError {
  if (error instanceof ZkError) return error
  if (isClientException(error)) {
    const code = BY_NUMBER[error.getCode()] ?? 'ZK_ERROR'
    const named = NAMED_SENTENCES[error.getName()]
    const sentence =
      SENTENCES[code] ??
      (named ? `${named} (${error.getName()}, ${error.getCode()})` : `ZooKeeper error ${error.getName()} (${error.getCode()})`)
    return new ZkError(code, path ? `${sentence}: ${path}` : sentence, path)
  }
  const message = error instanceof Error ? error.message : String(error)
  if (/exceed|too large|1048576/i.test(message)) return new ZkError('TOO_LARGE', message, path)
  return new ZkError('ZK_ERROR', message, path)
}
