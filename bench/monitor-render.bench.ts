/**
 * Rendering 24 h of monitor history in Chromium: 5 members at a 5 s
 * interval (17,280 points each), written as a synthetic history file that
 * the real backend loads and serves over the real WebSocket to the real
 * renderer. Prints the longest task (PerformanceObserver 'longtask') while
 * the dashboard opens, while the 24 h range loads (in pages of 2,000
 * points per member) and draws, while the 24 h are drawn
 * again from memory (the render itself), and during 20 pans and zooms,
 * against the 50 ms budget, and the longest task's main-thread CPU time
 * (from a Chromium trace: on a loaded machine a task's wall time is mostly
 * waiting for the core); then the same with downsampling switched off
 * (every point drawn) as the in-run reference. The build under test is
 * out/renderer (npm run build:web). Bounded: it stops the backend and
 * Chromium by itself. MONITOR_BENCH_DEBUG=1 prints each long animation frame.
 *
 *   npx tsx bench/monitor-render.bench.ts
 */
import { createServer } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { monitorIdFor } from '../electron/backend/stats/monitor-id'
import { startBackendServer } from '../test/helpers/backend-server'
import { launchChromium } from '../test/helpers/chromium'
import { writeSyntheticHistory } from './monitor-history'

const MEMBERS = 5
const INTERVAL_MS = 5_000
const BUDGET_MS = 50
const NAME = 'Bench ensemble'

/** Ports with nothing listening: the members are "down" now, their 24 h of history is what is drawn. */
async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

const DEBUG = process.env.MONITOR_BENCH_DEBUG === '1'
const OBSERVER = `
  window.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
  window.__frames = []
  // MONITOR_BENCH_DEBUG=1 prints what ran in each long animation frame.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__frames.push({ start: e.startTime, duration: e.duration, scripts: e.scripts.map((s) => s.invoker + ' ' + Math.round(s.duration) + ' ms ' + s.sourceFunctionName + '@' + s.sourceCharPosition).join(', ') })
    }
  }).observe({ type: 'long-animation-frame', buffered: true })
`

interface Phase {
  name: string
  longestMs: number
  tasks: number
  wallMs: number
  /**
   * The most main-thread CPU time one task used (Chromium's trace, thread
   * time): the wall time of a task also counts the time other processes
   * held the core, which on a loaded machine is most of it.
   */
  longestCpuMs: number
}

interface TraceEvent {
  name: string
  ph: string
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** The longest thread time of a top-level task on the page's main thread. */
function longestTaskCpuMs(trace: Buffer): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid))
  let longest = 0
  for (const e of events) {
    if (e.ph === 'X' && e.name.endsWith('RunTask') && main.has(e.tid)) longest = Math.max(longest, (e.tdur ?? 0) / 1000)
  }
  return longest
}

async function measure(page: Page, name: string, action: () => Promise<void>): Promise<Phase> {
  const browser = page.context().browser()
  await browser?.startTracing(page, { categories: ['toplevel'] })
  const from = await page.evaluate(() => performance.now())
  await action()
  // Two frames and a pause: work the action scheduled (effects, paint, the charts one per frame) lands inside the phase.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))))
  await page.waitForTimeout(600)
  const to = await page.evaluate(() => performance.now())
  const longestCpuMs = browser ? longestTaskCpuMs(await browser.stopTracing()) : 0
  const tasks = await page.evaluate(
    ([a, b]) => (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((t) => t.start >= (a ?? 0) && t.start <= (b ?? 0)),
    [from, to],
  )
  if (DEBUG) {
    const frames = await page.evaluate(
      ([a, b]) => (window as unknown as { __frames: Array<{ start: number; duration: number; scripts: string }> }).__frames.filter((f) => f.start >= (a ?? 0) && f.start <= (b ?? 0) && f.duration > 50),
      [from, to],
    )
    for (const f of frames) console.log(`    [${name}] frame ${f.duration.toFixed(0)} ms: ${f.scripts}`)
  }
  return { name, longestMs: Math.max(0, ...tasks.map((t) => t.duration)), tasks: tasks.length, wallMs: to - from, longestCpuMs }
}

async function curvePoints(page: Page): Promise<number> {
  const d = (await page.locator('figure[data-chart="latency"] path.recharts-curve').first().getAttribute('d')) ?? ''
  return (d.match(/L/g) ?? []).length + 1
}

async function open(browser: Browser, url: string, raw: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 })
  await context.addInitScript(OBSERVER)
  if (raw) await context.addInitScript(`localStorage.setItem('zk-console.monitor.rawPoints', '1')`)
  const page = await context.newPage()
  await page.goto(url)
  return page
}

