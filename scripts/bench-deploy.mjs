#!/usr/bin/env node
// Deploy wall time to 1, 5 and 20 sandbox hosts: ssh-deploy (all hosts in parallel, health
// checked, locked) against the naive way (a sequential loop of OpenSSH
// `ssh host "docker-compose pull && docker-compose up -d"`, no health check). Each timed run is
// an upgrade (v1 → v2 or back) of an app already running, so both pull and recreate.
// Needs root and the sandbox; brings it to 20 hosts and back to its previous count.
import { execFileSync, spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../test/harness/hosts.js'

const ROOT = join(import.meta.dirname, '..')
const cli = (...args) =>
  execFileSync('node', [join(ROOT, 'test/sandbox/cli.js'), ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore']
  })
const before = JSON.parse(cli('status', '--json')).hosts.length
cli('up', '--hosts', '20')
const sb = JSON.parse(cli('status', '--json'))
const key = readFileSync(sb.ssh.privateKeyPath, 'utf8')
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-deploy-'))
copyFileSync(sb.composeFile, join(work, 'docker-compose.yml'))

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
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/ssh-deploy/index.js')], {
    env,
    encoding: 'utf8'
  })
  const s = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0) throw new Error(`ssh-deploy failed:\n${r.stdout.slice(-3000)}`)
  return s
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

console.log(
  '| hosts | ssh-deploy (parallel, health-checked) | naive sequential ssh loop (no health check) | naive ÷ ssh-deploy |'
)
console.log('| --- | --- | --- | --- |')
const results = {}
for (const n of [1, 5, 20]) {
  const hosts = sb.hosts.slice(0, n)
  stop(hosts, 'naive')
  gantry(hosts, images[0]) // v1 running, images cached: the timed run is an upgrade
  const g = gantry(hosts, images[1])
  stop(hosts, 'bench')
  prepareNaive(hosts)
  const nv = naive(hosts, images[1])
  stop(hosts, 'naive')
  results[n] = g
  console.log(`| ${n} | ${g.toFixed(1)} s | ${nv.toFixed(1)} s | ${(nv / g).toFixed(2)}x |`)
}
console.log(
  `\nssh-deploy to 20 hosts costs ${(results[20] / results[1]).toFixed(2)}x what 1 host costs (target: under 2x).`
)
for (const h of sb.hosts) ssh(h, 'rm -rf naive gantry/bench')
cli('up', '--hosts', String(before))
