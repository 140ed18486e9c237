import type { ZkApi } from '../../../../shared/protocol/api'
import type { Destination, EditCapabilities } from '../../../../shared/protocol/edit-api'

/**
 * Where a one-click export goes. On the desktop the backend writes the file itself, so the
 * user picks it in the OS dialog (which asks before replacing a file); null when they cancel.
 * Elsewhere the text comes back inline and the browser downloads it.
 */
export async function chooseExportDestination(
  api: ZkApi,
  caps: Pick<EditCapabilities, 'fileAccess' | 'inlineLimitBytes'>,
  defaultName: string,
  extension: string,
): Promise<Destination | null> {
  if (!caps.fileAccess) return { kind: 'inline', maxBytes: caps.inlineLimitBytes }
  const { path } = await api.pickFile({ mode: 'save', defaultName, extensions: [extension] })
  return path === null ? null : { kind: 'file', path, overwrite: true }
}

/** POSIX `/…`, Windows `C:\…` or `C:/…`, and UNC `\\server\…`: what the backend accepts as a file to write. */
export function isAbsoluteFilePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\')
}
