#!/usr/bin/env node
// `gantry agent` (pull-mode deploys), measured on sandbox host h01 as its unprivileged user, the
// real CLI bundle, loopback only, every loop bounded in count and time:
//   1. webhook → deploy start: a GitHub-signed delivery until its job is running (K deploys);
//   2. the 202's latency while a deploy runs (target: p99 < 200 ms), 4 clients, M deliveries, each
//      resolved to a digest in the registry before it is answered;
//   3. forged deliveries rejected per second on one core (target ≥ 10 000/s): 401s per second of
//      the agent's own CPU time (and per wall second), with nothing run;
//   4. idle RSS and CPU of the agent;
//   5. the cost of polling N apps (CPU and RSS of an agent polling N tags every 5 s, the least).
// Needs root and the sandbox; on a shared machine run it under the sandbox lock.
import { execFileSync } from 'node:child_process'
import { chownSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  freePort,
  get,
  githubHeaders,
  githubPackageEvent,
  post,
  pushAs,
  removeImages,
  startAgent,
  userDir,
  userIds,
  waitForJob,
  waitForState,
  writeUserFile
} from '../test/harness/agent.js'
import { onHost } from '../test/harness/hosts.js'
import { sandboxUp } from './sandbox.mjs'

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name)
  return at > 0 ? Number(process.argv[at + 1]) : fallback
}
const DEPLOYS = arg('--deploys', 5)
const DURING = arg('--during', 400)
const FORGED_MS = arg('--forged-ms', 5000)
const POLL_APPS = arg('--poll-apps', 100)
const sb = sandboxUp()
const host = sb.hosts[0]
const APP = 'agentbench'
const ADDR = `${host.address}:8094`
const image = `${sb.registryNoAuth.url}/agent-bench`
const SECRET = 'bench-github-secret-' + process.pid
const TOKEN = 'bench-bearer-' + process.pid

const dir = userDir(host, 'gantry-bench-agent-')
copyFileSync(sb.composeFile, join(dir, 'docker-compose.yml'))
execFileSync('chmod', ['644', join(dir, 'docker-compose.yml')])
writeUserFile(host, join(dir, 'github.secret'), SECRET)
writeUserFile(host, join(dir, 'token'), TOKEN)
for (const tag of ['v1', 'v2']) pushAs(sb.dockerHost, sb.images[tag], `${image}:${tag}`)

const pct = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const ms = (x) => `${x.toFixed(x < 10 ? 1 : 0)} ms`
/** utime + stime of a process, in seconds (from /proc). */
const cpuSeconds = (pid) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return (Number(f[11]) + Number(f[12])) / 100
}
const rssMiB = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024
/** The agent node process: setpriv exec()s it, so it is the pid we started. */
const sleep = (t) => new Promise((r) => setTimeout(r, t))

function configFile(name, apps) {
  const file = join(dir, `${name}.yml`)
  writeUserFile(
    host,
    file,
    JSON.stringify({
      listen: `127.0.0.1:${apps.port}`,
      'state-dir': join(dir, `state-${name}`),
      'token-file': join(dir, 'token'),
      apps: apps.apps
    }),
    0o640
  )
  return file
}

const benchApp = {
  'compose-file': 'docker-compose.yml',
  image,
  tags: ['v*'],
  env: `APP_ADDR=${ADDR}\n`,
  'health-url': `http://${ADDR}/health`,
  'health-timeout': '20s',
  'keep-releases': 3,
  // A deploy that lasts while the 202s are measured.
  'pre-deploy': `if [ -e ${dir}/slow ]; then sleep 10; fi`,
  triggers: { github: { 'secret-file': join(dir, 'github.secret') } }
}

const cleanHost = () =>
  onHost(
    sb,
    host,
    `(cd ~/gantry/${APP}/current 2>/dev/null && docker-compose -p ${APP} -f compose.yml down -t 1 >/dev/null 2>&1); rm -rf ~/gantry/${APP}; true`
  )

