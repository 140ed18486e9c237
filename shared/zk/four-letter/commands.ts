/**
 * The four-letter words ZooKeeper knows (3.4 – 3.10) and their AdminServer
 * twins. Names are case-sensitive on the server: an unknown or mistyped word
 * gets a silent close, never an error message.
 */

export const FOUR_LETTER_WORDS = [
  'ruok', 'srvr', 'stat', 'mntr', 'conf', 'cons', 'crst', 'srst', 'envi',
  'dump', 'wchs', 'wchc', 'wchp', 'dirs', 'isro', 'gtmk', 'stmk', 'hash',
] as const
export type FourLetterWord = (typeof FOUR_LETTER_WORDS)[number]

/** Words a poller may send on its own: cheap and without side effects. */
export const POLL_COMMANDS = ['srvr', 'mntr', 'conf', 'cons', 'wchs', 'isro', 'ruok', 'envi', 'dirs'] as const
export type PollCommand = (typeof POLL_COMMANDS)[number]

/** The default set. `envi` and `dirs` are opt-in (dirs walks the data directories). */
export const DEFAULT_POLL_COMMANDS: readonly PollCommand[] = ['srvr', 'mntr', 'conf', 'cons', 'wchs', 'isro', 'ruok']

/**
 * Polled every round; everything else is polled at the slower detail interval,
 * because each word costs one TCP connection and `cons` is O(connections).
 */
export const EVERY_ROUND_COMMANDS: readonly PollCommand[] = ['srvr', 'mntr']

/** They reset counters every other monitoring tool relies on, or change the server. */
export const MUTATING_WORDS: readonly string[] = ['srst', 'crst', 'stmk']
export const MUTATING_ADMIN_COMMANDS: readonly string[] = [
  'stat_reset', 'srst', 'connection_stat_reset', 'crst', 'set_trace_mask', 'stmk',
  'observer_connection_stat_reset', 'orst', 'snapshot', 'snap', 'restore', 'rest',
  'shed_connections', 'shed',
]

/**
 * They walk server structures under locks, O(sessions or watches): never
 * polled, and the console warns before sending them on large ensembles.
 */
export const EXPENSIVE_WORDS: readonly string[] = ['wchc', 'wchp', 'dump']

/** The AdminServer command that returns the same data as each word (3.5.0+). */
export const ADMIN_TWIN: Readonly<Record<FourLetterWord, string>> = {
  ruok: 'ruok',
  srvr: 'server_stats',
  stat: 'stats',
  mntr: 'monitor',
  conf: 'configuration',
  cons: 'connections',
  crst: 'connection_stat_reset',
  srst: 'stat_reset',
  envi: 'environment',
  dump: 'dump',
  wchs: 'watch_summary',
  wchc: 'watches',
  wchp: 'watches_by_path',
  dirs: 'dirs',
  isro: 'is_read_only',
  gtmk: 'get_trace_mask',
  stmk: 'set_trace_mask',
  hash: 'hash',
}

/** Words that answer even while the server is not serving (election, sync, shutdown). */
export const ANSWERS_WHILE_NOT_SERVING: readonly string[] = ['ruok', 'isro', 'envi', 'gtmk', 'stmk']

export function isFourLetterWord(value: string): value is FourLetterWord {
  return (FOUR_LETTER_WORDS as readonly string[]).includes(value)
}

export function isMutatingWord(word: string): boolean {
  return MUTATING_WORDS.includes(word)
}

export function isMutatingAdminCommand(name: string): boolean {
  return MUTATING_ADMIN_COMMANDS.includes(name)
}

/** The zoo.cfg line that enables the given words (plus `srvr`, which is always on). */
export function whitelistLine(words: readonly string[]): string {
  const all = [...new Set(['srvr', ...words])]
  return `4lw.commands.whitelist=${all.join(', ')}`
}
