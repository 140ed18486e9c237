/**
 * Icons of the tree toolbar, drawn like ui/icons.tsx (16-unit grid, current
 * colour, hidden from assistive technology: every button has its own name).
 */
import type { ReactNode } from 'react'

function Svg({ size = 14, children }: { size?: number; children: ReactNode }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  )
}

export const Funnel = () => (
  <Svg>
    <path d="M2 3h12l-4.6 5.4v4.4l-2.8 1.4V8.4z" />
  </Svg>
)

export const ExpandAll = () => (
  <Svg>
    <path d="M4 3.5l4 3.5 4-3.5" />
    <path d="M4 9l4 3.5 4-3.5" />
  </Svg>
)

export const Percent = () => (
  <Svg>
    <circle cx="4.5" cy="4.5" r="1.8" />
    <circle cx="11.5" cy="11.5" r="1.8" />
    <path d="M12.5 3.5l-9 9" />
  </Svg>
)

export const Search = () => (
  <Svg>
    <circle cx="7" cy="7" r="4.3" />
    <path d="M10.2 10.2l3.6 3.6" />
  </Svg>
)
