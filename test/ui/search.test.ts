/**
 * The Search tab in Chromium against the real backend and a real ZooKeeper:
 * by path (substring, glob, regex), by data (text, regex, GB18030), limits,
 * cancel, and revealing a result in the tree. Data is written by kazoo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startEnsemble, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { runKazoo } from '../helpers/kazoo'
import { connectThroughDialog, requireBuiltRenderer } from './ui-fixture'
import { focusedPath, seedNav } from './tree-nav-fixture'

/**
 * Enough nodes (with data) that a data search is still running when Cancel is
 * pressed: the search reads them in batches, a cold server about 20,000 a second.
 */
const BULK = 100_000

let ensemble: TestEnsemble
let server: BackendServer
let browser: Browser
let page: Page
let errors: string[]
let tree: Locator

beforeAll(async () => {
  requireBuiltRenderer()
  ensemble = await startEnsemble({ size: 1 })
  await seedNav(ensemble.connectString)
  await runKazoo(
    ensemble.connectString,
    `
for a in range(args['count'] // 1000):
    zk.ensure_path('/bulk/g%02d' % a)
    t = zk.transaction()
    for b in range(1000):
        t.create('/bulk/g%02d/n%04d' % (a, b), b'payload %d' % b)
    t.commit()
result = True
`,
    { count: BULK },
    { timeoutMs: 120_000 },
  )
  server = await startBackendServer()
  browser = await launchChromium()
  ;({ page, errors } = await openPage(browser, server.pageUrl))
  tree = await connectThroughDialog(page, { name: 'Finder', connectString: ensemble.connectString })
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await ensemble?.stop()
})

const form = () => page.getByRole('search', { name: 'Search the tree' })
const status = () => page.getByRole('tabpanel', { name: 'Search', exact: true }).getByRole('status')
const results = () => page.getByRole('listbox', { name: /search results?$/ })

interface Query {
  root: string
  path?: string
  pathMode?: 'substring' | 'glob' | 'regex'
  pathCase?: boolean
  data?: string
  dataMode?: 'text' | 'regex'
  encoding?: 'utf-8' | 'gb18030' | 'iso-8859-1' | 'utf-16le'
}

const MODE_LABEL = { substring: 'Substring', glob: 'Glob', regex: 'Regular expression', text: 'Text' }

async function fill(query: Query): Promise<void> {
  const f = form()
  await f.getByRole('textbox', { name: 'Search in' }).fill(query.root)
  await f.getByRole('textbox', { name: 'Path pattern' }).fill(query.path ?? '')
  await f.getByRole('combobox', { name: 'Path match mode' }).selectOption({ label: MODE_LABEL[query.pathMode ?? 'substring'] })
  const pathCase = f.getByRole('button', { name: 'Match case in paths' })
  if ((await pathCase.getAttribute('aria-pressed')) !== String(query.pathCase ?? false)) await pathCase.click()
  await f.getByRole('textbox', { name: 'Data pattern' }).fill(query.data ?? '')
  await f.getByRole('combobox', { name: 'Data match mode' }).selectOption({ label: MODE_LABEL[query.dataMode ?? 'text'] })
  await f.getByRole('combobox', { name: 'Data encoding' }).selectOption(query.encoding ?? 'utf-8')
}

/** Runs a search to its end and returns the result paths. */
async function search(query: Query): Promise<string[]> {
  await fill(query)
  await form().getByRole('button', { name: 'Start' }).click()
  await expect.poll(() => status().innerText(), { timeout: 30_000 }).toMatch(/^(Done|Stopped|Cancelled)/)
  const matched = Number((await status().innerText()).match(/([\d,]+) matched/)?.[1]?.replace(/,/g, '') ?? 0)
  if (matched === 0) return []
  // Few results here: every one is rendered.
  await expect.poll(() => results().getByRole('option').count()).toBe(Math.min(matched, 20))
  return results().getByRole('option').evaluateAll((options) => options.map((o) => o.getAttribute('data-path') ?? ''))
}

async function setLimits(limits: { depth?: number; nodes?: number; results?: number }): Promise<void> {
  const toggle = form().getByRole('button', { name: /^Limits:/ })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await form().getByRole('spinbutton', { name: 'Depth' }).fill(String(limits.depth ?? 50))
  await form().getByRole('spinbutton', { name: 'Nodes' }).fill(String(limits.nodes ?? 100_000))
  await form().getByRole('spinbutton', { name: 'Results' }).fill(String(limits.results ?? 1_000))
}

