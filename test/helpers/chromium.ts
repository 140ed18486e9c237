/**
 * The system Chromium driven by playwright-core, for UI tests and screenshots.
 * Never `npx playwright install`: the browser comes from Debian's `chromium`.
 * Playwright gives every launch a fresh temporary profile (user-data-dir).
 */
import { mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOT_DIR = resolve(import.meta.dirname, '../../.screenshots')

/** Flags that keep Chromium quiet and offline on a closed build machine. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS })
}

export interface PageOptions {
  colorScheme?: 'light' | 'dark'
  /** The OS language the page sees (navigator.language). */
  locale?: string
  width?: number
  height?: number
}

export interface OpenedPage {
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions seen so far; a healthy page has none. */
  errors: string[]
}

export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1400, height: options.height ?? 860 },
    deviceScaleFactor: 1,
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(url)
  return { context, page, errors }
}

/** Saves a screenshot as .screenshots/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const path = join(SCREENSHOT_DIR, `${name}.png`)
  await page.screenshot({ path })
  return path
}
