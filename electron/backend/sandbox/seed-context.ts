import { randomUUID } from 'node:crypto'

/** What the demo data generators share: the time they pretend it is, and the fake hosts. */
export interface SeedContext {
  /** Epoch ms used for timestamps in the data, so one seed looks like one moment. */
  now: number
  /** How many demo sessions hold ephemeral nodes (one per pretend host). */
  holders: number
  uuid(): string
}

export function createSeedContext(holders = 3, now = Date.now()): SeedContext {
  return { now, holders, uuid: randomUUID }
}

/** The pretend address of the machine behind demo session `holder`. */
export function hostOf(holder: number): string {
  return `10.0.1.${11 + holder}`
}
