import { describe, expect, it } from 'vitest'
import { MIN_WINDOW_MS, gapFor, panBy, resolveWindow, steppedWindow, timeTicks, zoomBy, zoomTo, type ViewWindow } from '../time-window'

const now = 10 * 3_600_000
const live: ViewWindow = { range: '1h', zoom: null }

describe('the shared time window', () => {
  it('follows the newest data until the user zooms', () => {
    expect(resolveWindow(live, now)).toEqual({ from: now - 3_600_000, to: now })
    const zoomed = zoomTo(live, now - 600_000, now - 1_200_000, now)
    expect(resolveWindow(zoomed, now + 60_000)).toEqual({ from: now - 1_200_000, to: now - 600_000 })
  })

  it('keeps zooms inside the range and at least the minimum width', () => {
    const tiny = zoomTo(live, now - 1_000, now - 2_000, now)
    expect(tiny.zoom && tiny.zoom.to - tiny.zoom.from).toBe(MIN_WINDOW_MS)
    const outside = zoomTo(live, now - 9 * 3_600_000, now - 8 * 3_600_000, now)
    expect(outside.zoom?.from).toBe(now - 3_600_000)
  })

  it('pans back and forth and returns to live at the right edge', () => {
    const zoomed = zoomBy(live, 0.5, now)
    expect(zoomed.zoom).toEqual({ from: now - 2_700_000, to: now - 900_000 })
    const back = panBy(zoomed, -0.5, now)
    expect(back.zoom).toEqual({ from: now - 3_600_000, to: now - 1_800_000 })
    expect(panBy(panBy(back, 1, now), 1, now).zoom).toEqual({ from: now - 1_800_000, to: now })
    expect(zoomBy(zoomed, 2, now).zoom).toBeNull()
    expect(panBy(live, 0.5, now)).toBe(live)
  })

  it('moves a live window in bucket steps, so a day view does not redraw at every sample', () => {
    const day: ViewWindow = { range: '24h', zoom: null }
    const a = steppedWindow(day, now + 1_000, 5_000)
    expect(steppedWindow(day, now + 6_000, 5_000)).toEqual(a)
    expect(a.to).toBeGreaterThanOrEqual(now + 1_000)
    expect(steppedWindow({ range: '5m', zoom: null }, now + 1, 5_000).to).toBe(now + 5_000)
  })

  it('puts ticks on round times and never treats slower old points as holes', () => {
    const ticks = timeTicks(0, 3_600_000, 6)
    expect(ticks.length).toBeGreaterThanOrEqual(4)
    expect(ticks.every((t) => t % 60_000 === 0)).toBe(true)
    expect(gapFor(1_000)).toBe(15_000)
    expect(gapFor(60_000)).toBe(180_000)
  })
})
