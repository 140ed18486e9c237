import type { App, HandlerDetails, Shell, WebContents, WindowOpenHandlerResponse } from 'electron'
import { describe, expect, it } from 'vitest'
import { isAppUrl, rendererLocation, type RendererLocation } from '../../../electron/main/renderer-location'
import { guardWebContents, installSecurityGuards, isSafeExternalUrl } from '../../../electron/main/security'

type Listener = (event: { preventDefault(): void; defaultPrevented: boolean }, ...args: unknown[]) => void
type PermissionRequestHandler = (
  contents: { getURL(): string },
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void
type PermissionCheckHandler = (
  contents: { getURL(): string } | null,
  permission: string,
  origin: string,
  details: { requestingUrl?: string },
) => boolean

const APP_FILE = '/opt/ZooKeeper Console/resources/app/out/renderer/index.html'
const APP_URL = 'file:///opt/ZooKeeper%20Console/resources/app/out/renderer/index.html'
const ownPage = (url: string) => isAppUrl({ kind: 'file', path: APP_FILE }, url)

function fakeContents(pageUrl = APP_URL) {
  const listeners = new Map<string, Listener[]>()
  const state: {
    openHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse
    requestHandler?: PermissionRequestHandler
    checkHandler?: PermissionCheckHandler
  } = {}
  const contents = {
    getURL: () => pageUrl,
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return contents
    },
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
      state.openHandler = handler
    },
    session: {
      setPermissionRequestHandler(handler: PermissionRequestHandler) {
        state.requestHandler = handler
      },
      setPermissionCheckHandler(handler: PermissionCheckHandler) {
        state.checkHandler = handler
      },
    },
  }
  /** Fires an event the way Electron does; returns whether a listener prevented the default. */
  const fire = (event: string, ...args: unknown[]): boolean => {
    const e = {
      defaultPrevented: false,
      preventDefault() {
        e.defaultPrevented = true
      },
    }
    for (const listener of listeners.get(event) ?? []) listener(e, ...args)
    return e.defaultPrevented
  }
  return { contents: contents as unknown as WebContents, fire, state, listeners }
}

function fakeShell() {
  const opened: string[] = []
  const shell: Pick<Shell, 'openExternal'> = {
    openExternal: async (url: string) => {
      opened.push(url)
    },
  }
  return { shell, opened }
}

function openWindow(handler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined, url: string) {
  if (!handler) throw new Error('no window open handler was installed')
  return handler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails)
}

describe('isSafeExternalUrl', () => {
  it('allows http and https', () => {
    expect(isSafeExternalUrl('https://zookeeper.apache.org/doc/current/')).toBe(true)
    expect(isSafeExternalUrl('http://localhost:8080/commands/stat')).toBe(true)
    expect(isSafeExternalUrl('HTTPS://EXAMPLE.ORG')).toBe(true)
  })

  it('refuses every other scheme and anything unparseable', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'zk-console://open',
      'vscode://file/x',
      'ms-settings:',
      'smb://host/share',
      'mailto:a@example.org',
      'ftp://example.org',
      '//evil.example/path',
      '/relative',
      'not a url',
      '',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
    }
  })
})

