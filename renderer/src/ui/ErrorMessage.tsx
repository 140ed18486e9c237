import type { ReactNode } from 'react'
import { Alert } from './icons'

/** An error (or warning) as a readable sentence; announced to screen readers when it appears. */
export function ErrorMessage({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'warning' }) {
  return (
    <div className={`message message-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <Alert />
      <div>{children}</div>
    </div>
  )
}
