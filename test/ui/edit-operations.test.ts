/**
 * The subtree operations in Chromium against the real backend and real
 * ZooKeeper, each checked afterwards with kazoo: move and rename, recursive
 * ACL with its preview, properties export, a large delete cancelled from
 * its first progress event (the report and ZooKeeper agree on how far it
 * got), and a copy from one ensemble to another.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { kazooGet, runKazoo } from '../helpers/kazoo'
import { buildTree, kazooCount, treePaths } from '../integration/edit-race'
import { connectThroughDialog, requireBuiltRenderer } from './ui-fixture'
import { goTo } from './tree-nav-fixture'
import { openAction } from './edit-fixture'

let local: TestEnsemble
let remote: TestEnsemble
let server: BackendServer
let browser: Browser
let page: Page
let errors: string[]
// Deleted in batches of 1,000 one after another: enough of them that a cancel sent on the first progress lands mid-way.
const BIG = treePaths('/op/cancel', 20, 100, 20)

beforeAll(async () => {
  requireBuiltRenderer()
  ;[local, remote] = await Promise.all([startEnsemble({ size: 1 }), startEnsemble({ size: 1 })])
  const seeded = await Promise.all([
    runKazoo<boolean>(
      local.connectString,
      `
from kazoo.security import make_acl
limited = [make_acl('world', 'anyone', read=True, write=True, create=True, delete=True)]
zk.create('/op/mv/src/a', b'alpha', makepath=True)
zk.set_acls('/op/mv/src/a', limited)
zk.create('/op/mv/src/b/c', b'gamma', makepath=True)
zk.create('/op/rn/old/child', b'kid', makepath=True)
zk.create('/op/acl/t/x', b'x', makepath=True)
zk.create('/op/acl/t/y/z', b'z', makepath=True)
zk.create('/op/props/db/url', b'jdbc:mysql://db:3306/app', makepath=True)
zk.create('/op/props/db/user', '运维'.encode('utf-8'))
zk.create('/op/props/motd', b'line one\\nline two')
zk.create('/op/props/bin', bytes([0, 1, 2]))
result = True
`,
    ),
    runKazoo<boolean>(
      remote.connectString,
      `
zk.create('/remote/cfg/k1', b'v1', makepath=True)
zk.create('/remote/cfg/k2/k3', '值'.encode('utf-8'), makepath=True)
result = True
`,
    ),
  ])
  if (!seeded.every((done) => done === true)) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`)
  await buildTree(local.connectString, BIG)
  server = await startBackendServer()
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, server.pageUrl))
  await connectThroughDialog(page, { name: 'Ops', connectString: local.connectString })
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await Promise.all([local?.stop(), remote?.stop()])
})

const data = async (ensemble: TestEnsemble, path: string) => {
  const read = await kazooGet(ensemble.connectString, path)
  return read.ok ? read.node.data.toString('utf8') : read.error
}
const perms = (ensemble: TestEnsemble, paths: string[]) =>
  runKazoo<number[][]>(ensemble.connectString, "result = [[a.perms for a in zk.get_acls(p)[0]] for p in args['paths']]", { paths })

/** The counts row of a report: total, done, failed, skipped, uncertain, not attempted. */
async function reportCounts(report: Locator): Promise<number[]> {
  const cells = await report.getByRole('row').nth(1).getByRole('cell').allTextContents()
  return cells.map((cell) => Number(cell.replaceAll(',', '')))
}

