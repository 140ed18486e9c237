/**
 * What the UI tests share: demo data written by kazoo (an independent client),
 * the built renderer check, and driving the connect dialog the way a user does.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:net'
import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { rendererDir } from '../helpers/backend-server'
import { runKazoo } from '../helpers/kazoo'

export const SECRET = 'ops:s3cret'

/** `npm run test:ui` builds the renderer first; running vitest alone needs a build too. */
export function requireBuiltRenderer(): void {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`the renderer is not built (${rendererDir}); run "npm run build:web" or "npm run test:ui"`)
  }
}

/** Bytes of the binary demo node: not UTF-8, with a NUL, so a text view would mangle them. */
export const BINARY = [0x00, 0x01, 0x02, 0xff, 0xfe, 0x7f, 0x80, 0x41]

export async function seedDemo(connectString: string): Promise<void> {
  const done = await runKazoo<unknown>(
    connectString,
    `
from kazoo.security import make_digest_acl
zk.create('/ui/app/config.json', '{"port": 8080, "name": "订单服务"}'.encode('utf-8'), makepath=True)
zk.create('/ui/app/binary.bin', bytes(args['binary']))
zk.create('/ui/app/empty', b'')
for i in [1, 2, 9, 10, 11, 100]:
    zk.create('/ui/items/n%06d' % i, b'x' * i, makepath=True)
for name in ['node10', 'node2', 'node1', 'Node3']:
    zk.create('/ui/names/' + name, b'', makepath=True)
zk.add_auth('digest', 'ops:s3cret')
zk.create('/ui/secure', b'top secret', acl=[make_digest_acl('ops', 's3cret', all=True)])
zk.create('/ui/secure/inner', b'inner', acl=[make_digest_acl('ops', 's3cret', all=True)])
result = True
`,
    { binary: BINARY },
  )
  if (done !== true) throw new Error(`seeding the demo data failed: ${JSON.stringify(done)}`)
}

/** A loopback port with nothing listening on it (taken from the OS, then released). */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface DialogInput {
  name: string
  connectString: string
  credentials?: string[]
}

/** Opens "New connection", fills it in and returns the dialog. */
export async function fillConnectDialog(page: Page, input: DialogInput, labels = EN): Promise<Locator> {
  await page.getByRole('tab', { name: labels.homeTab }).click()
  await page.getByRole('button', { name: labels.newConnection }).click()
  const dialog = page.getByRole('dialog', { name: labels.newConnection })
  await dialog.getByRole('textbox', { name: labels.name, exact: true }).fill(input.name)
  await dialog.getByRole('textbox', { name: labels.connectString, exact: true }).fill(input.connectString)
  for (const [index, credential] of (input.credentials ?? []).entries()) {
    const [user = '', password = ''] = credential.split(/:(.*)/s)
    await dialog.getByRole('button', { name: labels.addCredential }).click()
    await dialog.getByRole('textbox', { name: `User of credential ${index + 1}` }).fill(user)
    await dialog.getByLabel(`Password of credential ${index + 1}`).fill(password)
  }
  return dialog
}

/** Connects through the dialog with "Save & connect" and waits for the workspace's tree. */
export async function connectThroughDialog(page: Page, input: DialogInput): Promise<Locator> {
  const dialog = await fillConnectDialog(page, input)
  await dialog.getByRole('button', { name: 'Save & connect' }).click()
  await dialog.waitFor({ state: 'hidden', timeout: 60_000 })
  const tree = page.getByRole('tree', { name: `ZooKeeper tree of ${input.name}` })
  await tree.getByRole('treeitem', { name: '/', exact: true }).waitFor()
  return tree
}

export const EN = {
  homeTab: 'Connections',
  newConnection: 'New connection',
  name: 'Name',
  connectString: 'Connect string',
  addCredential: 'Add credential',
}

/** Expands a row by clicking it and pressing the Right arrow, as a keyboard user would. */
export async function expandRow(tree: Locator, name: string): Promise<void> {
  const row = tree.getByRole('treeitem', { name, exact: true })
  await row.click()
  await tree.page().keyboard.press('ArrowRight')
  await expect.poll(() => row.getAttribute('aria-expanded')).toBe('true')
}

/** Names of the rendered rows, in order. */
export async function rowNames(tree: Locator): Promise<string[]> {
  return tree.getByRole('treeitem').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''))
}
