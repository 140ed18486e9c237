/**
 * AdminServer (`/commands/<name>`) bodies. Jackson writes session ids and
 * zxids as bare 64-bit integers, which JSON.parse would round, so bodies are
 * parsed with lossless-json: integers beyond 2^53 become bigint, the rest
 * plain numbers. Every body carries `command` and `error`; HTTP 200 is sent
 * for logical errors too, so the `error` field is what counts.
 */
import { parse } from 'lossless-json'

export type AdminJson = null | boolean | number | bigint | string | AdminJson[] | { [key: string]: AdminJson }
export type AdminObject = { [key: string]: AdminJson }

const INTEGER = /^-?\d+$/

function parseNumber(text: string): number | bigint {
  if (INTEGER.test(text)) {
    const value = Number(text)
    return Number.isSafeInteger(value) ? value : BigInt(text)
  }
  return Number(text)
}

/** Sixteen digits in a row: the shortest integer that may be past 2^53 (9007199254740991). */
const MAYBE_UNSAFE = /\d{16}/

/**
 * Parses an AdminServer body without losing 64-bit integers. Throws
 * SyntaxError on bad JSON. A body without 16 digits in a row holds no number
 * JSON.parse could round, so it takes the native parser: lossless-json costs
 * a few milliseconds per `monitor` answer, every round, for every member.
 */
export function parseAdminJson(text: string): AdminJson {
  if (!MAYBE_UNSAFE.test(text)) return JSON.parse(text) as AdminJson
  return parse(text, null, parseNumber) as AdminJson
}

export function asObject(value: AdminJson | undefined): AdminObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null
}

export function asArray(value: AdminJson | undefined): AdminJson[] {
  return Array.isArray(value) ? value : []
}

/** A number for display or arithmetic; bigints are converted (metrics tolerate the rounding). */
export function asNumber(value: AdminJson | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'bigint') return Number(value)
  return null
}

export function asString(value: AdminJson | undefined): string | null {
  return typeof value === 'string' ? value : null
}

export function asBoolean(value: AdminJson | undefined): boolean | null {
  return typeof value === 'boolean' ? value : null
}

/** The `error` field: null when the command succeeded. */
export function adminError(json: AdminJson): string | null {
  const obj = asObject(json)
  if (!obj) return 'the AdminServer answer is not a JSON object'
  const error = obj.error
  return error === null || error === undefined ? null : String(error)
}

/** Command names listed by `GET /commands` (HTML links). */
export function parseAdminCommandList(html: string): string[] {
  const names = new Set<string>()
  for (const match of html.matchAll(/href="[^"]*\/commands\/([A-Za-z0-9_]+)"/g)) names.add(match[1] ?? '')
  names.delete('')
  return [...names].sort()
}
