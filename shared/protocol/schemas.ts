/**
 * Runtime validators for every ZkApi params object. The mapped type below
 * makes `tsc` fail when a schema and the interface in api.ts drift apart.
 */
import { z } from 'zod'
import { checkPath } from '../zk/path'
import { parseConnectString } from '../zk/connect-string'
import type { ParamsOf, ZkMethod } from './api'
import { ENVIRONMENTS } from './types'
import { treeParamSchemas } from './tree-api'
import { watchParamSchemas } from './watch-api'
import { monitorParamSchemas } from './monitor-api'
import { editParamSchemas } from './edit-api'
import { hostParamSchemas } from './host-api'

/** A path the server would accept; the message says what is wrong. */
export const zPath = z.string().superRefine((value, ctx) => {
  const check = checkPath(value)
  if (!check.ok) {
    ctx.addIssue({
      code: 'custom',
      message: `invalid znode path "${value}": ${check.problem ?? 'invalid'}`,
    })
  }
})

const zConnectString = z
  .string()
  .max(4096)
  .superRefine((value, ctx) => {
    const parsed = parseConnectString(value)
    if (!parsed.ok) {
      ctx.addIssue({
        code: 'custom',
        message: `invalid connect string (${parsed.error}: ${parsed.detail})`,
      })
    }
  })

const zId = z.string().min(1).max(200)
const zEmpty = z.strictObject({})
/** ZooKeeper session timeouts are bounded by the server to 2–20 ticks; allow a wide range. */
const zSessionTimeout = z.number().int().min(1000).max(600_000)
/** A digest credential `user:password`; the user may not contain a colon. */
const zCredential = z
  .string()
  .max(1024)
  .regex(/^[^:]+:.*$/, 'a credential is "user:password"')
const zEnvironment = z.enum(ENVIRONMENTS)

const zProfileInput = z.strictObject({
  id: zId.optional(),
  name: z.string().trim().min(1).max(200),
  connectString: zConnectString,
  sessionTimeoutMs: zSessionTimeout,
  environment: zEnvironment,
  readOnly: z.boolean(),
})

const zNodeRef = z.strictObject({ connectionId: zId, path: zPath })

export const paramSchemas: { [M in ZkMethod]: z.ZodType<ParamsOf<M>> } = {
  getAppInfo: zEmpty,
  listProfiles: zEmpty,
  saveProfile: z.strictObject({
    profile: zProfileInput,
    credentials: z.array(zCredential).max(32).optional(),
    rememberCredentials: z.boolean(),
  }),
  deleteProfile: z.strictObject({ profileId: zId }),
  connect: z.strictObject({ profileId: zId }),
  connectAdHoc: z.strictObject({
    name: z.string().max(200).optional(),
    connectString: zConnectString,
    sessionTimeoutMs: zSessionTimeout.optional(),
    credentials: z.array(zCredential).max(32).optional(),
    readOnly: z.boolean().optional(),
    environment: zEnvironment.optional(),
  }),
  disconnect: z.strictObject({ connectionId: zId }),
  reconnect: z.strictObject({ connectionId: zId }),
  addCredentials: z.strictObject({ connectionId: zId, credentials: z.array(zCredential).min(1).max(32) }),
  listConnections: zEmpty,
  getChildren: zNodeRef,
  getNode: zNodeRef,
  exists: zNodeRef,
  getStats: z.strictObject({ connectionId: zId, paths: z.array(zPath).max(5000) }),
  getSandbox: zEmpty,
  startSandbox: zEmpty,
  stopSandbox: zEmpty,
  ...treeParamSchemas(zPath),
  ...watchParamSchemas(zPath),
  ...monitorParamSchemas,
  ...editParamSchemas(zPath),
  ...hostParamSchemas,
}

/** Turns a validation failure into one readable sentence. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
      return `${where}${issue.message}`
    })
    .join('; ')
}
