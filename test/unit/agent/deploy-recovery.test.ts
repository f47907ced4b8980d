/**
 * Recovery after an agent stopped mid-run: the decisions (pure), then the whole pass over a
 * state directory against a scripted host: the lock released only when the run's token holds
 * it, the job marked failed, the release before brought back when it is not the one serving.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig, RunResult } from '../../../src/agent/contract.js'
import { createDeployer, runFilePath, type RunFile } from '../../../src/agent/deployer.js'
import { decideRecovery, INTERRUPTED, recoverInterrupted } from '../../../src/agent/recovery.js'
import { endGroup, identify, type ProcessIdentity } from '../../../src/agent/processes.js'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { answerFor, scriptedRunner, type Answers } from '../../../src/deploy/runners/scripted.js'
import { instantClock } from '../../../src/lib/clock.js'

const T0 = 1_795_000_000_000
const NOW = Math.floor(T0 / 1000)
const V1 = '20261122T162000Z-v1-aaaa'
const V2 = '20261122T163000Z-v2-cccc'

describe('decideRecovery', () => {
  const facts = { before: 'v1', attempted: 'v2', recorded: true }
  test.each([
    [{ ...facts, serving: 'v1', healthy: true }, 'keep', 'v1 is current and healthy'],
    [
      { ...facts, serving: 'v2', healthy: true },
      'keep',
      'v2 went live before the run was interrupted and is healthy: it stays'
    ],
    [
      { ...facts, serving: 'v2', healthy: true, recorded: false },
      'record',
      'v2 went live before the run was interrupted and is healthy: it stays; current now names it'
    ],
    [
      { ...facts, serving: 'v2', healthy: false, healthDetail: 'no containers' },
      'rollback',
      'v2 serves, not v1 as before the run (and it is not healthy: no containers): rolling back to v1'
    ],
    [
      { ...facts, attempted: 'v3', serving: 'v2', healthy: true },
      'rollback',
      'v2 serves, not v1 as before the run: rolling back to v1'
    ],
    [
      {
        ...facts,
        serving: 'v1',
        healthy: false,
        healthDetail: 'service web is exited (exit code 1)'
      },
      'rollback',
      'v1 is current but not healthy (service web is exited (exit code 1)): bringing it back up'
    ],
    [
      { ...facts, serving: undefined, healthy: false },
      'rollback',
      'nothing serves, not v1 as before the run: rolling back to v1'
    ],
    [
      { ...facts, before: undefined, serving: 'v2', healthy: true },
      'keep',
      'no release ran before the interrupted run; v2 serves and is healthy'
    ]
  ])('%j → %s', (f, action, message) => {
    expect(decideRecovery(f)).toEqual({ action, message })
  })
})

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-recovery-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const app: AppConfig = {
  name: 'shop',
  target: 'compose',
  strategy: 'recreate',
  inputs: { path: '/srv/gantry/shop' },
  image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
  tags: ['v*'],
  stepTimeoutMs: 600_000,
  triggers: { token: { secret: 's' } },
  notify: []
}

async function leaveRunFile(
  token: string,
  before?: string,
  groups?: ProcessIdentity[],
  more: Partial<RunFile> = {}
) {
  await mkdir(join(dir, 'runs'), { recursive: true })
  await writeFile(
    runFilePath(dir, 'shop'),
    JSON.stringify({
      job: 'aaaabbbbccccdddd',
      token,
      before,
      startedAt: new Date(T0).toISOString(),
      pid: 1,
      groups,
      ...more
    })
  )
}

/** Running, not a zombie (this machine's PID 1 reaps orphans late). */
const alive = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

function recover(answers: Answers, options: { app?: AppConfig; stopping?: () => boolean } = {}) {
  const host = scriptedRunner(answers)
  const deployer = createDeployer({
    stateDir: dir,
    configDir: dir,
    clock: instantClock(T0),
    pollMs: 10,
    connect: async () => host
  })
  const ended: [string, RunResult][] = []
  const jobs: string[] = []
  const run = recoverInterrupted({
    stateDir: dir,
    apps: [options.app ?? app],
    deployer,
    endJob: async (id, result) => {
      ended.push([id, result])
    },
    onJob: (job) =>
      jobs.push(`${job.request.kind === 'rollback' ? job.request.to : ''} ${job.state}`),
    log: () => {},
    clock: instantClock(T0),
    stopping: options.stopping
  })
  return { host, run, ended, jobs }
}

