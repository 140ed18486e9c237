/**
 * Pure parsers for ZooKeeper's four-letter words and AdminServer JSON. They
 * run in Node and in the browser; the socket and HTTP work lives in
 * electron/backend/stats. See shared/reference/zookeeper-monitoring.md.
 */
export * from './four-letter/types'
export * from './four-letter/commands'
export * from './four-letter/classify'
export * from './four-letter/hex'
export { parseSrvr, parseStat, shortVersion } from './four-letter/srvr'
export { parseCons, parseClientLine, isFourLetterConnection } from './four-letter/cons'
export { parseMntr, parseMntrEntries, mntrNumber, mntrSummary, mntrLearners } from './four-letter/mntr'
export { parseConf, parseServerLine, parseEnsembleConfig } from './four-letter/conf'
export { parseRuok, parseIsro, parseWchs, parseEnvi, parseDirs } from './four-letter/small'
export {
  parseAdminJson,
  parseAdminCommandList,
  adminError,
  asObject,
  asNumber,
  asString,
  type AdminJson,
  type AdminObject,
} from './four-letter/admin-json'
export {
  adminServerStats,
  adminMonitor,
  adminConfiguration,
  adminConnections,
  adminWatchSummary,
  adminIsReadOnly,
  adminEnvironment,
  adminDirs,
  adminVotingView,
  adminZabState,
} from './four-letter/admin-map'
