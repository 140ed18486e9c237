/**
 * Per-member capability table: for each polled command, whether the word is
 * whitelisted, whether the AdminServer twin answers, what fed the last answer,
 * and how to enable what is missing. The whitelist is read once at server
 * start, so a "not whitelisted" verdict holds until the member restarts.
 */
import { ADMIN_TWIN, whitelistLine, type PollCommand } from '../zk/four-letter'
import type { AdminStatus, CommandCapability, DataSource } from './model'

type FourLetterCap = CommandCapability['fourLetter']
type AdminCap = CommandCapability['admin']

export class CapabilityTable {
  private readonly fourLetter = new Map<PollCommand, FourLetterCap>()
  private readonly admin = new Map<PollCommand, AdminCap>()
  private readonly source = new Map<PollCommand, DataSource | null>()

  constructor(private commands: readonly PollCommand[]) {}

  /** The polled command set changed (settings). */
  setCommands(commands: readonly PollCommand[]): void {
    this.commands = commands
  }

  fourLetterOf(command: PollCommand): FourLetterCap {
    return this.fourLetter.get(command) ?? 'unknown'
  }

  adminOf(command: PollCommand): AdminCap {
    return this.admin.get(command) ?? 'unknown'
  }

  setFourLetter(command: PollCommand, value: FourLetterCap): void {
    this.fourLetter.set(command, value)
  }

  setAdmin(command: PollCommand, value: AdminCap): void {
    this.admin.set(command, value)
  }

  setSource(command: PollCommand, value: DataSource | null): void {
    this.source.set(command, value)
  }

  /** After a restart the whitelist may have changed: probe everything again. */
  reprobe(): void {
    this.fourLetter.clear()
    this.admin.clear()
  }

  /** Words found not whitelisted. */
  blocked(): PollCommand[] {
    return this.commands.filter((c) => this.fourLetterOf(c) === 'not-whitelisted')
  }

  list(adminStatus: AdminStatus): CommandCapability[] {
    const blocked = this.blocked()
    return this.commands.map((command) => {
      const fourLetter = this.fourLetterOf(command)
      const admin = this.adminOf(command)
      return {
        command,
        fourLetter,
        admin,
        source: this.source.get(command) ?? null,
        hint: capabilityHint(command, fourLetter, admin, adminStatus, blocked),
      }
    })
  }
}

/** How to enable a missing command, in one or two sentences; null when nothing is missing. */
export function capabilityHint(
  command: PollCommand,
  fourLetter: FourLetterCap,
  admin: AdminCap,
  adminStatus: AdminStatus,
  blocked: readonly PollCommand[],
): string | null {
  if (fourLetter !== 'not-whitelisted') return null
  const enable = `add it to the whitelist in zoo.cfg (${whitelistLine(blocked.length > 0 ? blocked : [command])}) or start the JVM with -Dzookeeper.4lw.commands.whitelist=…, then restart the server`
  if (admin === 'available') return `"${command}" is not whitelisted; read through the AdminServer (/commands/${ADMIN_TWIN[command]}) instead. To use the word, ${enable}.`
  const adminHelp =
    adminStatus === 'not-configured'
      ? "or set this member's AdminServer address (admin.serverPort, default 8080)"
      : adminStatus === 'mismatch'
        ? "or correct this member's AdminServer address (the one given belongs to another server)"
        : adminStatus === 'unavailable'
          ? 'or make its AdminServer reachable (admin.enableServer=true; on Debian add servlet-api.jar to the classpath)'
          : "or give this member's AdminServer address"
  return `"${command}" is not whitelisted: ${enable}, ${adminHelp}.`
}
