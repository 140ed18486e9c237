import { describe, expect, it } from 'vitest'
import { pageEnds } from '../history-loader'

describe('history pages', () => {
  it('cover the range oldest first, the last page ending now', () => {
    expect(pageEnds(0, 25, 10)).toEqual([10, 20, 25])
    expect(pageEnds(0, 20, 10)).toEqual([10, 20])
    expect(pageEnds(0, 3, 10)).toEqual([3])
  })

  it('split 24 h at 5 s into pages of at most 2,000 points', () => {
    const day = 86_400_000
    const ends = pageEnds(0, day, 2_000 * 5_000)
    expect(ends).toHaveLength(9)
    expect(ends.at(-1)).toBe(day)
  })
})
