/**
 * `npm run bench [name…]`: runs each benchmark in bench/ one after another
 * (each starts and stops its own ensemble), printing its ratios.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = import.meta.dirname
const wanted = process.argv.slice(2)
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort()
const chosen = wanted.length > 0 ? all.filter((name) => wanted.includes(name)) : all
if (chosen.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')}; there are: ${all.join(', ')}`)
  process.exit(2)
}
let failed = 0
for (const name of chosen) {
  console.log(`\n=== ${name} ===`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(dir, `${name}.bench.ts`)], { stdio: 'inherit' })
  if (run.status !== 0) failed += 1
}
process.exit(failed > 0 ? 1 : 0)
