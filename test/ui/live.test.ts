/**
 * The live view in Chromium against the real backend and a 3-member
 * ensemble: kazoo, an independent client, creates, changes and deletes nodes
 * under expanded paths, and the tree and the open node follow without a
 * refresh; a tiny watch budget says what is not live; a forced session
 * expiry is survived and what it lost is named.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import zookeeper from 'node-zookeeper-client'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, expandRow } from './ui-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ ensemble: { size: 3 } })

let page: Page
let errors: string[]
let tree: Locator

const kazoo = (body: string) => runKazoo(ui.ensemble.connectString, `${body}\nresult = True`)

beforeAll(async () => {
  await kazoo("zk.create('/live/list/a', b'', makepath=True); zk.create('/live/list/b', b''); zk.create('/live/list/c', b''); zk.create('/live/conf', b'v0')")
  ;({ page, errors } = await ui.open())
  tree = await connectThroughDialog(page, { name: 'Live', connectString: ui.ensemble.connectString })
})

const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
const nodePanel = () => page.getByRole('region', { name: 'Node', exact: true })
const statusBar = () => page.getByRole('contentinfo')
/** Names of the rows under /live/list, in order. */
const listNames = () =>
  tree
    .locator('[role="treeitem"][data-path^="/live/list/"]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''))

describe('the live tree', () => {
  it('follows creations and deletions under expanded nodes, in order, and refreshes their Stats', async () => {
    await expandRow(tree, 'live')
    await expandRow(tree, 'list')
    await expect.poll(listNames).toEqual(['a', 'b', 'c'])
    await expect.poll(() => row('list').getAttribute('aria-description')).toContain('3 children')
    // Once the status bar counts the watches, they are armed.
    await statusBar().getByText(/Live: \d+ \/ 5,000 paths/).waitFor()

    await kazoo("zk.create('/live/list/b2', b'')")
    await expect.poll(listNames).toEqual(['a', 'b', 'b2', 'c'])
    await expect.poll(() => row('list').getAttribute('aria-description')).toContain('4 children')
    await kazoo("zk.delete('/live/list/a')")
    await expect.poll(listNames).toEqual(['b', 'b2', 'c'])
    await screenshot(page, 'ui-live-tree-light-en')
  })

  it('moves the selection off a row that vanished to its next sibling', async () => {
    // Selected with the keyboard, b2 opens once the selection rests on it.
    await row('b').click()
    await page.keyboard.press('ArrowDown')
    await nodePanel().getByRole('heading', { name: '/live/list/b2' }).waitFor()
    // A middle click opens c in a tab of its own and leaves the selection on b2.
    await row('c').click({ button: 'middle' })
    await nodePanel().getByRole('heading', { name: '/live/list/c' }).waitFor()
    expect(await row('b2').getAttribute('aria-selected')).toBe('true')
    await kazoo("zk.delete('/live/list/b2')")
    await expect.poll(listNames).toEqual(['b', 'c'])
    await expect.poll(() => row('c').getAttribute('aria-selected')).toBe('true')
  })

  it('refreshes the open node when someone else changes it, and says when it is deleted', async () => {
    await row('conf').click()
    const panel = nodePanel()
    await panel.getByRole('heading', { name: '/live/conf' }).waitFor()
    await panel.getByText('v0', { exact: true }).waitFor()
    await kazoo("zk.set('/live/conf', b'v1-from-kazoo')")
    await panel.getByText('v1-from-kazoo', { exact: true }).waitFor()
    await expect.poll(() => panel.getByRole('row', { name: /^version/ }).innerText()).toMatch(/1/)
    await kazoo("zk.delete('/live/conf')")
    await panel.getByText('This node was deleted', { exact: false }).waitFor()
    // The last data stays on screen, the row goes, and the panel keeps the node.
    await panel.getByText('v1-from-kazoo', { exact: true }).waitFor()
    await expect.poll(() => row('conf').count()).toBe(0)
    await screenshot(page, 'ui-live-deleted-light-en')
    // Re-created: the panel comes back to life with the new data.
    await kazoo("zk.create('/live/conf', b'v2-recreated')")
    await panel.getByText('v2-recreated', { exact: true }).waitFor()
    await expect.poll(() => panel.getByText('This node was deleted', { exact: false }).count()).toBe(0)
  })
})

describe('the watch budget', () => {
  it('warns past a tiny budget and lists what is not live', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    const dialog = page.getByRole('dialog', { name: 'Settings' })
    const budget = dialog.getByRole('spinbutton', { name: 'Watch budget per connection' })
    await budget.fill('2')
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    // Watches already live stay live; what is expanded from now on is over the budget.
    await statusBar().getByText(/Live: \d+ \/ 2 paths/).waitFor()
    await expandRow(tree, 'zookeeper')
    const warning = statusBar().getByRole('button', { name: /paths? not live/ })
    await warning.waitFor()
    await warning.click()
    const details = page.getByRole('dialog', { name: /Over the watch budget of 2 paths/ })
    await details.waitFor()
    expect(await details.getByRole('listitem').count()).toBeGreaterThan(0)
    await screenshot(page, 'ui-live-budget-light-en')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: 'Settings' }).click()
    await budget.fill('5000')
    await dialog.getByRole('button', { name: 'Close' }).last().click()
    await expect.poll(() => warning.count()).toBe(0)
    await statusBar().getByText(/Live: \d+ \/ 5,000 paths/).waitFor()
  })
})

describe('a session that expires', () => {
  it('carries on with a new session, names the ephemeral nodes it lost, and re-reads what is watched', async () => {
    const [connection] = await (await ui.server.connectClient()).api.listConnections({})
    const connectionId = connection?.connectionId ?? ''
    const session = ui.server.backend.connections.session(connectionId)
    const client = session.libraryClient()
    // An ephemeral node of the console's own session, shown in the tree.
    await new Promise<void>((resolve, reject) =>
      client.create('/live/list/mine', Buffer.from('held'), zookeeper.CreateMode.EPHEMERAL, (error) => (error ? reject(error) : resolve())),
    )
    await expect.poll(listNames).toEqual(['b', 'c', 'mine'])
    await expect.poll(() => row('mine').getAttribute('aria-description')).toContain('Ephemeral')

    // A second client with the same session id and password, closed: the server expires the session.
    const twin = zookeeper.createClient(ui.ensemble.connectString, {
      sessionTimeout: 10_000,
      sessionId: client.getSessionId(),
      sessionPassword: client.getSessionPassword(),
    } as Parameters<typeof zookeeper.createClient>[1])
    await new Promise<void>((resolve) => {
      twin.once('connected', () => resolve())
      twin.connect()
    })
    twin.close()

    const notice = statusBar().getByRole('button', { name: /New session: the previous one expired/ })
    await notice.waitFor({ timeout: 60_000 })
    // Watches are set again on the new session: the lost node goes, new changes arrive.
    await expect.poll(listNames, { timeout: 30_000 }).toEqual(['b', 'c'])
    await kazoo("zk.create('/live/list/d', b'')")
    await expect.poll(listNames).toEqual(['b', 'c', 'd'])
    await notice.click()
    await page.getByRole('dialog', { name: /New session/ }).getByText('Gone with it: /live/list/mine').waitFor()
    await screenshot(page, 'ui-live-new-session-light-en')
    await page.keyboard.press('Escape')
    await statusBar().getByRole('button', { name: 'Dismiss' }).click()
    await expect.poll(() => notice.count()).toBe(0)
    expect(errors).toEqual([])
  }, 120_000)
})
