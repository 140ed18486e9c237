/**
 * Renderer memory with 100,000 tree rows loaded: one parent with 100,000
 * children expanded in Chromium through the real backend, the view moved to
 * a few places so Stats are cached there too, then the JS heap after a forced
 * GC (CDP HeapProfiler.collectGarbage, then Performance.getMetrics'
 * JSHeapUsedSize). The budget is 300 MB.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { rendererDir, startBackendServer } from '../test/helpers/backend-server'
import { launchChromium, openPage } from '../test/helpers/chromium'
import { connectRaw, createPaths } from './bench-tree'

// Names kept short so that the getChildren reply stays under ZooKeeper's 1 MiB packet limit.
const COUNT = 100_000
const PARENT = '/mem'
const BUDGET_MB = 300
const name = (i: number) => `n${String(i).padStart(5, '0')}`

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`the renderer is not built (${rendererDir}); run "npm run build:web" first`)
  process.exit(2)
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { metrics } = await cdp.send('Performance.getMetrics')
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN
  return used / 1024 / 1024
}

const ensemble = await launchEnsemble({ size: 1, heap: '512m' })
const server = await startBackendServer()
const browser = await launchChromium()
try {
  const writer = await connectRaw(ensemble.connectString)
  const t0 = performance.now()
  await createPaths(writer, [PARENT, ...Array.from({ length: COUNT }, (_, i) => `${PARENT}/${name(i)}`)])
  writer.close()
  console.log(`built ${COUNT} children in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const { page, context } = await openPage(browser, server.pageUrl)
  await page.getByRole('button', { name: 'New connection' }).click()
  const dialog = page.getByRole('dialog', { name: 'New connection' })
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Bench')
  await dialog.getByRole('textbox', { name: 'Connect string', exact: true }).fill(ensemble.connectString)
  await dialog.getByRole('button', { name: 'Save & connect' }).click()
  const tree = page.getByRole('tree', { name: 'ZooKeeper tree of Bench' })
  await tree.getByRole('treeitem', { name: 'mem', exact: true }).click()

  const cdp = await context.newCDPSession(page)
  await cdp.send('Performance.enable')
  const before = await heapMb(cdp)

  await page.keyboard.press('ArrowRight')
  const first = tree.getByRole('treeitem', { name: name(0), exact: true })
  await first.waitFor({ timeout: 60_000 })
  if ((await first.getAttribute('aria-setsize')) !== String(COUNT)) throw new Error('not every child was loaded')
  // Rest at a few places, as a user would, so the Stats of those rows are fetched and cached.
  for (const fraction of [0.25, 0.5, 0.75, 1]) {
    await tree.evaluate((el, f) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) * f
    }, fraction)
    await page.waitForTimeout(600)
  }
  const rows = await page.getByRole('contentinfo').getByText(/ rows$/).innerText()
  const after = await heapMb(cdp)

  console.log(`renderer JS heap before expanding: ${before.toFixed(1)} MB`)
  console.log(`renderer JS heap with ${rows} loaded: ${after.toFixed(1)} MB (${(after - before).toFixed(1)} MB for the rows)`)
  console.log(`budget ${BUDGET_MB} MB: ${((after / BUDGET_MB) * 100).toFixed(0)}% used (ratio ${(after / BUDGET_MB).toFixed(2)})`)
  if (!(after < BUDGET_MB)) process.exitCode = 1
} finally {
  await browser.close()
  await server.dispose()
  await ensemble.teardown()
}
