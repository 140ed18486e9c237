/**
 * The tree's multi-selection in Chromium against the real backend and a real
 * ZooKeeper: Ctrl+click, Space, Shift+arrows and Shift+click mark rows,
 * Escape and a plain click clear them, and the toolbar deletes the marked
 * subtrees as one operation after a preview with a count per subtree; the
 * context menu and the Delete key reach the same action.
 * What is left is checked with kazoo.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog } from './ui-fixture'
import { focusedPath, goTo } from './tree-nav-fixture'
import { kazooChildren, toolbar } from './edit-fixture'
import { useUiStack } from './ui-stack'

async function seed(connectString: string): Promise<void> {
  const done = await runKazoo<unknown>(
    connectString,
    `
for i in range(1, 7):
    zk.create('/ms/svc/n%06d' % i, b'', makepath=True)
for i in range(8):
    zk.create('/ms/svc/n000003/child%d' % i, b'x')
zk.create('/ms/keep', b'')
result = True
`,
  )
  if (done !== true) throw new Error(`seeding failed: ${JSON.stringify(done)}`)
}

const ui = useUiStack({ seed })
let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  let context: BrowserContext
  ;({ page, errors, context } = await ui.open())
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  tree = await connectThroughDialog(page, { name: 'Multi', connectString: ui.ensemble.connectString })
})

const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
const selectedNames = () =>
  tree.getByRole('treeitem', { selected: true }).evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))
const control = process.platform === 'darwin' ? 'Meta' : 'Control'

describe('multi-selection in the tree', () => {
  it('marks with Ctrl+click, Space, Shift+arrows and Shift+click, and clears with Escape or a plain click', async () => {
    await goTo(page, '/ms/svc/n000002')
    await expect.poll(() => focusedPath(tree)).toBe('/ms/svc/n000002')
    expect(await tree.getAttribute('aria-multiselectable')).toBe('true')

    // Ctrl+click keeps the row you were on and adds the one clicked.
    await row('n000004').click({ modifiers: [control] })
    await expect.poll(selectedNames).toEqual(['n000002', 'n000004'])
    await expect.poll(() => toolbar(page).getByText('2 nodes selected').count()).toBe(1)
    await page.keyboard.press('Escape')
    await expect.poll(selectedNames).toEqual(['n000004'])
    expect(await toolbar(page).getByText(/selected/).count()).toBe(0)

    // Space marks the focused row; Shift+arrows extend from it.
    await page.keyboard.press('Space')
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Shift+ArrowDown')
    await expect.poll(selectedNames).toEqual(['n000004', 'n000005', 'n000006'])
    expect(await focusedPath(tree)).toBe('/ms/svc/n000006')

    // A plain click starts over; Shift+click marks a range, Ctrl+click adds one more.
    await row('n000001').click()
    await expect.poll(selectedNames).toEqual(['n000001'])
    await row('n000003').click({ modifiers: ['Shift'] })
    await row('n000006').click({ modifiers: [control] })
    await expect.poll(selectedNames).toEqual(['n000001', 'n000002', 'n000003', 'n000006'])
    await expect.poll(() => toolbar(page).getByText('4 nodes selected').count()).toBe(1)
    // Actions on one node say why they wait; Delete takes the selection.
    expect(await toolbar(page).getByRole('button', { name: 'Copy/Move' }).getAttribute('aria-disabled')).toBe('true')
    expect(await toolbar(page).getByRole('button', { name: 'Delete 4' }).getAttribute('aria-disabled')).toBeNull()
    await screenshot(page, 'tree-multi-select-light-en')
  })

  it('deletes the marked subtrees as one operation after a preview that counts each, confirmed by the total', async () => {
    await toolbar(page).getByRole('button', { name: 'Delete 4' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete 4 selected subtrees' })
    await dialog.waitFor()
    const roots = dialog.getByRole('list', { name: 'Selected subtrees' })
    await expect.poll(() => roots.getByRole('listitem').allInnerTexts()).toEqual([
      '/ms/svc/n000001 — 1 node',
      '/ms/svc/n000002 — 1 node',
      '/ms/svc/n000003 — 9 nodes',
      '/ms/svc/n000006 — 1 node',
    ])
    // 12 nodes in all: past the size that asks for the count to be typed.
    const submit = dialog.getByRole('button', { name: 'Delete', exact: true })
    expect(await submit.isDisabled()).toBe(true)
    await dialog.getByLabel('Type “12” to confirm').fill('12')
    await screenshot(page, 'tree-multi-delete-dialog-light-en')
    await submit.click()
    const report = dialog.getByRole('region', { name: 'Report' })
    await report.getByRole('status').getByText(/deleted 12 of 12 nodes/).waitFor({ timeout: 30_000 })
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

    expect(await kazooChildren(ui.ensemble.connectString, '/ms/svc')).toEqual(['n000004', 'n000005'])
    expect(await kazooChildren(ui.ensemble.connectString, '/ms')).toEqual(['keep', 'svc'])
    await expect.poll(() => row('n000001').count()).toBe(0)
    await expect.poll(() => row('n000004').count()).toBe(1)
    expect(await toolbar(page).getByText(/selected/).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('copies the selected paths, offers the selection in the context menu, forgets it on a right-click elsewhere, and Delete opens the delete dialog', async () => {
    await row('n000004').click()
    await row('n000005').click({ modifiers: [control] })
    await page.keyboard.press(`${control}+c`)
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('/ms/svc/n000004\n/ms/svc/n000005')
    await row('n000005').click({ button: 'right' })
    const menu = page.getByRole('menu')
    await menu.getByRole('menuitem', { name: 'Delete 2 selected…' }).waitFor()
    await menu.getByRole('menuitem', { name: /^Copy 2 paths/ }).waitFor()
    await screenshot(page, 'tree-multi-menu-light-en')
    await page.keyboard.press('Escape')
    await expect.poll(selectedNames).toEqual(['n000004', 'n000005'])

    await row('keep').click({ button: 'right' })
    await menu.getByRole('menuitem', { name: 'Delete…' }).waitFor()
    await expect.poll(selectedNames).toEqual(['keep'])
    await page.keyboard.press('Escape')
    await expect.poll(() => menu.count()).toBe(0)
    // The menu gives focus back to the tree in the next frame.
    await expect.poll(() => tree.evaluate((el) => el === document.activeElement)).toBe(true)

    await page.keyboard.press('Delete')
    const dialog = page.getByRole('dialog', { name: 'Delete /ms/keep' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
    await expect.poll(() => dialog.count()).toBe(0)
    expect(await kazooChildren(ui.ensemble.connectString, '/ms')).toEqual(['keep', 'svc'])
    expect(errors).toEqual([])
  })
})