/**
 * Opens the monitor from the start screen, switches to 24 h (the history
 * arrives: about 3.5 MB of JSON per member), then closes the dashboard and
 * opens it again: the 24 h drawn from memory, which is the render itself.
 */
async function render(page: Page, timeoutMs: number): Promise<{ open: Phase; load: Phase; draw: Phase; points: number }> {
  // Plain CSS selectors while measuring: Playwright's role and label queries walk the accessibility
  // tree inside the page and would show up as long tasks of their own.
  const overlay = page.locator('dialog.monitor-overlay')
  const loaded = () => overlay.locator('[data-loading="history"]').waitFor({ state: 'detached', timeout: timeoutMs })
  const openButton = page.getByRole('button', { name: `Open monitor ${NAME}` })
  await openButton.waitFor()
  const openPhase = await measure(page, 'open the dashboard (1 h)', async () => {
    await openButton.click()
    await overlay.locator('figure[data-chart="fsync"] path.recharts-curve').first().waitFor({ timeout: timeoutMs })
    await loaded()
  })
  const load = await measure(page, 'load 24 h and draw it', async () => {
    await overlay.locator('button[data-range="24h"]').click()
    // The dashboard renders the new range in the background: wait for it, then for its history.
    await overlay.locator('button[data-range="24h"][aria-checked="true"]').waitFor({ timeout: timeoutMs })
    await loaded()
  })
  await page.keyboard.press('Escape')
  await overlay.waitFor({ state: 'detached' })
  await page.waitForTimeout(500)
  const draw = await measure(page, 'draw 24 h (reopen)', async () => {
    await openButton.click()
    await overlay.locator('figure[data-chart="fsync"] path.recharts-curve').first().waitFor({ timeout: timeoutMs })
  })
  return { open: openPhase, load, draw, points: await curvePoints(page) }
}

async function panAndZoom(page: Page): Promise<Phase> {
  const overlay = page.locator('dialog.monitor-overlay')
  const button = (nav: string) => overlay.locator(`button[data-nav="${nav}"]`)
  const chart = overlay.locator('figure[data-chart="packets"] .metric-chart-plot')
  const drag = async (a: number, b: number) => {
    await chart.scrollIntoViewIfNeeded()
    const box = await chart.boundingBox()
    if (!box) throw new Error('no chart')
    const y = box.y + box.height / 2
    await page.mouse.move(box.x + 50 + (box.width - 80) * a, y)
    await page.mouse.down()
    await page.mouse.move(box.x + 50 + (box.width - 80) * b, y, { steps: 4 })
    await page.mouse.up()
  }
  const steps: Array<() => Promise<void>> = [
    () => button('zoom-in').click(),
    () => button('earlier').click(),
    () => button('earlier').click(),
    () => button('zoom-in').click(),
    () => button('later').click(),
    () => drag(0.2, 0.6),
    () => button('earlier').click(),
    () => button('zoom-out').click(),
    () => button('zoom-out').click(),
    () => button('earlier').click(),
    () => drag(0.1, 0.3),
    () => button('later').click(),
    () => button('later').click(),
    () => button('zoom-out').click(),
    () => button('reset').click(),
    () => button('zoom-in').click(),
    () => button('earlier').click(),
    () => drag(0.5, 0.9),
    () => button('zoom-out').click(),
    () => button('reset').click(),
  ]
  const phases: Phase[] = []
  for (const [i, step] of steps.entries()) phases.push(await measure(page, `step ${i + 1}`, step))
  return {
    name: `${steps.length} pans and zooms`,
    longestMs: Math.max(...phases.map((p) => p.longestMs)),
    tasks: phases.reduce((n, p) => n + p.tasks, 0),
    wallMs: phases.reduce((n, p) => n + p.wallMs, 0),
    longestCpuMs: Math.max(...phases.map((p) => p.longestCpuMs)),
  }
}

