/**
 * The session state as the user sees it while the ensemble goes away and
 * comes back: a live countdown to expiry while disconnected, then reconnected.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { startBackendServer } from '../helpers/backend-server'
import { openPage, screenshot } from '../helpers/chromium'
import { connectThroughDialog } from './ui-fixture'
import { useUiStack } from './ui-stack'

const ui = useUiStack({ ensemble: { size: 3 } })

let page: Page

beforeAll(async () => {
  ;({ page } = await ui.open({ colorScheme: 'dark' }))
})

const statusText = () => page.getByRole('contentinfo').getByRole('status').innerText()

function secondsLeft(text: string): number {
  const match = /expires in (\d+) s/.exec(text)
  if (!match?.[1]) throw new Error(`no countdown in "${text}"`)
  return Number(match[1])
}

describe('session state in the workspace', () => {
  it('counts down to expiry while disconnected and says when it is back', async () => {
    await connectThroughDialog(page, { name: 'Flaky', connectString: ui.ensemble.connectString })
    await expect.poll(statusText).toContain('Connected')
    const tab = page.getByRole('tab', { name: 'Flaky' })
    expect(await tab.getAttribute('aria-description')).toBe('Connected')

    await Promise.all(ui.ensemble.members.map((member) => member.stop()))
    await expect.poll(statusText, { timeout: 20_000 }).toContain('Disconnected')
    await expect.poll(statusText).toMatch(/session expires in \d+ s/)
    const first = secondsLeft(await statusText())
    await page.waitForTimeout(2_200)
    const later = secondsLeft(await statusText())
    expect(later).toBeLessThan(first)
    expect(await tab.getAttribute('aria-description')).toBe('Disconnected')
    await screenshot(page, 'ui-session-disconnected-dark-en')

    await Promise.all(ui.ensemble.members.map((member) => member.start()))
    // The members serve again at once, but the client retries with backoff after a full outage.
    await expect.poll(statusText, { timeout: 60_000 }).toContain('Reconnected')
    await screenshot(page, 'ui-session-reconnected-dark-en')
  }, 120_000)

  it('opens the connection the command line asked for (--connect) on load', async () => {
    const started = await startBackendServer({ startup: { connect: ui.ensemble.connectString, sandbox: false } })
    try {
      const opened = await openPage(ui.browser, started.pageUrl)
      const tree = opened.page.getByRole('tree', { name: `ZooKeeper tree of ${ui.ensemble.connectString}` })
      await tree.getByRole('treeitem', { name: 'zookeeper', exact: true }).waitFor({ timeout: 30_000 })
      expect(await opened.page.getByRole('tab', { name: ui.ensemble.connectString }).getAttribute('aria-selected')).toBe('true')
      // A reload adopts the open session instead of opening a second one.
      await opened.page.reload()
      await tree.getByRole('treeitem', { name: 'zookeeper', exact: true }).waitFor({ timeout: 30_000 })
      expect(await opened.page.getByRole('tablist', { name: 'Open connections' }).getByRole('tab').count()).toBe(2)
      expect(opened.errors).toEqual([])
      await opened.context.close()
    } finally {
      await started.dispose()
    }
  }, 60_000)

  it('closes the session with its tab', async () => {
    await page.getByRole('button', { name: 'Close Flaky' }).click()
    await expect.poll(() => page.getByRole('tablist', { name: 'Open connections' }).getByRole('tab').count()).toBe(1)
    expect(await page.getByRole('tab', { name: 'Connections' }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(async () => (await (await ui.server.connectClient()).api.listConnections({})).length).toBe(0)
  })
})
