#!/usr/bin/env node
// `npm test`: unit, integration (real ZooKeeper) and UI (real Chromium)
// tests, one project after another so that ensembles and browsers never
// compete for this machine's cores, then one closing line that counts them.
// Pass project names to run only those: `npm test -- unit`.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const vitest = join('node_modules', 'vitest', 'vitest.mjs')
const all = ['unit', 'integration', 'ui']
const chosen = process.argv.slice(2).filter((a) => all.includes(a))
const projects = chosen.length > 0 ? chosen : all
const resultsDir = join(process.cwd(), 'test-results')
mkdirSync(resultsDir, { recursive: true })

if (projects.includes('ui')) {
  const build = spawnSync(process.execPath, [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('building the renderer for the UI tests failed')
    process.exit(1)
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 }
// CI keeps only the tail of the log, so every failure is repeated at the end.
const failures = []
let exitCode = 0
for (const project of projects) {
  const output = join(resultsDir, `${project}.json`)
  rmSync(output, { force: true })
  console.log(`\n=== ${project} tests ===`)
  const run = spawnSync(
    process.execPath,
    [vitest, 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`],
    { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } },
  )
  if (run.status !== 0) exitCode = run.status ?? 1
  try {
    const report = JSON.parse(readFileSync(output, 'utf8'))
    totals.passed += report.numPassedTests
    totals.failed += report.numFailedTests
    totals.skipped += report.numPendingTests + report.numTodoTests
    // A file that fails to load counts no test but still fails the run.
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) totals.failed += report.numFailedTestSuites
    failures.push(...failuresIn(project, report))
    if (report.numTotalTests === 0) {
      console.error(`${project}: no tests ran`)
      exitCode = exitCode || 1
    }
  } catch {
    console.error(`${project}: vitest wrote no report`)
    exitCode = exitCode || 1
    totals.failed += 1
  }
}

if (failures.length > 0) {
  console.log('\n=== failures ===')
  for (const failure of failures) console.log(failure)
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(exitCode || (totals.failed > 0 ? 1 : 0))

/** One short paragraph per failed test or file: where, which test, and the first lines of why. */
function failuresIn(project, report) {
  const found = []
  for (const file of report.testResults ?? []) {
    const where = `${project}: ${file.name.replace(process.cwd() + '/', '')}`
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed')
    for (const test of failedTests) found.push(`${where} > ${test.fullName}\n${firstLines(test.failureMessages?.join('\n') ?? '')}`)
    if (failedTests.length === 0 && file.status === 'failed') found.push(`${where} (the file failed)\n${firstLines(file.message ?? '')}`)
  }
  return found
}

function firstLines(text) {
  const ours = text.split('\n').filter((line) => !/^\s*at .*(node_modules|<anonymous>)/.test(line))
  return ours.slice(0, 12).map((line) => `    ${line}`).join('\n')
}