function line(p: Phase): string {
  const cpu = `; longest task CPU ${p.longestCpuMs.toFixed(0)} ms = ${(p.longestCpuMs / BUDGET_MS).toFixed(2)} x budget`
  if (p.tasks === 0) return `${p.name.padEnd(30)} no long task: every task under the ${BUDGET_MS} ms budget (${(p.wallMs / 1000).toFixed(1)} s)${cpu}`
  const verdict = p.longestMs <= BUDGET_MS ? 'within' : 'OVER'
  return `${p.name.padEnd(30)} longest task ${p.longestMs.toFixed(0).padStart(5)} ms = ${(p.longestMs / BUDGET_MS).toFixed(2)} x the ${BUDGET_MS} ms budget (${verdict}); ${p.tasks} long tasks in ${(p.wallMs / 1000).toFixed(1)} s${cpu}`
}

async function main(): Promise<void> {
  const server = await startBackendServer()
  const browser = await launchChromium()
  try {
    const ports = await Promise.all(Array.from({ length: MEMBERS }, () => closedPort()))
    const connectString = ports.map((p) => `127.0.0.1:${p}`).join(',')
    const history = await writeSyntheticHistory({
      dataDir: `${server.configDir}/data`,
      monitorId: monitorIdFor(connectString),
      memberIds: ports.map((p) => `127.0.0.1:${p}`),
      now: Date.now(),
      intervalMs: INTERVAL_MS,
      spanMs: 24 * 3_600_000,
    })
    console.log(`synthetic history: ${MEMBERS} members x ${history.points} points (${(history.bytes / 1e6).toFixed(1)} MB on disk)`)
    const client = await server.connectClient()
    await client.api.startMonitor({ connectString, name: NAME, intervalMs: INTERVAL_MS })

    const page = await open(browser, server.pageUrl, false)
    const drawn = await render(page, 60_000)
    const pans = await panAndZoom(page)
    await page.context().close()

    console.log('')
    console.log('downsampled (min/max per pixel bucket):')
    console.log(`  ${line(drawn.open)}`)
    console.log(`  ${line(drawn.load)}`)
    console.log(`  ${line(drawn.draw)}   (${drawn.points} points in the first latency line)`)
    console.log(`  ${line(pans)}`)

    const rawPage = await open(browser, server.pageUrl, true)
    const raw = await render(rawPage, 600_000)
    await rawPage.context().close()
    console.log('reference, every point drawn (no downsampling):')
    console.log(`  ${line(raw.load)}`)
    console.log(`  ${line(raw.draw)}   (${raw.points} points in the first latency line)`)
    console.log('')
    // A phase without long tasks counts as the 50 ms budget itself (its tasks were shorter).
    const drawnMs = drawn.draw.tasks === 0 ? BUDGET_MS : drawn.draw.longestMs
    console.log(`ratio: longest task while drawing 24 h, downsampled / every point: ${(drawnMs / Math.max(1, raw.draw.longestMs)).toFixed(3)}${drawn.draw.tasks === 0 ? ' (at most)' : ''}`)
    const ratio = (p: Phase) => (p.tasks === 0 ? '< 1.00 (no long task)' : (p.longestMs / BUDGET_MS).toFixed(2))
    console.log(`ratio: longest task while drawing 24 h / ${BUDGET_MS} ms budget: ${ratio(drawn.draw)}`)
    console.log(`ratio: longest task in 20 pans and zooms / ${BUDGET_MS} ms budget: ${ratio(pans)}`)
  } finally {
    await browser.close()
    await server.dispose()
  }
}

await main()
