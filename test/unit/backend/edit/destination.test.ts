import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDestination } from '../../../../electron/backend/edit/destination'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dest-test-'))
  dirs.push(dir)
  return dir
}

describe('destinations', () => {
  it('collects inline text up to the cap', async () => {
    const out = await openDestination({ kind: 'inline', maxBytes: 10 }, false)
    await out.write('12345')
    await expect(out.write('678901')).rejects.toMatchObject({ code: 'TOO_LARGE' })
    const ok = await openDestination({ kind: 'inline', maxBytes: 10 }, false)
    await ok.write('订单')
    expect(await ok.finish()).toEqual({ bytes: 6, text: '订单' })
  })

  it('writes a file under a temporary name and renames it when complete', async () => {
    const dir = tempDir()
    const path = join(dir, 'out.json')
    const out = await openDestination({ kind: 'file', path, overwrite: false }, true)
    await out.write('a'.repeat(100_000))
    expect(readdirSync(dir)).toHaveLength(1)
    expect(readdirSync(dir)[0]).toMatch(/\.partial$/)
    expect(await out.finish()).toEqual({ bytes: 100_000, filePath: path })
    expect(readdirSync(dir)).toEqual(['out.json'])
  })

  it('leaves nothing behind when aborted', async () => {
    const dir = tempDir()
    const out = await openDestination({ kind: 'file', path: join(dir, 'x'), overwrite: false }, true)
    await out.write('half')
    await out.abort()
    expect(readdirSync(dir)).toEqual([])
  })

  it('leaves nothing behind when aborted before the file was even open', async () => {
    // The open runs on libuv's thread pool; an abort that removed the file before
    // the open finished left it behind (seen in CI as a stray ".partial").
    const dir = tempDir()
    const openWriteAbort = async (name: string) => {
      const out = await openDestination({ kind: 'file', path: join(dir, name), overwrite: false }, true)
      await out.write('half')
      await out.abort()
    }
    for (let round = 0; round < 10; round++) await Promise.all(Array.from({ length: 50 }, (_, i) => openWriteAbort(`x${round}-${i}`)))
    await new Promise((resolve) => setTimeout(resolve, 100)) // lets a late open land, if one is still in flight
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses relative paths, missing folders, existing files without overwrite, and files where they are not allowed', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'there'), 'keep')
    await expect(openDestination({ kind: 'file', path: 'relative.json', overwrite: false }, true)).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    await expect(openDestination({ kind: 'file', path: join(dir, 'no', 'x'), overwrite: false }, true)).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    await expect(openDestination({ kind: 'file', path: join(dir, 'there'), overwrite: false }, true)).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    await expect(openDestination({ kind: 'file', path: join(dir, 'new'), overwrite: false }, false)).rejects.toMatchObject({ code: 'INVALID_PARAMS' })
    const over = await openDestination({ kind: 'file', path: join(dir, 'there'), overwrite: true }, true)
    await over.write('new')
    await over.finish()
    expect(readFileSync(join(dir, 'there'), 'utf8')).toBe('new')
  })
})
