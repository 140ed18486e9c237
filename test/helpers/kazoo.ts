/**
 * An independent ZooKeeper client for tests: kazoo in /usr/bin/python3. What it reads or writes
 * does not go through our code, so a test cannot pass because both sides share one bug.
 */
import { execFile } from 'node:child_process'

const PYTHON = process.env['KAZOO_PYTHON'] ?? '/usr/bin/python3'

// Runs `body` with `zk` (a started KazooClient), `args` (the JSON input) and `b64`; the body
// assigns `result`, printed as JSON. kazoo's errors come back as {"error": "<ExceptionName>"}.
const PRELUDE = `
import json, sys, base64
from kazoo.client import KazooClient
import kazoo.exceptions as kx
b64 = lambda b: None if b is None else base64.b64encode(b).decode()
args = json.loads(sys.argv[1])
zk = KazooClient(hosts=args['hosts'], timeout=10, connection_retry={'max_tries': 3})
zk.start(timeout=15)
for cred in args.get('auth', []):
    zk.add_auth('digest', cred)
result = None
try:
    exec(sys.argv[2])
except kx.KazooException as e:
    result = {'error': type(e).__name__}
finally:
    zk.stop()
    zk.close()
print(json.dumps(result))
`

export interface KazooOptions {
  /** Digest credentials `user:password` added to the session before the body runs. */
  auth?: string[]
  timeoutMs?: number
}

/** Runs a Python snippet against the ensemble and returns its JSON `result`. */
export function runKazoo<T>(connectString: string, body: string, input: Record<string, unknown> = {}, options: KazooOptions = {}): Promise<T> {
  const payload = JSON.stringify({ ...input, hosts: connectString, auth: options.auth ?? [] })
  return new Promise((resolve, reject) => {
    execFile(PYTHON, ['-c', PRELUDE, payload, body], { timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        reject(new Error(`kazoo failed (${error.message}):\n${stderr}`))
        return
      }
      try {
        resolve(JSON.parse(stdout) as T)
      } catch {
        reject(new Error(`kazoo printed no JSON:\n${stdout}\n${stderr}`))
      }
    })
  })
}

export interface KazooNode {
  data: Buffer
  ephemeralOwner: bigint
  numChildren: number
  dataLength: number
  version: number
}

export type KazooGet = { ok: true; node: KazooNode } | { ok: false; error: string }

/** getData + Stat through kazoo; errors such as `NoAuthError` or `NoNodeError` come back by name. */
export async function kazooGet(connectString: string, path: string, options: KazooOptions = {}): Promise<KazooGet> {
  const raw = await runKazoo<{ error: string } | { data: string; owner: string; numChildren: number; dataLength: number; version: number }>(
    connectString,
    "d, s = zk.get(args['path']); result = {'data': b64(d) or '', 'owner': str(s.ephemeralOwner), 'numChildren': s.numChildren, 'dataLength': s.dataLength, 'version': s.version}",
    { path },
    options,
  )
  if ('error' in raw) return { ok: false, error: raw.error }
  return {
    ok: true,
    node: { data: Buffer.from(raw.data, 'base64'), ephemeralOwner: BigInt(raw.owner), numChildren: raw.numChildren, dataLength: raw.dataLength, version: raw.version },
  }
}

/** getChildren through kazoo. */
export async function kazooChildren(connectString: string, path: string, options: KazooOptions = {}): Promise<string[]> {
  const raw = await runKazoo<{ error: string } | string[]>(connectString, "result = zk.get_children(args['path'])", { path }, options)
  if (!Array.isArray(raw)) throw new Error(`kazoo get_children ${path}: ${raw.error}`)
  return raw
}
