import { createHash } from 'node:crypto'
import { PERM, type SeedAcl, type SeedNode } from './seed-plan'

/** The ACL-protected demo subtree: readable only with the digest credentials printed for the user. */
export const PROTECTED_PATH = '/secure'
/** World-readable, writable only by the admin user. */
export const READ_ONLY_PATH = '/config/readonly/notice.txt'
export const ADMIN_CREDENTIAL = 'admin:sandbox-secret'
export const VIEWER_CREDENTIAL = 'viewer:sandbox-viewer'

/** The digest ACL id for `user:password`: `user:base64(sha1(user:password))`, as DigestAuthenticationProvider makes it. */
export function digestId(credential: string): string {
  const user = credential.slice(0, credential.indexOf(':'))
  return `${user}:${createHash('sha1').update(credential, 'utf8').digest('base64')}`
}

export function secureNodes(): SeedNode[] {
  const admin: SeedAcl = { scheme: 'digest', id: digestId(ADMIN_CREDENTIAL), perms: PERM.ALL }
  const protectedAcl: SeedAcl[] = [admin, { scheme: 'digest', id: digestId(VIEWER_CREDENTIAL), perms: PERM.READ }]
  const readOnlyAcl: SeedAcl[] = [admin, { scheme: 'world', id: 'anyone', perms: PERM.READ }]
  return [
    { path: PROTECTED_PATH, data: 'credentials for order-service; ask #platform-team for access', acl: protectedAcl },
    { path: `${PROTECTED_PATH}/db`, data: '', acl: protectedAcl },
    { path: `${PROTECTED_PATH}/db/primary-password`, data: 'Pr1mary-DB-demo-only!', acl: protectedAcl },
    { path: `${PROTECTED_PATH}/api-keys`, data: '', acl: protectedAcl },
    { path: `${PROTECTED_PATH}/api-keys/payment-gateway`, data: JSON.stringify({ keyId: 'pk_demo_4f9a2c', secret: 'sk_demo_not_a_real_secret', rotatedAt: '2025-02-01' }), acl: protectedAcl },
    { path: '/config/readonly', data: '' },
    { path: READ_ONLY_PATH, data: 'Maintenance window: Saturdays 02:00-04:00 UTC. Only the admin user can change this notice.\n', acl: readOnlyAcl },
  ]
}
