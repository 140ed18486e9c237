/**
 * Which create modes the console can send. node-zookeeper-client 1.1.3 sends
 * only the classic create opcode: container and TTL nodes need the create2
 * family (opcodes 19 and 21), and measured against a 3.8.0 server mode 4
 * silently makes a persistent node while TTL modes give BAD_ARGUMENTS. They
 * are refused here with the reason instead.
 */
import { ZkError } from '../../../shared/protocol/errors'
import type { CreateMode, CreateModeInfo } from '../../../shared/protocol/edit-api'
import { MODE } from './multi'

const EPHEMERAL_NOTE = "lives only as long as the console's session: it disappears when this connection closes or its session expires"
const CONTAINER_NOTE =
  'container nodes need the create2 request (opcode 19), which the client library (node-zookeeper-client 1.1.3) cannot send; it would silently create a persistent node instead'
const TTL_NOTE =
  'TTL nodes need the create2 request with a TTL (opcode 21) and extendedTypesEnabled on the server; the client library (node-zookeeper-client 1.1.3) cannot send it'

export const CREATE_MODE_INFO: readonly CreateModeInfo[] = [
  { mode: 'persistent', supported: true, ephemeral: false, sequential: false },
  { mode: 'ephemeral', supported: true, ephemeral: true, sequential: false, note: EPHEMERAL_NOTE },
  { mode: 'persistent-sequential', supported: true, ephemeral: false, sequential: true },
  { mode: 'ephemeral-sequential', supported: true, ephemeral: true, sequential: true, note: EPHEMERAL_NOTE },
  { mode: 'container', supported: false, ephemeral: false, sequential: false, note: CONTAINER_NOTE },
  { mode: 'persistent-ttl', supported: false, ephemeral: false, sequential: false, note: TTL_NOTE },
  { mode: 'persistent-sequential-ttl', supported: false, ephemeral: false, sequential: true, note: TTL_NOTE },
]

const LIBRARY_MODE: Partial<Record<CreateMode, number>> = {
  persistent: MODE.PERSISTENT,
  ephemeral: MODE.EPHEMERAL,
  'persistent-sequential': MODE.PERSISTENT_SEQUENTIAL,
  'ephemeral-sequential': MODE.EPHEMERAL_SEQUENTIAL,
}

/** The library's mode number, or INVALID_PARAMS with the reason the mode is not available. */
export function libraryMode(mode: CreateMode): number {
  const value = LIBRARY_MODE[mode]
  if (value !== undefined) return value
  const info = CREATE_MODE_INFO.find((m) => m.mode === mode)
  throw new ZkError('INVALID_PARAMS', `cannot create a ${mode} node: ${info?.note ?? 'unsupported mode'}`)
}
