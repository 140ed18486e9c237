/** Why a path typed for a write is not acceptable, as a catalogue key; undefined when it is. */
import { checkPath } from '../../../../shared/zk/path'
import { isReservedPath } from '../../../../shared/zk/write-rules'

export type PathProblemKey =
  | 'edit.path.empty'
  | 'edit.path.not-absolute'
  | 'edit.path.trailing-slash'
  | 'edit.path.empty-segment'
  | 'edit.path.relative-segment'
  | 'edit.path.bad-character'
  | 'edit.path.reserved'
  | 'edit.path.root'

export function writePathProblem(path: string): { key: PathProblemKey; index?: number } | undefined {
  const check = checkPath(path)
  if (!check.ok) return { key: `edit.path.${check.problem ?? 'empty'}`, ...(check.index !== undefined ? { index: check.index } : {}) }
  if (path === '/') return { key: 'edit.path.root' }
  if (isReservedPath(path)) return { key: 'edit.path.reserved' }
  return undefined
}
