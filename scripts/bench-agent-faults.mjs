#!/usr/bin/env node
// Recovery after `gantry agent` is killed mid-deploy (SIGKILL: an OOM kill, a power cut) and
// started again, on sandbox host h01 as its unprivileged user, the agent run from the sources
// (tsx, as test/integration/agent-faults.test.ts runs it: no bundle needed). For a compose app
// and a blue-green app behind the host's HAProxy, killed before the switch and after it, K runs
// each: a deploy of the version that does not serve, the agent killed while that deploy's hook
// hangs, started again; measured from the restart: (a) the interrupted job recorded (recovery
// done: the agent serves only after it), (b) what serves answering /version and /health.
// Counted: redeploys (recovery rolled back while the release that served was healthy; target
// 0) and invariant violations: what serves is one of the two releases, the job record and
// GET /apps name it, the release that served before is still on the host, no lock, no hook left.
// Target: serving and healthy within the apps' health timeout (30 s). Every loop bounded.
// Needs root and the sandbox; on a shared machine run it under the sandbox lock.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import {
  freePort,
  get,
  processesOf,
  pushAs,
  removeImages,
  ROOT,
  SOURCES_CLI,
  startAgent,
  userDir,
  waitForJob,
  writeUserFile
} from '../test/harness/agent.js'
import {
  cleanFaultApps,
  copyComposeFiles,
  deliver,
  faultApps,
  fetchText,
  HANG,
  keptReleases,
  killDuring,
  lockState,
  served
} from '../test/harness/agent-faults.js'
import { sandboxUp } from './sandbox.mjs'

const at = process.argv.indexOf('--runs')
const RUNS = at > 0 ? Number(process.argv[at + 1]) : 3
const HEALTH_TIMEOUT_MS = 30_000
const sb = sandboxUp()
const host = sb.hosts[0]
const APPS = {
  shop: { app: 'benchfaultshop', addr: `${host.address}:8095` },
  bg: { app: 'benchfaultbg', route: 'benchfaultbg.test' }
}
const image = `${sb.registryNoAuth.url}/agent-bench-faults`
const TOKEN = 'bench-bearer-' + process.pid
const SECRET = 'bench-hook-' + process.pid
const VERSIONS = ['v1', 'v2']

/** Where each app serves: its URL and the Host header the proxy routes on. */
const WHERE = {
  [APPS.shop.app]: { url: `http://${APPS.shop.addr}`, headers: {} },
  [APPS.bg.app]: { url: host.proxyUrl, headers: { host: APPS.bg.route } }
}
const SCENARIOS = [
  { label: 'compose, killed before `up` (pre-deploy hook)', app: APPS.shop.app, point: 'pre' },
  {
    label: 'compose, killed after the switch (post-deploy hook)',
    app: APPS.shop.app,
    point: 'post'
  },
  {
    label: 'blue-green, killed before the switch (pre-deploy hook)',
    app: APPS.bg.app,
    point: 'bgPre'
  },
  {
    label: 'blue-green, killed after the switch (public test)',
    app: APPS.bg.app,
    point: 'bgPublic'
  }
]

const sleep = (t) => new Promise((r) => setTimeout(r, t))
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
const ms = (x) => `${Math.round(x)} ms`

/** What serves `app` and whether it answers its health check. */
async function look(app) {
  const { url, headers } = WHERE[app]
  const [version, health] = await Promise.all([
    served(url, headers),
    fetchText(url, '/health', headers)
  ])
  return { version, healthy: health.startsWith('ok ') }
}

/**
 * From the restart on: polls what serves until a release answers healthy (bounded); the time it
 * took, and what served healthy at the restart (a rollback then is a redeploy).
 */
async function untilServingHealthy(app, t0) {
  const first = await look(app)
  for (let now = first; ; now = await look(app)) {
    if (VERSIONS.includes(now.version) && now.healthy) return { ms: performance.now() - t0, first }
    if (performance.now() - t0 > 2 * HEALTH_TIMEOUT_MS) return { ms: Infinity, first }
    await sleep(50)
  }
}

const dir = userDir(host, 'gantry-bench-agent-faults-')
cleanFaultApps(sb, host, APPS)
copyComposeFiles(ROOT, dir)
for (const tag of VERSIONS) pushAs(sb.dockerHost, sb.images[tag], `${image}:${tag}`)
const port = await freePort()
const config = join(dir, 'agent.yml')
writeUserFile(
  host,
  config,
  JSON.stringify({
    listen: `127.0.0.1:${port}`,
    'state-dir': join(dir, 'state'),
    'token-file': writeUserFile(host, join(dir, 'token'), TOKEN),
    'log-format': 'text',
    apps: faultApps({
      dir,
      image,
      secretFile: writeUserFile(host, join(dir, 'hook.secret'), SECRET),
      ...APPS
    })
  }),
  0o640
)
const start = () => startAgent({ host, config, port, cli: SOURCES_CLI, readyMs: 90_000 })

