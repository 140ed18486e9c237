/**
 * Data typed into a form, turned into the bytes that are written. Text and
 * JSON are written as UTF-8; base64 and hex give the bytes directly, for
 * binary values.
 */
import { bytesToBase64 } from '../../../../shared/zk/base64'

export const INPUT_FORMATS = ['text', 'json', 'base64', 'hex'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]

export type EncodedData =
  | { ok: true; base64: string; bytes: number; warning?: 'invalid-json' }
  | { ok: false; problem: 'invalid-base64' | 'invalid-hex' }

const utf8 = new TextEncoder()

export function encodeInput(text: string, format: InputFormat): EncodedData {
  if (format === 'text' || format === 'json') {
    const bytes = utf8.encode(text)
    const result: EncodedData = { ok: true, base64: bytesToBase64(bytes), bytes: bytes.length }
    if (format === 'json' && text.trim() !== '' && !isJson(text)) return { ...result, warning: 'invalid-json' }
    return result
  }
  if (format === 'base64') {
    const clean = text.replace(/\s+/g, '')
    if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return { ok: false, problem: 'invalid-base64' }
    const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0
    return { ok: true, base64: clean, bytes: (clean.length / 4) * 3 - padding }
  }
  const hex = text.replace(/\s+/g, '')
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return { ok: false, problem: 'invalid-hex' }
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return { ok: true, base64: bytesToBase64(bytes), bytes: bytes.length }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}
