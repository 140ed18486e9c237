/**
 * The node panel's data editor in Chromium against the real backend and a
 * real ZooKeeper, with kazoo as the other writer: a save carries the version
 * read, a concurrent change is announced and shown as a conflict, overwrite
 * is deliberate and version-checked, undo restores the bytes, and non-UTF-8
 * data is never offered for editing.
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

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 1 })
  const seeded = await runKazoo<boolean>(
    ensemble.connectString,
    `
zk.create('${ROOT}/config.json', b'{"port": 8080}', makepath=True)
zk.create('${ROOT}/gbk-message', '配置中心：订单服务已启动'.encode('gbk'))
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
async function typeText(panel: Locator, text: string): Promise<void> {
  const editor = panel.getByRole('textbox', { name: `Edit the data of ${ROOT}/config.json` })
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

  it('offers no editing for GBK data, and says why', async () => {
    const panel = await open('gbk-message')
    expect(await panel.getByRole('button', { name: 'Edit', exact: true }).isDisabled()).toBe(true)
    await panel.getByText(/^Saving in .+ is not supported yet; edit as UTF-8 would change the bytes\.$/).waitFor()
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
