/** What the UI needs to know before it offers writes on a connection. */
import { INLINE_LIMIT_BYTES, type EditCapabilities } from '../../../shared/protocol/edit-api'
import { BATCH_BYTES, MAX_REQUEST_BYTES } from '../../../shared/zk/write-rules'
import { CREATE_MODE_INFO } from './create-modes'
import type { EditContext } from './edit-context'

export function editCapabilities(ctx: EditContext, connectionId: string): EditCapabilities {
  const info = ctx.connections.info(connectionId)
  const caps: EditCapabilities = {
    connectionId,
    name: info.name,
    environment: info.environment,
    readOnly: info.readOnly,
    confirmWrites: info.environment === 'production',
    createModes: CREATE_MODE_INFO.map((m) => ({ ...m })),
    maxRequestBytes: MAX_REQUEST_BYTES,
    batchBytes: BATCH_BYTES,
    inlineLimitBytes: INLINE_LIMIT_BYTES,
    fileAccess: ctx.fileAccess,
  }
  if (info.chroot) caps.chroot = info.chroot
  return caps
}