const hostWith = (current: string, extra: Answers = {}): Answers => ({
  inspect: `compose=docker compose\nnow=${NOW}\ncurrent=${current}\nrelease=${V1}\nrelease=${V2}\n`,
  'read current release': `{"version":"${current === V1 ? 'v1' : 'v2'}"}\n`,
  'read release': '{"version":"v1"}\n',
  status: 'web running healthy 0\n',
  lock: 'acquired\n',
  '*': '',
  ...extra
})

describe('recoverInterrupted', () => {
  test('current is the release before and healthy: the lock of that run released, the job failed, nothing rolled back', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run, ended, jobs } = recover(
      hostWith(V1, { 'read lock': '{"token":"tok-of-the-run","actor":"gantry agent"}\n' })
    )
    const [done] = await run
    expect(done).toMatchObject({
      app: 'shop',
      job: 'aaaabbbbccccdddd',
      lockReleased: true,
      message: 'v1 is current and healthy'
    })
    expect(ended).toEqual([
      [
        'aaaabbbbccccdddd',
        {
          state: 'failed',
          before: 'v1',
          after: 'v1',
          message: `${INTERRUPTED}; v1 is current and healthy`
        }
      ]
    ])
    const unlock = host.ran.find((s) => s.name === 'unlock')
    expect(unlock?.script).toContain('tok-of-the-run')
    expect(jobs).toEqual([])
    expect(existsSync(runFilePath(dir, 'shop'))).toBe(false)
  })

  test("another deploy's lock is left alone", async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run } = recover(
      hostWith(V1, { 'read lock': '{"token":"someone-else","actor":"octocat"}\n' })
    )
    const [done] = await run
    expect(done?.lockReleased).toBe(false)
    // The unlock step removes the lock only when it holds this token (the session's own step).
    expect(host.ran.find((s) => s.name === 'unlock')?.script).toMatch(
      /grep -q .*tok-of-the-run.*then rm -rf/
    )
  })

  test('the interrupted run had switched current: rolled back to the release before', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { host, run, jobs } = recover(hostWith(V2))
    const [done] = await run
    expect(done?.message).toContain('v2 serves, not v1 as before the run: rolling back to v1')
    expect(done?.rollback?.result).toMatchObject({ state: 'succeeded', after: 'v1' })
    expect(jobs).toEqual(['v1 running', 'v1 succeeded'])
    expect(host.ran.filter((s) => s.name === 'up').at(-1)?.script).toContain(`releases/${V1}`)
  })

  test('current is the release before but its container exited: brought back up', async () => {
    await leaveRunFile('tok-of-the-run', 'v1')
    const { run } = recover(
      hostWith(V1, {
        // Recovery's look: exited (a failure at once); the rollback's `up` brings it back.
        status: ['web exited unhealthy 1\n', 'web running healthy 0\n']
      })
    )
    const [done] = await run
    expect(done?.message).toContain('v1 is current but not healthy (service web is unhealthy)')
    expect(done?.rollback?.result.state).toBe('succeeded')
  })

  test('a step the killed agent left running is stopped, its whole process group', async () => {
    // What an agent killed outright leaves: a step's shell in its own group, with a child.
    const orphan = spawn('sh', ['-c', 'sleep 100 & echo $!; sleep 100'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore']
    })
    const child = Number(
      await new Promise<string>((resolve) =>
        orphan.stdout.once('data', (d: Buffer) => resolve(d.toString()))
      )
    )
    const id = identify(orphan.pid as number)
    expect(id).toBeDefined()
    await leaveRunFile('tok-of-the-run', 'v1', [id as ProcessIdentity])
    const { run } = recover(hostWith(V1))
    await run
    await new Promise((r) => setTimeout(r, 200))
    expect(alive(orphan.pid as number)).toBe(false)
    expect(alive(child)).toBe(false)
  })

  test('a recorded group whose pid now belongs to another process is left alone', async () => {
    const me = identify(process.pid) as ProcessIdentity
    expect(await endGroup({ ...me, start: '1' }, instantClock(T0))).toBe(false)
    expect(alive(process.pid)).toBe(true)
  })
})

/**
 * A host that keeps state, as far as recovery can change it: `current`, the release each compose
 * project runs, the lock, which releases are healthy. Steps change it as the real ones would.
 */
interface Model {
  current?: string
  /** By compose project: the release its containers run. */
  running: Record<string, string | undefined>
  lock?: string
  healthy: Set<string>
  /** The proxy record's live slot (blue-green), with the release labels of the slots. */
  live?: 'blue' | 'green'
  slots?: Partial<Record<'blue' | 'green', string>>
}
const versionOfRelease = (release?: string) =>
  release === V1 ? 'v1' : release === V2 ? 'v2' : undefined
