import { describe, expect, it } from 'vitest'
import { commandForKey, findByPrefix, isMenuKey } from '../tree-keys'
import { allRows } from '../../../stores/tree-rows'

const chord = (key: string, mods: Partial<{ mod: boolean; shift: boolean; alt: boolean }> = {}) => ({ key, mod: false, shift: false, alt: false, ...mods })

describe('tree command keys', () => {
  it('opens the context menu with the Menu key and Shift+F10', () => {
    expect(isMenuKey(chord('ContextMenu'))).toBe(true)
    expect(isMenuKey(chord('F10', { shift: true }))).toBe(true)
    expect(isMenuKey(chord('F10'))).toBe(false)
  })

  it('maps shortcuts to commands', () => {
    expect(commandForKey(chord('c', { mod: true }))).toBe('copy-path')
    expect(commandForKey(chord('f', { mod: true }))).toBe('filter')
    expect(commandForKey(chord('F', { mod: true, shift: true }))).toBe('search-here')
    expect(commandForKey(chord('Backspace'))).toBe('go-parent')
    expect(commandForKey(chord('F5'))).toBe('refresh')
    expect(commandForKey(chord('Delete'))).toBe('delete')
    expect(commandForKey(chord('Delete', { shift: true }))).toBeNull()
    expect(commandForKey(chord('c'))).toBeNull()
  })

  it('types ahead on the names as shown', () => {
    const rows = allRows({ '/': ['a%2Fb', 'zeta'] }, { '/': true })
    expect(findByPrefix(rows, 0, 'a/', (row) => decodeURIComponent(row.name))).toBe(1)
    expect(findByPrefix(rows, 0, 'a/')).toBe(-1)
  })
})
