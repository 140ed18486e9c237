/**
 * The monitor's screens in light and dark, English and Simplified Chinese,
 * opened from the start screen ("Monitor an ensemble") against a real
 * 3-member ensemble with some load and one leader election behind it.
 * Screenshots go to .screenshots/ for a human eye; the assertions check
 * that each screen shows what it must, in the right language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { requireBuiltRenderer } from './ui-fixture'

const LABELS = {
  en: {
    panel: 'Ensemble monitors',
    create: 'Monitor an ensemble',
    servers: 'Servers',
    start: 'Start monitoring',
    open: 'Open monitor Orders ensemble',
    health: 'Ensemble health',
    healthy: /^Healthy: server \d/,
    sections: 'Monitor sections',
    range: 'Time range',
    fiveMin: '5 min',
    tabs: { dashboard: 'Dashboard', clients: 'Clients', console: 'Four-letter words', alerts: 'Alerts', settings: 'Settings' },
    run: 'Run',
    history: 'Alert history',
    election: /^election/,
  },
  zh: {
    panel: '集群监控',
    create: '监控集群',
    servers: '服务器',
    start: '开始监控',
    open: '打开监控 Orders ensemble',
    health: '集群健康',
    healthy: /^健康：服务器 \d/,
    sections: '监控分区',
    range: '时间范围',
    fiveMin: '5 分钟',
    tabs: { dashboard: '仪表盘', clients: '客户端', console: '四字命令', alerts: '告警', settings: '设置' },
    run: '执行',
    history: '告警历史',
    election: /^选举/,
  },
}

const COMBOS = [
  { scheme: 'light', locale: 'en-US', labels: LABELS.en, tag: 'light-en' },
  { scheme: 'dark', locale: 'en-US', labels: LABELS.en, tag: 'dark-en' },
  { scheme: 'light', locale: 'zh-CN', labels: LABELS.zh, tag: 'light-zh-CN' },
  { scheme: 'dark', locale: 'zh-CN', labels: LABELS.zh, tag: 'dark-zh-CN' },
] as const

let ensemble: TestEnsemble
let server: BackendServer
let browser: Browser

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 3, tickTime: 500 })
  server = await startBackendServer()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await ensemble?.stop()
})

async function shot(page: Page, name: string, tag: string): Promise<void> {
  await page.waitForTimeout(200)
  await screenshot(page, `monitor-${name}-${tag}`)
}

/** Writes and reads for a few seconds, so latency, packets and fsync have something to draw. */
async function load(): Promise<void> {
  await runKazoo(
    ensemble.connectString,
    `
import time
zk.ensure_path('/load')
for i in range(150):
    zk.create('/load/n', b'x' * 100, sequence=True)
    zk.get_children('/load')
    time.sleep(0.02)
result = True
`,
  )
}

describe('monitor screens, light and dark, English and Chinese', () => {
  it('starts monitoring from the start screen, then sees load and an election', async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl)
    const labels = LABELS.en
    await page.getByRole('region', { name: labels.panel }).getByRole('button', { name: labels.create }).click()
    const dialog = page.getByRole('dialog', { name: labels.create })
    await dialog.getByLabel(labels.servers, { exact: true }).fill(ensemble.connectString)
    await dialog.getByLabel('Name', { exact: true }).fill('Orders ensemble')
    await dialog.getByRole('button', { name: labels.start }).click()
    const overlay = page.getByRole('dialog', { name: 'Monitor: Orders ensemble' })
    await overlay.getByRole('region', { name: labels.health }).getByText(labels.healthy).waitFor({ timeout: 30_000 })

    const client = await server.connectClient()
    const [monitor] = await client.api.listMonitors({})
    if (!monitor) throw new Error('no monitor')
    await client.api.updateMonitorSettings({ monitorId: monitor.monitorId, intervalMs: 1_000 })
    await load()
    const leader = await ensemble.leader()
    if (!leader) throw new Error('no leader')
    await leader.stop()
    await overlay.locator('.leader-timeline g.election').first().waitFor({ timeout: 30_000 })
    // Down long enough for the member-down alert, so the alert screens have a history to show.
    await expect
      .poll(async () => (await client.api.getMonitorAlerts({ monitorId: monitor.monitorId })).history.some((a) => a.ruleId === 'member-down'), { timeout: 30_000 })
      .toBe(true)
    await leader.start()
    await overlay.getByRole('region', { name: labels.health }).getByText(labels.healthy).waitFor({ timeout: 30_000 })
    await load()
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)

  for (const { scheme, locale, labels, tag } of COMBOS) {
    it(`tours the monitor (${tag})`, async () => {
      const { page, context, errors } = await openPage(browser, server.pageUrl, { colorScheme: scheme, locale })
      const panel = page.getByRole('region', { name: labels.panel })
      await panel.getByRole('button', { name: labels.open }).waitFor()
      await shot(page, 'start', tag)
      await panel.getByRole('button', { name: labels.open }).click()
      const overlay = page.getByRole('dialog', { name: /Orders ensemble/ })
      await overlay.getByRole('region', { name: labels.health }).getByText(labels.healthy).waitFor({ timeout: 30_000 })
      const tab = (name: string): Locator => overlay.getByRole('tablist', { name: labels.sections }).getByRole('tab', { name })

      await overlay.getByRole('radiogroup', { name: labels.range }).getByRole('radio', { name: labels.fiveMin }).click()
      await expect.poll(() => overlay.locator('figure[data-chart="latency"] path.recharts-curve').count()).toBeGreaterThan(0)
      // The charts mount one part per frame: the screenshot waits for the lines of all seven.
      await expect.poll(() => overlay.locator('figure[data-chart] g.member-lines').count(), { timeout: 20_000 }).toBe(7)
      await shot(page, 'dashboard', tag)
      await overlay.locator('.leader-timeline').scrollIntoViewIfNeeded()
      await expect(overlay.locator('.leader-timeline .election-label').first().textContent()).resolves.toMatch(labels.election)
      await shot(page, 'timeline', tag)

      await tab(labels.tabs.alerts).click()
      await overlay.getByRole('list', { name: labels.history }).locator('[data-rule="member-down"]').first().waitFor()
      await shot(page, 'alerts', tag)
      await tab(labels.tabs.clients).click()
      await overlay.locator('table.clients-table').waitFor()
      await shot(page, 'clients', tag)
      await tab(labels.tabs.console).click()
      await overlay.getByRole('button', { name: labels.run, exact: true }).click()
      await overlay.locator('pre.word-output').getByText(/Zookeeper version/).waitFor()
      await shot(page, 'console', tag)
      await tab(labels.tabs.settings).click()
      await shot(page, 'settings', tag)
      expect(errors).toEqual([])
      await context.close()
    }, 90_000)
  }
})