/** One kill and restart in a deploy of the version that does not serve; what was measured. */
async function killOnce(agent, { app, point }) {
  const live = (await look(app)).version
  const tag = VERSIONS.find((v) => v !== live)
  const killed = await killDuring({
    host,
    dir,
    agent,
    start,
    token: TOKEN,
    secret: SECRET,
    app,
    tag,
    point,
    whileStarting: () => untilServingHealthy(app, performance.now())
  })
  const job = await waitForJob(killed.agent, TOKEN, killed.job, 120_000)
  const recorded = performance.now() - killed.restartedAt
  const now = await look(app)
  const current = (await get(`${killed.agent.url}/apps`, TOKEN)).json.apps.find(
    (a) => a.name === app
  )?.current
  const name = (release) => release?.split('@')[0]
  const violations = [
    !VERSIONS.includes(now.version) && `serves ${now.version}`,
    !now.healthy && `${now.version} is not healthy`,
    name(current) !== now.version && `GET /apps names ${current}, ${now.version} serves`,
    name(job.after) !== now.version && `the job names ${job.after}, ${now.version} serves`,
    !keptReleases(sb, host, app).includes(live) && `${live}'s release is gone`,
    lockState(sb, host, app) !== 'free' && 'the lock is still held',
    processesOf(host.user, HANG[point]).length > 0 && 'the killed hook still runs'
  ].filter(Boolean)
  const rolledBack = /rolling back to|bringing it back up/.test(job.message ?? '')
  return {
    agent: killed.agent,
    recorded,
    healthy: killed.during.ms,
    served: now.version === tag ? 'the new' : now.version === live ? 'the old' : now.version,
    redeploy: rolledBack && killed.during.first.healthy,
    violations
  }
}

const rows = []
let agent = await start()
let cleanRestart
try {
  for (const s of SCENARIOS) {
    if (!VERSIONS.includes((await look(s.app)).version)) {
      const first = await waitForJob(agent, TOKEN, await deliver(agent, s.app, SECRET, 'v1'))
      if (first.state !== 'succeeded') throw new Error(`${s.app}: v1 failed: ${first.message}`)
    }
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      const run = await killOnce(agent, s)
      agent = run.agent
      runs.push(run)
    }
    rows.push({ ...s, runs })
  }
  // The reference: a restart with nothing to recover (the same sources, the same start).
  await agent.stop()
  const t0 = performance.now()
  agent = await start()
  cleanRestart = performance.now() - t0
} finally {
  await agent.stop()
  cleanFaultApps(sb, host, APPS)
  removeImages(host, /\/agent-bench-faults$/)
  rmSync(dir, { recursive: true, force: true })
}

console.log(
  `gantry agent (from the sources, tsx) on ${host.user}@${host.address}, SIGKILLed mid-deploy and started again, ${RUNS} runs per scenario; times from the restart:\n`
)
console.log(
  '| scenario | → job recorded (recovery done), median / max | → serving and healthy, median / max | what serves after | redeploys | invariant violations |'
)
console.log('| --- | --- | --- | --- | --- | --- |')
const all = rows.flatMap((r) => r.runs)
for (const { label, runs } of rows) {
  const recorded = runs.map((r) => r.recorded)
  const healthy = runs.map((r) => r.healthy)
  const servedAfter = [...new Set(runs.map((r) => r.served))].join(', ')
  console.log(
    `| ${label} | ${ms(median(recorded))} / ${ms(Math.max(...recorded))} | ${ms(median(healthy))} / ${ms(Math.max(...healthy))} | ${servedAfter} release | ${runs.filter((r) => r.redeploy).length} | ${runs.reduce((n, r) => n + r.violations.length, 0)} |`
  )
}
const worst = Math.max(...all.map((r) => Math.max(r.recorded, r.healthy)))
console.log(
  `\nA restart with nothing to recover: ${ms(cleanRestart)} (the agent compiles its sources at start). ` +
    `Slowest recovery ${ms(worst)} (target: within the health timeout, ${HEALTH_TIMEOUT_MS / 1000} s); ` +
    `redeploys ${all.filter((r) => r.redeploy).length} (target 0); invariant violations ${all.reduce((n, r) => n + r.violations.length, 0)} (target 0).`
)
for (const { label, runs } of rows)
  for (const [i, r] of runs.entries())
    if (r.violations.length) console.log(`- ${label}, run ${i + 1}: ${r.violations.join('; ')}`)
if (worst > HEALTH_TIMEOUT_MS || all.some((r) => r.redeploy || r.violations.length))
  process.exitCode = 1
