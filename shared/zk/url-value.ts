/**
 * URL values as registries store them: Dubbo writes provider and consumer
 * URLs URL-encoded (`dubbo%3A%2F%2F10.0.0.5%3A20880%2Forg.demo.DemoService%3Fanyhost%3Dtrue…`),
 * in node names and sometimes in data. Decoded, the query splits on `&` and
 * the FIRST `=` only, because values hold `,` and `:` (methods=a,b; timeout).
 */

export interface UrlValue {
  /** The text after URL-decoding (as many times as it was encoded, at most twice). */
  decoded: string
  /** True when the input was URL-encoded. */
  wasEncoded: boolean
  protocol: string
  /** user:password@, when present. */
  userInfo?: string
  host: string
  port?: string
  path: string
  params: [string, string][]
}

const ENCODED_URL = /^[a-z][a-z0-9+.-]*%3A%2F%2F/i
const PLAIN_URL = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?/i

function decodeOnce(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

/** Whether the text is a URL-encoded URL (the Dubbo shape). */
export function isEncodedUrl(text: string): boolean {
  return ENCODED_URL.test(text.trim())
}

export function parseUrlValue(input: string): UrlValue | undefined {
  let text = input.trim()
  if (/\s/.test(text)) return undefined
  let wasEncoded = false
  for (let round = 0; round < 2 && ENCODED_URL.test(text); round++) {
    const decoded = decodeOnce(text)
    if (decoded === undefined) return undefined
    text = decoded
    wasEncoded = true
  }
  const match = PLAIN_URL.exec(text)
  if (!match) return undefined
  const [, protocol = '', authority = '', path = '', query] = match
  const at = authority.lastIndexOf('@')
  const userInfo = at === -1 ? undefined : authority.slice(0, at)
  const hostPort = at === -1 ? authority : authority.slice(at + 1)
  const portMatch = /^(.*):(\d+)$/.exec(hostPort)
  const params: [string, string][] = []
  for (const part of (query ?? '').split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const key = eq === -1 ? part : part.slice(0, eq)
    const value = eq === -1 ? '' : part.slice(eq + 1)
    params.push([decodeOnce(key) ?? key, decodeOnce(value) ?? value])
  }
  return {
    decoded: text,
    wasEncoded,
    protocol: protocol.toLowerCase(),
    ...(userInfo !== undefined ? { userInfo } : {}),
    host: portMatch ? (portMatch[1] ?? '') : hostPort,
    ...(portMatch ? { port: portMatch[2] ?? '' } : {}),
    path,
    params,
  }
}
