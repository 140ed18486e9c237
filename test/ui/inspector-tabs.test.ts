/**
 * Several nodes open at once: the preview tab a plain click replaces, tabs
 * kept with "Keep open", a middle click or Ctrl+Enter in the tree, each tab
 * with its own view, and the WAI-ARIA tabs keyboard pattern.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { connectThroughDialog, expandRow } from './ui-fixture'
import { ROOT, expectView, nodePanel, openRow, seedInspector, viewSelect } from './inspector-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ seed: seedInspector })

let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  ;({ page, errors } = await ui.open())
})

const tabs = () => nodePanel(page).getByRole('tablist', { name: 'Open nodes' })
const tabNames = () => tabs().getByRole('tab').allInnerTexts()
const selectedTab = () => tabs().getByRole('tab', { selected: true }).innerText()
const isPreview = (name: string) => tabs().getByRole('tab', { name, exact: true }).evaluate((el) => el.hasAttribute('aria-description'))
const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
const heading = (name: string) => nodePanel(page).getByRole('heading', { name: `${ROOT}/${name}`, exact: true })

describe('inspector tabs', () => {
  it('shows a plain click in one preview tab that the next click replaces', async () => {
    tree = await connectThroughDialog(page, { name: 'Tabs', connectString: ui.ensemble.connectString })
    await expandRow(tree, 'insp')
    await openRow(page, tree, 'config.json')
    expect(await tabNames()).toEqual(['config.json'])
    expect(await isPreview('config.json')).toBe(true)
    await openRow(page, tree, 'plain')
    expect(await tabNames()).toEqual(['plain'])
  })

  it('keeps a tab with "Keep open", then previews the next node beside it', async () => {
    await nodePanel(page).getByRole('button', { name: 'Keep open' }).click()
    await expect.poll(() => isPreview('plain')).toBe(false)
    await openRow(page, tree, 'application.yaml')
    expect(await tabNames()).toEqual(['plain', 'application.yaml'])
    expect(await selectedTab()).toBe('application.yaml')
  })

  it('opens a node in a new tab with a middle click and with Ctrl+Enter', async () => {
    await row('logo.png').click({ button: 'middle' })
    await heading('logo.png').waitFor()
    expect(await tabNames()).toEqual(['plain', 'application.yaml', 'logo.png'])
    expect(await isPreview('logo.png')).toBe(false)
    // The tree's own selection did not move: a middle click only opens.
    expect(await row('logo.png').getAttribute('aria-selected')).toBe('false')

    await row('provider').click()
    await heading('provider').waitFor()
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => isPreview('provider')).toBe(false)
    expect(await tabNames()).toEqual(expect.arrayContaining(['plain', 'logo.png', 'provider']))
  })

  it('gives each tab its own view', async () => {
    await tabs().getByRole('tab', { name: 'logo.png' }).click()
    await viewSelect(nodePanel(page)).selectOption('base64')
    await tabs().getByRole('tab', { name: 'plain' }).click()
    await expectView(nodePanel(page), 'text')
    await tabs().getByRole('tab', { name: 'logo.png' }).click()
    await expectView(nodePanel(page), 'base64')
    // The tree follows the active tab.
    await expect.poll(() => row('logo.png').getAttribute('aria-selected')).toBe('true')
  })

  it('moves between tabs with the arrow keys, Home and End, and closes with Delete', async () => {
    const names = await tabNames()
    await tabs().getByRole('tab', { selected: true }).focus()
    await page.keyboard.press('Home')
    await expect.poll(selectedTab).toBe(names[0])
    await heading(names[0] ?? '').waitFor()
    await page.keyboard.press('ArrowRight')
    await expect.poll(selectedTab).toBe(names[1])
    await page.keyboard.press('End')
    await expect.poll(selectedTab).toBe(names.at(-1))
    await page.keyboard.press('ArrowRight')
    await expect.poll(selectedTab).toBe(names[0])
    await page.keyboard.press('Delete')
    await expect.poll(tabNames).toEqual(names.slice(1))
    // Focus stays in the tab list, on the tab that took the closed one's place.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true')
  })

  it('closes tabs with their close button and with a middle click, down to the empty state', async () => {
    const names = await tabNames()
    expect(names.length).toBeGreaterThanOrEqual(2)
    for (const [index, name] of names.slice(0, -2).entries()) {
      const close = nodePanel(page).getByRole('button', { name: `Close ${ROOT}/${name}` })
      if (index % 2 === 0) await close.click()
      else await tabs().getByRole('tab', { name, exact: true }).click({ button: 'middle' })
      // One at a time: the next click must not land while the strip is still closing this tab.
      await expect.poll(async () => (await tabNames()).length).toBe(names.length - index - 1)
    }
    // The last two go with Delete in quick succession: the tree's selection
    // moves to the one left, and must not bring it back once it is closed too.
    await tabs().getByRole('tab', { selected: true }).focus()
    await page.keyboard.press('Delete')
    await page.keyboard.press('Delete')
    await nodePanel(page).getByText('Select a node in the tree to see its data, Stat and ACL.').waitFor()
    // Past the tree's selection-follows-focus delay (150 ms), still empty.
    await page.waitForTimeout(500)
    expect(await tabNames()).toEqual([])
    // A plain click on the same node opens it again.
    await openRow(page, tree, 'plain')
    expect(await tabNames()).toEqual(['plain'])
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
