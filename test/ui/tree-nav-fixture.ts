/**
 * Data and helpers shared by the tree navigation and search UI tests. The
 * data is written by kazoo (an independent client); times are spaced so that
 * sorting by mtime has one right answer.
 */
import type { Locator, Page } from 'playwright-core'
import { runKazoo } from '../helpers/kazoo'

export const BIG = 3_000
export const DUBBO_RAW = [
  'dubbo%3A%2F%2F10.0.0.1%3A20880%2Fcom.acme.OrderService%3Fanyhost%3Dtrue%26methods%3Dget%2Cput',
  'dubbo%3A%2F%2F10.0.0.2%3A20880%2Fcom.acme.OrderService%3Fanyhost%3Dtrue%26methods%3Dget%2Cput',
]

export async function seedNav(connectString: string): Promise<void> {
  const done = await runKazoo<unknown>(
    connectString,
    `
import time
for i in [1, 2, 9, 10, 11, 100]:
    zk.create('/nav/items/n%06d' % i, b'x' * i, makepath=True)
zk.create('/nav/items/readme.txt', b'hello', makepath=True)
zk.ensure_path('/nav/dubbo/com.acme.OrderService/providers')
for name in args['dubbo']:
    zk.create('/nav/dubbo/com.acme.OrderService/providers/' + name, b'')
zk.ensure_path('/nav/big')
t = zk.transaction()
for i in range(args['big']):
    t.create('/nav/big/c%05d' % i, b'')
t.commit()
for name in ['alpha', 'bravo', 'charlie']:
    zk.create('/nav/mtime/' + name, b'0', makepath=True)
# Modified in this order, 50 ms apart: by mtime, charlie is oldest and bravo newest.
for name in ['charlie', 'alpha', 'bravo']:
    time.sleep(0.05)
    zk.set('/nav/mtime/' + name, b'1')
zk.create('/nav/deep/l1/l2/l3/leaf', b'', makepath=True)
zk.create('/nav/deep/l1/side', b'', makepath=True)
zk.create('/search/app/config.json', '{"name": "order-service", "port": 8080}'.encode('utf-8'), makepath=True)
zk.create('/search/app/legacy.properties', '服务名=订单服务'.encode('gb18030'))
zk.create('/search/app/nested/deeper/config.json', b'{"name": "deep"}', makepath=True)
zk.create('/search/db/url', b'jdbc:mysql://db:3306/orders', makepath=True)
zk.create('/search/db/Password', b'secret', makepath=True)
result = True
`,
    { big: BIG, dubbo: DUBBO_RAW },
    { timeoutMs: 90_000 },
  )
  if (done !== true) throw new Error(`seeding failed: ${JSON.stringify(done)}`)
}

/** The path of the row that has keyboard focus (aria-activedescendant). */
export function focusedPath(tree: Locator): Promise<string | null | undefined> {
  return tree.evaluate((el) => {
    const id = el.getAttribute('aria-activedescendant')
    return id ? document.getElementById(id)?.getAttribute('data-path') : null
  })
}

/** Reveals a path through the go-to-path field (Ctrl+L), as a keyboard user would. */
export async function goTo(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+l')
  const field = page.getByRole('combobox', { name: /Go to path|转到路径/ })
  await field.fill(path)
  await field.press('Enter')
  await field.waitFor({ state: 'detached' })
}

export function openPathInStatusBar(page: Page, path: string): Locator {
  return page.getByRole('contentinfo').getByText(path, { exact: true })
}
