import type { ApiHandlers } from '../../../shared/rpc/server'
import { ZkError } from '../../../shared/protocol/errors'
import type { FilePickRequest } from '../../../shared/protocol/host-api'

/** The OS file dialog, given by the Electron main process; absent in web mode. Null when cancelled. */
export type FilePicker = (request: FilePickRequest) => Promise<string | null>

export function hostHandlers(pickFile: FilePicker | undefined): Pick<ApiHandlers, 'pickFile'> {
  return {
    pickFile: async (request) => {
      if (!pickFile) throw new ZkError('INVALID_PARAMS', 'there is no file dialog in web mode: type the path instead')
      return { path: await pickFile(request) }
    },
  }
}
