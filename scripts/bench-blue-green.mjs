#!/usr/bin/env node
// Requests dropped by a deploy, side by side: `strategy: recreate` (compose replaces the
// container; the load goes straight to the app's port, as today), `blue-green` through HAProxy
// (runtime API switch) and `blue-green` through nginx (reload switch). Each: N deploys
// (v1 → v2 → v1 …, default 20, `--deploys N`) of the sandbox demo app to host h01 under a bounded
// loopback load of 16 keep-alive clients (GET /version and POST /cgi-bin/echo). Prints requests,
// failed requests (socket errors, timeouts, non-2xx), p50/p99 latency during the deploys and,
// for blue-green, the time from healthy to switched (from the deploy's log). Needs root and the
// sandbox; on a shared machine run it under the sandbox lock (flock /work/.sandbox.lock …).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../test/harness/hosts.js'
import { startLoad } from '../test/harness/load.js'

const ROOT = join(import.meta.dirname, '..')
const at = process.argv.indexOf('--deploys')
const DEPLOYS = at > 0 ? Number(process.argv[at + 1]) : 20
// `up` (idempotent): this checkout's sandbox code describes the proxies (proxyUrl, nginxUrl).
const sb = JSON.parse(
  spawnSync(process.execPath, [join(ROOT, 'test/sandbox/cli.js'), 'up', '--json', '--quiet'], {
    encoding: 'utf8'
  }).stdout
)
const host = sb.hosts[0]
const key = readFileSync(sb.ssh.privateKeyPath, 'utf8')
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-bg-'))
const blueGreenCompose = readFileSync(
  join(ROOT, 'test/sandbox/demo-app/docker-compose.blue-green.yml'),
  'utf8'
)
writeFileSync(join(work, 'blue-green.yml'), blueGreenCompose)
// The same app for recreate, bound to the host's APP_ADDR (its ssh session sets it).
writeFileSync(
  join(work, 'recreate.yml'),
  blueGreenCompose.replace('${GANTRY_ADDR:-}', '${APP_ADDR:?the host session sets APP_ADDR}')
)

function deploy(app, image, inputs) {
  for (const f of ['out', 'summary']) writeFileSync(join(work, f), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    INPUT_HOSTS: `${host.user}@${host.address}`,
    INPUT_KEY: key,
    'INPUT_KNOWN-HOSTS': host.knownHosts,
    INPUT_APP: app,
    INPUT_ENV: `IMAGE=${image}`,
    'INPUT_HEALTH-TIMEOUT': '60s',
    'INPUT_KEEP-RELEASES': '3',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]))
  }
  return new Promise((resolve, reject) => {
    const child = spawnAsync(process.execPath, [join(ROOT, 'dist/ssh-deploy/index.js')], env)
    child.then((r) =>
      r.code === 0
        ? resolve(r.stdout)
        : reject(new Error(`ssh-deploy failed:\n${r.stdout.slice(-3000)}`))
    )
  })
}

import { spawn } from 'node:child_process'
function spawnAsync(cmd, args, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env })
    let stdout = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stdout += d))
    child.on('close', (code) => resolve({ code, stdout }))
  })
}

const clean = (app) =>
  onHost(
    sb,
    host,
    `for p in ${app} ${app}-blue ${app}-green; do ids=$(docker ps -aq --filter label=com.docker.compose.project=$p); [ -z "$ids" ] || docker rm -f $ids >/dev/null; done; rm -rf ~/gantry/${app} ~/gantry-proxy/apps/${app}.json ~/gantry-proxy/haproxy/maps/${app}.map; true`
  )

const scenarios = [
  {
    name: 'recreate',
    app: 'benchrc',
    url: host.appUrl,
    inputs: { 'COMPOSE-FILE': 'recreate.yml' }
  },
  {
    name: 'blue-green, HAProxy (runtime API)',
    app: 'benchbg',
    url: host.proxyUrl,
    inputs: { 'COMPOSE-FILE': 'blue-green.yml', STRATEGY: 'blue-green', 'DRAIN-TIMEOUT': '10s' }
  },
  {
    name: 'blue-green, nginx (reload)',
    app: 'benchng',
    url: host.nginxUrl,
    inputs: {
      'COMPOSE-FILE': 'blue-green.yml',
      STRATEGY: 'blue-green',
      PROXY: 'nginx',
      'DRAIN-TIMEOUT': '10s'
    }
  }
]

const rows = []
for (const s of scenarios) {
  clean(s.app)
  await deploy(s.app, sb.images.v1, s.inputs)
  const load = startLoad({ url: s.url, clients: 16, paceMs: 40, maxMs: 590_000 })
  const switched = []
  try {
    for (let i = 0; i < DEPLOYS; i++) {
      const log = await deploy(s.app, i % 2 ? sb.images.v1 : sb.images.v2, s.inputs)
      const m = /switched to slot \w+ (\d+) ms after it was healthy/.exec(log)
      if (m) switched.push(Number(m[1]))
    }
  } finally {
    await load.stop()
  }
  const r = await load.done
  clean(s.app)
  switched.sort((a, b) => a - b)
  rows.push({
    ...s,
    r,
    switched: switched.length
      ? `${switched[Math.floor(switched.length / 2)]} ms (max ${switched.at(-1)} ms)`
      : 'n/a'
  })
}

console.log(
  `${DEPLOYS} deploys each to one host under 16 keep-alive clients (GET and POST), loopback:\n`
)
console.log('| strategy | requests | failed | failures | p50 | p99 | healthy → switched (median) |')
console.log('| --- | --- | --- | --- | --- | --- | --- |')
for (const { name, r, switched } of rows) {
  const kinds = Object.entries(r.failures)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ')
  console.log(
    `| ${name} | ${r.requests} | ${r.failed} | ${kinds || '—'} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${switched} |`
  )
}
rmSync(work, { recursive: true, force: true })
