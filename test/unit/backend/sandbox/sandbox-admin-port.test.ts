import { describe, expect, it } from 'vitest'
import { sandboxAdminPort } from '../../../../electron/backend/sandbox/sandbox-admin-port'
import type { SandboxInfo } from '../../../../shared/protocol/types'

const running: SandboxInfo = {
  state: 'running',
  connectString: '127.0.0.1:21810,127.0.0.1:21811',
  members: [
    { id: 1, clientPort: 21810, adminPort: 28080 },
    { id: 2, clientPort: 21811, adminPort: 28081 },
  ],
  credentials: [],
}

describe('sandboxAdminPort', () => {
  it("names a running sandbox member's AdminServer port by its loopback client address", () => {
    expect(sandboxAdminPort(running, '127.0.0.1', 21811)).toBe(28081)
    expect(sandboxAdminPort(running, 'localhost', 21810)).toBe(28080)
  })

  it('knows nothing of other hosts, other ports, or a sandbox that is not running', () => {
    expect(sandboxAdminPort(running, '10.0.0.5', 21810)).toBeNull()
    expect(sandboxAdminPort(running, '127.0.0.1', 2181)).toBeNull()
    expect(sandboxAdminPort({ ...running, state: 'stopped' }, '127.0.0.1', 21810)).toBeNull()
  })
})