describe('subtree search', () => {
  it('starts from the selected node until another root is typed', async () => {
    await tree.getByRole('treeitem', { name: 'search', exact: true }).click()
    await page.getByRole('tab', { name: 'Search', exact: true }).click()
    expect(await form().getByRole('textbox', { name: 'Search in' }).inputValue()).toBe('/search')
  })

  it('finds paths by substring, glob and regex', async () => {
    expect(await search({ root: '/search', path: 'config' })).toEqual(
      expect.arrayContaining(['/search/app/config.json', '/search/app/nested/deeper/config.json']),
    )
    await status().getByText(/^Done: \d+ nodes visited, 2 matched in/).waitFor()
    expect(await search({ root: '/search', path: '*.json', pathMode: 'glob' })).toHaveLength(2)
    expect((await search({ root: '/search', path: '/search/app/*', pathMode: 'glob' })).sort()).toEqual([
      '/search/app/config.json',
      '/search/app/legacy.properties',
      '/search/app/nested',
    ])
    expect(await search({ root: '/search', path: '/db/[A-Z]', pathMode: 'regex', pathCase: true })).toEqual(['/search/db/Password'])
    expect((await search({ root: '/search', path: '/db/[A-Z]', pathMode: 'regex' })).sort()).toEqual(['/search/db/Password', '/search/db/url'])
  })

  it('says what is wrong before sending: a bad regex, a bad root, no pattern', async () => {
    await fill({ root: '/search', path: '(unclosed', pathMode: 'regex' })
    await form().getByRole('alert').getByText('Invalid regular expression', { exact: false }).waitFor()
    await fill({ root: 'search/', path: 'x' })
    await form().getByRole('button', { name: 'Start' }).click()
    await form().getByRole('alert').getByText('A path starts with /.').waitFor()
    await fill({ root: '/search' })
    await form().getByRole('button', { name: 'Start' }).click()
    await form().getByRole('alert').getByText('Give a path pattern, a data pattern, or both.').waitFor()
  })

  it('finds data by text and regex, with a snippet, in the chosen encoding (GB18030)', async () => {
    expect(await search({ root: '/search', data: 'ORDER-SERVICE' })).toEqual(['/search/app/config.json'])
    const option = results().getByRole('option').first()
    expect(await option.getAttribute('aria-description')).toContain('"name": "order-service"')
    expect(await search({ root: '/search', data: 'mysql://\\w+:\\d+', dataMode: 'regex' })).toEqual(['/search/db/url'])
    expect(await search({ root: '/search', data: '订单服务', encoding: 'gb18030' })).toEqual(['/search/app/legacy.properties'])
    expect(await results().getByRole('option').first().getAttribute('aria-description')).toBe('服务名=订单服务')
    await screenshot(page, 'ui-search-gb18030-light-en')
    // The same bytes read as UTF-8 do not hold those characters.
    expect(await search({ root: '/search', data: '订单服务', encoding: 'utf-8' })).toEqual([])
  })

  it('stops at the limits and says which one', async () => {
    await setLimits({ results: 1 })
    expect(await search({ root: '/search', path: 'config' })).toHaveLength(1)
    await status().getByText('Stopped at the result limit (1)', { exact: false }).waitFor()
    await setLimits({ nodes: 3 })
    await search({ root: '/search', path: 'zzz' })
    await status().getByText(/^Stopped at the node limit \(3\): 3 visited/).waitFor()
    await setLimits({ depth: 1 })
    const shallow = await search({ root: '/search', path: '*', pathMode: 'glob' })
    expect(shallow.sort()).toEqual(['/search', '/search/app', '/search/db'])
    await setLimits({})
  })

  it('says when the depth limit kept nodes out, and searches all levels on request', async () => {
    await setLimits({ depth: 1 })
    await search({ root: '/search', path: '*', pathMode: 'glob' })
    // app has 3 children and db 2: the nodes right below depth 1.
    await status()
      .getByText(
        /^Stopped at depth 1: 3 visited, 3 matched in [\d.,]+ m?s\. At least 5 nodes below that depth were not searched: raise the depth limit to include them\.$/,
      )
      .waitFor()
    await screenshot(page, 'ui-search-depth-limited-light-en')
    await status().getByRole('button', { name: 'Search all levels' }).click()
    await status().getByText(/^Done: 10 nodes visited, 10 matched in/).waitFor()
    expect(await form().getByRole('button', { name: /^Limits:/ }).innerText()).toContain('depth 1,000')
    expect(await status().getByRole('button', { name: 'Search all levels' }).count()).toBe(0)
    await setLimits({})
  })

  it('cancels a running search and keeps what it found', async () => {
    await fill({ root: '/bulk', data: 'payload 99' })
    await form().getByRole('button', { name: 'Start' }).click()
    await status().getByText(/^Searching… /).waitFor()
    await screenshot(page, 'ui-search-running-light-en')
    await form().getByRole('button', { name: 'Cancel' }).click()
    // The summary stays: how long it ran, what it visited and found, and that it was cancelled.
    const summary = /^Cancelled after [\d.,]+ m?s: ([\d,]+) nodes visited, ([\d,]+) matched\.$/
    await status().getByText(summary).waitFor()
    const [, visited = '', matched = ''] = (await status().innerText()).match(summary) ?? []
    expect(Number(visited.replace(/,/g, ''))).toBeGreaterThan(0)
    expect(Number(visited.replace(/,/g, ''))).toBeLessThan(BULK + 21)
    expect(await status().getAttribute('data-status')).toBe('cancelled')
    if (Number(matched) > 0) await results().getByRole('option').first().waitFor()
    await screenshot(page, 'ui-search-cancelled-light-en')
    expect(await form().getByRole('button', { name: 'Start' }).isEnabled()).toBe(true)
  })

  it('reveals a result in the tree and opens it', async () => {
    await search({ root: '/search', path: 'deeper/config' })
    const option = results().getByRole('option', { name: '/search/app/nested/deeper/config.json' })
    await option.click()
    await expect.poll(() => page.getByRole('contentinfo').getByText('/search/app/nested/deeper/config.json', { exact: true }).count()).toBe(1)
    // Shift+Enter also brings the tree to the front, with the node selected and its ancestors expanded.
    await results().press('Shift+Enter')
    await tree.waitFor()
    await expect.poll(() => focusedPath(tree)).toBe('/search/app/nested/deeper/config.json')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('tree')
    for (const name of ['app', 'nested', 'deeper']) {
      expect(await tree.getByRole('treeitem', { name, exact: true }).getAttribute('aria-expanded')).toBe('true')
    }
    expect(errors).toEqual([])
  })
})
