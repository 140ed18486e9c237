/**
 * ZooKeeper path rules (PathUtils.validatePath in the server): absolute, no
 * empty segments, no trailing slash except the root, no "." or ".." segments,
 * no NUL and none of the control or non-character code points the server
 * refuses.
 */

export type PathProblem =
  | 'empty'
  | 'not-absolute'
  | 'trailing-slash'
  | 'empty-segment'
  | 'relative-segment'
  | 'bad-character'

export interface PathCheck {
  ok: boolean
  problem?: PathProblem
  /** Index of the offending character, when there is one. */
  index?: number
}

function isBadChar(code: number): boolean {
  return (
    code === 0 ||
    (code > 0x00 && code <= 0x1f) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0xd800 && code <= 0xf8ff) ||
    (code >= 0xfff0 && code <= 0xffff)
  )
}

export function checkPath(path: string): PathCheck {
  if (path.length === 0) return { ok: false, problem: 'empty' }
  if (path[0] !== '/') return { ok: false, problem: 'not-absolute', index: 0 }
  if (path === '/') return { ok: true }
  if (path.endsWith('/')) return { ok: false, problem: 'trailing-slash', index: path.length - 1 }
  for (let i = 0; i < path.length; i++) {
    if (isBadChar(path.charCodeAt(i))) return { ok: false, problem: 'bad-character', index: i }
  }
  const segments = path.slice(1).split('/')
  let offset = 1
  for (const segment of segments) {
    if (segment.length === 0) return { ok: false, problem: 'empty-segment', index: offset }
    if (segment === '.' || segment === '..')
      return { ok: false, problem: 'relative-segment', index: offset }
    offset += segment.length + 1
  }
  return { ok: true }
}

export function isValidPath(path: string): boolean {
  return checkPath(path).ok
}

export function joinPath(parent: string, child: string): string {
  return parent === '/' ? `/${child}` : `${parent}/${child}`
}

export function parentPath(path: string): string | null {
  if (path === '/') return null
  const i = path.lastIndexOf('/')
  return i <= 0 ? '/' : path.slice(0, i)
}

export function baseName(path: string): string {
  if (path === '/') return '/'
  return path.slice(path.lastIndexOf('/') + 1)
}

/** Every ancestor from the root down to (and including) the path itself. */
export function pathChain(path: string): string[] {
  if (path === '/') return ['/']
  const out = ['/']
  let acc = ''
  for (const segment of path.slice(1).split('/')) {
    acc += `/${segment}`
    out.push(acc)
  }
  return out
}

export function depthOf(path: string): number {
  return path === '/' ? 0 : path.split('/').length - 1
}

/** True when `path` is `ancestor` or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  if (ancestor === '/') return true
  return path === ancestor || path.startsWith(`${ancestor}/`)
}

/**
 * The paths that are not at or below another one of `paths`, without
 * repeats, in their first order: the roots a recursive operation on a
 * multi-selection must visit (a selected node inside a selected subtree is
 * covered by it).
 */
export function topmostPaths(paths: readonly string[]): string[] {
  const chosen = new Set(paths)
  // Walking up each path's ancestors keeps this linear in the selection (times the depth).
  const covered = (path: string) => {
    for (let up = parentPath(path); up !== null; up = parentPath(up)) if (chosen.has(up)) return true
    return false
  }
  return [...chosen].filter((path) => !covered(path))
}
