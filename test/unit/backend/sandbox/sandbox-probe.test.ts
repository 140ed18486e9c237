import { describe, expect, it } from 'vitest'
import { parseServerMode } from '../../../../electron/backend/sandbox/sandbox-probe'

describe('parseServerMode', () => {
  it('reads the Mode line of a srvr answer', () => {
    const srvr = 'Zookeeper version: 3.8.0-${mvngit.commit.id}, built on 2024-12-29 17:54 UTC\nLatency min/avg/max: 0/0.0/0\nReceived: 3\nSent: 2\nConnections: 1\nOutstanding: 0\nZxid: 0x100000000\nMode: follower\nNode count: 5\n'
    expect(parseServerMode(srvr)).toBe('follower')
    expect(parseServerMode('Mode: leader\nProposal sizes last/min/max: -1/-1/-1\n')).toBe('leader')
    expect(parseServerMode('Mode: standalone\n')).toBe('standalone')
  })

  it('is undefined while the member is not serving', () => {
    expect(parseServerMode('This ZooKeeper instance is not currently serving requests\n')).toBeUndefined()
    expect(parseServerMode('')).toBeUndefined()
  })
})
