import { createSeedContext, type SeedContext } from './seed-context'
import { configNodes } from './seed-config'
import { dubboNodes } from './seed-dubbo'
import { kafkaNodes } from './seed-kafka'
import { orderPlan, type SeedNode } from './seed-plan'
import { recipeNodes } from './seed-recipes'
import { sampleNodes } from './seed-samples'
import { ADMIN_CREDENTIAL, PROTECTED_PATH, VIEWER_CREDENTIAL, secureNodes } from './seed-secure'
import { closeSession, openSession, sessionIdHex, type ZkClient } from './seed-session'
import { writePlan } from './seed-writer'

export interface DemoSeedOptions {
  /** Demo sessions that hold the ephemeral nodes, like separate client processes. Default 3. */
  holders?: number
  /** Multi requests (of up to 200 creates) in flight on the seeding session. Default 16. */
  inFlight?: number
  now?: number
}

export interface DemoSeed {
  /** `user:password` pairs that open {@link protectedPath} (first: all rights, second: read only). */
  credentials: string[]
  protectedPath: string
  /** Session ids (0x...) of the demo sessions that own the ephemeral nodes. */
  holderSessionIds: string[]
  stats: { persistent: number; ephemeral: number; ms: number }
  /** Ends the demo sessions; their ephemeral nodes disappear. */
  close(): Promise<void>
}

/** Every node of the demo data set, unordered. */
export function demoPlan(ctx: SeedContext): SeedNode[] {
  return [...configNodes(), ...secureNodes(), ...dubboNodes(ctx), ...kafkaNodes(ctx), ...recipeNodes(ctx), ...sampleNodes(ctx)]
}

/**
 * Writes the demo data and leaves `holders` sessions open that own the ephemeral nodes (brokers,
 * controller, providers, locks, latch, members), so they look like live clients until close().
 */
export async function seedDemoData(connectString: string, options: DemoSeedOptions = {}): Promise<DemoSeed> {
  const started = Date.now()
  const ctx = createSeedContext(options.holders ?? 3, options.now)
  const plan = orderPlan(demoPlan(ctx))
  const holders: ZkClient[] = []
  const closeHolders = async (): Promise<void> => {
    await Promise.all(holders.splice(0).map((client) => closeSession(client)))
  }
  // The seeding session is the admin, so it may create children under the protected subtree.
  const main = await openSession(connectString, { auth: [ADMIN_CREDENTIAL] })
  try {
    for (let i = 0; i < ctx.holders; i++) holders.push(await openSession(connectString))
    const written = await writePlan(main, holders, plan, options.inFlight ?? 16)
    return {
      credentials: [ADMIN_CREDENTIAL, VIEWER_CREDENTIAL],
      protectedPath: PROTECTED_PATH,
      holderSessionIds: holders.map(sessionIdHex),
      stats: { persistent: written.persistent, ephemeral: written.ephemeral, ms: Date.now() - started },
      close: closeHolders,
    }
  } catch (error) {
    await closeHolders()
    throw error
  } finally {
    await closeSession(main)
  }
}
