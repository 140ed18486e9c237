/**
 * Watch-to-screen latency: an independent client on ANOTHER member creates a
 * node under an expanded one, or sets the data of the open node; the time
 * until Chromium has the change in its DOM (a MutationObserver in the page
 * sees the new row, or the new value in the node panel) is compared with
 * the server's own notification to a raw node-zookeeper-client watcher on
 * the console's member, for the same changes, in the same run (and, to see
 * where the time goes, when the backend emits each change). Then the
 * backend's heap cost per watched path, from process.memoryUsage before and
 * after arming 5,000 watches.
 *
 * `npx tsx bench/watch-latency.bench.ts`: starts its own ensemble, backend and
 * Chromium, and stops them all.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Client, Event } from 'node-zookeeper-client'
import type { Page } from 'playwright-core'
import type { NodeChange } from '../shared/protocol/watch-api'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { sendFourLetterWord } from '../electron/backend/sandbox/sandbox-probe'
import { rendererDir, startBackendServer } from '../test/helpers/backend-server'
import { launchChromium, openPage } from '../test/helpers/chromium'
import { connectRaw, createPaths } from './bench-tree'

const CHANGES_PER_KIND = 150
const WARMUP = 10
const WATCHED_FOR_MEMORY = 5_000

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const now = () => performance.timeOrigin + performance.now()

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN
}

const ms = (value: number) => `${value.toFixed(1)} ms`
const summary = (values: readonly number[]) =>
  `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}, max ${ms(Math.max(...values))} (n=${values.length})`

function call(run: (done: (error: unknown) => void) => void): Promise<void> {
  return new Promise((resolve, reject) => run((error) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve())))
}

/** A raw watcher, re-armed after every notification, that stamps when the server told it. */
function referenceWatcher(client: Client, path: string, kind: 'data' | 'children'): { next(): Promise<number> } {
  let waiting: ((at: number) => void) | null = null
  const watcher = (_event: Event) => {
    const at = now()
    waiting?.(at)
    waiting = null
    arm()
  }
  const arm = () => {
    if (kind === 'data') client.getData(path, watcher, () => undefined)
    else client.getChildren(path, watcher, () => undefined)
  }
  arm()
  return {
    next: () => new Promise<number>((resolve) => (waiting = resolve)),
  }
}

/**
 * Installs the in-page probe: one expected change at a time, stamped by a
 * MutationObserver. Given as source text: tsx would wrap named functions in
 * a helper that does not exist in the page.
 */
const PROBE = `(() => {
  const probe = { expected: null, seenAt: 0, arrivedAt: 0 }
  const check = () => {
    const expected = probe.expected
    if (!expected) return
    const found = expected.kind === 'row'
      ? document.querySelector('[role="tree"] [data-path="' + CSS.escape(expected.path) + '"]') !== null
      : (document.querySelector('.node-panel')?.textContent ?? '').includes(expected.text)
    if (found) {
      probe.seenAt = performance.timeOrigin + performance.now()
      probe.arrivedAt = window.__wsLast
      probe.expected = null
    }
  }
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true })
  window.__probe = probe
})()`

/** Stamps when the page's WebSocket receives a node change, before the app handles it. */
const WS_TAP = `(() => {
  const Native = window.WebSocket
  window.__wsLast = 0
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args)
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.includes('"node.changed"')) window.__wsLast = performance.timeOrigin + performance.now()
      })
    }
  }
})()`

async function installProbe(page: Page): Promise<void> {
  await page.evaluate(PROBE)
}

async function expectInPage(page: Page, expectation: { kind: 'row'; path: string } | { kind: 'text'; text: string }): Promise<void> {
  await page.evaluate(`(() => { window.__probe.seenAt = 0; window.__probe.expected = ${JSON.stringify(expectation)} })()`)
}

/** When the change was in the DOM, and when its event had reached the page. */
async function seenInPage(page: Page): Promise<{ seenAt: number; arrivedAt: number }> {
  type Probe = { __probe: { seenAt: number; arrivedAt: number } }
  const handle = await page.waitForFunction(
    () => {
      const { seenAt, arrivedAt } = (window as unknown as Probe).__probe
      return seenAt > 0 && { seenAt, arrivedAt }
    },
    undefined,
    { timeout: 10_000, polling: 5 },
  )
  return (await handle.jsonValue()) as { seenAt: number; arrivedAt: number }
}

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.log('building the renderer (out/renderer is missing)…')
  const built = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (built.status !== 0) process.exit(1)
}

