import zookeeper from 'node-zookeeper-client'

/**
 * Minimal promise wrapper over node-zookeeper-client for the seeder and the demo sessions.
 * The console's real session wrapper lives in backend/connections; this one only writes.
 */
export type ZkClient = zookeeper.Client

export interface OpenSessionOptions {
  /** Digest credentials `user:password`, added before connecting so the server applies them at once. */
  auth?: string[]
  connectTimeoutMs?: number
  sessionTimeoutMs?: number
}

export function openSession(connectString: string, options: OpenSessionOptions = {}): Promise<ZkClient> {
  const client = zookeeper.createClient(connectString, { sessionTimeout: options.sessionTimeoutMs ?? 30_000, spinDelay: 200, retries: 0 })
  for (const credential of options.auth ?? []) client.addAuthInfo('digest', Buffer.from(credential))
  const timeoutMs = options.connectTimeoutMs ?? 15_000
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // The library retries failed connections forever; give up and stop it.
      client.close()
      reject(new Error(`could not connect to ${connectString} within ${timeoutMs} ms`))
    }, timeoutMs)
    client.once('connected', () => {
      clearTimeout(timer)
      resolve(client)
    })
    client.connect()
  })
}

/** Closes the session (its ephemeral nodes go away) and waits briefly for the socket to close. */
export function closeSession(client: ZkClient, timeoutMs = 2_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    client.once('disconnected', () => {
      clearTimeout(timer)
      resolve()
    })
    client.close()
  })
}

export type SeedMode = 'persistent' | 'persistent_sequential' | 'ephemeral' | 'ephemeral_sequential'

export const MODES: Record<SeedMode, number> = {
  persistent: zookeeper.CreateMode.PERSISTENT,
  persistent_sequential: zookeeper.CreateMode.PERSISTENT_SEQUENTIAL,
  ephemeral: zookeeper.CreateMode.EPHEMERAL,
  ephemeral_sequential: zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL,
}

/** create(); resolves with the created path (which carries the sequence suffix, if any). */
export function createNode(client: ZkClient, path: string, data: Buffer, acl: zookeeper.ACL[], mode: SeedMode): Promise<string> {
  return new Promise((resolve, reject) => {
    client.create(path, data, acl, MODES[mode], (error, created) => {
      if (error) reject(new Error(`create ${path} failed: ${error.toString()}`))
      else resolve(created)
    })
  })
}

/** The session id as ZooKeeper prints it (0x...), for messages and tests. */
export function sessionIdHex(client: ZkClient): string {
  return `0x${client.getSessionId().toString('hex').replace(/^0+(?=.)/, '')}`
}
