/**
 * The desktop app's file handling in Chromium against the real backend: the backend runs as
 * the desktop host (it reads and writes files itself) with its OS file dialog replaced by a
 * stand-in that answers like Electron's: the chosen path, or null when cancelled. Export
 * writes the chosen file, import reads one, and the diff exports where the user says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { FilePickRequest } from '../../shared/protocol/host-api'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { openAction } from './edit-fixture'
import { connectThroughDialog, expandRow } from './ui-fixture'
import { useUiStack } from './ui-stack'

const folder = mkdtempSync(join(tmpdir(), 'zk-ui-desktop-files-'))
/** What the stand-in dialog answers next (null = the user cancelled), and what it was asked. */
const dialogAnswers: (string | null)[] = []
const dialogRequests: FilePickRequest[] = []

const ui = useUiStack({
  seed: (connectString) => runKazoo(connectString, "zk.create('/files/a', b'alpha', makepath=True); zk.create('/files/b', b'beta'); result = True"),
  backend: () => ({
    host: 'desktop',
    pickFile: async (request) => {
      dialogRequests.push(request)
      return dialogAnswers.shift() ?? null
    },
  }),
})

let page: Page
let tree: Locator

beforeAll(async () => {
  ;({ page } = await ui.open())
  tree = await connectThroughDialog(page, { name: 'Desk', connectString: ui.ensemble.connectString })
})

const select = (name: string) => tree.getByRole('treeitem', { name, exact: true }).click()

describe('files on the desktop', () => {
  it('exports to the file chosen in the dialog, and a cancelled dialog changes nothing', async () => {
    await expandRow(tree, '/')
    await select('files')
    const dialog = await openAction(page, 'Export', 'Export /files')
    const field = dialog.getByRole('textbox', { name: 'File path' })
    expect(await field.inputValue()).toBe('files.json')

    dialogAnswers.push(null)
    await dialog.getByRole('button', { name: 'Browse…' }).click()
    await expect.poll(() => dialogRequests.length).toBe(1)
    expect(dialogRequests[0]).toEqual({ mode: 'save', defaultName: 'files.json', extensions: ['json'] })
    expect(await field.inputValue()).toBe('files.json')

    const target = join(folder, 'chosen-export.json')
    dialogAnswers.push(target)
    await dialog.getByRole('button', { name: 'Browse…' }).click()
    await expect.poll(() => field.inputValue()).toBe(target)
    await screenshot(page, 'ui-desktop-export-picked-light-en')
    await dialog.getByRole('button', { name: 'Export to file' }).click()
    await dialog.getByText(`Saved to ${target}.`, { exact: false }).waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

    const written = readFileSync(target, 'utf8')
    expect(written).toContain('"format":"zookeeper-console-export"')
    expect(written).toContain('"path":"/files/a"')
    expect(written).toContain('"text":"alpha"')
  })

  it('asks where to write when the path is still a bare name, instead of refusing it', async () => {
    const dialog = await openAction(page, 'Export', 'Export /files')
    const target = join(folder, 'asked-on-export.json')
    dialogAnswers.push(target)
    await dialog.getByRole('button', { name: 'Export to file' }).click()
    await dialog.getByText(`Saved to ${target}.`, { exact: false }).waitFor()
    expect(dialogRequests.at(-1)).toEqual({ mode: 'save', defaultName: 'files.json', extensions: ['json'] })
    expect(readFileSync(target, 'utf8')).toContain('"text":"beta"')
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  })

  it('imports the file chosen in the dialog', async () => {
    const source = join(folder, 'to-import.json')
    writeFileSync(source, readFileSync(join(folder, 'chosen-export.json')))
    const dialog = await openAction(page, 'Import', 'Import')
    dialogAnswers.push(source)
    await dialog.getByRole('button', { name: 'Browse…' }).click()
    await expect.poll(() => dialog.getByRole('textbox', { name: 'File to import (path)' }).inputValue()).toBe(source)
    expect(dialogRequests.at(-1)).toMatchObject({ mode: 'open' })
    await dialog.getByRole('textbox', { name: 'Import into' }).fill('/restored')
    await dialog.getByRole('button', { name: 'Dry run' }).click()
    const plan = dialog.getByRole('table', { name: 'Import plan' })
    await plan.waitFor()
    expect(await plan.locator('tr[data-action="create"]').count()).toBe(3)
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  })
})
