/**
 * Where the app's own page comes from: the Vite dev server while developing
 * (ELECTRON_RENDERER_URL), else the built index.html next to the main
 * bundle. The window loads it, and the permission guard recognises it, from
 * this one place.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type RendererLocation = { kind: 'dev'; url: string } | { kind: 'file'; path: string }

export function rendererLocation(env: NodeJS.ProcessEnv = process.env, bundleDir: string = import.meta.dirname): RendererLocation {
  const devUrl = env.ELECTRON_RENDERER_URL
  return devUrl ? { kind: 'dev', url: devUrl } : { kind: 'file', path: join(bundleDir, '../renderer/index.html') }
}

/**
 * Whether `url` is a page of the app itself: the same file (any query or
 * hash), or the same origin as the dev server. Anything else, including
 * other local files and a dev server's look-alike hosts, is not.
 */
export function isAppUrl(location: RendererLocation, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (location.kind === 'dev') {
    try {
      return parsed.origin !== 'null' && parsed.origin === new URL(location.url).origin
    } catch {
      return false
    }
  }
  return parsed.protocol === 'file:' && `file://${parsed.host}${parsed.pathname}` === pathToFileURL(location.path).href
}
