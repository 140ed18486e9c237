/** The id of a digest ACL entry, as ZooKeeper's DigestAuthenticationProvider computes it. */
import { createHash } from 'node:crypto'

export function digestId(user: string, password: string): string {
  const hash = createHash('sha1').update(`${user}:${password}`, 'utf8').digest('base64')
  return `${user}:${hash}`
}
