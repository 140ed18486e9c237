import { describe, expect, it } from 'vitest'
import type { NodeData } from '../../../../../../shared/protocol/types'
import { bytesToBase64 } from '../../../../../../shared/zk/base64'
import { toNodeData } from '../../../../../../shared/zk/node-data'
import type { DataSource } from '../../use-data-source'
import { editCheck } from '../edit-block'
import { bytesToSave, theirsText } from '../edit-form'

/** The platform's own (de)compressor, the same the browser has. */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream)).arrayBuffer())
}

const ready = (bytes: Uint8Array, gzip = false): DataSource => ({
  status: 'ready',
  bytes,
  raw: bytes,
  ...(gzip ? { gzip: { compressedSize: 1, size: bytes.length, truncated: false } } : {}),
})
const check = (bytes: Uint8Array, charset: Parameters<typeof editCheck>[0]['charset'], source = ready(bytes)) =>
  editCheck({ data: toNodeData(bytes), source, charset, readOnly: false, live: true })

describe('editCheck', () => {
  it('opens GBK, UTF-16 with a mark and gzip text in the form they were read', () => {
    expect(check(new Uint8Array([0xc5, 0xe4, 0xd6, 0xc3]), 'gb18030')).toEqual({
      start: { text: '配置', form: { charset: 'gb18030', bom: false, gzip: false } },
    })
    expect(check(new Uint8Array([0xfe, 0xff, 0x00, 0x41]), 'utf-16be')).toEqual({
      start: { text: 'A', form: { charset: 'utf-16be', bom: true, gzip: false } },
    })
    const inner = new TextEncoder().encode('{"a":1}')
    expect(check(inner, 'utf-8', ready(inner, true))).toEqual({ start: { text: '{"a":1}', form: { charset: 'utf-8', bom: false, gzip: true } } })
  })

  it('says why bytes cannot be edited', () => {
    expect(check(new Uint8Array([0xff, 0xfe]), 'utf-8')).toEqual({ block: 'notExact' })
    expect(check(new Uint8Array([0xa3, 0xa0]), 'gb18030')).toEqual({ block: 'notReversible' })
    expect(check(new Uint8Array([0x00, 0x01, 0x41]), 'iso-8859-1')).toEqual({ block: 'binary' })
    const cut: DataSource = { status: 'ready', bytes: new Uint8Array([0x41]), raw: new Uint8Array([0x1f, 0x8b]), gzip: { compressedSize: 2, size: 1, truncated: true } }
    expect(check(new Uint8Array([0x1f, 0x8b]), 'utf-8', cut)).toEqual({ block: 'gzipTruncated' })
    expect(editCheck({ data: toNodeData(new Uint8Array([1])), source: ready(new Uint8Array([1])), charset: 'utf-8', readOnly: true, live: true })).toEqual({ block: 'readOnly' })
  })
})

describe('bytesToSave', () => {
  it('re-compresses gzip text so that it decompresses to the text in its charset', async () => {
    const saved = await bytesToSave('配置', { charset: 'gb18030', bom: false, gzip: true })
    if (!saved.ok) throw new Error('not encoded')
    expect([...saved.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b])
    expect([...(await pipe(saved.bytes, new DecompressionStream('gzip')))]).toEqual([0xc5, 0xe4, 0xd6, 0xc3])
  })

  it('passes a character the charset cannot hold back as a problem, before compressing', async () => {
    expect(await bytesToSave('a€', { charset: 'iso-8859-1', bom: false, gzip: true })).toMatchObject({ ok: false, problem: { codePoint: 0x20ac } })
  })
})

describe('theirsText', () => {
  const data = (bytes: Uint8Array): NodeData => ({ ...toNodeData(bytes), base64: bytesToBase64(bytes) })

  it('reads the server bytes in the edited form, decompressing and dropping the mark', async () => {
    const gz = await pipe(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), new CompressionStream('gzip'))
    expect(await theirsText(data(gz), { charset: 'utf-16le', bom: true, gzip: true })).toEqual({ text: 'A', exact: true })
  })

  it('says when the server bytes are no longer in that form', async () => {
    expect(await theirsText(data(new TextEncoder().encode('plain')), { charset: 'utf-8', bom: false, gzip: true })).toMatchObject({ exact: false })
  })
})
