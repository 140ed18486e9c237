/**
 * Natural order for child lists of any size. Sorting 50,000 names with
 * `compareNatural` costs a few hundred milliseconds, the largest part of
 * expanding such a node. The big lists met in practice are sequential or
 * numbered nodes: one stem and a number (`lock-0000012345`, `n00042`). For
 * those the natural order is the order of the numbers, compared as numbers;
 * every other list takes the general path. Both give exactly sortNatural's
 * order (see the unit test).
 */
import { sortNatural } from '../../../../shared/zk/natural-sort'

/** Below this the general sort is quick enough; no need to look for a shape. */
const FAST_PATH_FROM = 1_000

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

interface Numbered {
  name: string
  /** Significant digits (no leading zeros; '0' for zero). */
  digits: string
  /** Their value when it is exact as a double, else -1. */
  value: number
}

/** The names as stem + digits with one shared stem, or null when they are not all like that. */
function numbered(names: readonly string[]): Numbered[] | null {
  const first = names[0] ?? ''
  let stemEnd = first.length
  while (stemEnd > 0 && isDigit(first.charCodeAt(stemEnd - 1))) stemEnd--
  const stem = first.slice(0, stemEnd)
  const out = new Array<Numbered>(names.length)
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as string
    if (!name.startsWith(stem)) return null
    let start = stem.length
    for (let j = start; j < name.length; j++) if (!isDigit(name.charCodeAt(j))) return null
    while (start < name.length - 1 && name.charCodeAt(start) === 48) start++
    const digits = name.slice(start)
    out[i] = { name, digits, value: digits.length <= 15 ? Number(digits) : -1 }
  }
  return out
}

function compareNumbered(a: Numbered, b: Numbered): number {
  // No digits at all (the stem alone) sorts first, as a shorter name does.
  if (a.digits.length === 0 || b.digits.length === 0) return a.digits.length - b.digits.length
  if (a.value >= 0 && b.value >= 0) {
    if (a.value !== b.value) return a.value - b.value
  } else if (a.digits.length !== b.digits.length) return a.digits.length - b.digits.length
  else if (a.digits !== b.digits) return a.digits < b.digits ? -1 : 1
  // Same number: more leading zeros first (n01 before n1), as compareNatural does.
  return b.name.length - a.name.length
}

export function sortChildNames(names: readonly string[]): string[] {
  if (names.length < FAST_PATH_FROM) return sortNatural(names)
  const list = numbered(names)
  if (!list) return sortNatural(names)
  list.sort(compareNumbered)
  return list.map((entry) => entry.name)
}
