/**
 * Data and helpers of the editing UI tests. Data is written and checked by
 * kazoo (an independent client), so a test cannot pass because the console
 * reads back its own mistake.
 */
import { createHash } from 'node:crypto'
import type { Locator, Page } from 'playwright-core'
import { runKazoo } from '../helpers/kazoo'

export async function seedEdit(connectString: string): Promise<void> {
  const done = await runKazoo<unknown>(
    connectString,
    `
zk.create('/ed/app/config.json', b'{"port": 8080}', makepath=True)
zk.create('/ed/app/name', '订单服务'.encode('utf-8'))
zk.create('/ed/app/bin', bytes([0, 1, 2, 255]))
zk.create('/ed/src/x', b'x-data', makepath=True)
zk.create('/ed/src/y/z', b'z-data', makepath=True)
zk.create('/ed/small/one', b'1', makepath=True)
zk.create('/ed/leaf', b'leaf')
zk.create('/ed/cmp/left/same', b'same', makepath=True)
zk.create('/ed/cmp/left/changed', b'old value')
zk.create('/ed/cmp/left/removed', b'gone')
zk.create('/ed/cmp/right/same', b'same', makepath=True)
zk.create('/ed/cmp/right/changed', b'new value')
zk.create('/ed/cmp/right/added', b'fresh')
result = True
`,
  )
  if (done !== true) throw new Error(`seeding failed: ${JSON.stringify(done)}`)
}

/** What ZooKeeper stores as the id of a digest ACL entry: user:base64(sha1(user:password)). */
export function digestId(user: string, password: string): string {
  return `${user}:${createHash('sha1').update(`${user}:${password}`).digest('base64')}`
}

export function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Write actions' })
}

/** Opens a toolbar action's dialog on the selected node. */
export async function openAction(page: Page, action: string, dialogName: string | RegExp): Promise<Locator> {
  await toolbar(page).getByRole('button', { name: action, exact: true }).click()
  const dialog = page.getByRole('dialog', { name: dialogName })
  await dialog.waitFor()
  return dialog
}

export async function kazooChildren(connectString: string, path: string): Promise<string[] | { error: string }> {
  return runKazoo(connectString, "result = sorted(zk.get_children(args['path']))", { path })
}
