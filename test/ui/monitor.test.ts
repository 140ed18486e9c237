/**
 * The Monitor view in real Chromium against the real backend and a real
 * 3-member ensemble: the dashboard shows real data and the charts draw, zoom
 * and export; a member corrected in the settings; a stopped member shows as
 * down and fires an alert (in the app and as a desktop notification) that
 * clears when it comes back; stopping the leader puts an election on the
 * leader timeline; the clients list joins sessions with the open node; the
 * four-letter-word console asks before a word that changes the server.
 */
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import zookeeper from 'node-zookeeper-client'
import { startEnsemble, type TestEnsemble, type TestMember } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot, type OpenedPage } from '../helpers/chromium'
import { connectThroughDialog, requireBuiltRenderer } from './ui-fixture'

let ensemble: TestEnsemble
let server: BackendServer
let browser: Browser
let opened: OpenedPage
let holder: zookeeper.Client | null = null

const NOTIFICATION_RECORDER = `
  const Original = window.Notification
  window.__notifications = []
  class Recorded extends Original {
    constructor(title, options) {
      super(title, options)
      window.__notifications.push(title + ' | ' + (options && options.body))
    }
  }
  Object.defineProperty(Recorded, 'permission', { get: () => Original.permission })
  Recorded.requestPermission = (...args) => Original.requestPermission(...args)
  window.Notification = Recorded
`

const HEALTHY = /^Healthy: server \d \(127\.0\.0\.1:\d+\) leads, 3 of 3 voters in sync, can lose 1 more voter\.$/

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 3, tickTime: 500 })
  server = await startBackendServer()
  browser = await launchChromium()
  opened = await openPage(browser, server.pageUrl)
  // Desktop notifications are allowed for this page and recorded, so the test can see them.
  await opened.context.grantPermissions(['notifications'], { origin: new URL(server.pageUrl).origin })
  await opened.context.addInitScript(NOTIFICATION_RECORDER)
  await opened.page.reload()
})

afterAll(async () => {
  holder?.close()
  await browser?.close()
  await server?.dispose()
  await ensemble?.stop()
})

const page = (): Page => opened.page
const health = (): Locator => page().getByRole('region', { name: 'Ensemble health' })
const card = (member: TestMember): Locator => page().getByRole('region', { name: member.address, exact: true })
const monitorTab = (name: string): Locator => page().getByRole('tablist', { name: 'Monitor sections' }).getByRole('tab', { name })

/** Points drawn by a chart's first line: the number of segments in its SVG path. */
async function chartPoints(chart: string): Promise<number> {
  const paths = page().locator(`figure[data-chart="${chart}"] path.recharts-curve`)
  const ds = await paths.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('d') ?? ''))
  return Math.max(0, ...ds.map((d) => (d.match(/L/g) ?? []).length + 1))
}

async function followerOf(): Promise<TestMember> {
  for (const m of ensemble.members) if ((await m.mode()) === 'follower') return m
  throw new Error('no follower')
}

