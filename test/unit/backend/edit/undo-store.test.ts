import { describe, expect, it } from 'vitest'
import { UndoStore } from '../../../../electron/backend/edit/undo-store'

const entry = (bytes: number, versionAfter = 1) => ({ previous: Buffer.alloc(bytes), versionAfter, editedAt: 0 })

describe('UndoStore', () => {
  it('keeps the last edit per connection and path', () => {
    const store = new UndoStore()
    store.remember('c1', '/a', entry(1, 1))
    store.remember('c1', '/a', entry(2, 2))
    store.remember('c2', '/a', entry(3, 5))
    expect(store.get('c1', '/a')?.versionAfter).toBe(2)
    expect(store.get('c2', '/a')?.versionAfter).toBe(5)
    store.forget('c1', '/a')
    expect(store.get('c1', '/a')).toBeUndefined()
    expect(store.size).toBe(1)
  })

  it('drops the oldest entries past the count and byte limits', () => {
    const store = new UndoStore({ maxEntries: 3, maxBytes: 100 })
    for (const path of ['/1', '/2', '/3', '/4']) store.remember('c', path, entry(10))
    expect(store.get('c', '/1')).toBeUndefined()
    expect(store.size).toBe(3)
    store.remember('c', '/big', entry(90))
    expect(store.get('c', '/big')).toBeDefined()
    expect(store.get('c', '/2')).toBeUndefined()
    expect(store.get('c', '/3')).toBeUndefined()
    expect(store.size).toBe(2)
    // Larger than the whole budget: not kept at all, and the others stay.
    store.remember('c', '/huge', entry(101))
    expect(store.get('c', '/huge')).toBeUndefined()
    expect(store.size).toBe(2)
  })
})
