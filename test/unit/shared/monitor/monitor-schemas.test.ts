import { describe, expect, it } from 'vitest'
import { monitorParamSchemas } from '../../../../shared/protocol/monitor-api'

describe('monitor param schemas', () => {
  it('accept a start with defaults and reject a too-short interval', () => {
    expect(monitorParamSchemas.startMonitor.safeParse({ connectString: 'zk1:2181,zk2:2181/app' }).success).toBe(true)
    expect(monitorParamSchemas.startMonitor.safeParse({ connectString: 'zk1:2181', intervalMs: 500 }).success).toBe(false)
    expect(monitorParamSchemas.startMonitor.safeParse({ connectString: 'zk1:2181', commands: ['srst'] }).success).toBe(false)
    expect(monitorParamSchemas.startMonitor.safeParse({ connectString: 'zk1:2181', extra: 1 }).success).toBe(false)
  })

  it('require confirm: true for words that change the server', () => {
    const run = monitorParamSchemas.runFourLetterWord
    expect(run.safeParse({ host: '127.0.0.1', port: 2181, command: 'srst' }).success).toBe(false)
    expect(run.safeParse({ host: '127.0.0.1', port: 2181, command: 'srst', confirm: true }).success).toBe(true)
    expect(run.safeParse({ host: '127.0.0.1', port: 8080, command: 'stat_reset', via: 'admin' }).success).toBe(false)
    expect(run.safeParse({ host: '127.0.0.1', port: 2181, command: 'stmk', confirm: true }).success).toBe(false)
    expect(run.safeParse({ host: '127.0.0.1', port: 2181, command: 'stmk', confirm: true, traceMask: '306' }).success).toBe(true)
  })

  it('take an https AdminServer check as a PEM CA or an explicit insecure: true, nothing else', () => {
    const members = (adminVerify: unknown) =>
      monitorParamSchemas.updateMembers.safeParse({ monitorId: 'mon-1', upsert: [{ host: 'zk1', port: 2181, adminPort: 8443, adminScheme: 'https', adminVerify }] }).success
    expect(members({ caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' })).toBe(true)
    expect(members({ insecure: true })).toBe(true)
    expect(members({ caPem: 'hello' })).toBe(false)
    expect(members({ insecure: false })).toBe(false)
    expect(members({ caPem: '-----BEGIN CERTIFICATE-----', insecure: true })).toBe(false)
  })

  it('need a target and a well-formed word', () => {
    const run = monitorParamSchemas.runFourLetterWord
    expect(run.safeParse({ command: 'ruok' }).success).toBe(false)
    expect(run.safeParse({ monitorId: 'mon-1', memberId: 'zk1:2181', command: 'ruok' }).success).toBe(true)
    expect(run.safeParse({ host: 'zk1', port: 2181, command: 'ruok!' }).success).toBe(false)
    // Any 4 letters may be sent (case matters on the server; RUOK gets a silent close).
    expect(run.safeParse({ host: 'zk1', port: 2181, command: 'RUOK' }).success).toBe(true)
  })

  it('validate rule edits and history ranges', () => {
    expect(monitorParamSchemas.setAlertRules.safeParse({ monitorId: 'm', rules: [{ id: 'avg-latency', threshold: 50 }] }).success).toBe(true)
    expect(monitorParamSchemas.setAlertRules.safeParse({ monitorId: 'm', rules: [{ id: 'nope' }] }).success).toBe(false)
    expect(monitorParamSchemas.getHistory.safeParse({ monitorId: 'm', rangeMs: 25 * 3_600_000 }).success).toBe(false)
  })

  it('validate history pages: an end time and known fields only', () => {
    const history = monitorParamSchemas.getHistory
    expect(history.safeParse({ monitorId: 'm', rangeMs: 3_600_000, to: 1_700_000_000_000, fields: ['connections', 'fsyncMs'] }).success).toBe(true)
    expect(history.safeParse({ monitorId: 'm', rangeMs: 3_600_000, fields: ['connections', 'nope'] }).success).toBe(false)
    expect(history.safeParse({ monitorId: 'm', rangeMs: 3_600_000, fields: [] }).success).toBe(false)
    expect(history.safeParse({ monitorId: 'm', rangeMs: 3_600_000, to: -1 }).success).toBe(false)
    expect(history.safeParse({ monitorId: 'm', rangeMs: 3_600_000, to: 1.5 }).success).toBe(false)
  })
})
