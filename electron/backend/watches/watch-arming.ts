/**
 * Arms one one-shot watch through the library and removes it again. The
 * library cannot remove a watch from the server (no removeWatches), but
 * dropping our listener keeps it out of the SetWatches packet the library
 * re-sends after every reconnect, whose size must stay under 1 MiB.
 */
import type { Client, Event, Stat } from 'node-zookeeper-client'
import type { WatchKind } from '../../../shared/protocol/watch-api'
import { convertStat, type ZnodeStat } from '../../../shared/zk/stat'
import type { ZkSession } from '../connections/zk-session'

export type Watcher = (event: Event) => void

export type ArmResult =
  | { exists: true; stat: ZnodeStat; children?: string[]; data?: Buffer }
  | { exists: false }

/** Arms `kind` on an existing node, or an existence watch when it is missing. */
export async function arm(session: ZkSession, path: string, kind: WatchKind, watcher: Watcher): Promise<ArmResult> {
  try {
    if (kind === 'children') {
      const { children, stat } = await session.run<{ children: string[]; stat: Stat }>(path, (client, done) =>
        client.getChildren(path, watcher, (error, list, s) => done(error, { children: list, stat: s })),
      )
      return { exists: true, stat: convertStat(stat), children }
    }
    const { data, stat } = await session.run<{ data: Buffer; stat: Stat }>(path, (client, done) =>
      client.getData(path, watcher, (error, bytes, s) => done(error, { data: bytes ?? Buffer.alloc(0), stat: s })),
    )
    return { exists: true, stat: convertStat(stat), data }
  } catch (error) {
    if ((error as { code?: string }).code !== 'NO_NODE') throw error
    return armExistence(session, path, watcher)
  }
}

/** An exists() watch fires when the node is created (or, if it exists by then, changed or deleted). */
export async function armExistence(session: ZkSession, path: string, watcher: Watcher): Promise<ArmResult> {
  const stat = await session.run<Stat | undefined>(path, (client, done) => client.exists(path, watcher, (error, s) => done(error, s)))
  return stat ? { exists: true, stat: convertStat(stat) } : { exists: false }
}

interface WatcherTable {
  [path: string]: { removeListener(event: 'notification', fn: Watcher): void } | undefined
}

interface WatcherManagerInternals {
  dataWatchers: WatcherTable
  childWatchers: WatcherTable
  existenceWatchers: WatcherTable
}

/** Forgets our listener in the library so it is not re-sent after a reconnect. */
export function disarm(client: Client, path: string, watcher: Watcher): void {
  const manager = (client as unknown as { connectionManager: { watcherManager: WatcherManagerInternals } }).connectionManager
    .watcherManager
  for (const table of [manager.dataWatchers, manager.childWatchers, manager.existenceWatchers]) {
    table[path]?.removeListener('notification', watcher)
  }
}
