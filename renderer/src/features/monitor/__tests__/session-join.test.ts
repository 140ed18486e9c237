import { describe, expect, it } from 'vitest'
import type { ConnectionInfo } from '../../../../../shared/protocol/types'
import type { ZnodeStat } from '../../../../../shared/protocol/types'
import { joinSessions, sessionKey } from '../session-join'

const stat = (ephemeralOwner: string) => ({ stat: { ephemeralOwner } as ZnodeStat })

describe('joining client sessions with the console', () => {
  it('compares session ids as 64-bit numbers', () => {
    expect(sessionKey('0x0100004fa3e20000')).toBe(sessionKey('0x100004FA3E20000'))
    expect(sessionKey('not hex')).toBeNull()
    expect(sessionKey(null)).toBeNull()
  })

  it('marks the console’s own session and the session that owns the open node', () => {
    const connections = [{ connectionId: 'c1', name: 'Orders', sessionId: '0x100004fa3e20000' } as ConnectionInfo]
    const stats = new Map([
      ['/locks/a', stat('0x200004fa3e20001')],
      ['/locks/b', stat('0x200004fa3e20001')],
      ['/config', stat('0x0')],
    ])
    const facts = joinSessions(['0x100004fa3e20000', '0x0200004fa3e20001'], connections, [{ connectionId: 'c1', openPath: '/locks/b', stats }])
    expect(facts.get(sessionKey('0x100004fa3e20000') ?? '')).toEqual({ ownConnections: ['Orders'], openNode: null, ephemerals: [] })
    expect(facts.get(sessionKey('0x200004fa3e20001') ?? '')).toEqual({ ownConnections: [], openNode: '/locks/b', ephemerals: ['/locks/a', '/locks/b'] })
  })
})