cleanHost()
const port = await freePort()
const agent = await startAgent({
  host,
  config: configFile('main', { port, apps: { [APP]: benchApp } }),
  port
})
const hook = `${agent.url}/hooks/${APP}`
const delivery = (tag) => {
  const body = JSON.stringify(githubPackageEvent({ image, tag }))
  return { body, headers: githubHeaders(SECRET, 'registry_package', body) }
}
const rows = []
try {
  // 4. Idle first, before anything ran: RSS and CPU over 10 s.
  await sleep(2000)
  const c0 = cpuSeconds(agent.pid)
  await sleep(10_000)
  const idleCpu = ((cpuSeconds(agent.pid) - c0) / 10) * 100
  const idleRss = rssMiB(agent.pid)

  // 1. Webhook → deploy start, K deploys alternating v2/v1.
  const starts = []
  for (let i = 0; i < DEPLOYS; i++) {
    const d = delivery(i % 2 ? 'v1' : 'v2')
    const t0 = Date.now()
    const r = await post(hook, d.body, d.headers)
    if (r.status !== 202) throw new Error(`deploy ${i}: ${r.status} ${r.text}`)
    const job = await waitForJob(agent, TOKEN, r.json.job)
    if (job.state !== 'succeeded') throw new Error(`deploy ${i}: ${job.state} ${job.message}`)
    starts.push({ start: Date.parse(job.startedAt) - t0, total: Date.parse(job.endedAt) - t0 })
  }
  starts.sort((a, b) => a.start - b.start)
  rows.push([
    `webhook → deploy start (${DEPLOYS} deploys)`,
    `median ${ms(
      pct(
        starts.map((s) => s.start),
        50
      )
    )}, max ${ms(starts.at(-1).start)}`,
    `whole deploy median ${(
      pct(
        starts.map((s) => s.total).sort((a, b) => a - b),
        50
      ) / 1000
    ).toFixed(1)} s`
  ])

  // 2. The 202 while a deploy runs: 4 clients, DURING deliveries (each a distinct delivery id).
  writeUserFile(host, join(dir, 'slow'), '', 0o644)
  const first = await post(hook, delivery('v2').body, delivery('v2').headers)
  await waitForState(agent, TOKEN, first.json.job, 'running')
  const lat = []
  let statuses = {}
  let next = 0
  const deadline = performance.now() + 8000
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < DURING && performance.now() < deadline) {
        const d = delivery(next++ % 2 ? 'v1' : 'v2')
        const r = await post(hook, d.body, d.headers)
        statuses[r.status] = (statuses[r.status] ?? 0) + 1
        lat.push(r.ms)
      }
    })
  )
  rmSync(join(dir, 'slow'), { force: true })
  const stillRunning =
    (await get(`${agent.url}/apps`, TOKEN)).json.apps[0].running === first.json.job
  lat.sort((a, b) => a - b)
  rows.push([
    `202 while a deploy runs (${lat.length} deliveries, 4 clients)`,
    `p50 ${ms(pct(lat, 50))}, p99 ${ms(pct(lat, 99))}, max ${ms(lat.at(-1))} (target p99 < 200 ms)`,
    `answers ${JSON.stringify(statuses)}; the deploy still running at the end: ${stillRunning}`
  ])
  // Let the first and the one coalesced run finish.
  const apps = async () => (await get(`${agent.url}/apps`, TOKEN)).json.apps[0]
  for (let a = await apps(), t = Date.now(); a.running || a.waiting; a = await apps()) {
    if (Date.now() - t > 120_000) throw new Error('the coalesced runs did not finish')
    await sleep(500)
  }

  // 3. Forged deliveries: keep-alive clients for FORGED_MS; 401s per CPU second of the agent.
  const before = (await apps()).last?.job
  const containersBefore = execFileSync('docker', ['ps', '-aq', '--no-trunc'], {
    env: { ...process.env, DOCKER_HOST: host.dockerHost },
    encoding: 'utf8'
  })
  const body = delivery('v1').body
  const forgedHeaders = { ...githubHeaders('forged', 'registry_package', body) }
  const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 32 })
  let rejected = 0
  let other = 0
  const one = () =>
    new Promise((resolve) => {
      const req = http.request(
        hook,
        {
          method: 'POST',
          agent: keepAlive,
          headers: { ...forgedHeaders, 'content-length': Buffer.byteLength(body) }
        },
        (res) => {
          res.resume()
          res.on('end', () => {
            if (res.statusCode === 401) rejected++
            else other++
            resolve()
          })
        }
      )
      req.on('error', () => {
        other++
        resolve()
      })
      req.end(body)
    })
  const cpu0 = cpuSeconds(agent.pid)
  const t0 = performance.now()
  const stopAt = t0 + FORGED_MS
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (performance.now() < stopAt && rejected + other < 500_000) await one()
    })
  )
  const wall = (performance.now() - t0) / 1000
  const cpu = cpuSeconds(agent.pid) - cpu0
  keepAlive.destroy()
  const after = (await apps()).last?.job
  const containersAfter = execFileSync('docker', ['ps', '-aq', '--no-trunc'], {
    env: { ...process.env, DOCKER_HOST: host.dockerHost },
    encoding: 'utf8'
  })
  rows.push([
    `forged deliveries (32 keep-alive clients, ${(FORGED_MS / 1000).toFixed(0)} s)`,
    `${Math.round(rejected / cpu)} rejected per agent CPU second (target ≥ 10 000); ${Math.round(rejected / wall)}/s wall`,
    `${rejected} × 401, ${other} other; agent CPU ${cpu.toFixed(2)} s of ${wall.toFixed(1)} s; jobs started: ${after === before ? 0 : 'some!'}, containers changed: ${containersAfter === containersBefore ? 'no' : 'YES'}`
  ])
  rows.push([
    'idle agent (1 app, 10 s)',
    `RSS ${idleRss.toFixed(0)} MiB, CPU ${idleCpu.toFixed(2)} %`,
    ''
  ])
} finally {
  await agent.stop()
  cleanHost()
}

