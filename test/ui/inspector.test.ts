/**
 * The node inspector in Chromium against the real backend and a real
 * ZooKeeper: every data decoder with bytes written by kazoo, gzip, binary
 * data, a 1,000,000-byte value, the view choice remembered per path, Stat
 * and ACL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, expandRow } from './ui-fixture'
import { BIG_ID, LARGE_BYTES, ROOT, codeText, expectView, holdEphemeral, openRow, seedInspector, viewSelect, type EphemeralHolder } from './inspector-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack()

let page: Page
let errors: string[]
let tree: Locator
let holder: EphemeralHolder
let png: Buffer

beforeAll(async () => {
  ;({ png } = await seedInspector(ui.ensemble.connectString))
  holder = await holdEphemeral(ui.ensemble.connectString)
  ;({ page, errors } = await ui.open())
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
})

afterAll(async () => {
  holder?.stop()
})

const open = (name: string) => openRow(page, tree, name)
const clipboard = () => page.evaluate(() => navigator.clipboard.readText())

describe('data views', () => {
  it('connects and lists the test nodes', async () => {
    tree = await connectThroughDialog(page, { name: 'Inspector', connectString: ui.ensemble.connectString })
    await expandRow(tree, 'insp')
  })

  it('shows JSON as a tree, numbers exactly as stored, and as pretty source', async () => {
    const panel = await open('config.json')
    await expectView(panel, 'json')
    const json = panel.getByRole('tree', { name: `JSON tree of ${ROOT}/config.json` })
    await json.getByRole('treeitem', { name: /"service": "订单服务"/ }).waitFor()
    await json.getByRole('treeitem', { name: new RegExp(`"id": ${BIG_ID}$`) }).waitFor()
    await json.getByRole('treeitem', { name: /"ratio": 1\.50$/ }).waitFor()
    await json.getByRole('treeitem', { name: '1: 2 keys', exact: true }).waitFor()
    // Keyboard: the tree pattern collapses the focused container with ArrowLeft.
    await json.focus()
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => json.getByRole('treeitem').count()).toBe(1)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => json.getByRole('treeitem').count()).toBeGreaterThan(5)

    await panel.getByRole('radio', { name: 'Source' }).click()
    const source = await codeText(panel)
    expect(source).toContain(`"id": ${BIG_ID},`)
    expect(source).toContain('  "servers": [')
    await panel.getByRole('button', { name: 'Copy the data as shown' }).click()
    expect(await clipboard()).toContain(`"ratio": 1.50`)
    await panel.getByRole('radio', { name: 'Tree' }).click()
  })

  it('shows invalid JSON as text with the parse error and where it is', async () => {
    const panel = await open('broken.json')
    await panel.getByRole('status').getByText(/Not valid JSON: .* \(line 3, column 11\)\. Shown as text\./).waitFor()
    expect(await codeText(panel)).toContain('"name": oops')
  })

  it('highlights YAML with Chinese text', async () => {
    const panel = await open('application.yaml')
    await expectView(panel, 'yaml')
    const text = await codeText(panel)
    expect(text).toContain('name: 订单服务')
    expect(text).toContain('# 应用配置')
    // Highlighted: keys and comments are in their own styled spans.
    expect(await panel.locator('.cm-line span').count()).toBeGreaterThan(3)
    expect(await panel.getByRole('status').count()).toBe(0)
  })

  it('checks YAML too large for the UI thread in the background, and finds an error near its end', async () => {
    const lines = await runKazoo<number>(
      ui.ensemble.connectString,
      `
body = ''.join('service%d:\\n  host: 10.0.%d.%d\\n  name: 订单服务-%d\\n' % (i, i % 250, i % 200, i) for i in range(9000))
body += 'broken: [1, 2\\nafter: 3\\n'
zk.create('${ROOT}/large.yaml', body.encode())
result = body.count('\\n')
`,
    )
    const panel = await open('large.yaml')
    await expectView(panel, 'yaml')
    // The flow sequence opened two lines before the end never closes.
    await panel.getByRole('status').getByText(new RegExp(`Not valid YAML: .*\\(line ${lines}, column \\d+\\)`)).waitFor({ timeout: 60_000 })
    expect(await codeText(panel)).toContain('service0:')
    await screenshot(page, 'ui-inspector-large-yaml-light-en')
  })

  it('pretty-prints XML, and shows malformed XML as text with the error', async () => {
    let panel = await open('log4j2.xml')
    await expectView(panel, 'xml')
    expect(await codeText(panel)).toContain('\n  <Appenders>\n    <Console name="Console" target="SYSTEM_OUT">')
    await panel.getByRole('radio', { name: 'As stored' }).click()
    expect(await codeText(panel)).toContain('<Configuration status="WARN"><Appenders>')
    await panel.getByRole('radio', { name: 'Formatted' }).click()
    panel = await open('bad.xml')
    await panel.getByText('Not well-formed XML: </b> does not match <a> on line 2 (line 2, column 7). Shown as text.').waitFor()
  })

  it('reads Java properties as a table with \\uXXXX unescaped, and as source', async () => {
    const panel = await open('db.properties')
    await expectView(panel, 'properties')
    const table = panel.getByRole('table', { name: `Properties of ${ROOT}/db.properties` })
    await table.getByRole('row', { name: /greeting 你好/ }).waitFor()
    await table.getByRole('row', { name: /db\.user app/ }).waitFor()
    await table.getByRole('row', { name: /multi first second/ }).waitFor()
    await panel.getByText('4 entries').waitFor()
    await panel.getByRole('radio', { name: 'Source' }).click()
    expect(await codeText(panel)).toContain('greeting=\\u4f60\\u597d')
    await panel.getByRole('radio', { name: 'Table' }).click()
  })

  it('detects GBK text, and remembers a charset chosen for the path', async () => {
    let panel = await open('gbk-message')
    await expectView(panel, 'text')
    const charset = panel.getByRole('combobox', { name: 'Charset' })
    expect(await charset.inputValue()).toBe('gb18030')
    expect(await codeText(panel)).toContain('配置中心：订单服务已启动')
    await charset.selectOption('utf-8')
    await panel.getByText('Some bytes are not valid UTF-8 and show as �.', { exact: false }).waitFor()
    // Another node, then back: the choice for this path is remembered.
    await open('plain')
    panel = await open('gbk-message')
    expect(await panel.getByRole('combobox', { name: 'Charset' }).inputValue()).toBe('utf-8')
    await panel.getByRole('button', { name: 'Back to the detected view' }).click()
    expect(await panel.getByRole('combobox', { name: 'Charset' }).inputValue()).toBe('gb18030')
  })

  it('reads UTF-16 with a byte order mark', async () => {
    const panel = await open('utf16-note')
    expect(await panel.getByRole('combobox', { name: 'Charset' }).inputValue()).toBe('utf-16le')
    expect(await codeText(panel)).toContain('UTF-16 文本 note')
  })

  it('decompresses gzip JSON and says so', async () => {
    const panel = await open('settings.json.gz')
    await panel.getByText(/^gzip: \d+ B compressed → [\d.]+ (B|KiB)$/).waitFor()
    await expectView(panel, 'json')
    await panel.getByRole('treeitem', { name: /"locale": "zh-CN"/ }).waitFor()
    await panel.getByRole('checkbox', { name: 'Show the compressed bytes' }).check()
    await expectView(panel, 'hex')
    await panel.getByText('00000000  1f 8b', { exact: false }).waitFor()
    await panel.getByRole('checkbox', { name: 'Show the compressed bytes' }).uncheck()
    await expectView(panel, 'json')
  })

  it('shows PNG bytes in hex (never as text), offers the image, and base64', async () => {
    const panel = await open('logo.png')
    await expectView(panel, 'hex')
    const hex = panel.getByRole('region', { name: `Hex dump of ${ROOT}/logo.png` })
    await hex.getByText('89 50 4e 47 0d 0a 1a 0a  00 00 00 0d 49 48 44 52', { exact: false }).waitFor()
    await hex.getByText('.PNG........IHDR').waitFor()
    await viewSelect(panel).selectOption('image')
    await panel.getByRole('img', { name: `The data of ${ROOT}/logo.png as an image` }).waitFor()
    await panel.getByText('12 × 8 px, image/png').waitFor()
    await viewSelect(panel).selectOption('base64')
    expect((await codeText(panel)).replaceAll('\n', '')).toBe(png.toString('base64'))
    await panel.getByRole('button', { name: 'Copy the raw data as base64' }).click()
    expect(await clipboard()).toBe(png.toString('base64'))
    await panel.getByRole('button', { name: 'Back to the detected view' }).click()
  })

  it('keeps binary bytes exact in hex', async () => {
    const panel = await open('binary.bin')
    await expectView(panel, 'hex')
    await panel.getByText('00 01 02 ff fe 7f 80 41', { exact: false }).waitFor()
    await panel.getByText('These bytes are not text; they are shown in hex and never altered.').waitFor()
  })

  it('decodes a Dubbo URL-encoded provider URL into its parameters', async () => {
    const panel = await open('provider')
    await expectView(panel, 'url')
    await panel.getByText('URL-decoded from the stored text').waitFor()
    const params = panel.getByRole('table', { name: 'Parameters' })
    await params.getByRole('row', { name: 'methods sayHello,sayHelloAsync' }).waitFor()
    await params.getByRole('row', { name: 'application demo-provider' }).waitFor()
  })

  it('opens a 1,000,000-byte value without a huge DOM, in text and in hex', async () => {
    const panel = await open('large.log')
    await panel.getByText('977 KiB', { exact: true }).first().waitFor()
    expect(await codeText(panel)).toContain('order-service  processed order batch')
    // CodeMirror draws only the lines on screen, of about 11,000.
    expect(await panel.locator('.cm-line').count()).toBeLessThan(300)
    await viewSelect(panel).selectOption('hex')
    const hex = panel.getByRole('region', { name: `Hex dump of ${ROOT}/large.log` })
    await hex.getByText('00000000', { exact: true }).waitFor()
    await panel.getByText(`977 KiB in 62,500 rows of 16`).waitFor()
    expect(await hex.locator('.hex-row').count()).toBeLessThan(200)
    // The last row is reachable by scrolling.
    await hex.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await hex.getByText((LARGE_BYTES - 16).toString(16).padStart(8, '0'), { exact: true }).waitFor()
    expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(4000)
    await panel.getByRole('button', { name: 'Back to the detected view' }).click()
  })

  it('opens a JSON array of about 1 MB as a tree of rows on screen only', async () => {
    const panel = await open('big.json')
    const json = panel.getByRole('tree', { name: `JSON tree of ${ROOT}/big.json` })
    await json.getByRole('treeitem', { name: /^[\d,]+ items$/ }).waitFor()
    await json.getByRole('treeitem', { name: '0: 4 keys', exact: true }).waitFor()
    expect(await json.getByRole('treeitem').count()).toBeLessThan(120)
    await json.evaluate((el) => el.scrollTo(0, el.scrollHeight))
    await json.getByRole('treeitem', { name: /^1\d{4}: 4 keys$/ }).last().waitFor()
    expect(await page.evaluate(() => document.querySelectorAll('*').length)).toBeLessThan(4000)
  })
})

describe('Stat and ACL', () => {
  it('shows every Stat field readably, and copies it as JSON', async () => {
    const panel = await open('config.json')
    const stat = panel.getByRole('table').filter({ has: page.getByRole('rowheader', { name: 'czxid' }) })
    expect(await stat.getByRole('row', { name: /czxid/ }).innerText()).toMatch(/0x[0-9a-f]+\s+epoch 0x[0-9a-f]+, counter 0x[0-9a-f]+/)
    const mtime = await stat.getByRole('row', { name: /mtime/ }).innerText()
    expect(mtime).toMatch(/ago|now/)
    expect(mtime).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/)
    expect(await stat.getByRole('row', { name: /ephemeralOwner/ }).innerText()).toContain('persistent')
    await panel.getByRole('button', { name: 'Copy the Stat as JSON' }).click()
    const copied = JSON.parse(await clipboard()) as Record<string, unknown>
    expect(Object.keys(copied).sort()).toEqual(['aversion', 'ctime', 'cversion', 'czxid', 'dataLength', 'ephemeralOwner', 'mtime', 'mzxid', 'numChildren', 'pzxid', 'version'])
  })

  it('names the session that owns an ephemeral node', async () => {
    const panel = await open('holder')
    const row = panel.getByRole('row', { name: /ephemeralOwner/ })
    await expect.poll(() => row.innerText()).toContain(`ephemeral, owned by session ${holder.sessionHex}`)
  })

  it('lists ACL entries with cdrwa letters and words', async () => {
    const panel = await open('guarded')
    const acl = panel.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Scheme' }) })
    const world = await acl.getByRole('row', { name: /world/ }).innerText()
    expect(world).toContain('--r--')
    expect(world).toContain('read')
    const digest = await acl.getByRole('row', { name: /digest/ }).innerText()
    expect(digest).toContain('ops:')
    expect(digest).toContain('cdrwa')
    expect(digest).toContain('create, delete, read, write, admin')
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
