/**
 * A tour of every screen in light and dark, English and Simplified Chinese,
 * against the real backend with its real sandbox (three ZooKeeper members
 * seeded with the demo data). Screenshots go to .screenshots/ for a human
 * eye; the assertions check what each screen must show.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { Sandbox } from '../../electron/backend/sandbox/sandbox'
import type { Environment } from '../../shared/protocol/types'
import { requireBuiltRenderer } from './ui-fixture'

const LABELS = {
  en: {
    home: 'Connections',
    newConnection: 'New connection',
    connectString: 'Connect string',
    running: 'Running',
    start: 'Start local sandbox',
    connect: 'Connect to sandbox',
    edit: 'Edit',
    editTitle: 'Edit connection',
    delete: 'Delete',
    settings: 'Settings',
    cancel: 'Cancel',
    tree: 'ZooKeeper tree of Sandbox',
    node: 'Node',
    notAuthorized: 'Not authorized',
  },
  zh: {
    home: '连接',
    newConnection: '新建连接',
    connectString: '连接串',
    running: '运行中',
    start: '启动本地沙箱',
    connect: '连接到沙箱',
    edit: '编辑',
    editTitle: '编辑连接',
    delete: '删除',
    settings: '设置',
    cancel: '取消',
    tree: 'Sandbox 的 ZooKeeper 节点树',
    node: '节点',
    notAuthorized: '无权限',
  },
}

const COMBOS = [
  { scheme: 'light', locale: 'en-US', labels: LABELS.en, tag: 'light-en' },
  { scheme: 'dark', locale: 'en-US', labels: LABELS.en, tag: 'dark-en' },
  { scheme: 'light', locale: 'zh-CN', labels: LABELS.zh, tag: 'light-zh-CN' },
  { scheme: 'dark', locale: 'zh-CN', labels: LABELS.zh, tag: 'dark-zh-CN' },
] as const

let sandboxBase: string
let sandbox: Sandbox | undefined
let server: BackendServer
let browser: Browser

beforeAll(async () => {
  requireBuiltRenderer()
  sandboxBase = mkdtempSync(join(tmpdir(), 'zk-console-ui-sandbox-'))
  server = await startBackendServer({ createSandbox: (onState) => (sandbox = new Sandbox({ baseDir: sandboxBase, onState })) })
  const client = await server.connectClient()
  const profiles: { name: string; connectString: string; environment: Environment; readOnly: boolean; credentials?: string[] }[] = [
    { name: 'Orders (production)', connectString: 'zk-prod-1:2181,zk-prod-2:2181,zk-prod-3:2181/orders', environment: 'production', readOnly: true, credentials: ['ops:secret'] },
    { name: 'Payments staging', connectString: 'zk-stg.internal:2181', environment: 'staging', readOnly: false },
    { name: 'Local dev', connectString: '127.0.0.1:2181', environment: 'development', readOnly: false },
  ]
  for (const { credentials, ...profile } of profiles) {
    await client.api.saveProfile({
      profile: { ...profile, sessionTimeoutMs: 30_000 },
      ...(credentials ? { credentials } : {}),
      rememberCredentials: false,
    })
  }
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  if (sandboxBase) rmSync(sandboxBase, { recursive: true, force: true })
})

async function shot(page: Page, screen: string, tag: string): Promise<void> {
  await page.waitForTimeout(150)
  await screenshot(page, `screen-${screen}-${tag}`)
}

describe('every screen, light and dark, English and Chinese', () => {
  it('starts the sandbox from the start screen, shows its credentials, connects in one click', async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl)
    await page.getByRole('heading', { name: 'Saved connections' }).waitFor()
    await page.getByRole('row', { name: /Orders \(production\)/ }).getByText('Read-only').waitFor()
    await page.getByRole('button', { name: LABELS.en.start }).click()
    await page.getByText('Starting three ZooKeeper members').waitFor()
    await shot(page, 'sandbox-starting', 'light-en')
    const sandbox = page.getByRole('region', { name: 'Local sandbox' })
    await sandbox.getByText(LABELS.en.running, { exact: true }).waitFor({ timeout: 150_000 })
    await sandbox.getByText('admin:sandbox-secret').waitFor()
    await sandbox.getByRole('button', { name: LABELS.en.connect }).click()
    const tree = page.getByRole('tree', { name: LABELS.en.tree })
    await tree.getByRole('treeitem', { name: 'demo', exact: true }).waitFor({ timeout: 30_000 })
    expect(errors).toEqual([])
    await context.close()
  }, 180_000)

  for (const { scheme, locale, labels, tag } of COMBOS) {
    it(`tours every screen (${tag})`, async () => {
      const { page, context, errors } = await openPage(browser, server.pageUrl, { colorScheme: scheme, locale })
      const home = page.getByRole('tab', { name: labels.home })
      await home.click()
      await page.getByRole('region', { name: /Local sandbox|本地沙箱/ }).getByText(labels.running, { exact: true }).waitFor()
      await shot(page, 'start', tag)

      await page.getByRole('button', { name: labels.newConnection }).click()
      const dialog = page.getByRole('dialog', { name: labels.newConnection })
      await dialog.getByRole('textbox', { name: labels.connectString }).fill('zk1:2181,zk2:99999/app')
      await shot(page, 'dialog-new', tag)
      await dialog.getByRole('button', { name: labels.cancel }).click()

      await page.getByRole('button', { name: `${labels.edit} Orders (production)` }).click()
      await page.getByRole('dialog', { name: labels.editTitle }).waitFor()
      await shot(page, 'dialog-edit', tag)
      await page.getByRole('dialog', { name: labels.editTitle }).getByRole('button', { name: labels.cancel }).click()

      await page.getByRole('button', { name: `${labels.delete} Local dev` }).click()
      await shot(page, 'dialog-delete', tag)
      await page.getByRole('dialog').getByRole('button', { name: labels.cancel }).click()

      await page.getByRole('button', { name: labels.settings }).click()
      await page.getByRole('dialog', { name: labels.settings }).waitFor()
      await shot(page, 'dialog-settings', tag)
      await page.keyboard.press('Escape')

      await page.getByRole('button', { name: /^(Keyboard shortcuts|键盘快捷键)$/ }).click()
      await page.getByRole('dialog', { name: /^(Keyboard shortcuts|键盘快捷键)$/ }).waitFor()
      await shot(page, 'dialog-shortcuts', tag)
      await page.keyboard.press('Escape')

      // The workspace of the sandbox connection opened by the first test.
      await page.getByRole('tab', { name: 'Sandbox' }).click()
      const tree = page.getByRole('tree', { name: labels.tree })
      const panel = page.getByRole('region', { name: labels.node, exact: true })
      const expand = async (name: string) => {
        const row = tree.getByRole('treeitem', { name, exact: true })
        await row.click()
        if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight')
        await expect.poll(() => row.getAttribute('aria-expanded')).toBe('true')
      }
      await expand('config')
      await expand('app')
      await tree.getByRole('treeitem', { name: 'application.json', exact: true }).click()
      await panel.getByRole('heading', { name: '/config/app/application.json' }).waitFor()
      await panel.getByText('"order-service"', { exact: false }).first().waitFor()
      await shot(page, 'workspace-text', tag)

      await expand('demo')
      await expand('binary')
      await tree.getByRole('treeitem', { name: 'random.bin', exact: true }).click()
      await panel.getByText('00000000', { exact: false }).waitFor()
      await shot(page, 'workspace-hex', tag)

      await tree.getByRole('treeitem', { name: 'secure', exact: true }).click()
      await panel.getByRole('alert').getByText(labels.notAuthorized, { exact: false }).waitFor()
      await shot(page, 'workspace-noauth', tag)

      // A multi-selection: the toolbar counts it and offers to delete it.
      await tree.getByRole('treeitem', { name: 'binary', exact: true }).click({ modifiers: ['Control'] })
      await expect.poll(() => tree.getByRole('treeitem', { selected: true }).count()).toBe(2)
      await shot(page, 'workspace-marked', tag)
      await page.keyboard.press('Escape')
      await expect.poll(() => tree.getByRole('treeitem', { selected: true }).count()).toBe(1)

      await page.getByRole('button', { name: /Collapse all|全部折叠/ }).click()
      expect(errors).toEqual([])
      await context.close()
    }, 120_000)
  }

  it('connects to the sandbox with its printed credentials and reads the protected subtree', async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl)
    await page.getByRole('tab', { name: 'Connections' }).click()
    await page.getByRole('button', { name: 'Connect with credentials' }).click()
    await expect.poll(() => page.getByRole('tab', { name: 'Sandbox' }).count()).toBe(2)
    const tree = page.getByRole('tree', { name: LABELS.en.tree })
    await tree.getByRole('treeitem', { name: 'secure', exact: true }).click()
    await page.keyboard.press('ArrowRight')
    const panel = page.getByRole('region', { name: 'Node', exact: true })
    await panel.getByRole('heading', { name: '/secure' }).waitFor()
    await expect.poll(() => panel.getByRole('alert').count()).toBe(0)
    await panel.getByRole('table').nth(1).getByRole('row', { name: /digest/ }).first().waitFor()
    await shot(page, 'workspace-acl-digest', 'light-en')
    expect(errors).toEqual([])
    await context.close()
  })

  it("monitors the sandbox at its members' own AdminServer ports, with no setup", async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl)
    await page.getByRole('tab', { name: 'Sandbox' }).first().click()
    await page.getByRole('tab', { name: 'Monitor', exact: true }).click()
    await page.getByRole('region', { name: 'Ensemble health' }).getByText(/^Healthy: server \d/).waitFor({ timeout: 30_000 })
    await page.getByRole('tablist', { name: 'Monitor sections' }).getByRole('tab', { name: 'Settings' }).click()
    const members = sandbox?.info().members ?? []
    expect(members).toHaveLength(3)
    // Picked at start, not the default 8080 that would reach nothing here.
    for (const member of members) await page.getByRole('cell', { name: new RegExp(`^http://127\\.0\\.0\\.1:${member.adminPort}`) }).waitFor()
    await shot(page, 'monitor-sandbox-members', 'light-en')
    expect(errors).toEqual([])
    await context.close()
  })

  it('pins the theme from the settings, whatever the OS prefers', async () => {
    const { page, context } = await openPage(browser, server.pageUrl, { colorScheme: 'light' })
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
    const light = await background()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Dark' }).check()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    expect(await background()).not.toBe(light)
    await page.getByRole('dialog', { name: 'Settings' }).getByRole('radio', { name: 'Same as the system' }).nth(1).check()
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined()
    expect(await background()).toBe(light)
    await context.close()
  })
})
