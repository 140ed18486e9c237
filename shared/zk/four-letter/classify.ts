/**
 * The first look at a four-letter-word answer: is it data, the "not serving"
 * line, the "not in the whitelist" line, or nothing at all? Each of these
 * means something different to the console (see the monitoring reference §2.4).
 */

export const NOT_SERVING_TEXT = 'This ZooKeeper instance is not currently serving requests'

const NOT_WHITELISTED = /^(\S+) is not executed because it is not in the whitelist\.$/

export type AnswerClass =
  | { kind: 'ok'; text: string }
  | { kind: 'not-serving' }
  | { kind: 'not-whitelisted'; command: string }
  /** 0 bytes then EOF: unknown word, per-IP limit, TLS port, or a server going down. */
  | { kind: 'empty' }

/** Normalises line ends: the server writes `\n`, proxies may add `\r`. */
export function normaliseAnswer(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

export function classifyAnswer(raw: string): AnswerClass {
  const text = normaliseAnswer(raw)
  if (text.length === 0) return { kind: 'empty' }
  // `hash` prints the not-serving text without its newline, so match a prefix.
  if (text.startsWith(NOT_SERVING_TEXT)) return { kind: 'not-serving' }
  const firstLine = text.trimEnd()
  if (!firstLine.includes('\n')) {
    const match = NOT_WHITELISTED.exec(firstLine)
    if (match) return { kind: 'not-whitelisted', command: match[1] ?? '' }
  }
  return { kind: 'ok', text }
}

/** Lines without their end, skipping blank ones (several answers end with an empty line). */
export function answerLines(text: string): string[] {
  return normaliseAnswer(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
}

/** True when the error text of an AdminServer answer is the not-serving message. */
export function isNotServingMessage(message: string | null | undefined): boolean {
  return typeof message === 'string' && message.startsWith(NOT_SERVING_TEXT)
}

/** Bytes that start a TLS record (alert 0x15 or handshake 0x16, version 3.x). */
export function looksLikeTls(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && (bytes[0] === 0x15 || bytes[0] === 0x16) && bytes[1] === 0x03
}
