/**
 * Web mode has no file system: an inline result becomes a download through a
 * Blob link, the one way a page can hand a file to the user.
 */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by the time the click returns; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A file name from a znode path: `/app/config` → `app-config`. */
export function fileStem(path: string): string {
  const stem = path.replace(/^\/+/, '').replace(/[^\w.-]+/g, '-')
  return stem === '' ? 'root' : stem
}
