/**
 * `gantry agent` killed outright (SIGKILL: an OOM kill, a power cut) at several points of a
 * compose deploy and of a blue-green deploy behind the host's HAProxy, then started again, as
 * sandbox host h01's unprivileged user. After each restart, what a user would check: what serves
 * (HTTP on the app's port, or through the proxy), what GET /apps says is current, the job's
 * record, that the release before is still on the host, and that no lock is left. And a second
 * agent started on the same state directory refuses to start, changing nothing.
 *
 * The agent runs from the sources (the tsx loader and src/cli/index.ts), not the committed bundle.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { copyFileSync, readdirSync, rmSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { readSandbox } from '../sandbox/description.js'
import { onHost as onHostAs } from '../harness/hosts.js'
import {
  freePort,
  get,
  post,
  processesOf,
  pushAs,
  removeImages,
  startAgent,
  userDir,
  waitForJob,
  waitForState,
  writeUserFile,
  type AgentProcess
} from '../harness/agent.js'

const sandbox = readSandbox()
const host = sandbox.hosts[0]!
const ROOT = join(import.meta.dirname, '..', '..')
const CLI = [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
  join(ROOT, 'src', 'cli', 'index.ts')
]
const TOKEN = 'bearer-' + Math.random().toString(36).slice(2)
const HOOK = 'hook-' + Math.random().toString(36).slice(2)
const IMAGE = `${sandbox.registryNoAuth.url}/agent-faults`
const SHOP = { app: 'faultshop', addr: `${host.address}:8094` }
const BG = { app: 'faultbg', route: 'faultbg.test' }
// One sleep per kill point: the test finds the step it kills the agent in by it.
const HANG = { pre: 'sleep 611', post: 'sleep 612', bgPre: 'sleep 613', bgPublic: 'sleep 614' }
// A step that ends by itself, well within the agent's 30 s stop grace.
const SLOW = 'sleep 6.15'

let dir: string
let config: string
let port: number
let agent: AgentProcess

const onHost = (script: string) => onHostAs(sandbox, host, script)

function writeConfig(file: string, listen: number) {
  const secret = writeUserFile(host, join(dir, 'hook.secret'), `${HOOK}\n`)
  const bearer = writeUserFile(host, join(dir, 'bearer.secret'), `${TOKEN}\n`)
  const marker = (name: string) => `[ -e ${join(dir, name)} ]`
  const doc = {
    listen: `127.0.0.1:${listen}`,
    'state-dir': join(dir, 'state'),
    'token-file': bearer,
    'log-format': 'text',
    apps: {
      [SHOP.app]: {
        'compose-file': 'docker-compose.yml',
        image: IMAGE,
        tags: ['v*'],
        env: `APP_ADDR=${SHOP.addr}\n`,
        'health-url': `http://${SHOP.addr}/health`,
        'health-timeout': '30s',
        'lock-timeout': '30s',
        'pre-deploy': `if ${marker('hang-pre')}; then ${HANG.pre}; fi; if ${marker('slow-pre')}; then ${SLOW}; fi`,
        'post-deploy': `if ${marker('hang-post')}; then ${HANG.post}; fi`,
        triggers: { token: { 'secret-file': secret } }
      },
      [BG.app]: {
        'compose-file': 'docker-compose.blue-green.yml',
        image: IMAGE,
        tags: ['v*'],
        strategy: 'blue-green',
        'route-host': BG.route,
        'drain-timeout': '5s',
        'health-url': 'http://127.0.0.1/health',
        'health-timeout': '30s',
        'lock-timeout': '30s',
        'pre-deploy': `if ${marker('hang-bg-pre')}; then ${HANG.bgPre}; fi`,
        'post-deploy-test': `if [ "$GANTRY_TEST_PHASE" = public ] && ${marker('hang-bg-public')}; then ${HANG.bgPublic}; fi`,
        triggers: { token: { 'secret-file': secret } }
      }
    }
  }
  writeUserFile(host, file, JSON.stringify(doc, null, 2) + '\n', 0o640)
}

function marker(name: string, on: boolean) {
  const path = join(dir, name)
  if (on) writeUserFile(host, path, '', 0o644)
  else rmSync(path, { force: true })
}

const start = () => startAgent({ host, config, port, cli: CLI, readyMs: 90_000 })

async function deploy(app: string, tag: string) {
  // A nonce: the body is the delivery's id, and each delivery is a new one.
  const body = JSON.stringify({ tag, nonce: Math.random() })
  const r = await post(`${agent.url}/hooks/${app}?token=${HOOK}`, body, {
    'content-type': 'application/json'
  })
  if (r.status !== 202) throw new Error(`expected 202, got ${r.status} ${r.text}`)
  return r.json.job as string
}

async function waitForProcess(needle: string) {
  const deadline = Date.now() + 90_000
  while (processesOf(host.user, needle).length === 0) {
    if (Date.now() > deadline)
      throw new Error(`${needle} never started:\n${agent.log().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Kills the agent while `needle` runs in the deploy of `tag`, starts it again; the job's record. */
