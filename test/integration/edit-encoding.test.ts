/**
 * Saving text in the encoding it was read in, against real ZooKeeper: the
 * bytes are written by kazoo in Python's own GBK, UTF-16 and gzip, opened
 * and re-encoded by the console's code (shared/zk/edit-text.ts and the
 * platform's CompressionStream, as the editor does), saved with setData, read back by kazoo and compared byte
 * for byte with what Python's codecs make of the edited text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Charset } from '../../shared/zk/charsets'
import { openAsText, textToBytes, type TextForm } from '../../shared/zk/edit-text'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { kazooGet, runKazoo } from '../helpers/kazoo'
import { startEditHarness, b64, type EditHarness } from './edit-harness'

let ensemble: TestEnsemble
let harness: EditHarness
let id: string

beforeAll(async () => {
  ensemble = await startEnsemble({ size: 1 })
  harness = startEditHarness()
  id = await harness.connect(ensemble.connectString)
  const seeded = await runKazoo<boolean>(
    ensemble.connectString,
    `
import gzip
zk.create('/enc/gbk', '配置中心：订单服务'.encode('gbk'), makepath=True)
zk.create('/enc/utf16', 'name=订单\\n'.encode('utf-16'))
zk.create('/enc/utf16be', 'A-订单'.encode('utf-16-be'))
zk.create('/enc/latin1', 'café'.encode('latin-1'))
zk.create('/enc/gzip', gzip.compress('{"服务": "订单"}'.encode('gb18030')))
result = True
`,
  )
  if (seeded !== true) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`)
})

afterAll(async () => {
  await harness?.dispose()
  await ensemble?.stop()
})

/** Reads the node, opens it as the editor does, replaces its text, saves it through setData with the version read. */
async function edit(path: string, charset: Charset, change: (text: string) => string): Promise<TextForm & { gzip: boolean }> {
  const read = await kazooGet(ensemble.connectString, path)
  if (!read.ok) throw new Error(read.error)
  let bytes = new Uint8Array(read.node.data)
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b
  if (gzip) bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer())
  const opened = openAsText(bytes, charset)
  if (!opened.ok) throw new Error(`not editable: ${opened.reason}`)
  const encoded = textToBytes(change(opened.text), opened.form)
  if (!encoded.ok) throw new Error(`not encodable: ${JSON.stringify(encoded.problem)}`)
  const saved = gzip ? await compress(encoded.bytes) : encoded.bytes
  const result = await harness.call('setData', { connectionId: id, path, data: b64(saved), version: read.node.version })
  expect(result.status).toBe('saved')
  return { ...opened.form, gzip }
}

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer())
}

/** What Python makes of `text` with `codec` (gzip-decompressed first when the node holds gzip), compared as hex. */
async function pythonView(path: string, text: string, codec: string): Promise<{ stored: string; expected: string }> {
  return runKazoo(
    ensemble.connectString,
    `
import gzip
d, s = zk.get(args['path'])
if d[:2] == b'\\x1f\\x8b':
    d = gzip.decompress(d)
result = {'stored': d.hex(), 'expected': args['text'].encode(args['codec']).hex()}
`,
    { path, text, codec },
  )
}

describe('saving in the encoding read', () => {
  it('writes GBK text back as GBK', async () => {
    const form = await edit('/enc/gbk', 'gb18030', (text) => text.replace('订单', '支付'))
    expect(form).toEqual({ charset: 'gb18030', bom: false, gzip: false })
    const { stored, expected } = await pythonView('/enc/gbk', '配置中心：支付服务', 'gbk')
    expect(stored).toBe(expected)
  })

  it('writes UTF-16 with its byte order mark, and UTF-16 BE without one, as read', async () => {
    const le = await edit('/enc/utf16', 'utf-16le', (text) => `${text}port=8080\n`)
    expect(le).toEqual({ charset: 'utf-16le', bom: true, gzip: false })
    // Python's 'utf-16' writes a little-endian mark first on this machine, like the seed.
    const withMark = await pythonView('/enc/utf16', 'name=订单\nport=8080\n', 'utf-16')
    expect(withMark.stored).toBe(withMark.expected)
    expect(withMark.stored.startsWith('fffe')).toBe(true)

    await edit('/enc/utf16be', 'utf-16be', (text) => text.replace('A', 'B'))
    const be = await pythonView('/enc/utf16be', 'B-订单', 'utf-16-be')
    expect(be.stored).toBe(be.expected)
  })

  it('writes ISO-8859-1 byte for byte', async () => {
    await edit('/enc/latin1', 'iso-8859-1', (text) => `${text} crème`)
    const { stored, expected } = await pythonView('/enc/latin1', 'café crème', 'latin-1')
    expect(stored).toBe(expected)
  })

  it('re-compresses gzip text, keeping the charset inside', async () => {
    const form = await edit('/enc/gzip', 'gb18030', (text) => text.replace('订单', '库存'))
    expect(form).toEqual({ charset: 'gb18030', bom: false, gzip: true })
    const read = await kazooGet(ensemble.connectString, '/enc/gzip')
    expect(read.ok && [...read.node.data.subarray(0, 2)]).toEqual([0x1f, 0x8b])
    const { stored, expected } = await pythonView('/enc/gzip', '{"服务": "库存"}', 'gb18030')
    expect(stored).toBe(expected)
  })
})
