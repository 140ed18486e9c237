import { describe, expect, it } from 'vitest'
import { ConnectionTracker, RAW, type TrackerUpdate } from '../../../electron/backend/connections/connection-tracker'

function setup(options: { maxInitialAttempts?: number; timeout?: number } = {}) {
  const updates: TrackerUpdate[] = []
  let now = 1_000_000
  let giveUps = 0
  let timeout = options.timeout ?? 30_000
  const tracker = new ConnectionTracker(
    {
      maxInitialAttempts: options.maxInitialAttempts ?? 3,
      now: () => now,
      onUpdate: (update) => updates.push(update),
      onGiveUp: () => giveUps++,
      describeServers: () => 'zk1:2181, zk2:2181',
    },
    () => timeout,
  )
  return {
    tracker,
    updates,
    states: () => updates.map((u) => u.state),
    giveUps: () => giveUps,
    advance: (ms: number) => (now += ms),
    now: () => now,
    setTimeout: (ms: number) => (timeout = ms),
  }
}

describe('ConnectionTracker', () => {
  it('starts in connecting and reports connected on the first CONNECTED', () => {
    const t = setup()
    expect(t.tracker.state).toBe('connecting')
    t.tracker.onRawState(RAW.CONNECTING)
    expect(t.updates).toEqual([])
    t.tracker.onRawState(RAW.CONNECTED)
    expect(t.updates).toEqual([{ state: 'connected' }])
    expect(t.tracker.state).toBe('connected')
    expect(t.tracker.lastContactAt).toBe(t.now())
    expect(t.tracker.isTerminal).toBe(false)
  })

  it('treats a read-only connection as connected', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED_READ_ONLY)
    expect(t.states()).toEqual(['connected'])
  })

  it('reports disconnected with the time the session will expire, once', () => {
    const t = setup({ timeout: 12_000 })
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED)
    const connectedAt = t.now()
    t.advance(5_000)
    t.tracker.onRawState(RAW.DISCONNECTED)
    expect(t.updates[1]).toEqual({ state: 'disconnected', expiresAt: connectedAt + 5_000 + 12_000 })
    t.tracker.onRawState(RAW.DISCONNECTED)
    t.tracker.onRawState(RAW.CONNECTING)
    expect(t.states()).toEqual(['connected', 'disconnected'])
    expect(t.tracker.lastContactAt).toBe(connectedAt)
  })

  it('uses the timeout negotiated at the moment of the disconnect', () => {
    const t = setup({ timeout: 30_000 })
    t.tracker.onRawState(RAW.CONNECTED)
    t.setTimeout(4_000)
    t.tracker.onRawState(RAW.DISCONNECTED)
    expect(t.updates[1]?.expiresAt).toBe(t.now() + 4_000)
  })

  it('reports reconnected when the same session comes back, and can disconnect again', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.DISCONNECTED)
    t.tracker.onRawState(RAW.CONNECTING)
    t.advance(2_000)
    t.tracker.onRawState(RAW.CONNECTED)
    expect(t.states()).toEqual(['connected', 'disconnected', 'reconnected'])
    expect(t.tracker.lastContactAt).toBe(t.now())
    t.tracker.onRawState(RAW.DISCONNECTED)
    expect(t.states()).toEqual(['connected', 'disconnected', 'reconnected', 'disconnected'])
    expect(t.giveUps()).toBe(0)
  })

  it('ignores DISCONNECTED before the first connect', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.DISCONNECTED)
    expect(t.updates).toEqual([])
    expect(t.tracker.state).toBe('connecting')
  })

  it('never gives up on its own once it has connected, however many retries', () => {
    const t = setup({ maxInitialAttempts: 2 })
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.DISCONNECTED)
    for (let i = 0; i < 20; i++) t.tracker.onRawState(RAW.CONNECTING)
    expect(t.states()).toEqual(['connected', 'disconnected'])
    expect(t.giveUps()).toBe(0)
    expect(t.tracker.isTerminal).toBe(false)
  })

  it('reports expired, gives up, and then ignores every later raw state', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.DISCONNECTED)
    t.tracker.onRawState(RAW.SESSION_EXPIRED)
    expect(t.updates.at(-1)).toMatchObject({ state: 'expired' })
    expect(t.updates.at(-1)?.message).toBeTruthy()
    expect(t.giveUps()).toBe(1)
    expect(t.tracker.isTerminal).toBe(true)
    const count = t.updates.length
    for (const raw of [RAW.DISCONNECTED, RAW.CLOSING, RAW.CLOSED, RAW.CONNECTING, RAW.CONNECTED, RAW.SESSION_EXPIRED]) {
      t.tracker.onRawState(raw)
    }
    t.tracker.closedByUser()
    t.tracker.authFailed()
    expect(t.updates).toHaveLength(count)
    expect(t.tracker.state).toBe('expired')
    expect(t.giveUps()).toBe(1)
  })

  it('fails after maxInitialAttempts without ever connecting, naming the servers', () => {
    const t = setup({ maxInitialAttempts: 3 })
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.DISCONNECTED)
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTING)
    expect(t.updates).toEqual([])
    expect(t.giveUps()).toBe(0)
    t.tracker.onRawState(RAW.CONNECTING)
    expect(t.states()).toEqual(['failed'])
    expect(t.updates[0]?.message).toContain('zk1:2181, zk2:2181')
    expect(t.updates[0]?.message).toContain('3')
    expect(t.giveUps()).toBe(1)
    expect(t.tracker.isTerminal).toBe(true)
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.CLOSED)
    expect(t.states()).toEqual(['failed'])
    expect(t.giveUps()).toBe(1)
  })

  it('reports closed when the user closes, without giving up, and stays closed', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.closedByUser()
    expect(t.states()).toEqual(['connected', 'closed'])
    expect(t.tracker.isTerminal).toBe(true)
    expect(t.giveUps()).toBe(0)
    t.tracker.onRawState(RAW.CLOSED)
    t.tracker.onRawState(RAW.DISCONNECTED)
    t.tracker.closedByUser()
    expect(t.states()).toEqual(['connected', 'closed'])
  })

  it('reports closed for a raw CLOSED too', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.CLOSING)
    t.tracker.onRawState(RAW.CLOSED)
    expect(t.states()).toEqual(['connected', 'closed'])
    expect(t.tracker.isTerminal).toBe(true)
  })

  it('reports auth-failed on AUTHENTICATION_FAILED and gives up', () => {
    const t = setup()
    t.tracker.onRawState(RAW.CONNECTING)
    t.tracker.onRawState(RAW.CONNECTED)
    t.tracker.onRawState(RAW.AUTHENTICATION_FAILED)
    expect(t.states()).toEqual(['connected', 'auth-failed'])
    expect(t.updates[1]?.message).toBeTruthy()
    expect(t.giveUps()).toBe(1)
    expect(t.tracker.isTerminal).toBe(true)
    t.tracker.onRawState(RAW.SESSION_EXPIRED)
    expect(t.states()).toEqual(['connected', 'auth-failed'])
    expect(t.giveUps()).toBe(1)
  })

  it('authFailed() behaves like the raw state', () => {
    const t = setup()
    t.tracker.authFailed()
    expect(t.states()).toEqual(['auth-failed'])
    expect(t.giveUps()).toBe(1)
  })

  it('ignores unknown raw states', () => {
    const t = setup()
    t.tracker.onRawState(42)
    t.tracker.onRawState(RAW.CLOSING)
    expect(t.updates).toEqual([])
    expect(t.tracker.isTerminal).toBe(false)
  })
})
