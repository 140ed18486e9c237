import type { App, HandlerDetails, Shell, WebContents, WindowOpenHandlerResponse } from 'electron'
import { describe, expect, it } from 'vitest'
import { guardWebContents, installSecurityGuards, isSafeExternalUrl } from '../../../electron/main/security'

type Listener = (event: { preventDefault(): void; defaultPrevented: boolean }, ...args: unknown[]) => void
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean

function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  const state: {
    openHandler?: (details: HandlerDetails) => WindowOpenHandlerResponse
    requestHandler?: PermissionRequestHandler
    checkHandler?: PermissionCheckHandler
  } = {}
  const contents = {
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

  it('denies permission requests and checks', () => {
    const { contents, state } = fakeContents()
    guardWebContents(contents, fakeShell().shell)
    if (!state.requestHandler || !state.checkHandler) throw new Error('permission handlers were not installed')
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const answers: boolean[] = []
      state.requestHandler(contents, permission, (granted) => answers.push(granted))
      expect(answers, permission).toEqual([false])
      expect(state.checkHandler(contents, permission), permission).toBe(false)
    }
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
    const { contents, fire, state } = fakeContents()
    created({}, contents)
    expect(fire('will-navigate', 'https://evil.example')).toBe(true)
    expect(openWindow(state.openHandler, 'https://example.org')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.org'])
    expect(state.requestHandler).toBeDefined()
  })
})
