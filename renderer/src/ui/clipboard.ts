/**
 * Copies text to the clipboard. The async Clipboard API needs a secure
 * context (loopback http counts) and focus; the textarea fallback covers the
 * rest. Every copy in the console goes through here.
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text)
      return
    } catch {
      // Denied (no permission, no focus): fall through to the older way.
    }
  }
  const active = document.activeElement as HTMLElement | null
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.append(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  active?.focus({ preventScroll: true })
  if (!ok) throw new Error('the clipboard refused the text')
}
