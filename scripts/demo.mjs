#!/usr/bin/env node
// `npm run demo`: the GitFlow pipeline for a newcomer, through the real action bundles and the
// local sandbox: develop → sandbox, preprod → staging, master → approval → prod (promoted by
// digest, no rebuild; a bark push to the owner's phone), then a broken build that rolls back;
// Slack messages follow each run. Last, one release to prod under load with `recreate` and with
// `blue-green` (demo-blue-green.mjs), the failed requests of each side by side. Then pull mode
// (demo-agent.mjs): a push to a registry wakes `gantry agent` on a host, which deploys it, rolls a
// broken image back and notifies a phone.
// Prints a timeline and writes demo-report/index.html. Needs root (the sandbox: Debian packages,
// sshd hosts and Docker engines on loopback); brings it up if it is not running.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { up } from '../test/sandbox/sandbox.js'
import { readSandbox } from '../test/sandbox/description.js'
import { createLog } from '../test/sandbox/lib/util.js'
import { playGitflow } from '../test/story/gitflow.js'
import { blueGreenTable, playBlueGreen } from './demo-blue-green.mjs'
import { playAgent } from './demo-agent.mjs'
import { renderReport } from './demo-report.mjs'

const ROOT = join(import.meta.dirname, '..')
console.log('Gantry demo: bringing up the sandbox (3 hosts, registry, Slack endpoint)…')
await up({ log: createLog() })
const story = await playGitflow({ sandbox: readSandbox(), log: (line) => console.log(line) })

console.log('\nFinal state:')
for (const h of story.hosts)
  console.log(`  ${h.environment.padEnd(8)} ${h.host.padEnd(22)} serves ${h.serves}`)
console.log('\nDeployment records:')
for (const d of story.deployments)
  console.log(
    `  #${d.id} ${d.environment.padEnd(8)} ${String(d.version).padEnd(8)} ${d.states.join(' → ')}${d.approvedBy ? `  (approved by ${d.approvedBy})` : ''}`
  )
console.log('\nOne release to prod under load, recreate beside blue-green:')
const blueGreen = await playBlueGreen({ sandbox: readSandbox(), log: (line) => console.log(line) })
console.log(
  `\nRequests during each upgrade on ${blueGreen.host} (16 keep-alive clients, GET and POST):`
)
console.log(blueGreenTable(blueGreen))
console.log('\nPull mode: no CI reaches the host; a registry push wakes gantry agent there:')
const pull = await playAgent({ sandbox: readSandbox(), log: (line) => console.log(line) })
const dir = join(ROOT, 'demo-report')
mkdirSync(dir, { recursive: true })
writeFileSync(join(dir, 'index.html'), renderReport(story, blueGreen))
console.log(
  `\n${story.steps.length} steps in ${(story.ms / 1000).toFixed(1)} s, the load chapter in ${(blueGreen.ms / 1000).toFixed(1)} s, pull mode in ${(pull.ms / 1000).toFixed(1)} s. Report: ${join(dir, 'index.html')}`
)
