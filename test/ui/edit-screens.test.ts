/**
 * Screenshots of every edit dialog in light and dark, English and Simplified
 * Chinese (.screenshots/edit-screen-*.png), for a human eye, and the data
 * editor saying how GBK text will be saved and refusing a character
 * ISO-8859-1 cannot hold. The assertions only check that each state showed.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { requireBuiltRenderer } from './ui-fixture'
import { goTo } from './tree-nav-fixture'
import { seedEdit } from './edit-fixture'
import { nodePanel } from './inspector-fixture'
import { runKazoo } from '../helpers/kazoo'

const L = {
  en: {
    home: 'Connections', newConnection: 'New connection', name: 'Name', cs: 'Connect string', env: 'Environment', save: 'Save & connect',
    tree: 'ZooKeeper tree of Shots', bar: 'Write actions', close: 'Close',
    panel: 'Node', edit: 'Edit', view: 'View as', charset: 'Charset', editor: 'Edit the data of /ed/enc/latin1',
    actions: [
      ['New child', 'New node'], ['Delete', 'Delete /ed/src'], ['Copy/Move', 'Copy or move /ed/src'], ['ACL', 'ACL of /ed/src'],
      ['Export', 'Export /ed/src'], ['Import', 'Import'], ['Diff', 'Compare subtrees'], ['Audit log', 'Audit log'],
    ],
  },
  zh: {
    home: '连接', newConnection: '新建连接', name: '名称', cs: '连接串', env: '环境', save: '保存并连接',
    tree: 'Shots 的 ZooKeeper 节点树', bar: '写操作', close: '关闭',
    panel: '节点', edit: '编辑', view: '查看方式', charset: '字符集', editor: '编辑 /ed/enc/latin1 的数据',
    actions: [
      ['新建子节点', '新建节点'], ['删除', '删除 /ed/src'], ['复制/移动', '复制或移动 /ed/src'], ['ACL', '/ed/src 的 ACL'],
      ['导出', '导出 /ed/src'], ['导入', '导入'], ['对比', '对比子树'], ['审计日志', '审计日志'],
    ],
  },
}

const COMBOS = [
  { scheme: 'light', locale: 'en-US', l: L.en, tag: 'light-en' },
  { scheme: 'dark', locale: 'en-US', l: L.en, tag: 'dark-en' },
  { scheme: 'light', locale: 'zh-CN', l: L.zh, tag: 'light-zh-CN' },
  { scheme: 'dark', locale: 'zh-CN', l: L.zh, tag: 'dark-zh-CN' },
] as const

let ensemble: TestEnsemble
let server: BackendServer
let browser: Browser

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 1 })
  await seedEdit(ensemble.connectString)
  const seeded = await runKazoo<boolean>(
    ensemble.connectString,
    "zk.create('/ed/enc/gbk-message', '配置中心：订单服务已启动'.encode('gbk'), makepath=True)\nzk.create('/ed/enc/latin1', 'café'.encode('latin-1'))\nresult = True",
  )
  if (seeded !== true) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`)
  server = await startBackendServer()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await ensemble?.stop()
})

async function connect(page: Page, l: (typeof L)['en' | 'zh']): Promise<void> {
  await page.getByRole('tab', { name: l.home }).click()
  await page.getByRole('button', { name: l.newConnection }).click()
  const dialog = page.getByRole('dialog', { name: l.newConnection })
  await dialog.getByRole('textbox', { name: l.name, exact: true }).fill('Shots')
  await dialog.getByRole('textbox', { name: l.cs, exact: true }).fill(ensemble.connectString)
  // Production, so the toolbar's warning colour is in the pictures too.
  await dialog.getByRole('combobox', { name: l.env }).selectOption('production')
  await dialog.getByRole('button', { name: l.save }).click()
  await page.getByRole('tree', { name: l.tree }).getByRole('treeitem', { name: '/', exact: true }).waitFor({ timeout: 60_000 })
}

describe('edit dialog screenshots', () => {
  for (const { scheme, locale, l, tag } of COMBOS) {
    it(`every dialog, ${tag}`, async () => {
      const { page, context } = await openPage(browser, server.pageUrl, { colorScheme: scheme, locale })
      try {
        await connect(page, l)
        await goTo(page, '/ed/src')
        for (const [action, title] of l.actions) {
          await page.getByRole('toolbar', { name: l.bar }).getByRole('button', { name: action, exact: true }).click()
          const dialog = page.getByRole('dialog', { name: title })
          await dialog.waitFor()
          // Let previews and the ACL load before the picture.
          await page.waitForTimeout(500)
          await screenshot(page, `edit-screen-${action === 'ACL' ? 'acl' : l.actions.findIndex((a) => a[0] === action)}-${tag}`)
          await dialog.getByRole('button', { name: l.close }).first().click()
          await dialog.waitFor({ state: 'detached' })
        }

        const panel = nodePanel(page, l.panel)
        await goTo(page, '/ed/enc/gbk-message')
        await panel.getByRole('button', { name: l.edit, exact: true }).click()
        await panel.getByRole('note').waitFor()
        await screenshot(page, `edit-screen-editor-gbk-${tag}`)
        await page.keyboard.press('Escape')
        await goTo(page, '/ed/enc/latin1')
        await panel.getByRole('combobox', { name: l.view }).selectOption('text')
        await panel.getByRole('combobox', { name: l.charset }).selectOption('iso-8859-1')
        await panel.getByRole('button', { name: l.edit, exact: true }).click()
        await panel.getByRole('textbox', { name: l.editor }).click()
        await page.keyboard.press('End')
        await page.keyboard.insertText(' €5')
        await page.keyboard.press('Control+s')
        // Refused before the production confirmation is even asked.
        await panel.getByRole('alert').filter({ hasText: 'U+20AC' }).waitFor()
        await screenshot(page, `edit-screen-editor-refused-${tag}`)
      } finally {
        await context.close()
      }
    })
  }
})
