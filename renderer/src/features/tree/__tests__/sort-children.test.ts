import { describe, expect, it } from 'vitest'
import { sortNatural } from '../../../../../shared/zk/natural-sort'
import { sortChildNames } from '../sort-children'

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

function shuffled<T>(items: T[], next: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('sorting child names', () => {
  it('sorts numbered names (one stem, a number) exactly as sortNatural does', () => {
    const next = random(7)
    const names = Array.from({ length: 3_000 }, (_, i) => `lock-${String(i * 7919 % 100_000).padStart(Math.floor(next() * 12), '0')}`)
    names.push('lock-', 'lock-0', 'lock-00', 'lock-' + '9'.repeat(30), 'lock-' + '1'.repeat(20), 'lock-' + '0'.repeat(5) + '1'.repeat(20))
    const input = shuffled(names, next)
    expect(sortChildNames(input)).toEqual(sortNatural(input))
  })

  it('keeps a stem that ends in digits whole (x1 + 23 is x123)', () => {
    const input = shuffled(Array.from({ length: 1_500 }, (_, i) => `x1${i}`), random(3))
    expect(sortChildNames(input)).toEqual(sortNatural(input))
  })

  it('falls back to the general sort for mixed names', () => {
    const next = random(11)
    const input = shuffled(
      Array.from({ length: 2_000 }, (_, i) => (i % 3 === 0 ? `Node${i}` : i % 3 === 1 ? `node-${i}.json` : `n${i}`)),
      next,
    )
    expect(sortChildNames(input)).toEqual(sortNatural(input))
  })

  it('does not mutate its input', () => {
    const input = Array.from({ length: 1_200 }, (_, i) => `n${1_200 - i}`)
    const copy = [...input]
    sortChildNames(input)
    expect(input).toEqual(copy)
  })
})
