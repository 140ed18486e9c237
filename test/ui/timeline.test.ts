/**
 * The Events view in Chromium against the real backend and a real server:
 * what kazoo (an independent client) does under expanded and open nodes and
 * under a followed subtree is listed, filtered, paused, exported; the session
 * going away and coming back is listed too.
 */
import { readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, expandRow } from './ui-fixture'
import { useUiStack } from './ui-stack'

// One member (the default) is enough here: the events, not the ensemble, are under test (live.test.ts uses three).
const ui = useUiStack()

let page: Page
let errors: string[]
let tree: Locator

const kazoo = (body: string) => runKazoo(ui.ensemble.connectString, `${body}\nresult = True`)

beforeAll(async () => {
  await kazoo("zk.create('/tl/svc/a', b'', makepath=True); zk.create('/tl/svc/b', b''); zk.create('/tl/conf', b'c0'); zk.ensure_path('/tl/locks')")
  ;({ page, errors } = await ui.open())
  tree = await connectThroughDialog(page, { name: 'TL', connectString: ui.ensemble.connectString })
})

const events = () => page.getByRole('table', { name: 'Events of TL' })
/** The newest event row holding every one of `texts`. */
const eventRow = (...texts: (string | RegExp)[]) => texts.reduce((rows, text) => rows.filter({ hasText: text }), events().getByRole('row')).first()
const view = (name: 'Browse' | 'Events') => page.getByRole('tab', { name, exact: true }).click()
const statusBar = () => page.getByRole('contentinfo')

