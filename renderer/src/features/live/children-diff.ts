/** Names that came and went between two child lists, in the order of the lists they come from. */
export interface ChildrenDiff {
  added: string[]
  removed: string[]
}

export function diffChildren(previous: readonly string[], next: readonly string[]): ChildrenDiff {
  const before = new Set(previous)
  const after = new Set(next)
  return {
    added: next.filter((name) => !before.has(name)),
    removed: previous.filter((name) => !after.has(name)),
  }
}

/**
 * Where focus goes when the row it was on vanished with `removed` (a child of
 * the parent whose list changed): the next sibling that is still there, else
 * the previous one, else the parent.
 */
export function survivingNeighbour(
  parent: string,
  previous: readonly string[],
  next: readonly string[],
  removed: string,
): string {
  const kept = new Set(next)
  const index = previous.indexOf(removed)
  const join = (name: string) => (parent === '/' ? `/${name}` : `${parent}/${name}`)
  for (let i = index + 1; i < previous.length; i++) {
    const name = previous[i]
    if (name !== undefined && kept.has(name)) return join(name)
  }
  for (let i = index - 1; i >= 0; i--) {
    const name = previous[i]
    if (name !== undefined && kept.has(name)) return join(name)
  }
  return parent
}
