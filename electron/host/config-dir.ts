/** Where web mode keeps profiles: the platform's per-user config folder. */
import { homedir } from 'node:os'
import { join } from 'node:path'

export function webConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.ZK_CONSOLE_CONFIG_DIR) return env.ZK_CONSOLE_CONFIG_DIR
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'zookeeper-console')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'zookeeper-console')
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'zookeeper-console')
}
