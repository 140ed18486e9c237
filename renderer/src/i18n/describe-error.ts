/**
 * Errors become sentences from the catalogue, chosen by code. The backend's
 * own message is kept only where the code alone does not say enough.
 */
import type { TFunction } from 'i18next'
import { isErrorCode, isZkError, type ErrorCode, type ErrorInfo } from '../../../shared/protocol/errors'

export function toErrorInfo(error: unknown): ErrorInfo {
  if (isZkError(error)) return error.toInfo()
  if (typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code)) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : ''
    return { code: error.code, message }
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }
}

export function describeError(t: TFunction, error: unknown): string {
  const info = toErrorInfo(error)
  return describeCode(t, info.code, info.message)
}

export function describeCode(t: TFunction, code: ErrorCode, message = ''): string {
  return t(`errors.${code}`, { message })
}
