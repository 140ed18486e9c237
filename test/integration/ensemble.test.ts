import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { useEnsemble, type TestMember } from '../helpers/ensemble'
import { kazooGet, runKazoo } from '../helpers/kazoo'

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Processes whose command line mentions `text` (our members carry their folder in it). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && line.includes('QuorumPeerMain'))
    // The JVMs themselves, not the guard shells that start them (see orphan-guard.ts).
    .filter((line) => !/^\s*\d+\s+\/bin\/sh /.test(line))
}

async function modes(members: readonly TestMember[]): Promise<(string | undefined)[]> {
  return Promise.all(members.map((m) => m.mode()))
}

describe('3-member ensemble harness', () => {
  const started = Date.now()
  const zk = useEnsemble({ size: 3 })

  it('starts every member with distinct ports; each answers srvr with a Mode and exactly one leads', async () => {
    const ensemble = zk.current
    console.log(`[measure] 3-member ensemble serving after ${Date.now() - started} ms`)
    const ports = ensemble.members.flatMap((m) => [m.clientPort, m.adminPort])
    expect(new Set(ports).size).toBe(ports.length)
    expect(ensemble.connectString).toBe(ensemble.members.map((m) => `127.0.0.1:${m.clientPort}`).join(','))
    const seen = await modes(ensemble.members)
    expect(seen.every((m) => m === 'leader' || m === 'follower')).toBe(true)
    expect(seen.filter((m) => m === 'leader')).toHaveLength(1)
    expect(ensemble.members.every((m) => m.isRunning && m.pid !== undefined && isAlive(m.pid))).toBe(true)
  })

  it('runs each AdminServer on loopback', async () => {
    for (const member of zk.current.members) {
      const response = await fetch(`http://127.0.0.1:${member.adminPort}/commands/srvr`)
      expect(response.status).toBe(200)
      const body = (await response.json()) as { server_stats?: { server_state?: string } }
      expect(['leader', 'follower']).toContain(body.server_stats?.server_state)
    }
  })

  it('survives the leader stopping, and the member rejoins on the same ports and data', async () => {
    const ensemble = zk.current
    const oldLeader = await ensemble.waitForLeader(ensemble.members)
    const pid = oldLeader.pid as number
    await oldLeader.stop()
    expect(oldLeader.isRunning).toBe(false)
    expect(isAlive(pid)).toBe(false)
    expect(await oldLeader.mode()).toBeUndefined()

    const others = ensemble.members.filter((m) => m !== oldLeader)
    const newLeader = await ensemble.waitForLeader(others)
    expect(newLeader).not.toBe(oldLeader)
    // Written while the member is down, through an independent client.
    const written = await runKazoo<string>(others.map((m) => m.address).join(','), "result = zk.create('/rejoin-check', b'written-while-down')")
    expect(written).toBe('/rejoin-check')

    const restartedAt = Date.now()
    expect(await oldLeader.start()).toBe('follower')
    console.log(`[measure] stopped member rejoined after ${Date.now() - restartedAt} ms`)
    expect(oldLeader.pid).not.toBe(pid)
    await ensemble.waitForLeader(ensemble.members)
    // Read from the restarted member alone: it synced what it missed.
    const read = await kazooGet(oldLeader.address, '/rejoin-check')
    expect(read.ok && read.node.data.toString()).toBe('written-while-down')
  })

  it('stop() kills every member and removes the folder', async () => {
    const ensemble = zk.current
    const pids = ensemble.members.map((m) => m.pid as number)
    expect(processesMentioning(ensemble.dir)).toHaveLength(3)
    await ensemble.stop()
    expect(pids.filter(isAlive)).toEqual([])
    expect(processesMentioning(ensemble.dir)).toEqual([])
  })
})
