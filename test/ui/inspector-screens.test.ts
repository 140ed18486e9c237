/**
 * Every inspector view in light and dark, English and Simplified Chinese,
 * saved under .screenshots/ (inspector-<view>-<theme>-<locale>.png) for a
 * human eye. The assertions only check that each view is there.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { SCREENSHOT_DIR, screenshot } from '../helpers/chromium'
import { ROOT, holdEphemeral, seedInspector, type EphemeralHolder } from './inspector-fixture'
import { useUiStack } from './ui-stack'

// The backend opens the connection at startup, as `--connect` does.
const ui = useUiStack({ seed: seedInspector, backend: (ensemble) => ({ startup: { connect: ensemble.connectString, sandbox: false } }) })

let holder: EphemeralHolder

beforeAll(async () => {
  holder = await holdEphemeral(ui.ensemble.connectString)
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
})

afterAll(async () => {
  holder?.stop()
})

interface Shot {
  name: string
  node: string
  /** What must be on screen before the picture is taken. */
  ready: string
  act?(panel: Locator): Promise<void>
}

const formatSelect = (panel: Locator) => panel.locator('.data-choices select').first()
const subMode = (panel: Locator, index: number) => panel.locator('.data-view [role="radio"]').nth(index).click()

const SHOTS: Shot[] = [
  { name: 'json-tree', node: 'config.json', ready: '.json-row' },
  { name: 'json-source', node: 'config.json', ready: '.cm-line', act: (p) => subMode(p, 1) },
  { name: 'json-invalid', node: 'broken.json', ready: '.message-warning' },
  { name: 'yaml', node: 'application.yaml', ready: '.cm-line' },
  { name: 'xml', node: 'log4j2.xml', ready: '.cm-line' },
  { name: 'xml-invalid', node: 'bad.xml', ready: '.message-warning' },
  { name: 'properties', node: 'db.properties', ready: '.props-body .props-row' },
  { name: 'text-gbk', node: 'gbk-message', ready: '.cm-line' },
  { name: 'text-utf16', node: 'utf16-note', ready: '.cm-line' },
  { name: 'gzip-json', node: 'settings.json.gz', ready: '.json-row' },
  { name: 'hex-png', node: 'logo.png', ready: '.hex-row' },
  { name: 'image', node: 'logo.png', ready: '.image-view img', act: (p) => formatSelect(p).selectOption('image').then(() => undefined) },
  { name: 'base64', node: 'binary.bin', ready: '.cm-line', act: (p) => formatSelect(p).selectOption('base64').then(() => undefined) },
  { name: 'url', node: 'provider', ready: '.url-params' },
  { name: 'large-text', node: 'large.log', ready: '.cm-line' },
  { name: 'large-hex', node: 'large.log', ready: '.hex-row', act: (p) => formatSelect(p).selectOption('hex').then(() => undefined) },
]

const COMBOS = [
  { scheme: 'light', locale: 'en-US', tag: 'light-en' },
  { scheme: 'dark', locale: 'en-US', tag: 'dark-en' },
  { scheme: 'light', locale: 'zh-CN', tag: 'light-zh-CN' },
  { scheme: 'dark', locale: 'zh-CN', tag: 'dark-zh-CN' },
] as const

async function expandInsp(page: Page): Promise<Locator> {
  const tree = page.locator('[role="tree"][aria-label*="ZooKeeper"]')
  const row = tree.getByRole('treeitem', { name: 'insp', exact: true })
  await row.click()
  if ((await row.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight')
  await expect.poll(() => row.getAttribute('aria-expanded')).toBe('true')
  return tree
}

describe('inspector screenshots', () => {
  for (const combo of COMBOS) {
    it(`shows every view in ${combo.tag}`, async () => {
      const { page, context, errors } = await ui.open({ colorScheme: combo.scheme, locale: combo.locale })
      const tree = await expandInsp(page)
      // The panel by its class: in Chinese the tree panel is called 节点 too.
      const panel = page.locator('section.node-panel')
      for (const shot of SHOTS) {
        await tree.getByRole('treeitem', { name: shot.node, exact: true }).click()
        await panel.getByRole('heading', { name: `${ROOT}/${shot.node}`, exact: true }).waitFor()
        await shot.act?.(panel)
        await panel.locator(shot.ready).first().waitFor()
        await panel.screenshot({ path: join(SCREENSHOT_DIR, `inspector-${shot.name}-${combo.tag}.png`) })
      }
      // Stat and ACL of an ephemeral node, below the data.
      await tree.getByRole('treeitem', { name: 'holder', exact: true }).click()
      await panel.getByRole('heading', { name: `${ROOT}/holder`, exact: true }).waitFor()
      await panel.locator('.kv-table').first().waitFor()
      await panel.locator('.node-body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
      await panel.screenshot({ path: join(SCREENSHOT_DIR, `inspector-stat-acl-${combo.tag}.png`) })
      // Several tabs, the whole window.
      await tree.getByRole('treeitem', { name: 'config.json', exact: true }).click({ button: 'middle' })
      await tree.getByRole('treeitem', { name: 'application.yaml', exact: true }).click({ button: 'middle' })
      await tree.getByRole('treeitem', { name: 'guarded', exact: true }).click()
      await panel.getByRole('heading', { name: `${ROOT}/guarded`, exact: true }).waitFor()
      await screenshot(page, `inspector-tabs-${combo.tag}`)
      expect(await panel.getByRole('tab').count()).toBeGreaterThanOrEqual(3)
      expect(errors).toEqual([])
      await context.close()
    }, 180_000)
  }
})
