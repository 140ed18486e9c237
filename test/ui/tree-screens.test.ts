/**
 * Screenshots of the tree navigation and search screens in light and dark,
 * English and Simplified Chinese, for a human eye (.screenshots/tree-*.png).
 * The assertions only check that each screen shows what it is about.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { screenshot } from '../helpers/chromium'
import { seedNav } from './tree-nav-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ seed: seedNav })

const LABELS = {
  en: {
    newConnection: 'New connection', name: 'Name', connectString: 'Connect string', save: 'Save & connect',
    tree: 'ZooKeeper tree of Shots', goTo: 'Go to path', filter: 'Filter children', menu: 'Actions for /nav/items',
    expandAll: 'Expand all below', dialog: 'Expand all below?', cancel: 'Cancel', search: 'Search', dataPattern: 'Data pattern',
    encoding: 'Data encoding', root: 'Search in', start: 'Start', done: 'Done:', nodes: 'Nodes', sortBy: 'Sort children by',
  },
  zh: {
    newConnection: '新建连接', name: '名称', connectString: '连接串', save: '保存并连接',
    tree: 'Shots 的 ZooKeeper 节点树', goTo: '转到路径', filter: '过滤子节点', menu: '/nav/items 的操作',
    expandAll: '全部展开子树', dialog: '全部展开？', cancel: '取消', search: '搜索', dataPattern: '数据模式',
    encoding: '数据编码', root: '搜索范围', start: '开始', done: '完成：', nodes: '节点树', sortBy: '子节点排序方式',
  },
}

const COMBOS = [
  { scheme: 'light', locale: 'en-US', labels: LABELS.en, tag: 'light-en' },
  { scheme: 'dark', locale: 'en-US', labels: LABELS.en, tag: 'dark-en' },
  { scheme: 'light', locale: 'zh-CN', labels: LABELS.zh, tag: 'light-zh-CN' },
  { scheme: 'dark', locale: 'zh-CN', labels: LABELS.zh, tag: 'dark-zh-CN' },
] as const

async function shot(page: Page, screen: string, tag: string): Promise<void> {
  // Let transitions and the Stats of rows on screen settle.
  await page.waitForTimeout(300)
  await screenshot(page, `tree-${screen}-${tag}`)
}

describe('tree navigation and search screens', () => {
  for (const { scheme, locale, labels: l, tag } of COMBOS) {
    it(`shows every changed screen (${tag})`, async () => {
      const { page, context, errors } = await ui.open({ colorScheme: scheme, locale })
      await page.getByRole('button', { name: l.newConnection }).click()
      const dialog = page.getByRole('dialog', { name: l.newConnection })
      await dialog.getByRole('textbox', { name: l.name, exact: true }).fill('Shots')
      await dialog.getByRole('textbox', { name: l.connectString, exact: true }).fill(ui.ensemble.connectString)
      await dialog.getByRole('button', { name: l.save }).click()
      const tree = page.getByRole('tree', { name: l.tree })
      const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
      await row('nav').waitFor({ timeout: 60_000 })

      // Filter and sort bar, with a filtered parent's badge.
      // The button, not Ctrl+L: the shortcut depends on where focus was left by the previous shot.
      const openGoTo = async () => {
        if (await page.getByRole('combobox', { name: l.goTo }).isVisible()) return
        await page.getByRole('button', { name: /^(Go to…|转到…)$/ }).click()
      }
      const goTo = async (path: string) => {
        await openGoTo()
        const field = page.getByRole('combobox', { name: l.goTo })
        await field.fill(path)
        await field.press('Enter')
        await field.waitFor({ state: 'detached' })
      }
      await goTo('/nav/items')
      await page.keyboard.press('ArrowRight')
      await page.keyboard.press('Control+f')
      await page.getByRole('searchbox', { name: l.filter }).fill('n00001')
      await row('n000010').waitFor()
      await shot(page, 'filter', tag)
      await page.getByRole('searchbox', { name: l.filter }).fill('')
      await page.getByRole('combobox', { name: l.sortBy }).selectOption('mtime')
      await page.waitForTimeout(300)

      // Context menu from the keyboard.
      await row('items').click()
      await page.keyboard.press('Shift+F10')
      await page.getByRole('menu', { name: l.menu }).waitFor()
      await shot(page, 'menu', tag)
      await page.keyboard.press('Escape')

      // Go-to-path with completions of decoded Dubbo names, then the decoded rows.
      await openGoTo()
      await page.getByRole('combobox', { name: l.goTo }).fill('/nav/dubbo/com.acme.OrderService/providers/')
      await page.getByRole('option').first().waitFor()
      await shot(page, 'goto', tag)
      await page.keyboard.press('Escape')
      await page.keyboard.press('Escape')
      await goTo('/nav/dubbo/com.acme.OrderService/providers')
      await page.keyboard.press('ArrowRight')
      await tree.getByRole('treeitem', { name: /^dubbo:\/\/10\.0\.0\.1/ }).click()
      await shot(page, 'decoded', tag)

      // The expand-all guard.
      await row('big').click()
      await page.keyboard.press('Shift+F10')
      await page.getByRole('menuitem', { name: new RegExp(`^${l.expandAll}`) }).click()
      await page.getByRole('dialog', { name: l.dialog }).waitFor()
      await shot(page, 'expand-guard', tag)
      await page.getByRole('dialog', { name: l.dialog }).getByRole('button', { name: l.cancel }).click()

      // The Search tab with streamed results of a GB18030 data search.
      await page.getByRole('tab', { name: l.search, exact: true }).click()
      await page.getByRole('textbox', { name: l.root }).fill('/')
      await page.getByRole('textbox', { name: l.dataPattern }).fill('订单')
      await page.getByRole('combobox', { name: l.encoding }).selectOption('gb18030')
      await page.getByRole('button', { name: l.start, exact: true }).click()
      await page.getByRole('status').filter({ hasText: l.done }).waitFor()
      await page.getByRole('listbox').getByRole('option').first().click()
      await shot(page, 'search', tag)
      await page.getByRole('tab', { name: l.nodes, exact: true }).click()
      expect(errors).toEqual([])
      await context.close()
    }, 120_000)
  }
})
