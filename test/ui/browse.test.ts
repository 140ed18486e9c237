/**
 * Browsing a real 3-member ensemble through the real backend in Chromium:
 * connect through the dialog, the tree (WAI-ARIA roles, natural order, lazy
 * loading, keyboard), and the node panel (text, hex, Stat, ACL, NO_AUTH).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, expandRow, rowNames, seedDemo } from './ui-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ ensemble: { size: 3 }, seed: seedDemo })

let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  ;({ page, errors } = await ui.open())
})

function nodePanel(): Locator {
  return page.getByRole('region', { name: 'Node', exact: true })
}

async function openNode(name: string): Promise<void> {
  await tree.getByRole('treeitem', { name, exact: true }).click()
}

describe('browsing a real ensemble', () => {
  it('takes the token out of the visible URL', () => {
    expect(page.url()).not.toContain('token=')
  })

  it('connects through the dialog and shows the root expanded', async () => {
    tree = await connectThroughDialog(page, { name: 'UI test', connectString: ui.ensemble.connectString })
    const root = tree.getByRole('treeitem', { name: '/', exact: true })
    await expect.poll(() => root.getAttribute('aria-expanded')).toBe('true')
    expect(await root.getAttribute('aria-level')).toBe('1')
    expect(await root.getAttribute('data-path')).toBe('/')
    await tree.getByRole('treeitem', { name: 'ui', exact: true }).waitFor()
    expect(await rowNames(tree)).toEqual(expect.arrayContaining(['/', 'ui', 'zookeeper']))
    // The tab is named after the connection and the status bar says the session is up.
    await expect.poll(() => page.getByRole('tab', { name: 'UI test' }).getAttribute('aria-selected')).toBe('true')
    await page.getByRole('contentinfo').getByText('Connected', { exact: true }).waitFor()
  })

  it('expands lazily and sorts children naturally', async () => {
    await expandRow(tree, 'ui')
    await expandRow(tree, 'items')
    await tree.getByRole('treeitem', { name: 'n000001', exact: true }).waitFor()
    const names = await rowNames(tree)
    const items = names.filter((name) => name.startsWith('n0'))
    expect(items).toEqual(['n000001', 'n000002', 'n000009', 'n000010', 'n000011', 'n000100'])
    const item = tree.getByRole('treeitem', { name: 'n000010', exact: true })
    expect(await item.getAttribute('aria-level')).toBe('4')
    expect(await item.getAttribute('data-path')).toBe('/ui/items/n000010')
    // Leaves have no aria-expanded once their Stat says they have no children.
    await expect.poll(() => item.getAttribute('aria-expanded')).toBe(null)
    await expect.poll(() => item.getAttribute('aria-description')).toContain('10 B')

    await expandRow(tree, 'names')
    await tree.getByRole('treeitem', { name: 'node10', exact: true }).waitFor()
    const order = (await rowNames(tree)).filter((name) => /^node\d+$/i.test(name))
    expect(order).toEqual(['node1', 'node2', 'Node3', 'node10'])
  })

  it('moves with the keyboard as the WAI-ARIA tree pattern says', async () => {
    const focusedPath = () =>
      tree.evaluate((el) => {
        const id = el.getAttribute('aria-activedescendant')
        return id ? document.getElementById(id)?.getAttribute('data-path') : null
      })
    await openNode('names')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => tree.getByRole('treeitem', { name: 'names', exact: true }).getAttribute('aria-expanded')).toBe('false')
    await page.keyboard.press('ArrowLeft')
    expect(await focusedPath()).toBe('/ui')
    await page.keyboard.press('Home')
    expect(await focusedPath()).toBe('/')
    await page.keyboard.press('ArrowDown')
    expect(await focusedPath()).toBe('/ui')
    await page.keyboard.press('ArrowRight')
    expect(await focusedPath()).toBe('/ui/app')
    await page.keyboard.press('ArrowUp')
    expect(await focusedPath()).toBe('/ui')
    await page.keyboard.press('End')
    expect(await focusedPath()).toBe('/zookeeper')
    // Enter on a collapsed parent expands it (and opens it in the node panel).
    await page.keyboard.press('Enter')
    await expect.poll(() => tree.getByRole('treeitem', { name: 'zookeeper', exact: true }).getAttribute('aria-expanded')).toBe('true')
    await nodePanel().getByRole('heading', { name: '/zookeeper' }).waitFor()
    await page.keyboard.press('Enter')
    await expect.poll(() => tree.getByRole('treeitem', { name: 'zookeeper', exact: true }).getAttribute('aria-expanded')).toBe('false')
  })

  it('opens a text node with its data, every Stat field and the ACL', async () => {
    await expandRow(tree, 'app')
    await openNode('config.json')
    const panel = nodePanel()
    await panel.getByRole('heading', { name: '/ui/app/config.json' }).waitFor()
    // A .json node opens in the JSON tree (the inspector's own tests cover every view).
    await panel.getByRole('treeitem', { name: '"name": "订单服务"' }).waitFor()
    const bytes = Buffer.byteLength('{"port": 8080, "name": "订单服务"}')
    await panel.getByText(`${bytes} B`, { exact: true }).waitFor()
    const stat = panel.getByRole('table').first()
    for (const field of ['czxid', 'mzxid', 'pzxid', 'ctime', 'mtime', 'version', 'cversion', 'aversion', 'ephemeralOwner', 'dataLength', 'numChildren']) {
      await stat.getByRole('rowheader', { name: field, exact: true }).waitFor()
    }
    const czxid = await stat.getByRole('row', { name: /czxid/ }).innerText()
    expect(czxid).toMatch(/0x[0-9a-f]+/)
    expect(czxid).toMatch(/epoch 0x[0-9a-f]+, counter 0x[0-9a-f]+/)
    const mtime = await stat.getByRole('row', { name: /mtime/ }).innerText()
    expect(mtime).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/)
    expect(await stat.getByRole('row', { name: /dataLength/ }).innerText()).toContain(`${bytes} bytes`)
    expect(await stat.getByRole('row', { name: /ephemeralOwner/ }).innerText()).toContain('persistent')
    const acl = panel.getByRole('table').nth(1)
    const world = await acl.getByRole('row', { name: /world/ }).innerText()
    expect(world).toContain('anyone')
    expect(world).toContain('cdrwa')
    expect(world).toContain('create, delete, read, write, admin')
    await screenshot(page, 'ui-browse-text-light-en')
  })

  it('shows binary data as hex, never as mangled text', async () => {
    await openNode('binary.bin')
    const panel = nodePanel()
    await panel.getByRole('heading', { name: '/ui/app/binary.bin' }).waitFor()
    await panel.getByText('00000000  00 01 02 ff fe 7f 80 41').waitFor()
    expect(await panel.getByRole('radio', { name: 'Text' }).count()).toBe(0)
    await panel.getByText('These bytes are not text; they are shown in hex and never altered.').waitFor()
    await screenshot(page, 'ui-browse-binary-light-en')
  })

  it('explains a node the connection may not read, and keeps the Stat it has', async () => {
    await openNode('ui')
    await page.keyboard.press('ArrowRight')
    await tree.getByRole('treeitem', { name: 'secure', exact: true }).waitFor()
    await openNode('secure')
    const panel = nodePanel()
    await panel.getByRole('alert').getByText('Not authorized', { exact: false }).waitFor()
    await panel.getByText('The Stat below was read earlier through the tree.').waitFor()
    // Listing its children is refused too, and said so in words.
    await page.keyboard.press('ArrowRight')
    await page.getByText('Could not list the children of /ui/secure: Not authorized', { exact: false }).waitFor()
    await screenshot(page, 'ui-browse-noauth-light-en')
  })

  it('offers to add credentials where a node is not readable, and reads it with them', async () => {
    const panel = nodePanel()
    await panel.getByRole('button', { name: 'Add credentials…' }).click()
    const dialog = page.getByRole('dialog', { name: /^Add credentials to / })
    await dialog.getByRole('textbox', { name: 'User of credential 1' }).fill('ops')
    await dialog.getByLabel('Password of credential 1').fill('s3cret')
    await screenshot(page, 'ui-browse-add-credentials-light-en')
    await dialog.getByRole('button', { name: 'Add and read again' }).click()
    await dialog.waitFor({ state: 'hidden' })
    await panel.getByText('top secret').waitFor()
    expect(await panel.getByRole('alert').count()).toBe(0)
  })

  it('follows a node that disappears while it is open: the panel says so and the row goes', async () => {
    await openNode('empty')
    await nodePanel().getByText('/ui/app/empty').first().waitFor()
    await runKazoo(ui.ensemble.connectString, "zk.delete('/ui/app/empty'); result = True")
    await nodePanel().getByText('This node was deleted. What is shown is its last known state.').waitFor()
    await tree.getByRole('treeitem', { name: 'empty', exact: true }).waitFor({ state: 'detached' })
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
