/**
 * One multi-op transaction on a session, and the same ops sent one at a
 * time. The library's Transaction turns a version of 0 into -1 (`version ||
 * -1`), which would make every check on a fresh node blind: the version is
 * pinned on the op after the builder has added it.
 */
import type { Client, Transaction } from 'node-zookeeper-client'
import type { AclEntry } from '../../../shared/protocol/types'
import { ZkError } from '../../../shared/protocol/errors'
import { convertStat, type RawStat, type ZnodeStat } from '../../../shared/zk/stat'
import type { ZkSession } from '../connections/zk-session'
import { toZkError } from '../connections/zk-errors'
import { toLibraryAcl } from './zk-acl'

/** Library create modes. */
export const MODE = { PERSISTENT: 0, EPHEMERAL: 1, PERSISTENT_SEQUENTIAL: 2, EPHEMERAL_SEQUENTIAL: 3 } as const

export type MultiOp =
  | { kind: 'create'; path: string; data: Buffer; acl: readonly AclEntry[]; mode: number }
  | { kind: 'setData'; path: string; data: Buffer; version: number }
  | { kind: 'delete'; path: string; version: number }
  | { kind: 'check'; path: string; version: number }

/** What one op produced: the created path, or the new Stat of a setData. */
export interface OpResult {
  path?: string
  stat?: ZnodeStat
}

export type MultiOutcome = { ok: true; results: OpResult[] } | { ok: false; index: number; error: ZkError }

interface RawResult {
  type: number
  err?: number
  path?: string
  stat?: RawStat
}

interface TransactionInternals {
  ops: { version?: number }[]
}

function pinVersion(tx: Transaction, version: number): void {
  const last = (tx as unknown as TransactionInternals).ops.at(-1)
  if (last) last.version = version
}

function addOp(tx: Transaction, op: MultiOp): void {
  switch (op.kind) {
    case 'create':
      tx.create(op.path, op.data, toLibraryAcl(op.acl), op.mode)
      return
    case 'setData':
      tx.setData(op.path, op.data, op.version)
      break
    case 'delete':
      tx.remove(op.path, op.version)
      break
    case 'check':
      tx.check(op.path, op.version)
      break
  }
  pinVersion(tx, op.version)
}

function toOpResult(raw: RawResult): OpResult {
  const out: OpResult = {}
  if (raw.path !== undefined) out.path = raw.path
  if (raw.stat) out.stat = convertStat(raw.stat)
  return out
}

/**
 * Commits the ops as one transaction. Resolves `ok: false` when the server
 * refused one op (then nothing was applied); rejects when the request itself
 * failed (connection lost, timeout, not connected): then the outcome is unknown.
 */
export function commitMulti(session: ZkSession, ops: readonly MultiOp[]): Promise<MultiOutcome> {
  const first = ops[0]?.path ?? '/'
  return session.run<MultiOutcome>(first, (client: Client, done) => {
    const tx = client.transaction()
    for (const op of ops) addOp(tx, op)
    tx.commit((error: unknown, results: unknown) => {
      if (!error) return done(null, { ok: true, results: (results as RawResult[]).map(toOpResult) })
      if (!Array.isArray(results)) return done(error)
      const index = (results as RawResult[]).findIndex((r) => r.err !== undefined && r.err !== 0)
      const at = Math.max(0, index)
      done(null, { ok: false, index: at, error: toZkError(error, ops[at]?.path) })
    })
  })
}

/** Sends one op on its own (also what a batch of one becomes: a multi adds bytes a 1 MiB value may not have). */
export function runSingle(session: ZkSession, op: MultiOp): Promise<OpResult> {
  return session.run<OpResult>(op.path, (client: Client, done) => {
    switch (op.kind) {
      case 'create':
        client.create(op.path, op.data, toLibraryAcl(op.acl), op.mode, (error, path) => done(error, error ? undefined : { path }))
        return
      case 'setData':
        client.setData(op.path, op.data, op.version, (error, stat) => done(error, error ? undefined : { stat: convertStat(stat) }))
        return
      case 'delete':
        client.remove(op.path, op.version, (error) => done(error, error ? undefined : {}))
        return
      case 'check':
        // A check on its own is an exists with the same verdicts the server gives inside a multi.
        client.exists(op.path, (error, stat) => {
          if (error) return done(error)
          if (!stat) return done(new ZkError('NO_NODE', `the node does not exist: ${op.path}`, op.path))
          if (stat.version !== op.version) return done(new ZkError('BAD_VERSION', `the node changed since it was read: ${op.path}`, op.path))
          done(null, { stat: convertStat(stat) })
        })
        return
    }
  })
}
