import { describe, expect, it } from 'vitest'
import { markRange, NO_MARKS, pruneMarks, selectionAt, toggleMark } from '../tree-marks'
import { allRows } from '../tree-rows'

// /, /a, /a/x, /a/y, /b, /c
const rows = allRows({ '/': ['a', 'b', 'c'], '/a': ['x', 'y'] }, { '/': true, '/a': true })

describe('tree marks (the multi-selection)', () => {
  it('a first toggle keeps the focused row and adds the clicked one; toggling again takes it out', () => {
    const two = toggleMark(NO_MARKS, '/a/x', '/b')
    expect(two).toEqual({ marked: ['/a/x', '/b'], anchor: '/b' })
    expect(toggleMark(two, '/b', '/a/x')).toEqual({ marked: ['/b'], anchor: '/a/x' })
    expect(toggleMark(NO_MARKS, '/b', '/b')).toEqual({ marked: ['/b'], anchor: '/b' })
  })

  it('never marks the root, nor starts from it', () => {
    expect(toggleMark(NO_MARKS, '/a', '/')).toBe(NO_MARKS)
    expect(toggleMark(NO_MARKS, '/', '/c')).toEqual({ marked: ['/c'], anchor: '/c' })
  })

  it('marks a range in row order from the anchor, in either direction, without the root', () => {
    expect(markRange(NO_MARKS, rows, '/a/x', '/b').marked).toEqual(['/a/x', '/a/y', '/b'])
    expect(markRange(NO_MARKS, rows, '/c', '/').marked).toEqual(['/a', '/a/x', '/a/y', '/b', '/c'])
    const anchored = toggleMark(NO_MARKS, '/', '/a/y')
    expect(markRange(anchored, rows, '/c', '/c')).toEqual({ marked: ['/a/y', '/b', '/c'], anchor: '/a/y' })
    expect(markRange(anchored, rows, '/c', '/a')).toEqual({ marked: ['/a', '/a/x', '/a/y'], anchor: '/a/y' })
  })

  it('a command acts on the selection only from one of several marked rows', () => {
    const marks = { marked: ['/a', '/b'], anchor: '/b' }
    expect(selectionAt(marks, '/b')).toEqual(['/a', '/b'])
    expect(selectionAt(marks, '/c')).toBeNull()
    expect(selectionAt({ marked: ['/a'], anchor: '/a' }, '/a')).toBeNull()
  })

  it('drops marks whose rows are gone, and the anchor with them', () => {
    const marks = { marked: ['/a/x', '/b'], anchor: '/a/x' }
    const collapsed = allRows({ '/': ['a', 'b', 'c'], '/a': ['x', 'y'] }, { '/': true })
    expect(pruneMarks(marks, collapsed)).toEqual({ marked: ['/b'], anchor: null })
    expect(pruneMarks(marks, rows)).toBe(marks)
  })
})