const releaseIn = (script: string) => [V1, V2].find((r) => script.includes(`releases/${r}`))
const projectIn = (script: string) =>
  /(?:com\.docker\.compose\.project=|-p ')?(shop(?:-blue|-green)?)\b/.exec(
    script.replace(/.*releases\/[^ ]+/, '')
  )?.[1] ?? 'shop'

function modelHost(m: Model): Answers {
  const proxy = () => {
    const record = JSON.stringify({
      app: 'shop',
      proxy: 'haproxy',
      route: {},
      ports: { blue: 20000, green: 20001 },
      ...(m.live ? { live: m.live } : {}),
      releases: m.slots ?? {}
    })
    return `home=/home/deploy\ntool=haproxy\ntool=socat\ntool=curl\nrunning=yes\nrecords=1\n#host\n#records\n${record}\n`
  }
  return {
    inspect: () =>
      `compose=docker compose\nnow=${NOW}\n${m.current ? `current=${m.current}\n` : ''}release=${V1}\nrelease=${V2}\n` +
      (m.live ? `#gantry-proxy\n${proxy()}` : ''),
    'inspect proxy': () => proxy(),
    'read current release': () =>
      m.current ? `{"version":"${versionOfRelease(m.current)}"}\n` : '',
    'read release': (step) => `{"version":"${versionOfRelease(releaseIn(step.script))}"}\n`,
    'read lock': () => (m.lock ? `{"token":"${m.lock}"}\n` : ''),
    unlock: (step) => {
      if (m.lock && step.script.includes(m.lock)) m.lock = undefined
      return ''
    },
    lock: (step) => {
      if (m.lock)
        return {
          code: 75,
          stdout: `held\nnow=${NOW}\nsince=${NOW}\nowner={"token":"${m.lock}"}\n`
        }
      m.lock = (JSON.parse(step.stdin ?? '{}') as { token: string }).token
      return 'acquired\n'
    },
    up: (step) => {
      m.running[projectIn(step.script)] = releaseIn(step.script)
      return ''
    },
    'running release': (step) => {
      const release = m.running[projectIn(step.script)]
      return release ? `/srv/gantry/shop/releases/${release}\n` : ''
    },
    status: (step) => {
      const release = m.running[projectIn(step.script)]
      if (!release) return ''
      return `web running ${m.healthy.has(release) ? 'healthy' : 'unhealthy'} 0\n`
    },
    'switch current': (step) => {
      m.current = releaseIn(step.script)
      return ''
    },
    'proxy: switch': (step) => {
      m.live = /slot (blue|green)/.exec(step.name)?.[1] as 'blue' | 'green'
      return ''
    },
    probe: (step) => {
      const slot = (step.stdin ?? '').includes('X-Gantry-Preview')
        ? m.live === 'blue'
          ? 'green'
          : 'blue'
        : m.live
      return `status=200\nrelease=${versionOfRelease(m.running[`shop-${slot}`]) ?? ''}\n`
    },
    drain: 'sessions=0\n',
    '*': ''
  }
}

/** Each connection its own runner (a lost one stays lost), all answering from one host. */
function recoverOn(answers: Answers, options: { app?: AppConfig } = {}) {
  const ran: string[] = []
  const deployer = createDeployer({
    stateDir: dir,
    configDir: dir,
    clock: instantClock(T0),
    pollMs: 10,
    connect: async () => scriptedRunner(answers, { onStep: (step) => ran.push(step.name) })
  })
  const ended: RunResult[] = []
  const jobs: string[] = []
  const logs: string[] = []
  const run = recoverInterrupted({
    stateDir: dir,
    apps: [options.app ?? app],
    deployer,
    endJob: async (_id, result) => {
      ended.push(result)
    },
    onJob: (job) => jobs.push(`${job.request.kind} ${job.state}`),
    log: (_app, line) => logs.push(line),
    clock: instantClock(T0)
  })
  return { run, ended, jobs, ran, logs }
}

const blueGreenApp: AppConfig = {
  ...app,
  strategy: 'blue-green',
  inputs: { ...app.inputs, 'lock-timeout': '5s' }
}

