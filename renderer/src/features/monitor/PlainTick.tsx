/**
 * An axis label as a plain SVG <text>. recharts' own tick (its <Text>)
 * measures every label in the DOM to wrap it, which forces a layout of the
 * whole page per new label: on a dashboard of seven charts that was tens of
 * milliseconds per redraw. Our labels are short and never wrap, so the
 * position recharts computed is all that is needed; it looks the same.
 */
interface PlainTickProps {
  x?: number | string
  y?: number | string
  textAnchor?: 'start' | 'middle' | 'end' | 'inherit'
  verticalAnchor?: 'start' | 'middle' | 'end'
  fill?: string
  className?: string
  payload?: { value?: unknown }
}

/** The baseline shift recharts' <Text> applies for one line at each vertical anchor. */
const SHIFT = { start: '0.71em', middle: '0.355em', end: '0' } as const

export function plainTick(format: (value: number) => string, fontSize: number) {
  return function PlainTick({ x, y, textAnchor, verticalAnchor, fill, className, payload }: PlainTickProps) {
    const value = typeof payload?.value === 'number' ? payload.value : Number(payload?.value)
    return (
      <text x={x} y={y} textAnchor={textAnchor} fill={fill} stroke="none" fontSize={fontSize} className={className}>
        <tspan x={x} dy={SHIFT[verticalAnchor ?? 'middle']}>
          {format(value)}
        </tspan>
      </text>
    )
  }
}
