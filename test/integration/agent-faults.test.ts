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
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import {
  freePort,
  get,
  processesOf,
  pushAs,
  removeImages,
  ROOT,
  SOURCES_CLI as CLI,
  startAgent,
  userDir,
  waitForJob,
  waitForState,
  writeUserFile,
  type AgentProcess
} from '../harness/agent.js'
import {
  cleanFaultApps,
  copyComposeFiles,
  deliver,
  faultApps,
  HANG,
  keptReleases,
  killDuring as killAgentDuring,
  lockState,
  served,
  SLOW,
  waitForProcess,
  type KillPoint
} from '../harness/agent-faults.js'

const sandbox = readSandbox()
const host = sandbox.hosts[0]!
const TOKEN = 'bearer-' + Math.random().toString(36).slice(2)
const HOOK = 'hook-' + Math.random().toString(36).slice(2)
const IMAGE = `${sandbox.registryNoAuth.url}/agent-faults`
const SHOP = { app: 'faultshop', addr: `${host.address}:8094` }
const BG = { app: 'faultbg', route: 'faultbg.test' }

let dir: string
let config: string
let port: number
let agent: AgentProcess

function writeConfig(file: string, listen: number) {
  const secretFile = writeUserFile(host, join(dir, 'hook.secret'), `${HOOK}\n`)
  const doc = {
    listen: `127.0.0.1:${listen}`,
    'state-dir': join(dir, 'state'),
    'token-file': writeUserFile(host, join(dir, 'bearer.secret'), `${TOKEN}\n`),
    'log-format': 'text',
    apps: faultApps({ dir, image: IMAGE, secretFile, shop: SHOP, bg: BG })
  }
  writeUserFile(host, file, JSON.stringify(doc, null, 2) + '\n', 0o640)
}

const start = () => startAgent({ host, config, port, cli: CLI, readyMs: 90_000 })
const deploy = (app: string, tag: string) => deliver(agent, app, HOOK, tag)

/** Kills the agent while the hook of `point` runs in the deploy of `tag`, starts it again; the job's record. */
async function killDuring(app: string, tag: string, point: KillPoint) {
  const killed = await killAgentDuring({
    host,
    dir,
    agent,
    start,
    token: TOKEN,
    secret: HOOK,
    app,
    tag,
    point
  })
  agent = killed.agent
  return waitForJob(agent, TOKEN, killed.job, 120_000)
}

const shopServes = () => served(`http://${SHOP.addr}`)
const bgServes = () => served(host.proxyUrl!, { host: BG.route })

async function current(app: string): Promise<string | undefined> {
  const r = await get(`${agent.url}/apps`, TOKEN)
  return (r.json.apps as { name: string; current?: string }[]).find((a) => a.name === app)?.current
}

const kept = (app: string) => keptReleases(sandbox, host, app)
const locked = (app: string) => lockState(sandbox, host, app)
const cleanApps = () => cleanFaultApps(sandbox, host, { shop: SHOP, bg: BG })

beforeAll(async () => {
  cleanApps()
  dir = userDir(host, 'gantry-agent-faults-')
  config = join(dir, 'agent.yml')
  copyComposeFiles(ROOT, dir)
  for (const tag of ['v1', 'v2'] as const)
    pushAs(sandbox.dockerHost, sandbox.images[tag], `${IMAGE}:${tag}`)
  port = await freePort()
  writeConfig(config, port)
  agent = await start()
}, 180_000)

afterAll(async () => {
  await agent?.stop()
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
    const job = await killDuring(SHOP.app, 'v2', 'pre')
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
    const job = await killDuring(SHOP.app, 'v2', 'post')
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
    const marker = writeUserFile(host, join(dir, SLOW.marker), '', 0o644)
    try {
      const job = await deploy(SHOP.app, 'v2')
      await waitForState(agent, TOKEN, job, 'running')
      await waitForProcess(host, SLOW.step, agent)
      process.kill(agent.pid, 'SIGTERM')
      expect(await agent.exited).toEqual({ code: 0, signal: null })
      expect(processesOf(host.user, SLOW.step)).toEqual([])
      expect(await shopServes()).toBe('v2')
      expect(locked(SHOP.app)).toBe('free')
      agent = await start()
      expect((await waitForJob(agent, TOKEN, job)).state).toBe('succeeded')
      expect(await current(SHOP.app)).toMatch(/^v2@/)
    } finally {
      rmSync(marker, { force: true })
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
    const job = await killDuring(BG.app, 'v2', 'bgPre')
    expect(job.state).toBe('failed')
    expect(job.after).toMatch(/^v1@/)
    expect(await bgServes()).toBe('v1')
    expect(await current(BG.app)).toMatch(/^v1@/)
    expect(locked(BG.app)).toBe('free')
  }, 240_000)

  test('killed right after the switch (its public test running): v2 stays live, current follows it, v1 kept', async () => {
    const job = await killDuring(BG.app, 'v2', 'bgPublic')
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