async function killDuring(app: string, tag: string, name: string, needle: string) {
  marker(name, true)
  const job = await deploy(app, tag)
  await waitForState(agent, TOKEN, job, 'running')
  await waitForProcess(needle)
  await agent.kill()
  marker(name, false)
  agent = await start()
  return waitForJob(agent, TOKEN, job, 120_000)
}

async function served(url: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/version`, { headers, timeout: 3000, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve(res.statusCode === 200 ? body.trim() : `HTTP ${res.statusCode}`))
    })
    req.on('error', (e) => resolve(`unreachable (${e.message})`))
    req.on('timeout', () => req.destroy(new Error('timeout')))
  })
}
const shopServes = () => served(`http://${SHOP.addr}`)
const bgServes = () => served(host.proxyUrl!, { host: BG.route })

async function current(app: string): Promise<string | undefined> {
  const r = await get(`${agent.url}/apps`, TOKEN)
  return (r.json.apps as { name: string; current?: string }[]).find((a) => a.name === app)?.current
}

/** The versions whose release directories are on the host. */
function kept(app: string): string[] {
  return onHost(
    `cat ~/gantry/${app}/releases/*/release.json 2>/dev/null | sed -n 's/.*"version":"\\([^@"]*\\).*/\\1/p' | sort -u`
  )
    .split('\n')
    .filter(Boolean)
}
const locked = (app: string) =>
  onHost(`[ -e ~/gantry/${app}/.lock ] && echo held || echo free`).trim()

function cleanApps() {
  const projects = [SHOP.app, `${BG.app}-blue`, `${BG.app}-green`, BG.app]
  onHost(
    `for p in ${projects.join(' ')}; do ids=$(docker ps -aq --filter label=com.docker.compose.project=$p); [ -z "$ids" ] || docker rm -f $ids >/dev/null; done; ` +
      `rm -rf ~/gantry/${SHOP.app} ~/gantry/${BG.app} ~/gantry-proxy/apps/${BG.app}.json ~/gantry-proxy/haproxy/maps/${BG.app}.map; true`
  )
}

beforeAll(async () => {
  cleanApps()
  dir = userDir(host, 'gantry-agent-faults-')
  config = join(dir, 'agent.yml')
  for (const file of ['docker-compose.yml', 'docker-compose.blue-green.yml'])
    copyFileSync(join(ROOT, 'test', 'sandbox', 'demo-app', file), join(dir, file))
  for (const tag of ['v1', 'v2'] as const)
    pushAs(sandbox.dockerHost, sandbox.images[tag], `${IMAGE}:${tag}`)
  port = await freePort()
  writeConfig(config, port)
  agent = await start()
}, 180_000)

afterAll(async () => {
  await agent?.stop()
  for (const needle of Object.values(HANG))
    for (const p of processesOf(host.user, needle)) process.kill(p.pid, 'SIGKILL')
  cleanApps()
  removeImages(host, /\/agent-faults$/)
  if (dir) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('compose: the agent killed mid-deploy and started again', () => {
  test('v1 deploys', async () => {
    const job = await waitForJob(agent, TOKEN, await deploy(SHOP.app, 'v1'))
    expect(job.state).toBe('succeeded')
    expect(await shopServes()).toBe('v1')
  }, 120_000)

  test('killed before `up` (in the pre-deploy hook): v1 serves, is current, nothing left locked', async () => {
    const job = await killDuring(SHOP.app, 'v2', 'hang-pre', HANG.pre)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(
      /^interrupted: the agent stopped during this run; v1@\S+ is current and healthy/
    )
    expect(job.after).toMatch(/^v1@/)
    expect(await shopServes()).toBe('v1')
    expect(await current(SHOP.app)).toMatch(/^v1@/)
    expect(kept(SHOP.app)).toContain('v1')
    expect(locked(SHOP.app)).toBe('free')
    expect(processesOf(host.user, HANG.pre)).toEqual([])
  }, 240_000)

  test('killed after the switch (in the post-deploy hook): v2 went live and is healthy, it stays; v1 kept', async () => {
    const job = await killDuring(SHOP.app, 'v2', 'hang-post', HANG.post)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(
      /v2@\S+ went live before the run was interrupted and is healthy: it stays/
    )
    expect(job.after).toMatch(/^v2@/)
    expect(await shopServes()).toBe('v2')
    expect(await current(SHOP.app)).toMatch(/^v2@/)
    expect(kept(SHOP.app)).toEqual(expect.arrayContaining(['v1', 'v2']))
    expect(locked(SHOP.app)).toBe('free')
    // The lock is free for real: the next deploy runs at once.
    const next = await waitForJob(agent, TOKEN, await deploy(SHOP.app, 'v1'))
    expect(next.state).toBe('succeeded')
    expect(await shopServes()).toBe('v1')
  }, 300_000)
})

describe('compose: the agent stopped as its systemd unit stops it', () => {
  // Emulated: this machine runs no systemd. The unit's KillMode=mixed sends SIGTERM to the
  // agent's main process alone and SIGKILL to what is left only after TimeoutStopSec (45 s), so
  // the running step is not signalled: the agent's 30 s grace is what applies.
  test('SIGTERM to the agent alone mid-step: the step and the deploy finish, the agent exits 0, nothing is left running', async () => {
    marker('slow-pre', true)
    try {
      const job = await deploy(SHOP.app, 'v2')
      await waitForState(agent, TOKEN, job, 'running')
      await waitForProcess(SLOW)
      process.kill(agent.pid, 'SIGTERM')
      const exit = await agent.exited
      expect(exit).toEqual({ code: 0, signal: null })
      expect(processesOf(host.user, SLOW)).toEqual([])
      expect(await shopServes()).toBe('v2')
      expect(locked(SHOP.app)).toBe('free')
      agent = await start()
      const record = await waitForJob(agent, TOKEN, job)
      expect(record.state).toBe('succeeded')
      expect(await current(SHOP.app)).toMatch(/^v2@/)
    } finally {
      marker('slow-pre', false)
    }
  }, 240_000)
})

describe('blue-green: the agent killed mid-deploy and started again', () => {
  test('v1 deploys behind the proxy', async () => {
    const job = await waitForJob(agent, TOKEN, await deploy(BG.app, 'v1'))
    expect(job.state).toBe('succeeded')
    expect(await bgServes()).toBe('v1')
  }, 120_000)

  test('killed before the switch (in the pre-deploy hook): v1 serves through the proxy and is current', async () => {
    const job = await killDuring(BG.app, 'v2', 'hang-bg-pre', HANG.bgPre)
    expect(job.state).toBe('failed')
    expect(job.after).toMatch(/^v1@/)
    expect(await bgServes()).toBe('v1')
    expect(await current(BG.app)).toMatch(/^v1@/)
    expect(locked(BG.app)).toBe('free')
  }, 240_000)

  test('killed right after the switch (its public test running): v2 stays live, current follows it, v1 kept', async () => {
    const job = await killDuring(BG.app, 'v2', 'hang-bg-public', HANG.bgPublic)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(
      /v2@\S+ went live before the run was interrupted and is healthy: it stays; current now names it/
    )
    expect(job.after).toMatch(/^v2@/)
    expect(await bgServes()).toBe('v2')
    expect(await current(BG.app)).toMatch(/^v2@/)
    expect(kept(BG.app)).toEqual(expect.arrayContaining(['v1', 'v2']))
    expect(locked(BG.app)).toBe('free')
    // No rollback job ran: the agent's log names none.
    expect(agent.log()).not.toMatch(/rolling back to v1/)
  }, 300_000)
})

describe('one agent per state directory', () => {
  test('a second agent on the same state directory refuses to start, naming it and the holder, and changes nothing', async () => {
    const other = join(dir, 'agent-2.yml')
    const otherPort = await freePort()
    writeConfig(other, otherPort)
    const state = join(dir, 'state')
    const before = readdirSync(state).sort()
    // It exits before it serves: startAgent's error carries its exit and what it printed.
    const refused = startAgent({ host, config: other, port: otherPort, cli: CLI })
    await expect(refused).rejects.toThrow(
      'the agent exited ({"code":1,"signal":null}) before serving'
    )
    await expect(refused).rejects.toThrow(
      `another gantry agent (pid ${agent.pid}) is using the state directory ${state}`
    )
    expect(readdirSync(state).sort()).toEqual(before)
    expect((await get(`${agent.url}/healthz`)).status).toBe(200)
  }, 60_000)
})