describe('the Monitor view of a connection', () => {
  it('shows the health sentence, a card per member with real data, and charts that draw', async () => {
    await connectThroughDialog(page(), { name: 'Monitored', connectString: ensemble.connectString })
    await page().getByRole('tab', { name: 'Monitor', exact: true }).click()
    await health().getByText(HEALTHY).waitFor({ timeout: 30_000 })

    // One round per second, set through the settings section like a user would.
    await monitorTab('Settings').click()
    await page().getByLabel('Interval', { exact: true }).fill('1')
    await page().getByRole('button', { name: 'Apply' }).click()
    await page().getByText('Applied from the next round.').waitFor()
    // Correct a member: give it its real AdminServer port.
    const corrected = ensemble.members[0]
    if (!corrected) throw new Error('no member')
    await page().getByRole('button', { name: `Correct ${corrected.address}` }).click()
    const form = page().getByRole('form', { name: 'Correct member' })
    await form.getByLabel('AdminServer port').fill(String(corrected.adminPort))
    await form.getByRole('button', { name: 'Save' }).click()
    await page().getByRole('cell', { name: new RegExp(`^http://127\\.0\\.0\\.1:${corrected.adminPort}`) }).waitFor()
    await monitorTab('Dashboard').click()

    const leader = await ensemble.leader()
    for (const member of ensemble.members) {
      const region = card(member)
      await region.getByText(member === leader ? 'Leader' : 'Follower', { exact: true }).waitFor()
      await expect.poll(() => region.getByText('3.8', { exact: false }).count()).toBeGreaterThan(0)
      await region.getByText(/^0x[0-9a-f]+$/).first().waitFor()
    }
    await page().getByRole('radiogroup', { name: 'Time range' }).getByRole('radio', { name: '5 min' }).click()
    await expect.poll(() => chartPoints('znodes'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    await expect.poll(() => chartPoints('connections'), { timeout: 20_000 }).toBeGreaterThanOrEqual(3)
    // Every chart mounts, one part per frame, up to its lines.
    await expect.poll(() => page().locator('figure[data-chart] svg.recharts-surface g.member-lines').count(), { timeout: 20_000 }).toBe(7)

    // Hovering a chart reads out every member's value at that time.
    const plot = page().locator('figure[data-chart="connections"] .metric-chart-plot')
    await plot.scrollIntoViewIfNeeded()
    const box = await plot.boundingBox()
    if (!box) throw new Error('no chart')
    await page().mouse.move(box.x + box.width - 30, box.y + box.height / 2)
    await expect.poll(() => plot.locator('.chart-tooltip-row').count()).toBe(3)
    await screenshot(page(), 'monitor-view-dashboard-light-en')

    // Drag across a chart to zoom, back to live with "Reset zoom".
    await page().mouse.move(box.x + box.width * 0.5, box.y + box.height / 2)
    await page().mouse.down()
    await page().mouse.move(box.x + box.width * 0.8, box.y + box.height / 2, { steps: 4 })
    await page().mouse.up()
    await page().getByText(/^Zoomed: /).waitFor()
    await page().getByRole('button', { name: 'Reset zoom' }).click()
    await page().getByText('Live', { exact: true }).waitFor()

    // History export: a CSV file through a download link.
    const [download] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: 'Export CSV' }).click()])
    expect(download.suggestedFilename()).toMatch(/^zookeeper-history-.*\.csv$/)
    const csv = await readFile(await download.path(), 'utf8')
    expect(csv.split('\n')[0]).toMatch(/^time,epoch_ms,member,status,role,zxid,latencyAvgMs/)
    expect(csv).toContain(`server ${corrected.id} (${corrected.address})`)
    expect(opened.errors).toEqual([])
  }, 120_000)

  it('shows a stopped member as down with an alert, and clears both when it is back', async () => {
    await monitorTab('Alerts').click()
    await page().getByRole('button', { name: 'Desktop notifications' }).click()
    await page().getByText('On: fired alerts and leader changes also show as desktop notifications.').waitFor()
    await monitorTab('Dashboard').click()
    const follower = await followerOf()
    await follower.stop()
    await card(follower).getByText('Down', { exact: true }).waitFor({ timeout: 20_000 })
    await health().getByText(/^Not healthy: .*is down/).waitFor()
    await expect.poll(() => monitorTab('Alerts').textContent(), { timeout: 15_000 }).toMatch(/Alerts\s*1/)
    await screenshot(page(), 'monitor-view-member-down-light-en')
    await monitorTab('Alerts').click()
    const active = page().getByRole('list', { name: 'Active alerts' })
    await active.locator('[data-rule="member-down"]').getByText('Member down').waitFor()
    await expect
      .poll(() => page().evaluate(() => (window as unknown as { __notifications: string[] }).__notifications))
      .toContainEqual(expect.stringMatching(/^Member down · Monitored \| server \d \(127\.0\.0\.1:\d+\) is down/))
    await screenshot(page(), 'monitor-view-alerts-light-en')

    // A threshold edited and saved.
    await page().getByLabel('Threshold of “Outstanding requests”').fill('25')
    await page().getByRole('button', { name: 'Save rules' }).click()
    await page().getByText('Rules saved.').waitFor()

    await follower.start()
    await page().getByText('No alert is firing.').waitFor({ timeout: 30_000 })
    const history = page().getByRole('list', { name: 'Alert history' })
    await history.locator('[data-rule="member-down"][data-kind="clear"]').waitFor()
    await history.locator('[data-rule="member-down"][data-kind="fire"]').waitFor()
    await monitorTab('Dashboard').click()
    await card(follower).getByText('Follower', { exact: true }).waitFor({ timeout: 20_000 })
    await health().getByText(HEALTHY).waitFor({ timeout: 20_000 })
  }, 120_000)

  it('puts the election on the leader timeline when the leader stops', async () => {
    const leader = await ensemble.leader()
    if (!leader) throw new Error('no leader')
    await leader.stop()
    const events = page().getByRole('list', { name: 'Events' })
    await events.getByText(/became the leader/).first().waitFor({ timeout: 30_000 })
    await expect.poll(() => page().locator('.leader-timeline g.term').count()).toBeGreaterThanOrEqual(2)
    await page().locator('.leader-timeline g.election').first().waitFor()
    await expect(page().locator('.leader-timeline .election-label').first().textContent()).resolves.toMatch(/^election/)
    await card(leader).getByText('Down', { exact: true }).waitFor()
    await page().locator('.leader-timeline').scrollIntoViewIfNeeded()
    await screenshot(page(), 'monitor-view-election-light-en')
    await leader.start()
    await card(leader).getByText('Follower', { exact: true }).waitFor({ timeout: 30_000 })
  }, 120_000)

  it('lists client sessions and marks the one that owns the open ephemeral node', async () => {
    holder = await new Promise<zookeeper.Client>((resolve) => {
      const client = zookeeper.createClient(ensemble.connectString, { sessionTimeout: 30_000 })
      client.once('connected', () => resolve(client))
      client.connect()
    })
    const session = holder
    await new Promise<void>((resolve, reject) =>
      session.create('/held', Buffer.from('x'), zookeeper.CreateMode.EPHEMERAL, (error) => (error ? reject(error) : resolve())),
    )
    const sessionHex = `0x${session.getSessionId().toString('hex').replace(/^0+/, '')}`

    await page().getByRole('tab', { name: 'Browse', exact: true }).click()
    const tree = page().getByRole('tree', { name: 'ZooKeeper tree of Monitored' })
    await tree.getByRole('treeitem', { name: '/', exact: true }).click()
    await page().getByRole('button', { name: 'Refresh the selected node' }).click()
    await tree.getByRole('treeitem', { name: 'held', exact: true }).click()
    await page().getByRole('region', { name: 'Node', exact: true }).getByRole('heading', { name: '/held' }).waitFor()

    await page().getByRole('tab', { name: 'Monitor', exact: true }).click()
    await monitorTab('Clients').click()
    const row = page().locator('tr.client-highlight')
    await row.getByText('owns the open node /held').waitFor({ timeout: 20_000 })
    expect((await row.textContent())?.toLowerCase()).toContain(sessionHex.toLowerCase())
    await page().getByText(/^this console: Monitored$/).first().waitFor()
    await screenshot(page(), 'monitor-view-clients-light-en')
  }, 90_000)

  it('polls at once with "Poll now" and shows the new sample time', async () => {
    // An hour between rounds: from now on only the button can bring a new sample.
    await monitorTab('Settings').click()
    await page().getByLabel('Interval', { exact: true }).fill('3600')
    await page().getByRole('button', { name: 'Apply' }).click()
    await page().getByText('Applied from the next round.').waitFor()
    await monitorTab('Dashboard').click()
    const time = health().locator('time[data-at]')
    const sampledAt = async () => Number(await time.getAttribute('data-at'))
    // The round scheduled under the old one-second interval still runs: wait until the time stops moving.
    // The first look only notes the time; each later one, 2.5 s on, says whether it moved.
    let before = -1
    await expect
      .poll(async () => {
        const now = await sampledAt()
        const settled = now === before
        before = now
        return settled
      }, { interval: 2_500, timeout: 15_000 })
      .toBe(true)
    const shown = await time.textContent()
    await health().getByRole('button', { name: 'Poll now' }).click()
    await expect.poll(sampledAt, { timeout: 15_000 }).toBeGreaterThan(before)
    await expect.poll(() => time.textContent()).not.toBe(shown)
    await health().getByRole('button', { name: 'Poll now' }).and(page().locator(':enabled')).waitFor()

    await monitorTab('Settings').click()
    await page().getByLabel('Interval', { exact: true }).fill('1')
    await page().getByRole('button', { name: 'Apply' }).click()
    await page().getByText('Applied from the next round.').waitFor()
    // The round scheduled an hour away is replaced: rounds run every second again.
    await monitorTab('Dashboard').click()
    await health().getByRole('button', { name: 'Poll now' }).click()
    const polled = await sampledAt()
    await expect.poll(sampledAt, { timeout: 15_000 }).toBeGreaterThan(polled)
    expect(opened.errors).toEqual([])
  }, 60_000)

  it('runs a four-letter word and asks before one that changes the server', async () => {
    await monitorTab('Four-letter words').click()
    const form = page().getByRole('region', { name: 'Four-letter-word console' })
    await form.getByLabel('Command').selectOption('srvr')
    await form.getByRole('button', { name: 'Run' }).click()
    await page().locator('pre.word-output').getByText(/Zookeeper version: 3\.8/).waitFor()

    await form.getByLabel('Command').selectOption('srst')
    await form.getByRole('button', { name: 'Run' }).click()
    const confirm = page().getByRole('dialog', { name: 'Run “srst”?' })
    await confirm.getByText(/resets counters that every monitoring tool relies on/).waitFor()
    await screenshot(page(), 'monitor-view-console-confirm-light-en')
    await confirm.getByRole('button', { name: 'Run srst' }).click()
    await page().locator('pre.word-output').getByText('Server stats reset.').waitFor()
    expect(opened.errors).toEqual([])
  }, 60_000)
})
