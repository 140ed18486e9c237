/**
 * Expanding a node with 50,000 children in Chromium, through the real backend
 * (ws-host) on a real 3-member ensemble: the time from the key press until the
 * first child rows are on screen, and a check that the last row is reachable
 * by scrolling. Reference, in the same run: what ZooInspector does, one request
 * at a time with node-zookeeper-client: getChildren, then a Stat per child.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Client } from 'node-zookeeper-client'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { rendererDir, startBackendServer } from '../test/helpers/backend-server'
import { launchChromium, openPage } from '../test/helpers/chromium'
import { connectRaw, createPaths } from './bench-tree'

const COUNT = 50_000
const PARENT = '/expand'
const WARM = '/warm'
const name = (i: number) => `n${String(i).padStart(5, '0')}`

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`the renderer is not built (${rendererDir}); run "npm run build:web" first`)
  process.exit(2)
}

const call = <T>(start: (done: (error: unknown, value?: T) => void) => void) =>
  new Promise<T>((resolve, reject) => start((error, value) => (error ? reject(error) : resolve(value as T))))

/** ZooInspector's way: the names, then one request per child, each waiting for the previous one. */
async function serialExpand(client: Client): Promise<number> {
  const started = performance.now()
  const names = await call<string[]>((done) => client.getChildren(PARENT, (e, c) => done(e, c)))
  for (const child of names) await call((done) => client.exists(`${PARENT}/${child}`, (e, s) => done(e, s)))
  return performance.now() - started
}

const ensemble = await launchEnsemble({ size: 3, heap: '512m' })
const server = await startBackendServer()
const browser = await launchChromium()
try {
  const writer = await connectRaw(ensemble.connectString)
  const t0 = performance.now()
  await createPaths(writer, [PARENT, ...Array.from({ length: COUNT }, (_, i) => `${PARENT}/${name(i)}`)])
  await createPaths(writer, [WARM, ...Array.from({ length: COUNT }, (_, i) => `${WARM}/${name(i)}`)])
  console.log(`built 2 x ${COUNT} children in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  // A server in production has long been warm: list another big node a few times so the
  // members' JIT has compiled the listing path. Nothing of ours is warmed.
  for (let i = 0; i < 5; i++) await call<string[]>((done) => writer.getChildren(WARM, (e, c) => done(e, c)))

  const { page } = await openPage(browser, server.pageUrl)
  // Notes when the big getChildren reply reaches the page, to split the time into backend and renderer.
  await page.addInitScript(() => {
    const original = WebSocket.prototype.addEventListener
    WebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (type === 'message') {
        original.call(this, 'message', (event: Event) => {
          const data = (event as MessageEvent<unknown>).data
          if (typeof data === 'string' && data.length > 100_000) (window as unknown as { bigReplyAt?: number }).bigReplyAt = performance.now()
        })
      }
      original.call(this, type, listener, options)
    }
  })
  await page.reload()
  await page.getByRole('button', { name: 'New connection' }).click()
  const dialog = page.getByRole('dialog', { name: 'New connection' })
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Bench')
  await dialog.getByRole('textbox', { name: 'Connect string', exact: true }).fill(ensemble.connectString)
  await dialog.getByRole('button', { name: 'Save & connect' }).click()
  const tree = page.getByRole('tree', { name: 'ZooKeeper tree of Bench' })
  await tree.getByRole('treeitem', { name: 'expand', exact: true }).click()

  // Measured inside the page: key press to the first child row painted.
  const firstRows = await tree.evaluate(async (el, first) => {
    // No helper functions in here: the bundler would wrap them in a __name() the page does not have.
    const started = performance.now()
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }))
    while (!el.querySelector(`[data-path="${first}"]`)) await new Promise((resolve) => requestAnimationFrame(resolve))
    await new Promise((resolve) => requestAnimationFrame(resolve))
    const painted = performance.now()
    const reply = (window as unknown as { bigReplyAt?: number }).bigReplyAt ?? painted
    return { total: painted - started, backend: reply - started, renderer: painted - reply }
  }, `${PARENT}/${name(0)}`)
  const firstRowsMs = firstRows.total

  const last = `${PARENT}/${name(COUNT - 1)}`
  const lastReachable = await tree.evaluate(async (el, target) => {
    for (let i = 0; i < 10 && !el.querySelector(`[data-path="${target}"]`); i++) {
      el.scrollTop = el.scrollHeight
      await new Promise((resolve) => requestAnimationFrame(resolve))
    }
    const row = el.querySelector(`[data-path="${target}"]`)
    return row ? { posinset: row.getAttribute('aria-posinset'), setsize: row.getAttribute('aria-setsize'), rows: el.querySelectorAll('[role="treeitem"]').length } : null
  }, last)
  if (!lastReachable || lastReachable.posinset !== String(COUNT)) throw new Error(`the last row ${last} is not reachable by scrolling: ${JSON.stringify(lastReachable)}`)

  const reader = await connectRaw(ensemble.connectString)
  const serialMs = await serialExpand(reader)
  reader.close()
  writer.close()

  console.log(`console: first of ${COUNT} child rows visible after ${firstRowsMs.toFixed(0)} ms (target: under 1,000 ms)`)
  console.log(`  of which ${firstRows.backend.toFixed(0)} ms until the names reached the page, ${firstRows.renderer.toFixed(0)} ms to sort, lay out and paint them`)
  console.log(`console: last row ${last} reached by scrolling (posinset ${lastReachable.posinset} of ${lastReachable.setsize}; ${lastReachable.rows} rows in the DOM)`)
  console.log(`reference, one request at a time with a Stat per child (ZooInspector): ${(serialMs / 1000).toFixed(1)} s`)
  console.log(`ratio: ${(serialMs / firstRowsMs).toFixed(0)}x faster to the first rows`)
  if (firstRowsMs >= 1000) process.exitCode = 1
} finally {
  await browser.close()
  await server.dispose()
  await ensemble.teardown()
}
