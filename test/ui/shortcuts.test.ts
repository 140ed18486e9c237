/**
 * The keyboard shortcuts list in Chromium: "?" and F1 open it from the
 * workspace, the top bar has a button for it, and "?" typed into a text
 * field stays a character. Its entries name keys the tree really answers to.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { connectThroughDialog, seedDemo } from './ui-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ seed: seedDemo })
let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  ;({ page, errors } = await ui.open())
  tree = await connectThroughDialog(page, { name: 'Keys', connectString: ui.ensemble.connectString })
})

const dialog = () => page.getByRole('dialog', { name: 'Keyboard shortcuts' })
const entry = (group: string, action: string) => dialog().getByRole('region', { name: group }).getByRole('row', { name: action })

describe('keyboard shortcuts list', () => {
  it('opens with ? from the tree and lists each group with its keys', async () => {
    await tree.focus()
    await page.keyboard.press('?')
    await dialog().waitFor()
    expect(await entry('Selecting several nodes', 'Select a range of rows').innerText()).toMatch(/Shift\+click\s*\/\s*Shift\+↑\s*\/\s*Shift\+↓/)
    expect(await entry('Node tree', 'Delete the node or the selection, after a preview').innerText()).toContain('Delete')
    expect(await entry('Workspace', 'Go to a path').innerText()).toContain('Ctrl+L')
    await screenshot(page, 'dialog-shortcuts-light-en')
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog().count()).toBe(0)
  })

  it('opens with F1 and from the top bar, but "?" typed into a field is a character', async () => {
    await tree.focus()
    await page.keyboard.press('F1')
    await dialog().waitFor()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    await dialog().waitFor()
    await page.keyboard.press('Escape')

    await page.keyboard.press('Control+l')
    const field = page.getByRole('combobox', { name: 'Go to path' })
    await field.fill('/')
    await field.pressSequentially('a?')
    expect(await field.inputValue()).toBe('/a?')
    expect(await dialog().count()).toBe(0)
    await field.press('Escape')
    expect(errors).toEqual([])
  })
})
