/**
 * Races with an independent client, made deterministic: kazoo connects,
 * says it is ready, then waits for a trigger node that the test creates at
 * the moment it chooses (for example when an operation enters a phase).
 */
import type { Client } from 'node-zookeeper-client'
import { connectRaw, createPaths } from '../../bench/bench-tree'
import { runKazoo } from '../helpers/kazoo'

export interface Race {
  /** Creates the trigger: kazoo runs its body within milliseconds. */
  fire(): void
  /** Resolves with kazoo's result once the body has run. */
  finished: Promise<unknown>
}

export async function prepareRace(connectString: string, name: string, body: string): Promise<Race> {
  const ready = `/race-ready-${name}`
  const trigger = `/race-go-${name}`
  const script = `
import time
zk.create(args['ready'], b'', ephemeral=True)
deadline = time.time() + 50
while not zk.exists(args['trigger']) and time.time() < deadline:
    time.sleep(0.002)
${body}
result = True
`
  const finished = runKazoo(connectString, script, { ready, trigger }, { timeoutMs: 60_000 })
  const client = await connectRaw(connectString)
  try {
    for (let i = 0; i < 1000; i++) {
      const exists = await new Promise<boolean>((resolve, reject) => client.exists(ready, (error, stat) => (error ? reject(error) : resolve(Boolean(stat)))))
      if (exists) break
      await new Promise((r) => setTimeout(r, 20))
    }
  } catch (error) {
    client.close()
    throw error
  }
  return {
    fire: () => client.create(trigger, () => client.close()),
    finished,
  }
}

/** Builds a tree fast (multi-op batches from a plain client), parents first. */
export async function buildTree(connectString: string, paths: readonly string[], data?: Parameters<typeof createPaths>[2]): Promise<void> {
  const client: Client = await connectRaw(connectString)
  try {
    await createPaths(client, paths, data)
  } finally {
    client.close()
  }
}

/** `root/aI/bJ/cK` with the given fan-outs, parents before children. */
export function treePaths(root: string, a: number, b: number, c: number): string[] {
  const paths = [root]
  for (let i = 0; i < a; i++) paths.push(`${root}/a${i}`)
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) paths.push(`${root}/a${i}/b${j}`)
  for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) for (let k = 0; k < c; k++) paths.push(`${root}/a${i}/b${j}/c${k}`)
  return paths
}

/** Number of nodes under and including `path`, counted by kazoo. */
export async function kazooCount(connectString: string, path: string): Promise<number> {
  return runKazoo<number>(
    connectString,
    `
total = 0
level = [args['path']] if zk.exists(args['path']) else []
while level:
    total += len(level)
    listings = [(p, zk.get_children_async(p)) for p in level]
    level = []
    for p, op in listings:
        try:
            level.extend(p.rstrip('/') + '/' + c for c in op.get())
        except kx.NoNodeError:
            pass
result = total
`,
    { path },
    { timeoutMs: 120_000 },
  )
}
