/**
 * Display forms of znode names. Some registries store URL-encoded strings as
 * names (Dubbo providers: `dubbo%3A%2F%2F10.0.0.1%3A20880%2F…`); they are
 * shown decoded so that a person can read them. Only the display changes:
 * paths, copies and requests always use the real name.
 */

const ESCAPE = /%[0-9A-Fa-f]{2}/

/** The decoded form of an encoded name, or null when there is nothing to decode (or it is not valid). */
export function decodeName(name: string): string | null {
  if (!ESCAPE.test(name)) return null
  try {
    const decoded = decodeURIComponent(name)
    return decoded === name ? null : decoded
  } catch {
    // A stray '%' that is not an escape: the name is shown as it is.
    return null
  }
}

/** What a row shows for `name`: decoded when that is asked for and possible. */
export function displayName(name: string, decode: boolean): string {
  return decode ? (decodeName(name) ?? name) : name
}

/** A path with each segment shown as `displayName` would show it. */
export function displayPath(path: string, decode: boolean): string {
  if (!decode || path === '/') return path
  return '/' + path.slice(1).split('/').map((segment) => displayName(segment, true)).join('/')
}
