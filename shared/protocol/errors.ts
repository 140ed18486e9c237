/**
 * Error codes that cross the contract. Each one is something the UI can
 * explain in a sentence (see the `errors.*` keys in the message catalogues).
 */
export const ERROR_CODES = [
  'INVALID_PARAMS',
  'INVALID_PATH',
  'UNKNOWN_METHOD',
  'NO_NODE',
  'NODE_EXISTS',
  'NO_AUTH',
  'AUTH_FAILED',
  'BAD_VERSION',
  'NOT_EMPTY',
  'NO_CHILDREN_FOR_EPHEMERALS',
  'INVALID_ACL',
  'CONNECTION_LOSS',
  'SESSION_EXPIRED',
  'TIMEOUT',
  'TOO_LARGE',
  'NOT_CONNECTED',
  'UNKNOWN_CONNECTION',
  'UNKNOWN_PROFILE',
  'READ_ONLY',
  'CANCELLED',
  'SANDBOX_UNAVAILABLE',
  'ZK_ERROR',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** The serializable shape of an error on the wire. */
export interface ErrorInfo {
  code: ErrorCode
  message: string
  /** The znode path concerned, when there is one. */
  path?: string
}

/** An error with a code, thrown by the backend and re-created by the client. */
export class ZkError extends Error {
  readonly code: ErrorCode
  readonly path: string | undefined

  constructor(code: ErrorCode, message: string, path?: string) {
    super(message)
    this.name = 'ZkError'
    this.code = code
    this.path = path
  }

  toInfo(): ErrorInfo {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path }
  }
}

export function isZkError(value: unknown): value is ZkError {
  return value instanceof ZkError
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
