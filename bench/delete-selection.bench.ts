/**
 * Deleting a multi-selection: 5,000 selected sibling nodes (each with one
 * child, so that every root is a small subtree) on a real 3-member ensemble.
 * The console previews the selection (what the dialog shows) and deletes
 * it with one deleteTree over all roots; the reference deletes the selected
 * nodes one after another, listing each one's children first and deleting
 * them bottom-up, one request at a time, as a loop of single deletes would.
 * Each measurement gets its own copy of the selection, built in the same run.
 */
import { rmSync } from 'node:fs'
import type { Client } from 'node-zookeeper-client'
import { launchEnsemble } from '../electron/backend/sandbox/ensemble-launcher'
import { deleteTree } from '../electron/backend/edit/delete-tree'
import { previewSubtree } from '../electron/backend/edit/preview'
import { connectRaw, createPaths } from './bench-tree'
import { benchContext, call } from './bench-edit'

const SELECTED = 5_000

/** `count` selected nodes under `parent`, each with one child: the paths to create, and the selection. */
function selection(parent: string, count: number): { create: string[]; selected: string[] } {
  const selected = Array.from({ length: count }, (_, i) => `${parent}/n${String(i).padStart(6, '0')}`)
  return { create: [parent, ...selected.flatMap((path) => [path, `${path}/child`])], selected }
}

/** One request at a time: list a selected node's children, delete them, then the node. */
async function deleteEachInTurn(client: Client, selected: readonly string[]): Promise<number> {
  let deleted = 0
  for (const path of selected) {
    const children = await call<string[]>((done) => client.getChildren(path, (e, c) => done(e, c)))
    for (const child of children) await call<undefined>((done) => client.remove(`${path}/${child}`, -1, (e) => done(e)))
    await call<undefined>((done) => client.remove(path, -1, (e) => done(e)))
    deleted += children.length + 1
  }
  return deleted
}

// Full JIT and a larger heap, as in the other edit benchmarks: the servers should run as in production.
const ensemble = await launchEnsemble({ size: 3, heap: '1g', jvmFlags: ['-XX:TieredStopAtLevel=4'] })
try {
  const writer = await connectRaw(ensemble.connectString)
  const sets = Object.fromEntries(['/warm', '/s1', '/s2'].map((parent) => [parent, selection(parent, SELECTED)]))
  const t0 = performance.now()
  for (const set of Object.values(sets)) await createPaths(writer, set?.create ?? [])
  console.log(`built 3 x ${SELECTED.toLocaleString('en-US')} selected nodes with a child each in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

  const { ctx, connectionId, scope, workDir } = await benchContext(ensemble.connectString)
  const consoleDelete = async (set: { selected: string[] }, id: string) => {
    const [path = '', ...morePaths] = set.selected
    const previewStart = performance.now()
    const preview = await previewSubtree(ctx, { operationId: `${id}-preview`, connectionId, path, morePaths, maxNodes: 1_000_000, sampleSize: 12 }, scope)
    const previewMs = performance.now() - previewStart
    const deleteStart = performance.now()
    const report = await deleteTree(ctx, { operationId: id, connectionId, path, morePaths, keepRoot: false }, scope)
    const deleteMs = performance.now() - deleteStart
    if (report.outcome !== 'complete' || report.succeeded !== preview.nodeCount) throw new Error(`the selection was not deleted whole: ${report.message}`)
    return { previewMs, deleteMs, nodes: report.succeeded, batches: report.batches }
  }
  // An untimed first run, so that no measurement pays for the servers' JIT warm-up.
  await consoleDelete(sets['/warm'] ?? { selected: [] }, 'warm-up')
  const measured = await consoleDelete(sets['/s1'] ?? { selected: [] }, 'bench')

  const s0 = performance.now()
  const serial = await deleteEachInTurn(writer, sets['/s2']?.selected ?? [])
  const serialMs = performance.now() - s0
  writer.close()
  await ctx.connections.dispose()
  rmSync(workDir, { recursive: true, force: true })

  const consoleMs = measured.previewMs + measured.deleteMs
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  console.log(`console, ${SELECTED.toLocaleString('en-US')} selected subtrees (${measured.nodes} nodes):`)
  console.log(`  preview (the dialog's counts):      ${seconds(measured.previewMs)}`)
  console.log(`  deleteTree over all roots:          ${seconds(measured.deleteMs)} in ${measured.batches} multi batches`)
  console.log(`  together:                           ${seconds(consoleMs)} = ${Math.round(measured.nodes / (consoleMs / 1000))} nodes/s`)
  console.log(`reference, each selected node in turn, one request at a time: ${serial} nodes in ${seconds(serialMs)} = ${Math.round(serial / (serialMs / 1000))} nodes/s`)
  console.log(`ratio: the console takes ${(consoleMs / serialMs).toFixed(2)}x the reference's time, preview included`)
} finally {
  await ensemble.teardown()
}
