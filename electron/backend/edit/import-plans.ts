/** Dry-run plans waiting for the user's confirmation, in memory, for a limited time. */
import { randomUUID } from 'node:crypto'
import { ZkError } from '../../../shared/protocol/errors'
import type { ImportPlan } from '../../../shared/protocol/edit-api'
import type { AclEntry } from '../../../shared/protocol/types'
import type { MultiOp } from './multi'

export const PLAN_TTL_MS = 30 * 60 * 1000
const MAX_PLANS = 20

/** What applying a plan sends, with the versions the dry run read. */
export interface StoredPlan {
  summary: ImportPlan
  creates: MultiOp[]
  /** Creates of ancestors the file does not list: if someone made one meanwhile, that is fine. */
  implied: Set<string>
  updates: MultiOp[]
  acls: { path: string; aversion: number; acl: AclEntry[] }[]
}

export class ImportPlans {
  private readonly plans = new Map<string, StoredPlan>()

  newId(): string {
    return randomUUID()
  }

  put(plan: StoredPlan): void {
    this.prune()
    while (this.plans.size >= MAX_PLANS) {
      const oldest = this.plans.keys().next().value
      if (oldest === undefined) break
      this.plans.delete(oldest)
    }
    this.plans.set(plan.summary.planId, plan)
  }

  peek(planId: string): StoredPlan {
    this.prune()
    const plan = this.plans.get(planId)
    if (!plan) throw new ZkError('INVALID_PARAMS', `no import plan ${planId}: it was applied, discarded or expired (plans last ${PLAN_TTL_MS / 60_000} minutes); run the dry run again`)
    return plan
  }

  /** A plan is applied once: taking it removes it. */
  take(planId: string): StoredPlan {
    const plan = this.peek(planId)
    this.plans.delete(planId)
    return plan
  }

  discard(planId: string): void {
    this.plans.delete(planId)
  }

  private prune(): void {
    const now = Date.now()
    for (const [id, plan] of this.plans) if (plan.summary.expiresAt <= now) this.plans.delete(id)
  }
}
