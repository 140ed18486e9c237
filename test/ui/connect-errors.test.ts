/**
 * Connection problems read as sentences: a connect string that is wrong as
 * typed names the exact problem; a well-formed one where nothing listens comes
 * back from the backend as state 'failed' with its message; a lost backend
 * shows a banner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator, Page } from 'playwright-core'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { closedPort, fillConnectDialog, requireBuiltRenderer } from './ui-fixture'

let server: BackendServer
let browser: Browser
let page: Page

beforeAll(async () => {
  requireBuiltRenderer()
  server = await startBackendServer()
  browser = await launchChromium()
  ;({ page } = await openPage(browser, server.pageUrl))
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

async function problemFor(dialog: Locator, connectString: string): Promise<string> {
  const input = dialog.getByRole('textbox', { name: 'Connect string', exact: true })
  await input.fill(connectString)
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true')
  const describedBy = await input.getAttribute('aria-describedby')
  return dialog.locator(`[id="${describedBy}"]`).innerText()
}

describe('connection errors', () => {
  it('names the exact problem of a connect string as it is typed', async () => {
    const dialog = await fillConnectDialog(page, { name: 'Broken', connectString: '' })
    expect(await problemFor(dialog, 'zk1:2181,zk2:99999')).toBe('“zk2:99999” has an invalid port: use a number from 1 to 65535.')
    expect(await problemFor(dialog, 'zk1:2181,bad host:2181')).toContain('“bad host:2181” is not a valid host')
    expect(await problemFor(dialog, 'zk1:2181/app/')).toBe('The chroot “/app/” is not a valid znode path.')
    expect(await problemFor(dialog, 'zk1:2181,,zk2')).toContain('is not a valid host')
    await screenshot(page, 'ui-dialog-invalid-light-en')
    // A good string clears the error and says what was understood.
    const input = dialog.getByRole('textbox', { name: 'Connect string', exact: true })
    await input.fill('zk1,[::1]:2182/app')
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('false')
    await dialog.getByText('2 servers · chroot /app · zk1:2181, [::1]:2182').waitFor()
    // Submitting an invalid form does not reach the backend.
    await input.fill('')
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    await dialog.getByText('Enter at least one host, e.g. 127.0.0.1:2181.').waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('shows the backend’s reason when nothing listens on a well-formed address', async () => {
    const port = await closedPort()
    const dialog = await fillConnectDialog(page, { name: 'Nobody home', connectString: `127.0.0.1:${port}` })
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click()
    const alert = dialog.getByRole('alert')
    await alert.waitFor({ timeout: 45_000 })
    const text = await alert.innerText()
    expect(text).toContain('Could not connect:')
    expect(text).toContain(`127.0.0.1:${port}`)
    await screenshot(page, 'ui-dialog-failed-light-en')
    // No workspace was opened for the failed attempt.
    expect(await page.getByRole('tablist', { name: 'Open connections' }).getByRole('tab').count()).toBe(1)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
  })

  it('says so when the backend goes away', async () => {
    await server.dispose()
    const banner = page.getByRole('alert').filter({ hasText: 'The connection to the console backend was lost' })
    await banner.waitFor()
    await banner.getByRole('button', { name: 'Reload' }).waitFor()
    await screenshot(page, 'ui-backend-lost-light-en')
  })
})