describe('the event timeline', () => {
  it('lists creations, deletions, data and children changes with versions and names', async () => {
    await expandRow(tree, 'tl')
    await expandRow(tree, 'svc')
    await tree.getByRole('treeitem', { name: 'conf', exact: true }).click()
    await page.getByRole('region', { name: 'Node', exact: true }).getByText('c0', { exact: true }).waitFor()
    await statusBar().getByText(/Live: \d+ \/ 5,000 paths/).waitFor()
    await kazoo("zk.create('/tl/svc/c', b''); zk.set('/tl/conf', b'c1'); zk.delete('/tl/svc/a')")

    await view('Events')
    await eventRow('Created', '/tl/svc/c').waitFor()
    await eventRow('Deleted', '/tl/svc/a').waitFor()
    await eventRow('Children', '/tl/svc', 'added c').waitFor()
    await eventRow('Children', '/tl/svc', 'removed a').waitFor()
    await eventRow('Data', '/tl/conf', 'version 0 → 1').waitFor()
    await eventRow('Session', 'Connected').waitFor()
    await screenshot(page, 'ui-timeline-light-en')
  })

  it('filters by path and by type', async () => {
    await page.getByRole('searchbox', { name: 'Filter by path' }).fill('conf')
    // Session entries concern every path and stay until their type is turned off.
    await eventRow('Session').waitFor()
    await page.getByRole('group', { name: 'Event types' }).getByRole('button', { name: 'Session' }).click()
    await expect.poll(() => events().getByRole('row').count()).toBe(2)
    await eventRow('Data', '/tl/conf').waitFor()
    await page.getByRole('status').filter({ hasText: /1 of \d+ events/ }).waitFor()
    await page.getByRole('searchbox', { name: 'Filter by path' }).fill('')
    await page.getByRole('group', { name: 'Event types' }).getByRole('button', { name: 'Session' }).click()
    await eventRow('Session').waitFor()
  })

  it('holds events while paused and shows them on resume', async () => {
    await page.getByRole('button', { name: 'Pause' }).click()
    await kazoo("zk.set('/tl/conf', b'c2')")
    await page.getByText('1 new event while paused').waitFor()
    expect(await eventRow('version 1 → 2').count()).toBe(0)
    await page.getByRole('button', { name: 'Resume' }).click()
    await eventRow('Data', '/tl/conf', 'version 1 → 2').waitFor()
  })

  it('exports what it shows as CSV and JSON', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
    expect(csv.suggestedFilename()).toMatch(/^zk-events-TL-.*\.csv$/)
    const text = await readFile(await csv.path(), 'utf8')
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toBe('time,kind,path,fromVersion,toVersion,size,added,removed,count,changes,resync,state,sessionId,server,expiresAt,message,lost')
    expect(lines).toContainEqual(expect.stringMatching(/^\S+Z,data,\/tl\/conf,1,2,2,/))
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()])
    const entries = JSON.parse(await readFile(await json.path(), 'utf8')) as { kind: string; path?: string; added?: string[] }[]
    expect(entries.length).toBe(lines.length - 1)
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'children', path: '/tl/svc', added: ['c'] }))
  })

  it('follows a subtree: lock holders coming and going are listed', async () => {
    const root = page.getByRole('textbox', { name: 'Subtree root' })
    await root.fill('/tl/locks')
    await page.getByRole('button', { name: 'Follow', exact: true }).click()
    await page.getByRole('status').filter({ hasText: '1 node of /tl/locks live' }).waitFor()
    // A lock holder takes its sequential node, then lets it go.
    await kazoo("zk.create('/tl/locks/lock-', b'holder', sequence=True)")
    await eventRow('Created', '/tl/locks/lock-0000000000').waitFor()
    await eventRow('Children', '/tl/locks', 'added lock-0000000000').waitFor()
    await kazoo("zk.delete('/tl/locks/lock-0000000000')")
    await eventRow('Deleted', '/tl/locks/lock-0000000000').waitFor()
    await eventRow('Children', '/tl/locks', 'removed lock-0000000000').waitFor()
    // A holder that comes and goes between two reads still shows, as changes to the children.
    await kazoo("zk.create('/tl/locks/lock-', b'', ephemeral=True, sequence=True)")
    await eventRow('Children', '/tl/locks', /lock-0000000001|changes in all/).waitFor()
    await screenshot(page, 'ui-timeline-follow-light-en')
    await page.getByRole('button', { name: 'Stop' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'of /tl/locks live' }).count()).toBe(0)
  })

  it('lists the session going away and coming back', async () => {
    const [member] = ui.ensemble.members
    await member?.stop()
    await eventRow('Session', 'Disconnected', 'unless a member answers').waitFor({ timeout: 30_000 })
    await statusBar().getByText(/session expires in \d+ s/).waitFor()
    await member?.start()
    await eventRow('Session', 'Reconnected').waitFor({ timeout: 30_000 })
    // Watches came back: a change after the outage is listed.
    await kazoo("zk.set('/tl/conf', b'c3')")
    await eventRow('Data', '/tl/conf', 'version 2 → 3').waitFor()
  }, 90_000)

  it('reads in Simplified Chinese and in the dark theme', async () => {
    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('radio', { name: 'Dark' }).check()
    await settings.getByRole('radio', { name: '简体中文' }).check()
    const zh = page.getByRole('dialog', { name: '设置' })
    // A tiny budget, to show the warning too.
    await zh.getByRole('spinbutton', { name: '每个连接的 watch 上限' }).fill('3')
    await screenshot(page, 'ui-live-settings-dark-zh-CN')
    await zh.getByRole('button', { name: '关闭' }).first().click()
    await page.getByRole('table', { name: 'TL 的事件' }).getByRole('row').filter({ hasText: '版本 2 → 3' }).waitFor()
    await screenshot(page, 'ui-timeline-dark-zh-CN')

    await page.getByRole('tab', { name: '浏览', exact: true }).click()
    const zhTree = page.getByRole('tree', { name: 'TL 的 ZooKeeper 节点树' })
    // The twisty expands without opening, so /tl/conf stays in the panel.
    await zhTree.getByRole('treeitem', { name: 'zookeeper', exact: true }).locator('.tree-twisty').click()
    const warning = statusBar().getByRole('button', { name: /个路径未实时更新/ })
    await warning.click()
    await page.getByRole('dialog', { name: /超出 3 个路径的 watch 上限/ }).waitFor()
    await kazoo("zk.set('/tl/conf', b'c4')")
    await page.getByRole('region', { name: '节点' }).getByText('c4', { exact: true }).waitFor()
    await screenshot(page, 'ui-live-budget-dark-zh-CN')
    await page.keyboard.press('Escape')

    await page.getByRole('button', { name: '设置' }).click()
    await zh.getByRole('spinbutton', { name: '每个连接的 watch 上限' }).fill('5000')
    await zh.getByRole('radio', { name: 'English' }).check()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Light' }).check()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Close' }).first().click()
    await expect.poll(() => warning.count()).toBe(0)
    expect(errors).toEqual([])
  })
})
