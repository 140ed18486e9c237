/**
 * What a znode's bytes most likely are, from the bytes themselves and the
 * node's name: the format to show them in and the charset to read them with.
 * Cheap on purpose (no full parse): it runs on every node opened, up to
 * 1 MiB; the chosen view parses and reports errors itself.
 *
 * Gzip is not decided here: the caller decompresses first and detects on
 * the result.
 */
import { sniffCharset, decodeBytes, type Charset } from './charsets'
import { looksLikeProperties } from './java-properties'
import { isEncodedUrl } from './url-value'
import { decodeLayout, type Layout } from './binary-layouts'

export const DATA_FORMATS = ['text', 'json', 'yaml', 'xml', 'properties', 'url', 'layout', 'hex', 'base64', 'image'] as const
export type DataFormat = (typeof DATA_FORMATS)[number]

/** Formats that show the bytes decoded as text (and so depend on the charset). */
export const TEXT_FORMATS: ReadonlySet<DataFormat> = new Set(['text', 'json', 'yaml', 'xml', 'properties', 'url'])

export function isDataFormat(value: unknown): value is DataFormat {
  return typeof value === 'string' && (DATA_FORMATS as readonly string[]).includes(value)
}

export interface Detection {
  format: DataFormat
  /** The charset to decode with; utf-8 when the bytes are not text at all. */
  charset: Charset
  /** Why: a name hint, the content, binary bytes, or nothing to go on. */
  reason: 'empty' | 'binary' | 'name' | 'content' | 'default'
  /** The image type, when the bytes start with a known image signature. */
  image?: ImageType
  /** The documented binary layout (HBase, Curator) the bytes are in, if any; offered as a view even when not chosen. */
  layout?: Layout
}

export type ImageType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp'

const SIGNATURES: [ImageType, number[]][] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
]

export function imageType(bytes: Uint8Array): ImageType | undefined {
  for (const [type, signature] of SIGNATURES) {
    if (signature.every((byte, i) => bytes[i] === byte)) return type
  }
  const riff = bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46
  if (riff && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp'
  return undefined
}

const NAME_HINTS: [RegExp, DataFormat][] = [
  [/\.(json|avsc)$/i, 'json'],
  [/\.ya?ml$/i, 'yaml'],
  [/\.(xml|xsd|xsl|xslt)$/i, 'xml'],
  [/\.properties$/i, 'properties'],
  [/\.(txt|log|csv|ini|conf|cfg)$/i, 'text'],
  [/\.(b64|base64)$/i, 'base64'],
]

/** The format the node's name asks for, if any (`config.json`, `application.yaml`, `log4j2.xml`…). */
export function formatFromName(path: string): DataFormat | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1)
  return NAME_HINTS.find(([pattern]) => pattern.test(name))?.[1]
}

const YAML_KEY = /^(?:"[^"]*"|'[^']*'|[^\s:#'"{[\]][^\s:]*)\s*:(?:\s|$)/
const YAML_ITEM = /^-(?:\s|$)/

/** Two or more lines of `key: value` / `- item`, with nested lines indented. */
function looksLikeYaml(text: string): boolean {
  if (/^(---|%YAML)/.test(text)) return true
  let keys = 0
  let lines = 0
  for (const raw of text.split(/\r?\n/)) {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue
    lines++
    if (/^\s/.test(raw)) continue
    if (YAML_KEY.test(raw)) keys++
    else if (!YAML_ITEM.test(raw) && raw !== '---' && raw !== '...') return false
  }
  return lines >= 2 && keys >= 1
}

function looksLikeJson(trimmed: string): boolean {
  if (trimmed.startsWith('{')) return trimmed.endsWith('}')
  // A log line can start with "[" too; an array starts with a value.
  return /^\[\s*([[{"\d\]-]|true|false|null)/.test(trimmed) && trimmed.endsWith(']')
}

function looksLikeXml(trimmed: string): boolean {
  return /^<(\?xml|[A-Za-z_!])/.test(trimmed) && trimmed.endsWith('>')
}

/** The format for text, from its content alone. */
export function formatFromText(text: string): DataFormat {
  const trimmed = text.trim()
  if (trimmed === '') return 'text'
  if (looksLikeJson(trimmed)) return 'json'
  if (looksLikeXml(trimmed)) return 'xml'
  if (isEncodedUrl(trimmed) || /^[a-z][a-z0-9+.-]*:\/\/\S+\?\S*=\S*$/i.test(trimmed)) return 'url'
  if (looksLikeProperties(trimmed)) return 'properties'
  if (looksLikeYaml(text)) return 'yaml'
  return 'text'
}

/** Of a large value only both ends are looked at: enough to tell its shape, cheap at 1 MiB. */
const SNIFF_CHARS = 64 * 1024

function formatFromLargeText(text: string): DataFormat {
  const head = text.slice(0, SNIFF_CHARS)
  // The head cut at a line end, so the last line is not judged half-read.
  const cut = head.slice(0, head.lastIndexOf('\n') + 1) || head
  const ends = `${head.trimStart().slice(0, 64)}${text.slice(-64).trimEnd()}`
  if (looksLikeJson(ends)) return 'json'
  if (looksLikeXml(ends)) return 'xml'
  return formatFromText(cut)
}

export function detectFormat(bytes: Uint8Array, path: string): Detection {
  if (bytes.length === 0) return { format: 'text', charset: 'utf-8', reason: 'empty' }
  const image = imageType(bytes)
  if (image) return { format: 'hex', charset: 'utf-8', reason: 'binary', image }
  const charset = sniffCharset(bytes)
  if (charset === null) {
    const layout = decodeLayout(bytes, path)
    if (!layout) return { format: 'hex', charset: 'utf-8', reason: 'binary' }
    return { format: layout.likely ? 'layout' : 'hex', charset: 'utf-8', reason: 'binary', layout }
  }
  const hinted = formatFromName(path)
  if (hinted) return { format: hinted, charset, reason: 'name' }
  const { text } = decodeBytes(bytes, charset)
  const format = text.length > SNIFF_CHARS ? formatFromLargeText(text) : formatFromText(text)
  return { format, charset, reason: format === 'text' ? 'default' : 'content' }
}
