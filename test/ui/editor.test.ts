/**
 * The node panel's data editor in Chromium against the real backend and a
 * real ZooKeeper, with kazoo as the other writer: a save carries the version
 * read, a concurrent change is announced and shown as a conflict, overwrite
 * is deliberate and version-checked, "Keep editing" and "Reload theirs"
 * do what they say, undo restores the bytes and is refused once someone
 * else moved the node, and GBK, UTF-16 and gzip text is saved in the form
 * it was read in (byte for byte, checked with Python's codecs).
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { SCREENSHOT_DIR, launchChromium, openPage } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, expandRow, requireBuiltRenderer } from './ui-fixture'
import { nodePanel } from './inspector-fixture'

const ROOT = '/edt'
let ensemble: TestEnsemble
let server: BackendServer
let browser: Browser
let page: Page
let errors: string[]
let tree: Locator

interface Read {
  data: string
  version: number
}

const kazooGet = (path: string) =>
  runKazoo<Read>(ensemble.connectString, "d, s = zk.get(args['path'])\nresult = {'data': d.decode('utf-8'), 'version': s.version}", { path })
const kazooSet = (path: string, data: string) =>
  runKazoo<number>(ensemble.connectString, "result = zk.set(args['path'], args['data'].encode('utf-8')).version", { path, data })

/** Whether the node holds exactly what Python's codec makes of `text` (after gunzip, when it is gzip). */
const pythonBytes = (path: string, text: string, codec: string) =>
  runKazoo<{ same: boolean; version: number; gzip?: true }>(
    ensemble.connectString,
    `
import gzip
d, s = zk.get(args['path'])
result = {'version': s.version}
if d[:2] == b'\\x1f\\x8b':
    d = gzip.decompress(d)
    result['gzip'] = True
result['same'] = d == args['text'].encode(args['codec'])
`,
    { path, text, codec },
  )

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 1 })
  const seeded = await runKazoo<boolean>(
    ensemble.connectString,
    `
import gzip
zk.create('${ROOT}/config.json', b'{"port": 8080}', makepath=True)
zk.create('${ROOT}/gbk-message', '配置中心：订单服务已启动'.encode('gbk'))
zk.create('${ROOT}/utf16.properties', 'name=订单\\n'.encode('utf-16'))
zk.create('${ROOT}/settings.json.gz', gzip.compress('{"服务": "订单"}'.encode('utf-8')))
zk.create('${ROOT}/latin1', 'café'.encode('latin-1'))
result = True
`,
  )
  if (seeded !== true) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`)
  server = await startBackendServer()
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, server.pageUrl))
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await ensemble?.stop()
})

async function open(name: string): Promise<Locator> {
  await tree.getByRole('treeitem', { name, exact: true }).click()
  const panel = nodePanel(page)
  await panel.getByRole('heading', { name: `${ROOT}/${name}`, exact: true }).waitFor()
  return panel
}

/** Replaces the editor's whole text by typing, as a user would. */
async function typeText(panel: Locator, text: string, name = 'config.json'): Promise<void> {
  const editor = panel.getByRole('textbox', { name: `Edit the data of ${ROOT}/${name}` })
  await editor.click()
  await page.keyboard.press('Control+a')
  await page.keyboard.insertText(text)
}

describe('data editor', () => {
  it('connects', async () => {
    tree = await connectThroughDialog(page, { name: 'Editor', connectString: ensemble.connectString })
    await expandRow(tree, 'edt')
  })

  it('edits JSON with validation and saves with the version read', async () => {
    const panel = await open('config.json')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByText('Editing version 0').waitFor()
    await typeText(panel, '{"port": 9090,\n "name": }')
    await panel.getByRole('status').getByText(/^Not valid JSON: .* \(line 2, column \d+\)\. It can still be saved as text\.$/).waitFor()
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-invalid-light-en.png') })
    await typeText(panel, '{"port": 9090}')
    await expect.poll(() => panel.getByText(/^Not valid JSON/).count()).toBe(0)
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-light-en.png') })
    await page.keyboard.press('Control+s')
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 9090}', version: 1 })
    await panel.getByRole('treeitem', { name: /"port": 9090/ }).waitFor()
  })

  it('announces a change by another client, shows the conflict, and overwrites only deliberately', async () => {
    const panel = await open('config.json')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByText('Editing version 1').waitFor()
    await typeText(panel, '{"port": 7070}')
    expect(await kazooSet(`${ROOT}/config.json`, '{"port": 1111}')).toBe(2)
    await panel
      .getByRole('alert')
      .getByText('This node was changed on the server (version 2) since you started editing; saving will show the conflict.')
      .waitFor()
    await panel.getByRole('button', { name: 'Save', exact: true }).click()
    const conflict = panel.getByRole('region', { name: 'Conflict: the node changed since you read it' })
    await conflict.getByText('Theirs (server, version 2)').waitFor()
    await conflict.getByText('Yours (based on version 1)').waitFor()
    await conflict.getByRole('textbox', { name: 'Theirs (server, version 2)' }).getByText('1111').waitFor()
    await conflict.getByRole('textbox', { name: 'Yours (based on version 1)' }).getByText('7070').waitFor()
    // Nothing was written by the refused save.
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 1111}', version: 2 })
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-conflict-light-en.png') })

    await conflict.getByRole('button', { name: 'Overwrite theirs' }).click()
    const confirm = page.getByRole('dialog', { name: 'Overwrite version 2?' })
    await confirm.getByRole('button', { name: 'Overwrite', exact: true }).click()
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 7070}', version: 3 })
  })

  it('undoes the last edit while the version has not moved', async () => {
    const panel = await open('config.json')
    await panel.getByRole('button', { name: 'Undo last edit' }).click()
    await panel.getByText('Undone: the previous data is back (version 4).').waitFor()
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 1111}', version: 4 })
  })

  it('keeps your text on "Keep editing" and saves it against their version', async () => {
    const panel = await open('config.json')
    const before = await kazooGet(`${ROOT}/config.json`)
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByText(`Editing version ${before.version}`).waitFor()
    await typeText(panel, '{"port": 2222}')
    const theirs = await kazooSet(`${ROOT}/config.json`, '{"port": 3333}')
    await panel.getByRole('alert').getByText(`This node was changed on the server (version ${theirs})`, { exact: false }).waitFor()
    await panel.getByRole('button', { name: 'Save', exact: true }).click()
    const conflict = panel.getByRole('region', { name: 'Conflict: the node changed since you read it' })
    await conflict.getByRole('button', { name: 'Keep editing (merge)' }).click()
    await conflict.waitFor({ state: 'detached' })
    await panel.getByText(`Editing version ${theirs}`).waitFor()
    await panel.getByRole('textbox', { name: `Edit the data of ${ROOT}/config.json` }).getByText('2222').waitFor()
    // Nothing was written by keeping on editing.
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 3333}', version: theirs })
    await page.keyboard.press('Control+s')
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 2222}', version: theirs + 1 })
  })

  it('drops your text on "Reload theirs" and shows what the server has', async () => {
    const panel = await open('config.json')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await typeText(panel, '{"port": 4444}')
    const theirs = await kazooSet(`${ROOT}/config.json`, '{"port": 5555}')
    await panel.getByRole('alert').getByText(`This node was changed on the server (version ${theirs})`, { exact: false }).waitFor()
    await panel.getByRole('button', { name: 'Save', exact: true }).click()
    await panel.getByRole('region', { name: 'Conflict: the node changed since you read it' }).getByRole('button', { name: 'Reload theirs' }).click()
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    await panel.getByRole('treeitem', { name: /"port": 5555/ }).waitFor()
    expect(await panel.getByText('4444').count()).toBe(0)
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual({ data: '{"port": 5555}', version: theirs })
  })

  it('refuses to undo once another client has moved the node, and keeps their change', async () => {
    const panel = await open('config.json')
    // The last edit this console made is the "Keep editing" save; kazoo has written since.
    const theirs = await kazooGet(`${ROOT}/config.json`)
    await panel.getByRole('button', { name: 'Undo last edit' }).click()
    await panel
      .getByRole('status')
      .getByText(`Not undone: the node changed since the edit (it is now at version ${theirs.version}), and undoing would overwrite that change.`)
      .waitFor()
    expect(await kazooGet(`${ROOT}/config.json`)).toEqual(theirs)
  })

  it('saves GBK text as GBK, and says so before the save', async () => {
    const panel = await open('gbk-message')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByRole('note').getByText('Will be saved as GBK / GB18030, as it was read').waitFor()
    await typeText(panel, '配置中心：支付服务已启动', 'gbk-message')
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-gbk-light-en.png') })
    await page.keyboard.press('Control+s')
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await pythonBytes(`${ROOT}/gbk-message`, '配置中心：支付服务已启动', 'gbk')).toEqual({ same: true, version: 1 })
  })

  it('saves UTF-16 text with its byte order mark', async () => {
    const panel = await open('utf16.properties')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByRole('note').getByText('Will be saved as UTF-16 LE, with a byte order mark, as it was read').waitFor()
    await typeText(panel, 'name=支付\n', 'utf16.properties')
    await page.keyboard.press('Control+s')
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await pythonBytes(`${ROOT}/utf16.properties`, 'name=支付\n', 'utf-16')).toEqual({ same: true, version: 1 })
  })

  it('re-compresses gzip text', async () => {
    const panel = await open('settings.json.gz')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByRole('note').getByText(/^Will be saved as UTF-8, gzip-compressed \(the compressed bytes will differ, the text will not\), as it was read$/).waitFor()
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-gzip-light-en.png') })
    await typeText(panel, '{"服务": "库存"}', 'settings.json.gz')
    await page.keyboard.press('Control+s')
    await panel.getByRole('button', { name: 'Edit', exact: true }).waitFor()
    expect(await pythonBytes(`${ROOT}/settings.json.gz`, '{"服务": "库存"}', 'utf-8')).toEqual({ same: true, version: 1, gzip: true })
  })

  it('refuses a character ISO-8859-1 cannot hold, names it, and writes nothing', async () => {
    const panel = await open('latin1')
    await panel.getByRole('combobox', { name: 'View as' }).selectOption('text')
    await panel.getByRole('combobox', { name: 'Charset' }).selectOption('iso-8859-1')
    await panel.getByRole('button', { name: 'Edit', exact: true }).click()
    await panel.getByRole('note').getByText('Will be saved as ISO-8859-1 (Latin-1), as it was read').waitFor()
    await typeText(panel, 'café €5', 'latin1')
    await page.keyboard.press('Control+s')
    await panel
      .getByText('Not saved: “€” (U+20AC) at line 1, column 6 cannot be written in ISO-8859-1 (Latin-1). Nothing was written; remove or replace it.')
      .waitFor()
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'editor-latin1-refused-light-en.png') })
    expect(await pythonBytes(`${ROOT}/latin1`, 'café', 'latin-1')).toEqual({ same: true, version: 0 })
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
