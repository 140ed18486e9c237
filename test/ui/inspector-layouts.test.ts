/**
 * Decoded binary layouts in Chromium against the real backend and a real
 * ZooKeeper: HBase and Curator bytes written by kazoo (an independent
 * client), shown as named values, with hex still one choice away.
 * Screenshots: .screenshots/inspector-layout-<node>-<theme>-<locale>.png.
 */
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { SCREENSHOT_DIR } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { expectView, viewSelect } from './inspector-fixture'
import { expandRow } from './ui-fixture'
import { useUiStack } from './ui-stack'

/** ../shared/reference/znode-layouts.md §5.1: written by master:16000, host hbase-master-1, port 16000, start code 1697162984446, info port 16010. */
const MASTER_HEX = 'ff000000146d61737465723a31363030305a1f0c33d2e47b90504255460a1a0a0e68626173652d6d61737465722d3110807d18fef7afb6b2311000188a7d'

const SEED = `
import binascii, struct
R = '/layouts'
def put(path, data):
    zk.create(R + path, data, makepath=True)
put('/hbase/master', binascii.unhexlify(args['master']))
put('/counters/long', struct.pack('>q', 1234567890123))
put('/counters/shared', struct.pack('>i', -42))
put('/queue/queue-0000000000', struct.pack('>iBi', 0x00010001, 1, 5) + b'job-a' + b'\\x02')
result = {}
`

async function seedLayouts(connectString: string): Promise<void> {
  const done = await runKazoo<{ error?: string }>(connectString, SEED, { master: MASTER_HEX })
  if (done.error) throw new Error(`seeding the layout nodes failed: ${done.error}`)
}

const ui = useUiStack({ seed: seedLayouts, backend: (ensemble) => ({ startup: { connect: ensemble.connectString, sandbox: false } }) })

let page: Page
let errors: string[]
let tree: Locator
let panel: Locator

beforeAll(async () => {
  ;({ page, errors } = await ui.open())
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  tree = page.locator('[role="tree"][aria-label*="ZooKeeper"]')
  panel = page.locator('section.node-panel')
})

async function openNode(path: string): Promise<void> {
  await tree.getByRole('treeitem', { name: path.slice(path.lastIndexOf('/') + 1), exact: true }).click()
  await panel.getByRole('heading', { name: path, exact: true }).waitFor()
}

const decoded = (path: string) => panel.getByRole('table', { name: `Decoded data of ${path}` })
const row = (table: Locator, name: string | RegExp) => table.getByRole('row', { name, exact: typeof name === 'string' })

describe('decoded binary layouts', () => {
  it('shows the HBase master address by name, and hex one choice away', async () => {
    await expandRow(tree, 'layouts')
    await expandRow(tree, 'hbase')
    await openNode('/layouts/hbase/master')
    await expectView(panel, 'layout')
    await panel.getByText('HBase master address', { exact: true }).waitFor()
    await panel.getByText('Written by master:16000 (HBase metadata prefix)').waitFor()
    const table = decoded('/layouts/hbase/master')
    await row(table, 'host_name hbase-master-1').waitFor()
    await row(table, 'port 16000').waitFor()
    await row(table, /^start_code 1697162984446 \S/).waitFor()
    await row(table, 'info_port 16010').waitFor()
    await row(table, 'rpc_version 0').waitFor()
    await panel.locator('.layout-view').screenshot({ path: join(SCREENSHOT_DIR, 'inspector-layout-hbase-master-light-en.png') })

    await panel.getByRole('button', { name: 'Copy the data as shown' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('  host_name: "hbase-master-1"\n  port: 16000\n')

    await viewSelect(panel).selectOption('hex')
    await panel.getByText('00000000  ff 00 00 00 14 6d 61 73  74 65 72 3a 31 36 30 30', { exact: false }).waitFor()
    await viewSelect(panel).selectOption('base64')
    await panel.locator('.cm-line').first().waitFor()
    await panel.getByRole('button', { name: 'Back to the detected view' }).click()
    await expectView(panel, 'layout')
  })

  it('reads Curator counters as big-endian numbers and says it is a reading', async () => {
    await expandRow(tree, 'counters')
    await openNode('/layouts/counters/long')
    await expectView(panel, 'layout')
    await panel.getByText('Curator DistributedAtomicLong', { exact: true }).waitFor()
    await row(decoded('/layouts/counters/long'), 'value 1234567890123').waitFor()
    await panel.getByText(/exactly 8 bytes and not text/).waitFor()

    await openNode('/layouts/counters/shared')
    await panel.getByText('Curator SharedCount / DistributedAtomicInteger', { exact: true }).waitFor()
    await row(decoded('/layouts/counters/shared'), 'value -42').waitFor()
    await viewSelect(panel).selectOption('hex')
    await panel.getByText('ff ff ff d6', { exact: false }).waitFor()
  })

  it('lists the items of a Curator queue envelope', async () => {
    await expandRow(tree, 'queue')
    await openNode('/layouts/queue/queue-0000000000')
    await expectView(panel, 'layout')
    await panel.getByText('Curator queue item (ItemSerializer)', { exact: true }).waitFor()
    await row(decoded('/layouts/queue/queue-0000000000'), 'item 1 job-a').waitFor()
    expect(errors).toEqual([])
  })
})

describe('decoded layout screenshots', () => {
  for (const combo of [
    { scheme: 'dark', locale: 'en-US', tag: 'dark-en', title: 'HBase master address' },
    { scheme: 'light', locale: 'zh-CN', tag: 'light-zh-CN', title: 'HBase 主节点地址' },
  ] as const) {
    it(`shows the HBase master address in ${combo.tag}`, async () => {
      const opened = await ui.open({ colorScheme: combo.scheme, locale: combo.locale })
      const shotTree = opened.page.locator('[role="tree"][aria-label*="ZooKeeper"]')
      await expandRow(shotTree, 'layouts')
      await expandRow(shotTree, 'hbase')
      await shotTree.getByRole('treeitem', { name: 'master', exact: true }).click()
      const shotPanel = opened.page.locator('section.node-panel')
      await shotPanel.getByText(combo.title, { exact: true }).waitFor()
      await shotPanel.screenshot({ path: join(SCREENSHOT_DIR, `inspector-layout-hbase-master-${combo.tag}.png`) })
      expect(opened.errors).toEqual([])
      await opened.context.close()
    })
  }
})