// 5. Polling N apps, in the steady state: each polls a tag whose digest it has already seen (its
// poll.json seeded with it), so each round is one manifest request per app and nothing deploys.
const pollPort = await freePort()
const pollApps = {}
const v1Digest = pushAs(sb.dockerHost, sb.images.v1, `${image}:v1`)
for (let i = 0; i < POLL_APPS; i++)
  pollApps[`poll${i}`] = {
    'compose-file': 'docker-compose.yml',
    image,
    tags: ['v1'],
    env: `APP_ADDR=${host.address}:${9100 + i}\n`,
    triggers: { poll: { interval: '5s', jitter: 0.1 } }
  }
{
  const state = join(dir, `state-poll-${pollPort}`)
  mkdirSync(state, { mode: 0o700 })
  chownSync(state, userIds(host.user).uid, userIds(host.user).gid)
  const seen = Object.fromEntries(Object.keys(pollApps).map((a) => [a, { v1: v1Digest }]))
  writeUserFile(host, join(state, 'poll.json'), JSON.stringify(seen) + '\n')
}
const idlePort = await freePort()
const measured = []
for (const [label, p, apps] of [
  ['0 apps polled', idlePort, { idle: { ...benchApp } }],
  [`${POLL_APPS} apps polled every 5 s`, pollPort, pollApps]
]) {
  const a = await startAgent({ host, config: configFile(`poll-${p}`, { port: p, apps }), port: p })
  try {
    await sleep(3000)
    // A guard: should the poller deploy after all, stop at once rather than run N deploys.
    if (/ running /.test(a.log())) throw new Error(`the poller started runs:\n${a.log()}`)
    const c0 = cpuSeconds(a.pid)
    await sleep(15_000)
    measured.push([label, ((cpuSeconds(a.pid) - c0) / 15) * 100, rssMiB(a.pid), a.log()])
  } finally {
    await a.stop()
  }
}
const [base, polled] = measured
const deployed = (polled[3].match(/ running /g) ?? []).length
rows.push([
  `polling ${POLL_APPS} apps (5 s interval, 15 s)`,
  `CPU ${polled[1].toFixed(2)} % (vs ${base[1].toFixed(2)} % with none), RSS ${polled[2].toFixed(0)} MiB (vs ${base[2].toFixed(0)} MiB)`,
  `≈ ${POLL_APPS / 5} manifest requests per second; runs started: ${deployed}`
])
onHost(
  sb,
  host,
  `for d in ~/gantry/poll*; do [ -d "$d" ] || continue; a=$(basename "$d"); (cd "$d/current" 2>/dev/null && docker-compose -p "$a" -f compose.yml down -t 1 >/dev/null 2>&1); rm -rf "$d"; done; true`
)
removeImages(host, /\/agent-bench$/)
rmSync(dir, { recursive: true, force: true })

console.log(`gantry agent on ${host.user}@${host.address} (node ${process.version}), loopback:\n`)
console.log('| measure | result | notes |')
console.log('| --- | --- | --- |')
for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`)