describe('subtree operations', () => {
  it('moves a subtree with its data and ACLs, verified, and the source is gone', async () => {
    await goTo(page, '/op/mv/src')
    const dialog = await openAction(page, 'Copy/Move', 'Copy or move /op/mv/src')
    await dialog.getByRole('radio', { name: 'Move', exact: true }).check()
    await dialog.getByRole('textbox', { name: 'Target path' }).fill('/op/mv/dst')
    await dialog.getByRole('button', { name: 'Move', exact: true }).click()
    const report = dialog.getByRole('region', { name: 'Report' })
    await report.getByText('Verified: all 4 nodes read back equal.').waitFor()
    await report.getByRole('status').getByText(/^Complete — /).waitFor()
    await screenshot(page, 'edit-move-report-light-en')
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

    expect(await data(local, '/op/mv/src')).toBe('NoNodeError')
    expect(await data(local, '/op/mv/dst/a')).toBe('alpha')
    expect(await data(local, '/op/mv/dst/b/c')).toBe('gamma')
    expect(await perms(local, ['/op/mv/dst/a', '/op/mv/dst/b'])).toEqual([[15], [31]])
  })

  it('renames a node with its children', async () => {
    await goTo(page, '/op/rn/old')
    const dialog = await openAction(page, 'Copy/Move', 'Copy or move /op/rn/old')
    await dialog.getByRole('radio', { name: 'Rename', exact: true }).check()
    await dialog.getByRole('textbox', { name: 'New name' }).fill('new')
    await dialog.getByRole('button', { name: 'Rename', exact: true }).click()
    await dialog.getByRole('region', { name: 'Report' }).getByText('Verified: all 2 nodes read back equal.').waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    expect(await data(local, '/op/rn/old')).toBe('NoNodeError')
    expect(await data(local, '/op/rn/new/child')).toBe('kid')
  })

  it('sets an ACL on a whole subtree after showing what it covers', async () => {
    await goTo(page, '/op/acl/t')
    const dialog = await openAction(page, 'ACL', 'ACL of /op/acl/t')
    await dialog.getByRole('checkbox', { name: 'Apply to every node of the subtree' }).check()
    const preview = dialog.getByRole('region', { name: 'Preview' })
    await preview.getByText(/^4 nodes, depth 2, /).waitFor()
    await preview.getByRole('list', { name: 'Some of the paths' }).getByText('/op/acl/t/y/z').waitFor()
    await dialog.getByRole('group', { name: 'Permissions of entry 1' }).getByRole('button', { name: 'Delete permission' }).click()
    await screenshot(page, 'edit-acl-tree-preview-light-en')
    await dialog.getByRole('button', { name: 'Set ACL on subtree', exact: true }).click()
    const report = dialog.getByRole('region', { name: 'Report' })
    await report.getByRole('status').getByText(/^Complete — /).waitFor()
    expect(await reportCounts(report)).toEqual([4, 4, 0, 0, 0, 0])
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    expect(await perms(local, ['/op/acl/t', '/op/acl/t/x', '/op/acl/t/y', '/op/acl/t/y/z'])).toEqual([[23], [23], [23], [23]])
  })

  it('exports text leaves as zkui properties, skipping what the format cannot hold', async () => {
    await goTo(page, '/op/props')
    const dialog = await openAction(page, 'Export', 'Export /op/props')
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption('properties')
    await dialog.getByText('Text data of leaf nodes only; binary data and interior nodes with data are skipped.').waitFor()
    const downloading = page.waitForEvent('download')
    await dialog.getByRole('button', { name: 'Export and download' }).click()
    const download = await downloading
    const file = join(mkdtempSync(join(tmpdir(), 'zk-ui-props-')), download.suggestedFilename())
    await download.saveAs(file)
    await dialog.getByText(/Exported 3 nodes .* 1 not representable as text skipped\./).waitFor()
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()

    const lines = readFileSync(file, 'utf8').split('\n')
    expect(lines[0]).toMatch(/^# ZooKeeper Console export of \/op\/props from /)
    // Each value as kazoo reads it, newlines written as \n.
    const expected = await Promise.all(
      ['/op/props/db/url', '/op/props/db/user', '/op/props/motd'].map(async (path) => {
        const slash = path.lastIndexOf('/')
        return `${path.slice(0, slash)}=${path.slice(slash + 1)}=${(await data(local, path)).replaceAll('\n', '\\n')}`
      }),
    )
    expect(lines.filter((line) => line !== '' && !line.startsWith('#')).sort()).toEqual(expected.sort())
  })

  it('cancels a large delete from its first progress, and the report says exactly how far it got', { timeout: 240_000 }, async () => {
    await goTo(page, '/op/cancel')
    const dialog = await openAction(page, 'Delete', 'Delete /op/cancel')
    await dialog.getByText(`${BIG.length.toLocaleString('en-US')} nodes, depth 3`, { exact: false }).waitFor()
    await dialog.getByRole('textbox', { name: 'Type “cancel” to confirm' }).fill('cancel')
    // Clicks "Cancel operation" in the same task the first progress with deletions is rendered: no timing involved.
    await page.evaluate(() => {
      const observer = new MutationObserver(() => {
        const status = document.querySelector('dialog [role="status"][aria-label="Progress"]')
        const match = /Deleting… ([\d,]+) of/.exec(status?.textContent ?? '')
        if (!match?.[1] || Number(match[1].replaceAll(',', '')) === 0) return
        observer.disconnect()
        status?.querySelector('button')?.click()
      })
      observer.observe(document.body, { subtree: true, childList: true, characterData: true })
    })
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    const report = dialog.getByRole('region', { name: 'Report' })
    await report.getByRole('status').getByText(/^Cancelled — /).waitFor({ timeout: 120_000 })
    // The report tells how it ended; the aborted call's own error is not repeated under it.
    expect(await dialog.getByText('The request was cancelled.').count()).toBe(0)
    await screenshot(page, 'edit-delete-cancelled-light-en')
    const [total, done, failed, skipped, uncertain, notAttempted] = await reportCounts(report)
    expect(total).toBe(BIG.length)
    expect(done).toBeGreaterThan(0)
    expect(notAttempted).toBeGreaterThan(0)
    expect([failed, skipped, uncertain]).toEqual([0, 0, 0])
    expect((done ?? 0) + (notAttempted ?? 0)).toBe(BIG.length)
    // What ZooKeeper still holds is exactly what the report says was not deleted.
    expect(await kazooCount(local.connectString, '/op/cancel')).toBe(notAttempted)
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
  })

  it('copies a subtree from another ensemble into this one', async () => {
    await connectThroughDialog(page, { name: 'Remote', connectString: remote.connectString })
    await goTo(page, '/remote/cfg')
    const dialog = await openAction(page, 'Copy/Move', 'Copy or move /remote/cfg')
    await dialog.getByRole('combobox', { name: 'Target connection' }).selectOption({ label: 'Ops' })
    await dialog.getByRole('textbox', { name: 'Target path' }).fill('/op/from-remote')
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click()
    await dialog.getByRole('region', { name: 'Report' }).getByText('Verified: all 4 nodes read back equal.').waitFor()
    await screenshot(page, 'edit-copy-across-light-en')
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click()
    expect(await data(local, '/op/from-remote/k1')).toBe('v1')
    expect(await data(local, '/op/from-remote/k2/k3')).toBe('值')
    // A copy leaves the source alone.
    expect(await data(remote, '/remote/cfg/k2/k3')).toBe('值')
  })

  it('keeps the console free of errors', () => {
    expect(errors).toEqual([])
  })
})
