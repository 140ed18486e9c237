/**
 * Where an export goes: a file written through a temporary name and renamed
 * when complete (a failed or cancelled export never leaves a file that looks
 * whole), or text returned inline up to a cap (web mode).
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { rename, rm, stat } from 'node:fs/promises'
import { dirname, isAbsolute } from 'node:path'
import { randomBytes } from 'node:crypto'
import { ZkError } from '../../../shared/protocol/errors'
import type { Destination } from '../../../shared/protocol/edit-api'

export interface DestinationResult {
  bytes: number
  filePath?: string
  text?: string
}

export interface DestinationWriter {
  write(text: string): Promise<void>
  readonly bytes: number
  finish(): Promise<DestinationResult>
  /** Removes what was written; safe after finish or twice. */
  abort(): Promise<void>
}

/** Refuses file paths that are relative, whose folder is missing, or that exist without `overwrite`. */
export async function checkFileTarget(path: string, overwrite: boolean, fileAccess: boolean): Promise<void> {
  if (!fileAccess) throw new ZkError('INVALID_PARAMS', 'this console cannot write files here (web mode): use an inline destination')
  if (!isAbsolute(path)) throw new ZkError('INVALID_PARAMS', `the file path must be absolute: ${path}`)
  const folder = await stat(dirname(path)).catch(() => undefined)
  if (!folder?.isDirectory()) throw new ZkError('INVALID_PARAMS', `the folder does not exist: ${dirname(path)}`)
  const existing = await stat(path).catch(() => undefined)
  if (existing && !overwrite) throw new ZkError('INVALID_PARAMS', `the file exists: ${path} (ask to overwrite it)`)
  if (existing && !existing.isFile()) throw new ZkError('INVALID_PARAMS', `not a regular file: ${path}`)
}

export async function openDestination(destination: Destination, fileAccess: boolean): Promise<DestinationWriter> {
  if (destination.kind === 'inline') return inlineWriter(destination.maxBytes)
  await checkFileTarget(destination.path, destination.overwrite, fileAccess)
  return fileWriter(destination.path)
}

function inlineWriter(maxBytes: number): DestinationWriter {
  const parts: string[] = []
  let bytes = 0
  return {
    async write(text) {
      bytes += Buffer.byteLength(text, 'utf8')
      if (bytes > maxBytes) {
        throw new ZkError('TOO_LARGE', `the result is over the inline limit of ${maxBytes.toLocaleString('en-US')} bytes: write it to a file instead`)
      }
      parts.push(text)
    },
    get bytes() {
      return bytes
    },
    async finish() {
      return { bytes, text: parts.join('') }
    },
    async abort() {
      parts.length = 0
    },
  }
}

function fileWriter(path: string): DestinationWriter {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.partial`
  const stream: WriteStream = createWriteStream(temporary, { flags: 'wx', mode: 0o600 })
  let failure: Error | undefined
  stream.on('error', (error) => (failure = error))
  let bytes = 0
  let done = false
  const fail = (error: Error) => new ZkError('INTERNAL', `could not write ${path}: ${error.message}`)
  return {
    async write(text) {
      if (failure) throw fail(failure)
      bytes += Buffer.byteLength(text, 'utf8')
      // Wait for the disk when the stream's buffer is full, so a big export never sits in memory.
      if (!stream.write(text, 'utf8')) {
        await new Promise<void>((resolve, reject) => {
          const onError = (error: Error) => reject(fail(error))
          stream.once('error', onError)
          stream.once('drain', () => {
            stream.off('error', onError)
            resolve()
          })
        })
      }
    },
    get bytes() {
      return bytes
    },
    async finish() {
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(fail(error)) : resolve())))
      if (failure) throw fail(failure)
      await rename(temporary, path)
      done = true
      return { bytes, filePath: path }
    },
    async abort() {
      if (done) return
      done = true
      // The file is created by an open still in flight on the thread pool; removing it
      // before the stream has closed can lose the race and leave it behind.
      if (!stream.closed) await new Promise<void>((resolve) => stream.once('close', () => resolve()).destroy())
      await rm(temporary, { force: true })
    },
  }
}
