import { beforeEach, describe, expect, it } from 'vitest'
import type { NodeResult, ZnodeStat } from '../../../../shared/protocol/types'
import { useNodeTabsStore } from '../node-tabs-store'

const C = 'c1'
const store = () => useNodeTabsStore.getState()
const tabs = () => (store().byConnection[C]?.tabs ?? []).map((t) => `${t.path}${t.preview ? '*' : ''}`)
const active = () => store().byConnection[C]?.active

const stat = (version: number): ZnodeStat => ({
  czxid: '0x1', mzxid: '0x2', pzxid: '0x1', ctime: '0', mtime: '0', version, cversion: 0, aversion: 0, ephemeralOwner: '0x0', dataLength: 1, numChildren: 0,
})
const result = (path: string, base64: string, version = 0): NodeResult => ({
  path, stat: stat(version), acl: [], data: { base64, size: 1, encoding: 'utf8', text: 'x', gzip: false },
})

beforeEach(() => useNodeTabsStore.setState({ byConnection: {} }))

describe('node tabs', () => {
  it('replaces the preview tab on a plain open, as VS Code does', () => {
    store().showPreview(C, '/a')
    store().showPreview(C, '/b')
    expect(tabs()).toEqual(['/b*'])
    store().pin(C, '/b')
    store().showPreview(C, '/c')
    expect(tabs()).toEqual(['/b', '/c*'])
    expect(active()).toBe('/c')
    // A node that already has a tab is activated, not opened twice.
    store().showPreview(C, '/b')
    expect(tabs()).toEqual(['/b', '/c*'])
    expect(active()).toBe('/b')
  })

  it('opens kept tabs after the active one and closes towards the right', () => {
    store().openTab(C, '/a')
    store().openTab(C, '/b')
    store().activate(C, '/a')
    store().openTab(C, '/c')
    expect(tabs()).toEqual(['/a', '/c', '/b'])
    expect(store().close(C, '/c')).toBe('/b')
    expect(store().close(C, '/b')).toBe('/a')
    expect(store().close(C, '/a')).toBeNull()
    expect(tabs()).toEqual([])
  })

  it('turns a preview tab into a kept one when opened in a new tab', () => {
    store().showPreview(C, '/a')
    store().openTab(C, '/a')
    expect(tabs()).toEqual(['/a'])
    store().openTab(C, '/b')
    store().closeOthers(C, '/b')
    expect(tabs()).toEqual(['/b'])
  })

  it('replaces the result wholesale and drops answers for closed tabs', () => {
    store().openTab(C, '/a')
    store().setLoading(C, '/a', true)
    store().setResult(C, result('/a', 'eA=='), 5)
    expect(store().byConnection[C]?.nodes['/a']).toMatchObject({ loading: false, receivedAt: 5, result: { data: { base64: 'eA==' } } })
    store().setResult(C, result('/gone', 'eA=='))
    expect(store().byConnection[C]?.nodes['/gone']).toBeUndefined()
  })

  it('applies watch changes: new data, deletion, and a reload when it cannot', () => {
    store().openTab(C, '/a')
    store().applyChange({ connectionId: C, path: '/a', change: 'data', at: 1 })
    expect(store().byConnection[C]?.nodes['/a']?.reloadToken).toBe(1)
    store().setResult(C, result('/a', 'eA=='))
    const data = { base64: 'eQ==', size: 1, encoding: 'utf8' as const, text: 'y', gzip: false }
    store().applyChange({ connectionId: C, path: '/a', change: 'data', at: 2, data, stat: stat(1) })
    expect(store().byConnection[C]?.nodes['/a']?.result).toMatchObject({ data: { base64: 'eQ==' }, stat: { version: 1 } })
    store().applyChange({ connectionId: C, path: '/a', change: 'deleted', at: 3 })
    const entry = store().byConnection[C]?.nodes['/a']
    expect(entry?.error?.code).toBe('NO_NODE')
    expect(entry?.result?.data.base64).toBe('eQ==')
    // Created again without its data: read it again rather than show old bytes with a new Stat.
    store().applyChange({ connectionId: C, path: '/a', change: 'created', at: 4, stat: stat(0) })
    expect(store().byConnection[C]?.nodes['/a']).toMatchObject({ reloadToken: 2, result: { data: { base64: 'eQ==' } } })
  })
})
