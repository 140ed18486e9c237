/** Reads what an import plans from: a file (desktop) or text sent inline (web mode). */
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute } from 'node:path'
import { ZkError } from '../../../shared/protocol/errors'
import { INLINE_LIMIT_BYTES, type ImportSource } from '../../../shared/protocol/edit-api'

/** An import holds the parsed file in memory until it is applied; beyond this, split the export. */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024

export async function readImportSource(source: ImportSource, fileAccess: boolean): Promise<string> {
  if (source.kind === 'inline') {
    if (Buffer.byteLength(source.text, 'utf8') > INLINE_LIMIT_BYTES) throw new ZkError('TOO_LARGE', 'the inline import is over the limit: import from a file')
    return source.text
  }
  if (!fileAccess) throw new ZkError('INVALID_PARAMS', 'this console cannot read files here (web mode): send the text inline')
  if (!isAbsolute(source.path)) throw new ZkError('INVALID_PARAMS', `the file path must be absolute: ${source.path}`)
  const info = await stat(source.path).catch(() => undefined)
  if (!info?.isFile()) throw new ZkError('INVALID_PARAMS', `no such file: ${source.path}`)
  if (info.size > MAX_IMPORT_FILE_BYTES) throw new ZkError('TOO_LARGE', `${source.path} is over ${MAX_IMPORT_FILE_BYTES} bytes`)
  return readFile(source.path, 'utf8')
}