describe('recovery sees what serves as the target does', () => {
  test('blue-green, the agent killed while the old slot drained: the live release stays, current follows it', async () => {
    await leaveRunFile('tok-of-the-run', 'v1', undefined, { version: 'v2' })
    const m: Model = {
      current: V1,
      running: { 'shop-blue': V1, 'shop-green': V2 },
      lock: 'tok-of-the-run',
      healthy: new Set([V1, V2]),
      live: 'green',
      slots: { blue: 'v1', green: 'v2' }
    }
    const { run, ended, jobs, ran } = recoverOn(modelHost(m), { app: blueGreenApp })
    const [done] = await run
    expect(done?.message).toBe(
      'v2 went live before the run was interrupted and is healthy: it stays; current now names it'
    )
    expect(jobs).toEqual([])
    expect(ran).not.toContain('up (slot blue)')
    expect(m.current).toBe(V2)
    expect(m.lock).toBeUndefined()
    expect(ended).toEqual([
      expect.objectContaining({ state: 'failed', version: 'v2', before: 'v1', after: 'v2' })
    ])
  })

  test('blue-green, the agent killed before the switch: the old slot serves and stays', async () => {
    await leaveRunFile('tok-of-the-run', 'v1', undefined, { version: 'v2' })
    const m: Model = {
      current: V1,
      running: { 'shop-blue': V1, 'shop-green': V2 },
      healthy: new Set([V1, V2]),
      live: 'blue',
      slots: { blue: 'v1', green: 'v2' }
    }
    const { run, ended, jobs } = recoverOn(modelHost(m), { app: blueGreenApp })
    const [done] = await run
    expect(done?.message).toBe('v1 is current and healthy')
    expect(jobs).toEqual([])
    expect(m.current).toBe(V1)
    expect(ended[0]).toMatchObject({ after: 'v1' })
  })

  test('compose, the agent killed after `up` of v2, before the switch: what runs is v2, not current', async () => {
    await leaveRunFile('tok-of-the-run', 'v1', undefined, { version: 'v2' })
    const m: Model = { current: V1, running: { shop: V2 }, healthy: new Set([V1]) }
    const { run, ended, jobs } = recoverOn(modelHost(m))
    const [done] = await run
    expect(done?.message).toMatch(/^v2 serves, not v1 as before the run \(and it is not healthy/)
    expect(jobs).toEqual(['rollback running', 'rollback succeeded'])
    expect(m.running.shop).toBe(V1)
    expect(ended[0]).toMatchObject({ after: 'v1' })
  })

  test('an interrupted rollback (to v1, from a v2 that is not healthy) is completed: back to v1, never to v2', async () => {
    await leaveRunFile('tok-of-the-run', 'v2', undefined, { version: 'rollback to v1' })
    const m: Model = { current: V2, running: { shop: V2 }, healthy: new Set([V1]) }
    const { run, ended, jobs } = recoverOn(modelHost(m))
    const [done] = await run
    expect(done?.message).toMatch(/^v2 serves, not v1 .*: rolling back to v1; v1 serves again$/)
    expect(jobs).toEqual(['rollback running', 'rollback succeeded'])
    expect(m.running.shop).toBe(V1)
    expect(m.current).toBe(V1)
    expect(ended[0]).toMatchObject({ after: 'v1' })
  })

  test('a run that had ended when the agent stopped (during its notifications): its outcome is recorded, nothing else done', async () => {
    const outcome: RunResult = { state: 'succeeded', version: 'v2', before: 'v1', after: 'v2' }
    await leaveRunFile('tok-of-the-run', 'v1', undefined, { version: 'v2', outcome })
    const m: Model = { current: V2, running: { shop: V2 }, healthy: new Set([V2]) }
    const { run, ended, jobs, ran } = recoverOn(modelHost(m))
    await run
    expect(ended).toEqual([outcome])
    expect(jobs).toEqual([])
    expect(ran).toEqual([])
    expect(existsSync(runFilePath(dir, 'shop'))).toBe(false)
  })

  test('a stop asked for during recovery: it ends between steps, the run file stays for the next start', async () => {
    await leaveRunFile('tok-of-the-run', 'v1', undefined, { version: 'v2' })
    const m: Model = { current: V2, running: { shop: V2 }, healthy: new Set([]) }
    const ran: string[] = []
    const deployer = createDeployer({
      stateDir: dir,
      configDir: dir,
      clock: instantClock(T0),
      pollMs: 10,
      connect: async () => scriptedRunner(modelHost(m), { onStep: (step) => ran.push(step.name) })
    })
    const ended: RunResult[] = []
    const done = await recoverInterrupted({
      stateDir: dir,
      apps: [app],
      deployer,
      endJob: async (_id, result) => {
        ended.push(result)
      },
      log: () => {},
      clock: instantClock(T0),
      stopping: () => ran.includes('unlock')
    })
    expect(done).toEqual([])
    expect(ended).toEqual([])
    expect(ran).not.toContain('up')
    expect(existsSync(runFilePath(dir, 'shop'))).toBe(true)
  })
})

/**
 * Recovery's fault matrix: each scenario runs once cleanly to learn its steps; then once per
 * step and fault (the step fails, is killed at its time limit, the connection drops before it
 * or right after it did its work), checking the invariants after each. New steps are covered
 * without a new case.
 */
describe('recovery with a fault at each of its steps', () => {
  type Fault = 'fails' | 'times out' | 'connection lost before' | 'connection lost after'
  const FAULTS: Fault[] = ['fails', 'times out', 'connection lost before', 'connection lost after']
  const DEAD = 'tok-of-the-run'

  interface Scenario {
    name: string
    app: AppConfig
    model: () => Model
    /** The compose project that takes the traffic. */
    serving: (m: Model) => string | undefined
  }
  const scenarios: Scenario[] = [
    {
      name: 'compose: the run switched to v2, which is not healthy (a rollback)',
      app: { ...app, inputs: { ...app.inputs, 'lock-timeout': '5s' } },
      model: () => ({ current: V2, running: { shop: V2 }, lock: DEAD, healthy: new Set([V1]) }),
      serving: (m) => m.running.shop
    },
    {
      name: 'compose: v1 still serves and is healthy (nothing to do)',
      app: { ...app, inputs: { ...app.inputs, 'lock-timeout': '5s' } },
      model: () => ({ current: V1, running: { shop: V1 }, lock: DEAD, healthy: new Set([V1, V2]) }),
      serving: (m) => m.running.shop
    },
    {
      name: 'blue-green: killed while the old slot drained (current follows the live slot)',
      app: blueGreenApp,
      model: () => ({
        current: V1,
        running: { 'shop-blue': V1, 'shop-green': V2 },
        lock: DEAD,
        healthy: new Set([V1, V2]),
        live: 'green',
        slots: { blue: 'v1', green: 'v2' }
      }),
      serving: (m) => m.running[`shop-${m.live}`]
    }
  ]

  /** The host's answers with the fault at the `at`-th step run (counted over all connections). */
  function faulty(answers: Answers, at: number, fault: Fault): Answers {
    let n = 0
    return {
      '*': (step, call) => {
        const here = n++ === at
        if (here && fault === 'fails') return { code: 1, stderr: 'injected failure\n' }
        if (here && fault === 'times out') return { timedOutAfterMs: 600_000 }
        if (here && fault === 'connection lost before') return { lost: true }
        const answer = answerFor(answers, step, call)
        return here ? { ...answer, lost: true } : answer
      }
    }
  }

  async function recoverWith(s: Scenario, m: Model, answers: Answers) {
    await rm(join(dir, 'runs'), { recursive: true, force: true })
    await leaveRunFile(DEAD, 'v1', undefined, { version: 'v2' })
    const r = recoverOn(answers, { app: s.app })
    const done = await r.run
    return { ...r, done }
  }

  test.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const clean = modelHost(s.model())
    const steps = (await recoverWith(s, s.model(), clean)).ran.length
    expect(steps).toBeGreaterThan(3)
    const violations: string[] = []
    for (let at = 0; at < steps; at++)
      for (const fault of FAULTS) {
        const m = s.model()
        const r = await recoverWith(s, m, faulty(modelHost(m), at, fault))
        const where = `${fault} at step ${at + 1} (${r.ran[at] ?? '?'})`
        const serving = versionOfRelease(s.serving(m))
        const [ended] = r.ended
        if (r.ended.length !== 1) violations.push(`${where}: the job was ended ${r.ended.length}×`)
        // I1: what serves is the release before, or the healthy one the run deployed; a
        // rollback that could not be done says so.
        const said = ended?.message ?? ''
        const allowed =
          serving === 'v1' ||
          (serving === 'v2' && m.healthy.has(V2)) ||
          /failed|could not be seen/.test(said)
        if (!allowed) violations.push(`${where}: ${serving} serves, unreported`)
        // I2: the job names what serves (or says it could not see it).
        const unseen = ended?.after === undefined && /could not be seen/.test(said)
        if (ended?.after !== serving && !unseen)
          violations.push(`${where}: the job says ${ended?.after} serves, ${serving} does`)
        // I4: no lock left by recovery; the dead run's only when releasing it failed, and said.
        // (A lock whose release failed is said, and expires after the stale window.)
        if (
          m.lock &&
          m.lock !== DEAD &&
          !r.logs.some((l) => l.startsWith('could not release the lock'))
        )
          violations.push(`${where}: recovery's lock left behind, unreported`)
        if (m.lock === DEAD && !r.logs.some((l) => l.startsWith('could not release its lock')))
          violations.push(`${where}: the dead run's lock left, unreported`)
      }
    expect(violations).toEqual([])
  })
})
