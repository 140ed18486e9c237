/**
 * Tree navigation in Chromium against the real backend and a real ZooKeeper:
 * keyboard, context menu, breadcrumbs, go-to-path with completion, filter and
 * sort of children, expand all with its guard, URL-decoded names, and a parent
 * with thousands of children. Data is written by kazoo.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { connectThroughDialog, expandRow, rowNames } from './ui-fixture'
import { BIG, DUBBO_RAW, focusedPath, goTo, seedNav } from './tree-nav-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ seed: seedNav })

let context: BrowserContext
let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  ;({ page, errors, context } = await ui.open())
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  tree = await connectThroughDialog(page, { name: 'Nav', connectString: ui.ensemble.connectString })
})

const row = (name: string | RegExp) => tree.getByRole('treeitem', { name, exact: typeof name === 'string' })
const menu = () => page.getByRole('menu')
const clipboard = () => page.evaluate(() => navigator.clipboard.readText())
const filterBar = () => page.getByRole('group', { name: /Filter and sort the children of/ })

describe('tree navigation', () => {
  it('expands and collapses with the keyboard, and Backspace goes to the parent', async () => {
    await expandRow(tree, 'nav')
    await expandRow(tree, 'items')
    await row('n000001').waitFor()
    await page.keyboard.press('ArrowDown')
    expect(await focusedPath(tree)).toBe('/nav/items/n000001')
    await page.keyboard.press('Backspace')
    expect(await focusedPath(tree)).toBe('/nav/items')
    await page.keyboard.press('ArrowLeft')
    await expect.poll(() => row('items').getAttribute('aria-expanded')).toBe('false')
    await page.keyboard.press('Enter')
    await expect.poll(() => row('items').getAttribute('aria-expanded')).toBe('true')
  })

  it('shows breadcrumbs of the selected node; a segment selects that node; the path copies', async () => {
    await row('n000010').click()
    const crumbs = page.getByRole('navigation', { name: 'Path of the selected node' })
    await expect.poll(() => crumbs.getByRole('button').allInnerTexts()).toEqual(['/', 'nav', 'items', 'n000010'])
    expect(await crumbs.getByRole('button', { name: 'n000010' }).getAttribute('aria-current')).toBe('location')
    await crumbs.getByRole('button', { name: 'nav', exact: true }).click()
    await expect.poll(() => focusedPath(tree)).toBe('/nav')
    await page.getByRole('button', { name: 'Copy the selected path' }).click()
    await expect.poll(clipboard).toBe('/nav')
  })

  it('opens a context menu with the keyboard (Shift+F10 and the Menu key) and runs its actions', async () => {
    await row('n000009').click()
    await page.keyboard.press('Shift+F10')
    await menu().getByRole('menuitem', { name: /^Copy path/ }).waitFor()
    // Focus is in the menu: arrows move, Enter activates.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('menuitem')
    await page.keyboard.press('Escape')
    await menu().waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tree')

    await page.keyboard.press('ContextMenu')
    await menu().getByRole('menuitem', { name: /^Copy name/ }).click()
    await expect.poll(clipboard).toBe('n000009')
    await page.getByRole('status').filter({ hasText: 'Copied n000009' }).waitFor()

    await row('n000009').click({ button: 'right' })
    await menu().getByRole('menuitem', { name: /^Copy path/ }).click()
    await expect.poll(clipboard).toBe('/nav/items/n000009')

    await row('n000009').click({ button: 'right' })
    await menu().getByRole('menuitem', { name: /^Go to parent/ }).click()
    await expect.poll(() => focusedPath(tree)).toBe('/nav/items')

    // Disabled items say so and are skipped.
    await row('n000009').click({ button: 'right' })
    expect(await menu().getByRole('menuitem', { name: /^Expand all below/ }).getAttribute('aria-disabled')).toBe('true')
    await page.keyboard.press('Escape')

    await row('items').click({ button: 'right' })
    await menu().getByRole('menuitem', { name: /^Search in this subtree/ }).click()
    await expect.poll(() => page.getByRole('textbox', { name: 'Search in' }).inputValue()).toBe('/nav/items')
    await page.getByRole('tab', { name: 'Nodes' }).click()
    await tree.waitFor()
  })

  it('goes to a path with completion from the children of the typed parent', async () => {
    await page.keyboard.press('Control+l')
    const field = page.getByRole('combobox', { name: 'Go to path' })
    await field.fill('/nav/mt')
    const list = page.getByRole('listbox', { name: 'Child nodes' })
    await list.getByRole('option', { name: 'mtime' }).waitFor()
    expect(await list.getByRole('option').allInnerTexts()).toEqual(['mtime'])
    // Tab takes the completion; the next level completes from its children.
    await field.press('Tab')
    expect(await field.inputValue()).toBe('/nav/mtime/')
    await list.getByRole('option', { name: 'charlie' }).waitFor()
    await field.pressSequentially('br')
    await expect.poll(() => list.getByRole('option').allInnerTexts()).toEqual(['bravo'])
    await field.press('ArrowDown')
    expect(await field.getAttribute('aria-activedescendant')).toBeTruthy()
    await screenshot(page, 'ui-tree-goto-light-en')
    await field.press('Enter')
    await field.waitFor({ state: 'detached' })
    await expect.poll(() => focusedPath(tree)).toBe('/nav/mtime/bravo')
    await expect.poll(() => row('mtime').getAttribute('aria-expanded')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tree')
  })

  it('reveals a deep path, and says so when a path does not exist or is not valid', async () => {
    await goTo(page, '/nav/deep/l1/l2/l3/leaf')
    await expect.poll(() => focusedPath(tree)).toBe('/nav/deep/l1/l2/l3/leaf')
    for (const name of ['deep', 'l1', 'l2', 'l3']) expect(await row(name).getAttribute('aria-expanded')).toBe('true')
    await expect.poll(() => row('leaf').getAttribute('aria-selected')).toBe('true')

    await page.keyboard.press('Control+l')
    const field = page.getByRole('combobox', { name: 'Go to path' })
    await field.fill('/nav/nothing/here')
    await field.press('Enter')
    await page.getByRole('alert').getByText('There is no node at /nav/nothing/here.').waitFor()
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    await field.fill('/nav//x')
    await field.press('Enter')
    await page.getByRole('alert').getByText('A path has no empty segments (//).').waitFor()
    await field.press('Escape')
    await field.waitFor({ state: 'detached' })
  })

  it('filters children by substring, glob and regex, with the match count, without reading anything', async () => {
    let requests = 0
    const handlers = ui.server.backend.handlers
    const original = { getChildren: handlers.getChildren, getStats: handlers.getStats, exists: handlers.exists }
    handlers.getChildren = (p, c) => {
      requests++
      return original.getChildren.call(handlers, p, c)
    }
    handlers.getStats = (p, c) => {
      requests++
      return original.getStats.call(handlers, p, c)
    }
    handlers.exists = (p, c) => {
      requests++
      return original.exists.call(handlers, p, c)
    }
    try {
      await row('items').click()
      await page.keyboard.press('Control+f')
      const bar = filterBar()
      const input = bar.getByRole('searchbox', { name: 'Filter children' })
      await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true)
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('7 children')
      requests = 0

      await input.fill('N00001')
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('2 of 7 children match')
      await expect.poll(async () => (await rowNames(tree)).filter((n) => n.startsWith('n0'))).toEqual(['n000010', 'n000011'])
      expect(await row('n000010').getAttribute('aria-setsize')).toBe('2')
      await bar.getByRole('button', { name: 'Match case' }).click()
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('0 of 7 children match')
      await bar.getByRole('button', { name: 'Match case' }).click()

      await bar.getByRole('combobox', { name: 'Filter mode' }).selectOption('glob')
      await input.fill('*.txt')
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('1 of 7 children match')
      await row('readme.txt').waitFor()
      await input.fill('n00000?')
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('3 of 7 children match')

      await bar.getByRole('combobox', { name: 'Filter mode' }).selectOption('regex')
      await input.fill('^n0+1\\d+$')
      await expect.poll(async () => (await rowNames(tree)).filter((n) => n.startsWith('n0'))).toEqual(['n000010', 'n000011', 'n000100'])
      // The parent row tells what it shows.
      await expect.poll(() => row('items').getAttribute('aria-description')).toContain('showing 3 of 7 children')
      await screenshot(page, 'ui-tree-filter-light-en')

      await input.fill('(n0')
      await bar.getByRole('alert').getByText('Invalid regular expression', { exact: false }).waitFor()
      expect(await input.getAttribute('aria-invalid')).toBe('true')
      expect(requests).toBe(0)

      await input.fill('')
      await expect.poll(() => bar.getByRole('status').innerText()).toBe('7 children')
      await bar.getByRole('button', { name: 'Close the filter and sort bar' }).click()
    } finally {
      Object.assign(handlers, original)
    }
  })

  it('sorts children by mtime (reading their Stats first) and by name, both ways', async () => {
    await row('mtime').click()
    await page.keyboard.press('Control+f')
    const bar = filterBar()
    await bar.getByRole('combobox', { name: 'Sort children by' }).selectOption('mtime')
    const order = async () => (await rowNames(tree)).filter((n) => ['alpha', 'bravo', 'charlie'].includes(n))
    await expect.poll(order, { timeout: 10_000 }).toEqual(['charlie', 'alpha', 'bravo'])
    await bar.getByRole('button', { name: 'Descending' }).click()
    await expect.poll(order).toEqual(['bravo', 'alpha', 'charlie'])
    expect(await bar.getByRole('button', { name: 'Descending' }).getAttribute('aria-pressed')).toBe('true')
    await bar.getByRole('combobox', { name: 'Sort children by' }).selectOption('name')
    await expect.poll(order).toEqual(['charlie', 'bravo', 'alpha'])
    await bar.getByRole('button', { name: 'Descending' }).click()
    await expect.poll(order).toEqual(['alpha', 'bravo', 'charlie'])
    await bar.getByRole('button', { name: 'Close the filter and sort bar' }).click()
  })

  it('shows URL-encoded names decoded, with the raw name one click away', async () => {
    await goTo(page, '/nav/dubbo/com.acme.OrderService/providers')
    await page.keyboard.press('ArrowRight')
    const decoded = row('dubbo://10.0.0.1:20880/com.acme.OrderService?anyhost=true&methods=get,put')
    await decoded.waitFor()
    expect(await decoded.getAttribute('data-path')).toBe(`/nav/dubbo/com.acme.OrderService/providers/${DUBBO_RAW[0]}`)
    expect(await decoded.locator('.tree-name').getAttribute('title')).toBe(DUBBO_RAW[0])
    expect(await decoded.getAttribute('aria-description')).toContain(`URL-decoded from ${DUBBO_RAW[0]}`)
    // Copying gives the real name, never the decoded one.
    await decoded.click({ button: 'right' })
    await menu().getByRole('menuitem', { name: /^Copy name/ }).click()
    await expect.poll(clipboard).toBe(DUBBO_RAW[0])

    const toggle = page.getByRole('button', { name: 'Show URL-encoded names decoded' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    await row(DUBBO_RAW[1] ?? '').waitFor()
    await decoded.waitFor({ state: 'detached' })
    await row(DUBBO_RAW[1] ?? '').click({ button: 'right' })
    await menu().getByRole('menuitem', { name: 'Show decoded names' }).click()
    await decoded.waitFor()
  })

  it('guards expand all: asks above 2,000 nodes, and expands a small subtree at once', async () => {
    await goTo(page, '/nav/deep')
    await page.keyboard.press('Shift+F10')
    await menu().getByRole('menuitem', { name: /^Expand all below/ }).click()
    await row('leaf').waitFor()
    await row('side').waitFor()
    await page.getByRole('status').filter({ hasText: 'Expanded 5 nodes below /nav/deep.' }).waitFor()
    await row('deep').click({ button: 'right' })
    await menu().getByRole('menuitem', { name: /^Collapse all below/ }).click()
    await row('l1').waitFor({ state: 'detached' })
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => row('l1').getAttribute('aria-expanded')).toBe('false')

    await row('big').click()
    await page.getByRole('toolbar', { name: 'Tree actions' }).getByRole('button', { name: 'Expand all below' }).click()
    const dialog = page.getByRole('dialog', { name: 'Expand all below?' })
    await dialog.getByText(`/nav/big has at least ${BIG.toLocaleString('en-US')} nodes below it (more than 2,000).`, { exact: false }).waitFor()
    await screenshot(page, 'ui-tree-expand-guard-light-en')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await row('big').getAttribute('aria-expanded')).toBe('false')
    await page.getByRole('toolbar', { name: 'Tree actions' }).getByRole('button', { name: 'Expand all below' }).click()
    await page.getByRole('dialog', { name: 'Expand all below?' }).getByRole('button', { name: 'Expand all' }).click()
    // Lists 3,000 children and reads their Stats first: give a loaded machine time.
    await expect.poll(() => row('big').getAttribute('aria-expanded'), { timeout: 20_000 }).toBe('true')
  })

  it(`keeps a parent with ${BIG.toLocaleString('en-US')} children virtual, and filters it`, async () => {
    await row('c00000').waitFor()
    expect(await row('c00000').getAttribute('aria-setsize')).toBe(String(BIG))
    expect(await tree.getByRole('treeitem').count()).toBeLessThan(120)
    // The last child is reachable: revealed, scrolled to and focused.
    const last = `c0${BIG - 1}`
    await goTo(page, `/nav/big/${last}`)
    await expect.poll(() => focusedPath(tree)).toBe(`/nav/big/${last}`)
    await expect.poll(() => row(last).evaluate((el) => {
      const box = el.getBoundingClientRect()
      const view = (el.closest('[role="tree"]') as HTMLElement).getBoundingClientRect()
      return box.top >= view.top && box.bottom <= view.bottom
    })).toBe(true)
    expect(await row(last).getAttribute('aria-posinset')).toBe(String(BIG))
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Control+f')
    const bar = filterBar()
    await bar.getByRole('combobox', { name: 'Filter mode' }).selectOption('glob')
    await bar.getByRole('searchbox', { name: 'Filter children' }).fill('c0299?')
    await expect.poll(() => bar.getByRole('status').innerText()).toBe(`10 of ${BIG.toLocaleString('en-US')} children match`)
    await row('c02999').waitFor()
    await bar.getByRole('searchbox', { name: 'Filter children' }).fill('')
    await bar.getByRole('button', { name: 'Close the filter and sort bar' }).click()
    await page.getByRole('button', { name: 'Collapse all', exact: true }).click()
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
