/**
 * The member form's https AdminServer in real Chromium against the real
 * backend and a real member whose AdminServer serves HTTPS only (its metrics
 * come from nowhere else): "do not verify" shows its warning, a file without
 * a certificate is refused and changes nothing, the certificate file is
 * read and the member is then polled over HTTPS. English and Chinese.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Locator } from 'playwright-core'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, screenshot } from '../helpers/chromium'
import { startHttpsAdminMember, type HttpsAdminMember } from '../integration/monitor-https-member'
import { requireBuiltRenderer } from './ui-fixture'

let https: HttpsAdminMember
let server: BackendServer
let browser: Browser
let dir = ''

beforeAll(async () => {
  requireBuiltRenderer()
  https = await startHttpsAdminMember()
  server = await startBackendServer()
  browser = await launchChromium()
  dir = await mkdtemp(path.join(tmpdir(), 'zk-https-ui-'))
  await writeFile(path.join(dir, 'admin.pem'), https.certPem)
  await writeFile(path.join(dir, 'notes.txt'), 'not a certificate\n')
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await https?.stop()
  if (dir) await rm(dir, { recursive: true, force: true })
})

describe('an https AdminServer in the member form', () => {
  it('warns before "do not verify", refuses a file without a certificate, and polls over HTTPS with the CA file', async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl)
    const member = https.member
    await page.getByRole('region', { name: 'Ensemble monitors' }).getByRole('button', { name: 'Monitor an ensemble' }).click()
    const dialog = page.getByRole('dialog', { name: 'Monitor an ensemble' })
    await dialog.getByLabel('Servers', { exact: true }).fill(member.address)
    await dialog.getByLabel('Name', { exact: true }).fill('Secure ensemble')
    await dialog.getByRole('button', { name: 'Start monitoring' }).click()
    const overlay = page.getByRole('dialog', { name: 'Monitor: Secure ensemble' })
    await overlay.getByRole('tablist', { name: 'Monitor sections' }).getByRole('tab', { name: 'Settings' }).click()

    await overlay.getByRole('button', { name: `Correct ${member.address}` }).click()
    const form = overlay.getByRole('form', { name: 'Correct member' })
    await form.getByLabel('AdminServer port').fill(String(member.adminPort))
    await form.getByLabel('AdminServer scheme').selectOption('https')
    const check: Locator = form.getByLabel('Certificate check')
    await check.selectOption({ label: 'do not verify (insecure)' })
    await form.getByRole('note').getByText(/^The certificate is not checked: anyone between this computer and the server/).waitFor()
    await form.scrollIntoViewIfNeeded()
    await screenshot(page, 'monitor-member-https-insecure-light-en')

    await check.selectOption({ label: 'CA certificate (PEM)' })
    const save = form.getByRole('button', { name: 'Save' })
    // No certificate yet: nothing to save.
    expect(await save.isDisabled()).toBe(true)
    const file = form.getByLabel('CA certificate file')
    await file.setInputFiles(path.join(dir, 'notes.txt'))
    await form.getByRole('alert').getByText('notes.txt holds no PEM certificate (-----BEGIN CERTIFICATE-----): nothing was changed.').waitFor()
    expect(await save.isDisabled()).toBe(true)
    await file.setInputFiles(path.join(dir, 'admin.pem'))
    await form.getByText('Read from admin.pem.').waitFor()
    await screenshot(page, 'monitor-member-https-ca-light-en')
    await save.click()

    const adminCell = overlay.getByRole('cell', { name: new RegExp(`^https://127\\.0\\.0\\.1:${member.adminPort}.*answering$`) })
    await adminCell.waitFor({ timeout: 30_000 })
    await overlay.getByRole('tablist', { name: 'Monitor sections' }).getByRole('tab', { name: 'Dashboard' }).click()
    const card = overlay.getByRole('region', { name: member.address, exact: true })
    await expect.poll(() => card.getByText('AdminServer', { exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(errors).toEqual([])
    await context.close()
  }, 120_000)

  it('shows the same form in Chinese', async () => {
    const { page, context, errors } = await openPage(browser, server.pageUrl, { locale: 'zh-CN', colorScheme: 'dark' })
    const member = https.member
    await page.getByRole('button', { name: /Secure ensemble/ }).first().click()
    const overlay = page.getByRole('dialog', { name: /Secure ensemble/ })
    await overlay.getByRole('tablist', { name: '监控分区' }).getByRole('tab', { name: '设置' }).click()
    await overlay.getByRole('button', { name: `更正 ${member.address}` }).click()
    const form = overlay.getByRole('form', { name: '更正成员' })
    // The member as saved: https with its CA kept.
    expect(await form.getByLabel('AdminServer 协议').inputValue()).toBe('https')
    await form.getByText('保留之前提供的证书；选择文件可替换。').waitFor()
    await form.getByLabel('证书校验').selectOption({ label: '不校验（不安全）' })
    await form.getByRole('note').getByText(/^不校验证书/).waitFor()
    await form.scrollIntoViewIfNeeded()
    await screenshot(page, 'monitor-member-https-insecure-dark-zh-CN')
    expect(errors).toEqual([])
    await context.close()
  }, 60_000)
})
