import { describe, expect, it } from 'vitest'
import { compareNatural, sortNatural } from '../../../shared/zk/natural-sort'

describe('compareNatural', () => {
  it('orders sequential znode suffixes by value', () => {
    expect(sortNatural(['n000010', 'n000009', 'n000100', 'n000001'])).toEqual([
      'n000001',
      'n000009',
      'n000010',
      'n000100',
    ])
  })

  it('orders numbers inside names by value, not by character', () => {
    expect(sortNatural(['node10', 'node2', 'node1', 'node20', 'node3'])).toEqual([
      'node1',
      'node2',
      'node3',
      'node10',
      'node20',
    ])
  })

  it('handles digit runs longer than a safe integer', () => {
    const big = '9'.repeat(30)
    const bigger = `1${'0'.repeat(30)}`
    expect(compareNatural(`x${big}`, `x${bigger}`)).toBeLessThan(0)
    expect(compareNatural(`x${bigger}`, `x${big}`)).toBeGreaterThan(0)
  })

  it('ignores letter case first, then breaks the tie exactly', () => {
    expect(sortNatural(['beta', 'Alpha', 'alpha', 'Beta'])).toEqual(['Alpha', 'alpha', 'Beta', 'beta'])
  })

  it('puts a prefix before its extensions', () => {
    expect(sortNatural(['abc', 'ab', 'abcd', 'a'])).toEqual(['a', 'ab', 'abc', 'abcd'])
    expect(compareNatural('lock', 'lock-0001')).toBeLessThan(0)
  })

  it('sorts equal values by leading zeros and stays a total order', () => {
    expect(sortNatural(['n1', 'n001', 'n01'])).toEqual(['n001', 'n01', 'n1'])
    expect(compareNatural('same', 'same')).toBe(0)
    expect(compareNatural('', 'a')).toBeLessThan(0)
  })

  it('is antisymmetric on a mixed sample', () => {
    const sample = ['a1b2', 'a1b10', 'A01b2', 'zk', 'ZK', '10', '9', '', 'x_1', 'x-1', '中文2', '中文10']
    for (const a of sample) {
      for (const b of sample) {
        expect(Math.sign(compareNatural(a, b)) + Math.sign(compareNatural(b, a))).toBe(0)
      }
    }
    expect(sortNatural(['中文10', '中文2'])).toEqual(['中文2', '中文10'])
  })

  it('sorts 100,000 names quickly and leaves the input alone', () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `n${String((i * 7919) % 100_000).padStart(10, '0')}`)
    const copy = [...names]
    const started = performance.now()
    const sorted = sortNatural(names)
    const elapsed = performance.now() - started
    expect(names).toEqual(copy)
    expect(sorted[0]).toBe('n0000000000')
    expect(sorted[99_999]).toBe('n0000099999')
    expect(elapsed).toBeLessThan(2000)
  })
})
