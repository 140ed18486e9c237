/**
 * An in-memory ZooKeeper behind the few library calls the edit code makes
 * (create, remove, setData, exists, multi), answering with the library's
 * error shapes. Its Transaction reproduces the library's `version || -1`
 * so a test can prove that versions of 0 are still checked.
 */
import type { ZkSession } from '../../../../electron/backend/connections/zk-session'
import type { Callback } from '../../../../electron/backend/connections/zk-session'

const CODES: Record<string, number> = { NO_NODE: -101, BAD_VERSION: -103, NODE_EXISTS: -110, NOT_EMPTY: -111, CONNECTION_LOSS: -4 }

interface Node {
  data: Buffer
  version: number
}

type Op = { type: 'create' | 'delete' | 'setData' | 'check'; path: string; data?: Buffer; version?: number }

function exception(name: string) {
  const code = CODES[name] ?? -1
  return { getCode: () => code, getName: () => name, toString: () => `Exception: ${name}[${code}]` }
}

const emptyStat = (n: Node) => ({
  czxid: Buffer.alloc(8),
  mzxid: Buffer.alloc(8),
  pzxid: Buffer.alloc(8),
  ctime: Buffer.alloc(8),
  mtime: Buffer.alloc(8),
  ephemeralOwner: Buffer.alloc(8),
  version: n.version,
  cversion: 0,
  aversion: 0,
  dataLength: n.data.length,
  numChildren: 0,
})

export class FakeZk {
  nodes = new Map<string, Node>([['/', { data: Buffer.alloc(0), version: 0 }]])
  /** Requests the fake has answered: 'multi' or the single op's type. */
  requests: string[] = []
  /** The request with this index (0-based) loses its connection instead of answering. */
  loseConnectionAt: number | undefined

  add(path: string, version = 0): void {
    this.nodes.set(path, { data: Buffer.alloc(0), version })
  }

  has(path: string): boolean {
    return this.nodes.has(path)
  }

  private parentOf(path: string): string {
    const i = path.lastIndexOf('/')
    return i <= 0 ? '/' : path.slice(0, i)
  }

  private hasChildren(nodes: Map<string, Node>, path: string): boolean {
    for (const key of nodes.keys()) if (key !== path && this.parentOf(key) === path) return true
    return false
  }

  /** Applies one op to `nodes`; the error name, or undefined. */
  apply(nodes: Map<string, Node>, op: Op): string | undefined {
    const node = nodes.get(op.path)
    switch (op.type) {
      case 'create':
        if (node) return 'NODE_EXISTS'
        if (!nodes.has(this.parentOf(op.path))) return 'NO_NODE'
        nodes.set(op.path, { data: op.data ?? Buffer.alloc(0), version: 0 })
        return undefined
      case 'delete':
        if (!node) return 'NO_NODE'
        if (op.version !== -1 && op.version !== node.version) return 'BAD_VERSION'
        if (this.hasChildren(nodes, op.path)) return 'NOT_EMPTY'
        nodes.delete(op.path)
        return undefined
      case 'setData':
        if (!node) return 'NO_NODE'
        if (op.version !== -1 && op.version !== node.version) return 'BAD_VERSION'
        nodes.set(op.path, { data: op.data ?? Buffer.alloc(0), version: node.version + 1 })
        return undefined
      case 'check':
        if (!node) return 'NO_NODE'
        return op.version !== -1 && op.version !== node.version ? 'BAD_VERSION' : undefined
    }
  }

  /** True when this request loses its connection. */
  lost(kind: string): boolean {
    this.requests.push(kind)
    return this.loseConnectionAt === this.requests.length - 1
  }

  private client() {
    return clientOf(this)
  }

  /** A ZkSession whose `run` reaches this fake. */
  session(): ZkSession {
    const client = this.client()
    return {
      run<T>(_path: string, start: (c: unknown, done: Callback<T>) => void): Promise<T> {
        return new Promise<T>((resolve, reject) => start(client, (error, value) => (error ? reject(error) : resolve(value as T))))
      },
    } as unknown as ZkSession
  }
}

function clientOf(fake: FakeZk) {
  return {
    transaction() {
      const ops: Op[] = []
      const tx = {
        ops,
        create(path: string, data: Buffer) {
          ops.push({ type: 'create', path, data })
          return tx
        },
        remove(path: string, version: number) {
          ops.push({ type: 'delete', path, version: version || -1 })
          return tx
        },
        setData(path: string, data: Buffer, version: number) {
          ops.push({ type: 'setData', path, data, version: version || -1 })
          return tx
        },
        check(path: string, version: number) {
          ops.push({ type: 'check', path, version: version || -1 })
          return tx
        },
        commit(callback: (error: unknown, results?: unknown) => void) {
          if (fake.lost('multi')) return setImmediate(() => callback(exception('CONNECTION_LOSS')))
          const draft = new Map(fake.nodes)
          const results: { type: number; err: number }[] = []
          let failure: string | undefined
          for (const op of ops) {
            if (failure) {
              results.push({ type: -1, err: -2 })
              continue
            }
            failure = fake.apply(draft, op)
            results.push(failure ? { type: -1, err: CODES[failure] ?? -1 } : { type: -1, err: 0 })
          }
          if (failure) return setImmediate(() => callback(exception(failure as string), results))
          fake.nodes = draft
          setImmediate(() => callback(null, ops.map((op) => (op.type === 'create' ? { type: 1, path: op.path } : { type: 2 }))))
        },
      }
      return tx
    },
    create(path: string, data: Buffer, _acl: unknown, _mode: number, callback: (error: unknown, path?: string) => void) {
      if (fake.lost('create')) return setImmediate(() => callback(exception('CONNECTION_LOSS')))
      const failure = fake.apply(fake.nodes, { type: 'create', path, data })
      setImmediate(() => (failure ? callback(exception(failure)) : callback(null, path)))
    },
    remove(path: string, version: number, callback: (error: unknown) => void) {
      if (fake.lost('delete')) return setImmediate(() => callback(exception('CONNECTION_LOSS')))
      const failure = fake.apply(fake.nodes, { type: 'delete', path, version })
      setImmediate(() => callback(failure ? exception(failure) : null))
    },
    setData(path: string, data: Buffer, version: number, callback: (error: unknown, stat?: unknown) => void) {
      if (fake.lost('setData')) return setImmediate(() => callback(exception('CONNECTION_LOSS')))
      const failure = fake.apply(fake.nodes, { type: 'setData', path, data, version })
      const node = fake.nodes.get(path)
      setImmediate(() => (failure || !node ? callback(exception(failure ?? 'NO_NODE')) : callback(null, emptyStat(node))))
    },
  }
}