const ensemble = await launchEnsemble({ size: 3, heap: '512m' })
const raw: Client[] = []
const server = await startBackendServer({ startup: { sandbox: false } })
const browser = await launchChromium()
try {
  const [consoleMember, writerMember] = ensemble.members
  if (!consoleMember || !writerMember) throw new Error('the ensemble has fewer than 2 members')
  const consoleAddress = `${consoleMember.host}:${consoleMember.clientPort}`
  const writerAddress = `${writerMember.host}:${writerMember.clientPort}`

  const writer = await connectRaw(writerAddress)
  raw.push(writer)
  // A child from the start, so /lat/new can be expanded; new rows sort before it.
  await createPaths(writer, ['/lat', '/lat/new', '/lat/new/z-first', '/lat/value'])

  // The console's session is on member 1 (its connect string names only that member); the writer is on member 2.
  const { page } = await openPage(browser, server.pageUrl, { height: 900 })
  const { api } = await server.connectClient()
  const info = await api.connectAdHoc({ name: 'bench', connectString: consoleAddress })
  await page.addInitScript(WS_TAP)
  await page.reload()
  await page.getByRole('tab', { name: 'bench' }).click()
  const tree = page.getByRole('tree', { name: 'ZooKeeper tree of bench' })
  const row = (name: string) => tree.getByRole('treeitem', { name, exact: true })
  for (const name of ['lat', 'new']) {
    await row(name).click()
    await page.keyboard.press('ArrowRight')
    await tree.locator(`[aria-expanded="true"][aria-label="${name}"]`).waitFor()
  }
  await row('value').click()
  await page.getByRole('region', { name: 'Node', exact: true }).getByRole('heading', { name: '/lat/value' }).waitFor()
  // Expanded and open paths are watched once the status bar counts them.
  await page.getByRole('contentinfo').getByText(/Live: [3-9] \//).waitFor()
  await new Promise((resolve) => setTimeout(resolve, 1_000))

  // A second owner of the same watches, in this process: when the backend emits a change (after its re-read).
  const observer = await server.connectClient()
  let emitted: { match: (c: NodeChange) => boolean; resolve: (at: number) => void } | null = null
  observer.on('node.changed', (c) => {
    if (emitted?.match(c)) {
      emitted.resolve(now())
      emitted = null
    }
  })
  const nextEmit = (match: (c: NodeChange) => boolean) => new Promise<number>((resolve) => (emitted = { match, resolve }))
  await observer.api.updateWatches({
    connectionId: info.connectionId,
    add: [
      { path: '/lat/new', kind: 'children' },
      { path: '/lat/value', kind: 'data' },
    ],
  })

  const reference = await connectRaw(consoleAddress)
  raw.push(reference)
  const dataRef = referenceWatcher(reference, '/lat/value', 'data')
  const childRef = referenceWatcher(reference, '/lat/new', 'children')
  await installProbe(page)

  const ui = { create: [] as number[], data: [] as number[] }
  const server0 = { create: [] as number[], data: [] as number[] }
  const backend = [] as number[]
  const inPage = { create: [] as number[], data: [] as number[] }
  for (let i = 0; i < WARMUP + CHANGES_PER_KIND; i++) {
    // Names that sort first, so every new row is at the top of the list, on screen.
    const name = `n${String(999_999 - i).padStart(6, '0')}`
    const path = `/lat/new/${name}`
    await expectInPage(page, { kind: 'row', path })
    let notified = childRef.next()
    let emit = nextEmit((c) => c.change === 'children' && c.children?.includes(name) === true)
    let sent = now()
    await call((done) => writer.create(path, Buffer.alloc(0), done))
    let shown = await seenInPage(page)
    let told = await notified
    let out = await emit
    if (i >= WARMUP) {
      ui.create.push(shown.seenAt - sent)
      server0.create.push(told - sent)
      backend.push(out - sent)
      inPage.create.push(shown.seenAt - shown.arrivedAt)
    }

    const text = `stamp-${i}-${Math.round(now())}`
    await expectInPage(page, { kind: 'text', text })
    notified = dataRef.next()
    emit = nextEmit((c) => c.change === 'data' && c.data?.text === text)
    sent = now()
    await call((done) => writer.setData('/lat/value', Buffer.from(text), -1, done))
    shown = await seenInPage(page)
    told = await notified
    out = await emit
    if (i >= WARMUP) {
      ui.data.push(shown.seenAt - sent)
      server0.data.push(told - sent)
      backend.push(out - sent)
      inPage.data.push(shown.seenAt - shown.arrivedAt)
    }
  }

  const all = [...ui.create, ...ui.data]
  const allRef = [...server0.create, ...server0.data]
  console.log(`watch-to-screen latency, change on member ${writerMember.id}, console session on member ${consoleMember.id}:`)
  console.log(`  node created, row in the tree:        ${summary(ui.create)}`)
  console.log(`  data set, new value in the node panel: ${summary(ui.data)}`)
  console.log(`  all changes:                           ${summary(all)}`)
  console.log(`reference, the server's notification to a raw node-zookeeper-client watcher on member ${consoleMember.id}:`)
  console.log(`  node created (children watch):         ${summary(server0.create)}`)
  console.log(`  data set (data watch):                 ${summary(server0.data)}`)
  console.log(`  all changes:                           ${summary(allRef)}`)
  console.log('where the time goes:')
  console.log(`  the backend emits the change (notification, then its re-read): ${summary(backend)} after the write`)
  console.log(`  in the page, from the event's arrival to the new row in the DOM:   ${summary(inPage.create)}`)
  console.log(`  in the page, from the event's arrival to the new value in the DOM: ${summary(inPage.data)}`)
  const p99 = percentile(all, 99)
  console.log(`p99 to screen ${ms(p99)} (target: under 100 ms); the console adds ${ms(percentile(all, 50) - percentile(allRef, 50))} at the median`)

  // Memory: a second connection arms one data watch on each of 5,000 nodes.
  const names = Array.from({ length: WATCHED_FOR_MEMORY }, (_, i) => `/mem/n${i}`)
  await createPaths(writer, ['/mem', ...names])
  const memory = await api.connectAdHoc({ name: 'memory', connectString: consoleAddress })
  await api.setWatchBudget({ connectionId: memory.connectionId, budget: WATCHED_FOR_MEMORY + 10 })
  // A busy machine may answer slowly; a failed probe just counts as not yet.
  const totalWatches = async () => {
    const answer = await sendFourLetterWord(consoleMember.host, consoleMember.clientPort, 'wchs', 10_000).catch(() => '')
    return Number(/Total watches:\s*(\d+)/.exec(answer)?.[1] ?? -1)
  }
  let watchesBefore = await totalWatches()
  while (watchesBefore < 0) watchesBefore = await totalWatches()
  const heap = () => {
    for (let i = 0; i < 4; i++) gc()
    return process.memoryUsage().heapUsed
  }
  const before = heap()
  await api.updateWatches({ connectionId: memory.connectionId, add: names.map((path) => ({ path, kind: 'data' as const })) })
  const armed = Date.now()
  while ((await totalWatches()) < watchesBefore + WATCHED_FOR_MEMORY) {
    if (Date.now() - armed > 60_000) throw new Error('the 5,000 watches were not armed within a minute')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const status = await api.getWatchStatus({ connectionId: memory.connectionId })
  const after = heap()
  console.log(
    `memory: ${status.watchedPaths} watched paths cost ${((after - before) / 1024 / 1024).toFixed(2)} MiB of backend heap = ${Math.round((after - before) / status.watchedPaths)} bytes per path (heapUsed after GC, before/after arming)`,
  )
  await api.disconnect({ connectionId: memory.connectionId })
  await api.disconnect({ connectionId: info.connectionId })
} finally {
  for (const client of raw) client.close()
  await browser.close()
  await server.dispose()
  await ensemble.teardown()
}
