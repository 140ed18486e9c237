/**
 * The three real parts every UI test file needs: a ZooKeeper ensemble (seeded by an
 * independent client), the backend behind the WebSocket host, and Chromium. `useUiStack`
 * starts them in a beforeAll registered before the file's own hooks, and stops them in reverse.
 *
 * ```ts
 * const ui = useUiStack({ ensemble: { size: 3 }, seed: seedDemo })
 * beforeAll(async () => ({ page, errors } = await ui.open()))
 * ```
 */
import { afterAll, beforeAll } from 'vitest'
import type { Browser } from 'playwright-core'
import { startEnsemble, type StartEnsembleOptions, type TestEnsemble } from '../helpers/ensemble'
import { startBackendServer, type BackendServer } from '../helpers/backend-server'
import { launchChromium, openPage, type OpenedPage, type PageOptions } from '../helpers/chromium'
import { requireBuiltRenderer } from './ui-fixture'

type BackendOptions = NonNullable<Parameters<typeof startBackendServer>[0]>

export interface UiStackOptions {
  ensemble?: StartEnsembleOptions
  /** Writes the test's data before the backend starts. */
  seed?(connectString: string): Promise<unknown>
  /** Backend options that may depend on the running ensemble (e.g. `--connect` at startup). */
  backend?(ensemble: TestEnsemble): BackendOptions
}

export interface UiStack {
  readonly ensemble: TestEnsemble
  readonly server: BackendServer
  readonly browser: Browser
  /** A fresh browser context on the console's page, collecting its console errors. */
  open(options?: PageOptions): Promise<OpenedPage>
}

export function useUiStack(options: UiStackOptions = {}): UiStack {
  let ensemble: TestEnsemble | undefined
  let server: BackendServer | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    requireBuiltRenderer()
    ensemble = await startEnsemble(options.ensemble ?? { size: 1 })
    await options.seed?.(ensemble.connectString)
    server = await startBackendServer(options.backend?.(ensemble))
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.dispose()
    await ensemble?.stop()
  })

  const started = <T>(part: T | undefined, name: string): T => {
    if (part === undefined) throw new Error(`the UI stack's ${name} is not started: use it inside tests or hooks`)
    return part
  }
  return {
    get ensemble() {
      return started(ensemble, 'ensemble')
    },
    get server() {
      return started(server, 'backend')
    },
    get browser() {
      return started(browser, 'browser')
    },
    open(pageOptions) {
      return openPage(started(browser, 'browser'), started(server, 'backend').pageUrl, pageOptions)
    },
  }
}
