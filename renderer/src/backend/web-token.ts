/**
 * Web mode: the backend prints `http://127.0.0.1:PORT/?token=TOKEN`. The token
 * is moved out of the visible URL (so it does not end up in screenshots,
 * history or bookmarks) into sessionStorage, which survives reloads of this
 * tab only.
 */
const STORAGE_KEY = 'zk-console.token'

export function takeWebToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromUrl)
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    url.searchParams.delete('token')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  try {
    return sessionStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

export function rpcUrl(token: string): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${window.location.host}/rpc?token=${encodeURIComponent(token)}`
}