describe('guardWebContents', () => {
  it('prevents every navigation', () => {
    const { contents, fire } = fakeContents()
    guardWebContents(contents, fakeShell().shell)
    expect(fire('will-navigate', 'https://evil.example')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
  })

  it('prevents attaching webviews', () => {
    const { contents, fire } = fakeContents()
    guardWebContents(contents, fakeShell().shell)
    expect(fire('will-attach-webview', {}, {})).toBe(true)
  })

  it('denies every new window and opens only http(s) links in the browser', () => {
    const { contents, state } = fakeContents()
    const { shell, opened } = fakeShell()
    guardWebContents(contents, shell)
    expect(openWindow(state.openHandler, 'https://zookeeper.apache.org')).toEqual({ action: 'deny' })
    expect(openWindow(state.openHandler, 'http://example.org/x')).toEqual({ action: 'deny' })
    expect(openWindow(state.openHandler, 'file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openWindow(state.openHandler, 'javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(openWindow(state.openHandler, 'zk-console://x')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://zookeeper.apache.org', 'http://example.org/x'])
  })

  /** What the request and the check handler answer for `permission` asked by a frame at `url`. */
  function answers(state: ReturnType<typeof fakeContents>['state'], page: { getURL(): string }, permission: string, url: string) {
    if (!state.requestHandler || !state.checkHandler) throw new Error('permission handlers were not installed')
    const granted: boolean[] = []
    state.requestHandler(page, permission, (g) => granted.push(g), { requestingUrl: url })
    return { request: granted, check: state.checkHandler(page, permission, new URL(url).origin, { requestingUrl: url }) }
  }

  it('denies every permission but notifications, even to the app itself', () => {
    const { contents, state } = fakeContents()
    guardWebContents(contents, fakeShell().shell, ownPage)
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'midi', 'unknown']) {
      expect(answers(state, contents, permission, APP_URL), permission).toEqual({ request: [false], check: false })
    }
  })

  it('grants notifications to the page of the app itself (with any hash or query)', () => {
    const { contents, state } = fakeContents()
    guardWebContents(contents, fakeShell().shell, ownPage)
    expect(answers(state, contents, 'notifications', APP_URL)).toEqual({ request: [true], check: true })
    expect(answers(state, contents, 'notifications', `${APP_URL}#/monitor`)).toEqual({ request: [true], check: true })
  })

  it('denies notifications to any other page or frame', () => {
    const { contents, state } = fakeContents()
    guardWebContents(contents, fakeShell().shell, ownPage)
    for (const url of [
      'https://evil.example/',
      'file:///tmp/index.html',
      'file:///opt/ZooKeeper%20Console/resources/app/out/renderer/other.html',
      'data:text/html,<p>x</p>',
    ]) {
      expect(answers(state, contents, 'notifications', url), url).toEqual({ request: [false], check: false })
    }
  })

  it('falls back to the page of the web contents when no frame URL is given', () => {
    const own = fakeContents()
    guardWebContents(own.contents, fakeShell().shell, ownPage)
    const stranger = fakeContents('https://evil.example/')
    guardWebContents(stranger.contents, fakeShell().shell, ownPage)
    expect(own.state.checkHandler?.(own.contents, 'notifications', 'file://', {})).toBe(true)
    expect(stranger.state.checkHandler?.(stranger.contents, 'notifications', 'https://evil.example', {})).toBe(false)
    expect(own.state.checkHandler?.(null, 'notifications', 'file://', {})).toBe(false)
  })
})

describe('isAppUrl', () => {
  it('matches the dev server by origin only', () => {
    const dev: RendererLocation = { kind: 'dev', url: 'http://localhost:5173/' }
    expect(isAppUrl(dev, 'http://localhost:5173/index.html')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(dev, 'http://localhost.evil.example:5173/')).toBe(false)
    expect(isAppUrl(dev, 'https://localhost:5173/')).toBe(false)
    expect(isAppUrl(dev, 'not a url')).toBe(false)
  })

  it('finds the page next to the main bundle, or the dev server when one is set', () => {
    expect(rendererLocation({}, '/app/out/main')).toEqual({ kind: 'file', path: '/app/out/renderer/index.html' })
    expect(rendererLocation({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, '/app/out/main')).toEqual({ kind: 'dev', url: 'http://localhost:5173' })
  })
})

describe('installSecurityGuards', () => {
  it('guards every web contents the app creates', () => {
    const appListeners = new Map<string, (event: unknown, contents: WebContents) => void>()
    const app = {
      on(event: string, listener: (event: unknown, contents: WebContents) => void) {
        appListeners.set(event, listener)
        return app
      },
    } as unknown as Pick<App, 'on'>
    const { shell, opened } = fakeShell()
    installSecurityGuards(app, shell)
    const created = appListeners.get('web-contents-created')
    if (!created) throw new Error('no web-contents-created listener')
    const { contents, fire, state } = fakeContents('https://evil.example/')
    created({}, contents)
    expect(fire('will-navigate', 'https://evil.example')).toBe(true)
    expect(openWindow(state.openHandler, 'https://example.org')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org'])
    const granted: boolean[] = []
    state.requestHandler?.(contents, 'notifications', (g) => granted.push(g), { requestingUrl: 'https://evil.example/' })
    expect(granted).toEqual([false])
  })
})
