/**
 * Data for the node inspector's UI tests, written by kazoo (an independent
 * client) so a decoder cannot pass by sharing a bug with our writer: every
 * format the inspector shows, in the bytes real systems store.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
import { runKazoo } from '../helpers/kazoo'

export const ROOT = '/insp'
export const LARGE_BYTES = 1_000_000
export const BIG_ID = '12345678901234567890'

/** Python that builds every node; `png` is a real 12×8 RGB PNG made with zlib. */
const SEED = `
import gzip, json, struct, zlib
from kazoo.security import make_digest_acl, make_acl
R = '/insp'
def put(name, data, **kw):
    zk.create(R + '/' + name, data, makepath=True, **kw)
put('config.json', ('{"service": "订单服务", "port": 8080, "id": ${BIG_ID}, "ratio": 1.50, '
    '"servers": [{"host": "10.0.0.5", "weight": 10}, {"host": "10.0.0.6", "weight": 20}], "enabled": true, "owner": null}').encode())
put('broken.json', b'{\\n  "port": 8080,\\n  "name": oops\\n}')
put('application.yaml', '# 应用配置\\nserver:\\n  port: 8080\\nspring:\\n  application:\\n    name: 订单服务\\n  profiles: [prod, 华东]\\n'.encode())
put('log4j2.xml', b'<?xml version="1.0" encoding="UTF-8"?><Configuration status="WARN"><Appenders><Console name="Console" target="SYSTEM_OUT"><PatternLayout pattern="%d %p %c{1.} %m%n"/></Console></Appenders><Loggers><Root level="info"><AppenderRef ref="Console"/></Root></Loggers></Configuration>')
put('bad.xml', b'<config>\\n  <a>1</b>\\n</config>')
put('db.properties', b'# database\\ndb.url=jdbc:mysql://db:3306/orders?useSSL=false\\ndb.user : app\\ngreeting=\\\\u4f60\\\\u597d\\nmulti = first \\\\\\n   second\\n')
put('gbk-message', '配置中心：订单服务已启动'.encode('gbk'))
put('utf16-note', 'UTF-16 文本 note'.encode('utf-16'))
put('settings.json.gz', gzip.compress(json.dumps({"theme": "dark", "locale": "zh-CN", "dashboards": [{"id": i, "title": "Dashboard %d" % i} for i in range(30)]}).encode()))
def chunk(kind, body):
    return struct.pack('>I', len(body)) + kind + body + struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff)
raw = b''.join(b'\\x00' + b''.join(bytes([(x * 20) % 256, (y * 30) % 256, 160]) for x in range(12)) for y in range(8))
png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 12, 8, 8, 2, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b'')
put('logo.png', png)
put('binary.bin', bytes([0x00, 0x01, 0x02, 0xff, 0xfe, 0x7f, 0x80, 0x41]))
put('provider', b'dubbo%3A%2F%2F10.0.0.5%3A20880%2Forg.apache.dubbo.demo.DemoService%3Fanyhost%3Dtrue%26application%3Ddemo-provider%26methods%3DsayHello%2CsayHelloAsync%26timeout%3D3000')
line = b'INFO  2025-03-20T10:15:00Z order-service  processed order batch; latency_ms=12 items=250\\n'
put('large.log', (line * (${LARGE_BYTES} // len(line) + 1))[:${LARGE_BYTES}])
items = [{"id": i, "name": "item %d" % i, "tags": ["a", "b"], "price": i * 1.25} for i in range(20000)]
items = items[:len(items) * ${LARGE_BYTES} // len(json.dumps(items)) - 10]
put('big.json', json.dumps(items).encode())
put('plain', b'127.0.0.1')
put('guarded', b'guarded', acl=[make_acl('world', 'anyone', read=True), make_digest_acl('ops', 's3cret', all=True)])
result = {'png': b64(png)}
`

export async function seedInspector(connectString: string): Promise<{ png: Buffer }> {
  const done = await runKazoo<{ png: string } | { error: string }>(connectString, SEED)
  if ('error' in done) throw new Error(`seeding the inspector data failed: ${done.error}`)
  return { png: Buffer.from(done.png, 'base64') }
}

export interface EphemeralHolder {
  /** kazoo's session id, as the hex the inspector shows. */
  sessionHex: string
  stop(): void
}

/** A kazoo session that creates ROOT/holder (ephemeral) and keeps it alive until stopped. */
export async function holdEphemeral(connectString: string): Promise<EphemeralHolder> {
  const script = `
import sys, time
from kazoo.client import KazooClient
zk = KazooClient(hosts=sys.argv[1]); zk.start(timeout=15)
zk.create('${ROOT}/holder', b'held by kazoo', ephemeral=True, makepath=True)
print(hex(zk.client_id[0]), flush=True)
time.sleep(600)
`
  const child: ChildProcess = spawn('/usr/bin/python3', ['-c', script, connectString], { stdio: ['ignore', 'pipe', 'inherit'] })
  const sessionHex = await new Promise<string>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the ephemeral holder exited (${code})`)))
    child.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
  })
  return { sessionHex, stop: () => child.kill() }
}

export function nodePanel(page: Page, name = 'Node'): Locator {
  return page.getByRole('region', { name, exact: true })
}

/** Opens a node of ROOT by clicking its row, and waits for its heading in the inspector. */
export async function openRow(page: Page, tree: Locator, name: string, panelName = 'Node'): Promise<Locator> {
  await tree.getByRole('treeitem', { name, exact: true }).click()
  const panel = nodePanel(page, panelName)
  await panel.getByRole('heading', { name: `${ROOT}/${name}`, exact: true }).waitFor()
  return panel
}

/** The text CodeMirror shows (rendered lines only: enough for small values). */
export async function codeText(panel: Locator): Promise<string> {
  const content = panel.locator('.cm-content').first()
  await content.waitFor()
  return content.innerText()
}

/** The value of the inspector's "View as" select. */
export function viewSelect(panel: Locator, label = 'View as'): Locator {
  return panel.getByRole('combobox', { name: label })
}

export async function expectView(panel: Locator, value: string): Promise<void> {
  await expect.poll(() => viewSelect(panel).inputValue()).toBe(value)
}
