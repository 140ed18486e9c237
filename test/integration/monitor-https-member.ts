/**
 * A REAL standalone ZooKeeper 3.8 member whose AdminServer serves HTTPS
 * only (`zookeeper.admin.forceHttps`), its certificate self-signed for
 * 127.0.0.1 with the JRE's keytool and read from the `ssl.quorum` keystore,
 * as JettyAdminServer does. Only `srvr` is whitelisted: the member's metrics
 * can come from nowhere but the AdminServer.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { requireZkInstall } from '../../electron/backend/sandbox/zk-install'
import { startEnsemble, type TestMember } from '../helpers/ensemble'

const run = promisify(execFile)
const PASSWORD = 'changeit'

/** A self-signed certificate for 127.0.0.1 in a PKCS#12 keystore, and the certificate as PEM. */
async function selfSignedKeystore(dir: string, java: string): Promise<{ keystore: string; certPem: string }> {
  const keytool = path.join(path.dirname(java), 'keytool')
  const keystore = path.join(dir, 'admin.p12')
  const store = ['-keystore', keystore, '-storetype', 'PKCS12', '-storepass', PASSWORD]
  await run(keytool, ['-genkeypair', '-alias', 'admin', '-keyalg', 'EC', '-groupname', 'secp256r1', '-validity', '2', '-dname', 'CN=127.0.0.1', '-ext', 'SAN=IP:127.0.0.1,DNS:localhost', '-keypass', PASSWORD, ...store])
  const pemFile = path.join(dir, 'admin.pem')
  await run(keytool, ['-exportcert', '-rfc', '-alias', 'admin', '-file', pemFile, ...store])
  return { keystore, certPem: await readFile(pemFile, 'utf8') }
}

/** The JVM properties JettyAdminServer (3.7.1+) reads for an HTTPS-only AdminServer. */
function httpsAdminFlags(keystore: string): string[] {
  const stores = ['keyStore', 'trustStore'].flatMap((kind) => [
    `-Dzookeeper.ssl.quorum.${kind}.location=${keystore}`,
    `-Dzookeeper.ssl.quorum.${kind}.password=${PASSWORD}`,
    `-Dzookeeper.ssl.quorum.${kind}.type=PKCS12`,
  ])
  return ['-Dzookeeper.admin.forceHttps=true', ...stores]
}

export interface HttpsAdminMember {
  member: TestMember
  /** The AdminServer's certificate (self-signed, so also its CA). */
  certPem: string
  stop(): Promise<void>
}

export async function startHttpsAdminMember(): Promise<HttpsAdminMember> {
  const install = requireZkInstall({ debugLogging: false })
  const dir = await mkdtemp(path.join(tmpdir(), 'zk-admin-https-'))
  const { keystore, certPem } = await selfSignedKeystore(dir, install.java)
  const zk = await startEnsemble({ size: 1, install, fourLetterWhitelist: 'srvr', jvmFlags: httpsAdminFlags(keystore) })
  const member = zk.members[0]
  if (!member) throw new Error('no member')
  return {
    member,
    certPem,
    async stop() {
      await zk.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
