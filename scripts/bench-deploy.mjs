#!/usr/bin/env node
// Deploy wall time to 1, 3, 5 and 20 sandbox hosts: ssh-deploy (all hosts in parallel, health
// checked, locked) against the naive way (a sequential loop of OpenSSH
// `ssh host "docker-compose pull && docker-compose up -d"`, no health check). Each timed run is
// an upgrade (v1 → v2 or back) of an app already running, so both pull and recreate. Beside the
// wall time: Gantry's own CPU time (user + sys of the action's node process, not the hosts') and
// its peak RSS, read by a preloaded module at exit. The median of `--runs` runs (default 3).
// `--hosts 1,3` measures fewer host counts. Clears every container earlier runs (or other tests)
// left on the hosts it uses first: the demo app binds each host's APP_ADDR.
// Needs root and the sandbox; brings it to the largest count and back to its previous count.
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../test/harness/hosts.js'
import { withHosts } from './sandbox.mjs'

const ROOT = join(import.meta.dirname, '..')
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? process.argv[i + 1] : fallback
}
const COUNTS = arg('--hosts', '1,3,5,20').split(',').map(Number)
const RUNS = Number(arg('--runs', '3'))
const { sandbox: sb, restore } = withHosts(Math.max(...COUNTS))
const key = readFileSync(sb.ssh.privateKeyPath, 'utf8')
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-deploy-'))
copyFileSync(sb.composeFile, join(work, 'docker-compose.yml'))
// Writes the action process's own resource usage when it exits (process.exit included).
const usageFile = join(work, 'usage.json')
const PRELOAD =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs'\n` +
      `process.on('exit', () => writeFileSync(process.env.GANTRY_BENCH_USAGE, JSON.stringify(process.resourceUsage())))`
  )
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function gantry(hosts, image) {
  for (const f of ['out', 'summary']) writeFileSync(join(work, f), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    INPUT_HOSTS: hosts.map((h) => `${h.user}@${h.address}`).join('\n'),
    INPUT_KEY: key,
    'INPUT_KNOWN-HOSTS': hosts.map((h) => h.knownHosts).join('\n'),
    INPUT_APP: 'bench',
    INPUT_ENV: `IMAGE=${image}`,
    'INPUT_COMPOSE-FILE': 'docker-compose.yml',
    'INPUT_HEALTH-TIMEOUT': '120s',
    'INPUT_MAX-PARALLEL': '0',
    INPUT_ROLLBACK: 'true',
    'INPUT_KEEP-RELEASES': '3',
    'INPUT_LOCK-TIMEOUT': '60s',
    'INPUT_LOCK-STALE-AFTER': '30m',
    'INPUT_ON-HOST-FAILURE': 'continue'
  }
  rmSync(usageFile, { force: true })
  const t = process.hrtime.bigint()
  const r = spawnSync(
    process.execPath,
    ['--import', PRELOAD, join(ROOT, 'dist/ssh-deploy/index.js')],
    { env: { ...env, GANTRY_BENCH_USAGE: usageFile }, encoding: 'utf8' }
  )
  const wall = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0) throw new Error(`ssh-deploy failed:\n${r.stdout.slice(-3000)}`)
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'))
  return {
    wall,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    rssMb: usage.maxRSS / 1024
  }
}

const ssh = (h, script) => onHost(sb, h, script)
const compose = readFileSync(sb.composeFile, 'utf8')
function naive(hosts, image) {
  const t = process.hrtime.bigint()
  for (const h of hosts)
    ssh(
      h,
      `cd naive && IMAGE=${image} docker-compose -p naive pull -q && IMAGE=${image} docker-compose -p naive up -d`
    )
  return Number(process.hrtime.bigint() - t) / 1e9
}

const images = [sb.images.v1, sb.images.v2]
// Both ways start from a running v1 on every host; they take turns on the same hosts' port, so
// each takes the app down before the other runs.
const prepareNaive = (hosts) =>
  hosts.forEach((h) =>
    ssh(
      h,
      `mkdir -p naive && cat > naive/docker-compose.yml <<'EOF'\n${compose}\nEOF\ncd naive && IMAGE=${images[0]} docker-compose -p naive up -d -q 2>/dev/null || IMAGE=${images[0]} docker-compose -p naive up -d`
    )
  )
const stop = (hosts, project) =>
  hosts.forEach((h) =>
    ssh(
      h,
      `ids=$(docker ps -aq --filter label=com.docker.compose.project=${project}); [ -z "$ids" ] || docker rm -f $ids >/dev/null`
    )
  )

/**
 * Every container on these hosts goes (whatever holds APP_ADDR would fail the deploy), and what
 * an interrupted run left of the bench's own (its release directories, a lock).
 */
const clearHosts = (hosts) =>
  hosts.forEach((h) =>
    ssh(
      h,
      'ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; rm -rf naive gantry/bench'
    )
  )

console.log(
  '| hosts | ssh-deploy (parallel, health-checked) | naive sequential ssh loop (no health check) | naive ÷ ssh-deploy | Gantry CPU (user+sys) | Gantry peak RSS |'
)
console.log('| --- | --- | --- | --- | --- | --- |')
const results = {}
for (const n of COUNTS) {
  const hosts = sb.hosts.slice(0, n)
  clearHosts(hosts)
  const runs = []
  const naiveRuns = []
  for (let run = 0; run < RUNS; run++) {
    stop(hosts, 'naive')
    gantry(hosts, images[0]) // v1 running, images cached: the timed run is an upgrade
    runs.push(gantry(hosts, images[1]))
    stop(hosts, 'bench')
    prepareNaive(hosts)
    naiveRuns.push(naive(hosts, images[1]))
    stop(hosts, 'naive')
  }
  const g = {
    wall: median(runs.map((r) => r.wall)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    rssMb: median(runs.map((r) => r.rssMb))
  }
  const nv = median(naiveRuns)
  results[n] = { ...g, naive: nv }
  console.log(
    `| ${n} | ${g.wall.toFixed(2)} s | ${nv.toFixed(2)} s | ${(nv / g.wall).toFixed(2)}x | ${g.cpuMs.toFixed(0)} ms | ${g.rssMb.toFixed(0)} MB |`
  )
}
const counts = Object.keys(results).map(Number)
const [first, last] = [Math.min(...counts), Math.max(...counts)]
if (results[1])
  console.log(
    `\nOne host: ssh-deploy ${results[1].wall.toFixed(2)} s against the naive ${results[1].naive.toFixed(2)} s (${(results[1].wall - results[1].naive).toFixed(2)} s more, health check and rollback bookkeeping included).`
  )
if (last > first) {
  const perHost = (results[last].cpuMs - results[first].cpuMs) / (last - first)
  console.log(
    `Gantry's CPU per extra host: ${perHost.toFixed(1)} ms (${first} → ${last} hosts); ${last} hosts cost ${(results[last].wall / results[first].wall).toFixed(2)}x the wall time of ${first}.`
  )
}
if (results[3]) console.log(`Peak RSS for 3 hosts: ${results[3].rssMb.toFixed(0)} MB.`)
clearHosts(sb.hosts.slice(0, last))
for (const h of sb.hosts) ssh(h, 'rm -rf naive gantry/bench')
restore()
