/** The messages that travel over a transport, in both directions. */
import type { ErrorInfo } from './errors'

export const PROTOCOL_VERSION = 1

export interface RequestMessage {
  t: 'req'
  id: number
  method: string
  params: unknown
}

export interface ResponseMessage {
  t: 'res'
  id: number
  ok: boolean
  result?: unknown
  error?: ErrorInfo
}

export interface CancelMessage {
  t: 'cancel'
  id: number
}

export interface EventMessage {
  t: 'evt'
  event: string
  payload: unknown
}

export type WireMessage = RequestMessage | ResponseMessage | CancelMessage | EventMessage

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Accepts only well-formed messages; anything else is dropped by the receiver. */
export function asWireMessage(value: unknown): WireMessage | null {
  if (!isObject(value)) return null
  switch (value.t) {
    case 'req':
      return typeof value.id === 'number' && typeof value.method === 'string'
        ? (value as unknown as RequestMessage)
        : null
    case 'res':
      return typeof value.id === 'number' && typeof value.ok === 'boolean'
        ? (value as unknown as ResponseMessage)
        : null
    case 'cancel':
      return typeof value.id === 'number' ? (value as unknown as CancelMessage) : null
    case 'evt':
      return typeof value.event === 'string' ? (value as unknown as EventMessage) : null
    default:
      return null
  }
}
