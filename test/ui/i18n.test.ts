/**
 * Simplified Chinese: switched in the settings dialog (and remembered), and
 * chosen by default when the OS language is Chinese. Runs against the real
 * backend and a real ensemble so the workspace labels are checked too.
 */
import { describe, expect, it } from 'vitest'
import { screenshot } from '../helpers/chromium'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ ensemble: { size: 3 } })

describe('Simplified Chinese', () => {
  it('switches from English in the settings dialog and keeps the choice', async () => {
    const { page, context, errors } = await ui.open({ locale: 'en-US' })
    await page.getByRole('button', { name: 'New connection' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')

    await page.getByRole('button', { name: 'Settings' }).click()
    const settings = page.getByRole('dialog', { name: 'Settings' })
    await settings.getByRole('radio', { name: '简体中文' }).check()
    // The dialog itself turns Chinese at once.
    await page.getByRole('dialog', { name: '设置' }).getByRole('group', { name: '语言' }).waitFor()
    await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭' }).first().click()

    await page.getByRole('button', { name: '新建连接' }).waitFor()
    await page.getByRole('tab', { name: '连接' }).waitFor()
    await page.getByRole('heading', { name: '已保存的连接' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    expect(await page.title()).toBe('ZooKeeper 控制台')

    // Connect through the Chinese dialog: labels, validation and workspace are Chinese.
    await page.getByRole('button', { name: '新建连接' }).click()
    const dialog = page.getByRole('dialog', { name: '新建连接' })
    await dialog.getByRole('textbox', { name: '名称' }).fill('测试集群')
    await dialog.getByRole('textbox', { name: '连接串' }).fill('127.0.0.1:0')
    await dialog.getByText('“127.0.0.1:0”的端口无效：请使用 1 到 65535 之间的数字。').waitFor()
    await dialog.getByRole('textbox', { name: '连接串' }).fill(ui.ensemble.connectString)
    await dialog.getByText('3 台服务器', { exact: false }).waitFor()
    await dialog.getByRole('button', { name: '保存并连接' }).click()
    const tree = page.getByRole('tree', { name: '测试集群 的 ZooKeeper 节点树' })
    await tree.getByRole('treeitem', { name: 'zookeeper', exact: true }).click()
    await page.getByRole('region', { name: '节点' }).getByRole('heading', { name: '/zookeeper' }).waitFor()
    await page.getByRole('contentinfo').getByText('已连接', { exact: true }).waitFor()
    await page.getByRole('region', { name: '节点' }).getByText('持久节点').waitFor()
    await screenshot(page, 'ui-i18n-workspace-light-zh-CN')

    // Remembered: a reload comes back in Chinese.
    await page.reload()
    await page.getByRole('tab', { name: '连接' }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('follows a Chinese OS language by default', async () => {
    const { page, context } = await ui.open({ locale: 'zh-CN', colorScheme: 'dark' })
    await page.getByRole('button', { name: '新建连接' }).waitFor()
    await page.getByRole('heading', { name: '本地沙箱' }).waitFor()
    await screenshot(page, 'ui-i18n-start-dark-zh-CN')
    await context.close()
  })

  it('follows an English OS language by default', async () => {
    const { page, context } = await ui.open({ locale: 'en-GB' })
    await page.getByRole('button', { name: 'New connection' }).waitFor()
    await context.close()
  })
})
