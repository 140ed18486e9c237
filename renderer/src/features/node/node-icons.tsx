/** Icons only the inspector uses, drawn like ui/icons (16×16, current colour, hidden from assistive technology). */
export function PinIcon({ size = 14 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M9.5 2.5l4 4-2 .8-2.3 2.3.3 2.9-1 1-2.6-2.6L3 14M5.9 8.9L3.3 6.3l1-1 2.9.3 2.3-2.3z" />
    </svg>
  )
}
