import { describe, expect, it } from 'vitest'
import {
  baseName,
  checkPath,
  depthOf,
  isValidPath,
  isWithin,
  joinPath,
  parentPath,
  pathChain,
  topmostPaths,
} from '../../../shared/zk/path'

describe('checkPath', () => {
  it('accepts the root and ordinary absolute paths', () => {
    expect(checkPath('/')).toEqual({ ok: true })
    expect(checkPath('/a')).toEqual({ ok: true })
    expect(checkPath('/dubbo/com.example.Service/providers')).toEqual({ ok: true })
    expect(checkPath('/a-b_c.d/e f/lock-0000000001')).toEqual({ ok: true })
  })

  it('accepts names that only contain dots but are not "." or ".."', () => {
    expect(checkPath('/...').ok).toBe(true)
    expect(checkPath('/.hidden').ok).toBe(true)
    expect(checkPath('/a..b/..c/c..').ok).toBe(true)
  })

  it('accepts unicode names', () => {
    expect(checkPath('/配置/应用')).toEqual({ ok: true })
    expect(checkPath('/café/Ωmega/日本語')).toEqual({ ok: true })
  })

  it('refuses the empty string', () => {
    expect(checkPath('')).toEqual({ ok: false, problem: 'empty' })
  })

  it('refuses relative paths', () => {
    expect(checkPath('a')).toEqual({ ok: false, problem: 'not-absolute', index: 0 })
    expect(checkPath('a/b')).toMatchObject({ ok: false, problem: 'not-absolute' })
    expect(checkPath(' /a')).toMatchObject({ ok: false, problem: 'not-absolute' })
  })

  it('refuses a trailing slash except on the root', () => {
    expect(checkPath('/a/')).toEqual({ ok: false, problem: 'trailing-slash', index: 2 })
    expect(checkPath('//')).toMatchObject({ ok: false, problem: 'trailing-slash' })
  })

  it('refuses empty segments and points at them', () => {
    expect(checkPath('/a//b')).toEqual({ ok: false, problem: 'empty-segment', index: 3 })
    expect(checkPath('//a')).toEqual({ ok: false, problem: 'empty-segment', index: 1 })
  })

  it('refuses "." and ".." segments anywhere', () => {
    expect(checkPath('/.')).toEqual({ ok: false, problem: 'relative-segment', index: 1 })
    expect(checkPath('/..')).toEqual({ ok: false, problem: 'relative-segment', index: 1 })
    expect(checkPath('/a/./b')).toEqual({ ok: false, problem: 'relative-segment', index: 3 })
    expect(checkPath('/a/b/..')).toEqual({ ok: false, problem: 'relative-segment', index: 5 })
    expect(checkPath('/../etc')).toMatchObject({ ok: false, problem: 'relative-segment' })
  })

  it('refuses NUL and control characters with their index', () => {
    expect(checkPath('/a\u0000b')).toEqual({ ok: false, problem: 'bad-character', index: 2 })
    expect(checkPath('/a\tb')).toEqual({ ok: false, problem: 'bad-character', index: 2 })
    expect(checkPath('/a\nb')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/a\u001f')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/a\u007f')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/a\u0085')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/ok/\u009f')).toEqual({ ok: false, problem: 'bad-character', index: 4 })
  })

  it('refuses the code points the server refuses (private use, specials, surrogates)', () => {
    expect(checkPath('/a\ue000')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/a\ufff0')).toMatchObject({ ok: false, problem: 'bad-character' })
    expect(checkPath('/a\uffff')).toMatchObject({ ok: false, problem: 'bad-character' })
    // PathUtils.validatePath works on Java chars, so UTF-16 surrogates (emoji) are refused too.
    expect(checkPath('/a\u{1F600}')).toMatchObject({ ok: false, problem: 'bad-character', index: 2 })
    // Just outside the refused ranges.
    expect(checkPath('/a\u00a0\uf900\uffef').ok).toBe(true)
  })

  it('isValidPath agrees with checkPath', () => {
    for (const path of ['/', '/a', '/a/', 'a', '', '/a//b', '/..', '/a\u0000', '/配置']) {
      expect(isValidPath(path)).toBe(checkPath(path).ok)
    }
  })
})

describe('path helpers', () => {
  it('joinPath joins under the root and under other nodes', () => {
    expect(joinPath('/', 'a')).toBe('/a')
    expect(joinPath('/a', 'b')).toBe('/a/b')
    expect(joinPath('/a/b', '配置')).toBe('/a/b/配置')
  })

  it('parentPath walks one level up and stops at the root', () => {
    expect(parentPath('/')).toBeNull()
    expect(parentPath('/a')).toBe('/')
    expect(parentPath('/a/b')).toBe('/a')
    expect(parentPath('/a/b/c')).toBe('/a/b')
  })

  it('baseName returns the last segment, and "/" for the root', () => {
    expect(baseName('/')).toBe('/')
    expect(baseName('/a')).toBe('a')
    expect(baseName('/a/b.c')).toBe('b.c')
    expect(baseName('/配置/应用')).toBe('应用')
  })

  it('pathChain lists every ancestor from the root down to the path', () => {
    expect(pathChain('/')).toEqual(['/'])
    expect(pathChain('/a')).toEqual(['/', '/a'])
    expect(pathChain('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c'])
  })

  it('depthOf counts segments', () => {
    expect(depthOf('/')).toBe(0)
    expect(depthOf('/a')).toBe(1)
    expect(depthOf('/a/b/c')).toBe(3)
  })

  it('topmostPaths keeps the roots of a selection, once each, in order', () => {
    expect(topmostPaths(['/b', '/a/x', '/a', '/b', '/ab', '/a/x/y'])).toEqual(['/b', '/a', '/ab'])
    expect(topmostPaths(['/c/d', '/c/e'])).toEqual(['/c/d', '/c/e'])
    expect(topmostPaths(['/q', '/'])).toEqual(['/'])
    expect(topmostPaths([])).toEqual([])
  })

  it('isWithin is true for the node itself and its descendants only', () => {
    expect(isWithin('/a', '/a')).toBe(true)
    expect(isWithin('/a/b', '/a')).toBe(true)
    expect(isWithin('/a/b/c', '/a')).toBe(true)
    expect(isWithin('/ab', '/a')).toBe(false)
    expect(isWithin('/a', '/a/b')).toBe(false)
    expect(isWithin('/b/a', '/a')).toBe(false)
    expect(isWithin('/', '/')).toBe(true)
    expect(isWithin('/anything/deep', '/')).toBe(true)
  })

  it('helpers agree with each other on a deep path', () => {
    const path = '/x/y/z/w'
    const chain = pathChain(path)
    expect(chain).toHaveLength(depthOf(path) + 1)
    for (let i = 1; i < chain.length; i++) {
      const node = chain[i] as string
      expect(parentPath(node)).toBe(chain[i - 1])
      expect(joinPath(parentPath(node) as string, baseName(node))).toBe(node)
      expect(isWithin(path, node)).toBe(true)
    }
  })
})
