import { describe, expect, it } from 'vitest'
import { scanRoots } from '../../../../electron/backend/edit/subtree-scan'

const tick = () => new Promise((resolve) => setTimeout(resolve, 1))

describe('scanRoots (a multi-selection scanned side by side)', () => {
  it('scans every root, at most 16 at once, each with a share of the requests in flight', async () => {
    const roots = Array.from({ length: 50 }, (_, i) => `/r${i}`)
    let running = 0
    let most = 0
    const seen: string[] = []
    const shares = new Set<number | undefined>()
    await scanRoots(roots, undefined, async (root, index, scan) => {
      running += 1
      most = Math.max(most, running)
      shares.add(scan.concurrency)
      await tick()
      expect(roots[index]).toBe(root)
      seen.push(root)
      running -= 1
    })
    expect(seen.sort()).toEqual([...roots].sort())
    expect(most).toBe(16)
    expect([...shares]).toEqual([16])
  })

  it('leaves a single root the walker default', async () => {
    const shares: (number | undefined)[] = []
    await scanRoots(['/only'], undefined, async (_root, _index, scan) => void shares.push(scan.concurrency))
    expect(shares).toEqual([undefined])
  })

  it('stops the other scans at the first failure and throws it', async () => {
    const aborted: string[] = []
    const failure = new Error('/r3 is gone')
    const run = scanRoots(
      Array.from({ length: 8 }, (_, i) => `/r${i}`),
      undefined,
      async (root, _index, scan) => {
        if (root === '/r3') throw failure
        await new Promise<void>((resolve) => scan.signal.addEventListener('abort', () => resolve(), { once: true }))
        aborted.push(root)
      },
    )
    await expect(run).rejects.toBe(failure)
    await tick()
    expect(aborted.sort()).toEqual(['/r0', '/r1', '/r2', '/r4', '/r5', '/r6', '/r7'])
  })

  it('passes a cancel of the caller on to every scan', async () => {
    const caller = new AbortController()
    const run = scanRoots(['/a', '/b'], caller.signal, (_root, _index, scan) => new Promise<void>((resolve) => scan.signal.addEventListener('abort', () => resolve(), { once: true })))
    caller.abort()
    await expect(run).resolves.toBeUndefined()
  })
})
