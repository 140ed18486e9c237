/**
 * Guards for every web contents the app creates: no navigation away from the
 * app, no new windows (http(s) links open in the user's browser), no
 * webviews, and no permission grants except desktop notifications for the
 * app's own page (alerts of the ensemble monitor use them).
 */
import type { App, Shell, WebContents } from 'electron'
import { isAppUrl, rendererLocation } from './renderer-location'

/** The only permission ever granted, and only to the app's own page. */
const GRANTED_TO_APP = new Set(['notifications'])

/** Whether `permission` is granted to a page at `url` (the requesting frame's, or else the contents' page). */
export function permissionAllowed(permission: string, url: string | undefined, isOwnPage: (url: string) => boolean): boolean {
  return GRANTED_TO_APP.has(permission) && url !== undefined && url !== '' && isOwnPage(url)
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:'
  } catch {
    return false
  }
}

export function guardWebContents(
  contents: WebContents,
  shell: Pick<Shell, 'openExternal'>,
  isOwnPage: (url: string) => boolean = (url) => isAppUrl(rendererLocation(), url),
): void {
  contents.on('will-navigate', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  // A frame's own URL decides, so an iframe of another origin inside the page gets nothing.
  contents.session.setPermissionRequestHandler((asking, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl || asking.getURL(), isOwnPage)),
  )
  contents.session.setPermissionCheckHandler((asking, permission, _origin, details) =>
    permissionAllowed(permission, details.requestingUrl ?? asking?.getURL(), isOwnPage),
  )
}

export function installSecurityGuards(
  app: Pick<App, 'on'>,
  shell: Pick<Shell, 'openExternal'>,
  isOwnPage?: (url: string) => boolean,
): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell, isOwnPage))
}
