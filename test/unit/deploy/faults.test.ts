/**
 * The fault matrix: each host target deploys on a fake host (test/harness/fake-host.ts) once
 * without a fault, and the steps that run took are the cases: for every step, in turn, it fails,
 * times out, or the connection drops before or after it. After each faulty run the invariants
 * (test/harness/invariants.ts) must hold, and a second run of the same request, without fault,
 * must leave the host as a clean run would. A new step is covered without anyone writing a case.
 *
 * With GANTRY_FAULTS_REPORT set, the counts (faults injected, violations) are written there as
 * JSON: `npm run bench` reports them.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { appendFileSync } from 'node:fs'
import { deployHost } from '../../../src/deploy/engine.js'
import type { RolloutOutcome } from '../../../src/deploy/outcome.js'
import type { DeployMode, HostTarget } from '../../../src/deploy/target.js'
import { composeTarget } from '../../../src/deploy/targets/compose.js'
import { gitTarget } from '../../../src/deploy/targets/git.js'
import { swarmTarget } from '../../../src/deploy/targets/swarm.js'
import type { HostState } from '../../../src/core/deploy/releases.js'
import { instantClock } from '../../../src/lib/clock.js'
import { blueGreenTarget } from '../../../src/deploy/targets/blue-green.js'
import {
  fakeHostJob,
  FAULTS,
  newHost,
  withBlueGreen,
  type Fault,
  type HostModel
} from '../../harness/fake-host.js'
import { snapshot, violations } from '../../harness/invariants.js'

const T0 = Date.UTC(2026, 11, 1, 12)
const R0 = '20261201T100000Z-v0-aaaa'
const R1 = '20261201T110000Z-v1-bbbb'
const image = (v: string) => `127.0.0.1:5000/shop:${v}`
const C0 = '8c07984e97d66bc056cbc85a4b53d7acfa0b6d21'
const C1 = '66137efb7757a0350fd41662a32c100b5327d087'
const C2 = '8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2'
const G0 = '20261201T100000Z-8c07984-aaaa'
const G1 = '20261201T110000Z-66137ef-bbbb'

interface Scenario {
  name: string
  target: () => HostTarget<HostState>
  mode: DeployMode
  /** The version the run is asked to make live. */
  asked: string
  host: (now: () => number) => HostModel
  /** What a run without fault ends with. */
  status: RolloutOutcome['status']
  healthUrl?: string
}

const imageHost =
  (healthy: (v: string) => boolean = () => true) =>
  (now: () => number) =>
    newHost({
      now,
      releases: [
        [R0, { version: 'v0', images: [image('v0')] }],
        [R1, { version: 'v1', images: [image('v1')] }]
      ],
      current: R1,
      healthy
    })

const gitHost =
  (healthy: (v: string) => boolean = () => true) =>
  (now: () => number) =>
    newHost({
      now,
      releases: [
        [G0, { version: C0.slice(0, 7), images: [], commit: C0 }],
        [G1, { version: C1.slice(0, 7), images: [], commit: C1 }]
      ],
      current: G1,
      healthy
    })

const v2: DeployMode = {
  kind: 'deploy',
  version: 'v2',
  composeFile: 'services:\n  web:\n    image: ${IMAGE}\n',
  env: `IMAGE=${image('v2')}\n`
}
const c2: DeployMode = { kind: 'deploy', version: C2.slice(0, 7), composeFile: '', env: '' }
const git = () =>
  gitTarget({
    source: { repository: 'https://git.example/blog.git' },
    commit: C2,
    build: 'sh build.sh',
    restart: 'supervisorctl restart blog',
    linked: { files: ['.env'], dirs: ['log'] }
  }) as HostTarget<HostState>
const notV2 = (v: string) => v !== 'v2'

const SCENARIOS: Scenario[] = [
  {
    name: 'compose: v1 → v2',
    target: () => composeTarget as HostTarget<HostState>,
    mode: v2,
    asked: 'v2',
    host: imageHost(),
    status: 'deployed'
  },
  {
    name: 'compose: v2 unhealthy, rolled back',
    target: () => composeTarget as HostTarget<HostState>,
    mode: v2,
    asked: 'v2',
    host: imageHost(notV2),
    status: 'rolled-back'
  },
  {
    name: 'compose: v1 → v2, a crashed run left its lock',
    target: () => composeTarget as HostTarget<HostState>,
    mode: v2,
    asked: 'v2',
    host: (now) => {
      const host = imageHost()(now)
      host.lock = { token: 'crashed', since: Math.floor(now() / 1000) - 3600 }
      return host
    },
    status: 'deployed'
  },
  {
    name: 'compose: rollback-to v0',
    target: () => composeTarget as HostTarget<HostState>,
    mode: { kind: 'rollback', to: 'v0' },
    asked: 'v0',
    host: imageHost(),
    status: 'deployed'
  },
  {
    name: 'swarm: v1 → v2',
    target: () => swarmTarget('shop') as HostTarget<HostState>,
    mode: v2,
    asked: 'v2',
    host: imageHost(),
    status: 'deployed'
  },
  {
    name: 'swarm: v2 unhealthy, the swarm rolls it back',
    target: () => swarmTarget('shop') as HostTarget<HostState>,
    mode: v2,
    asked: 'v2',
    host: imageHost(notV2),
    status: 'rolled-back'
  },
  {
    name: 'swarm: rollback-to v0',
    target: () => swarmTarget('shop') as HostTarget<HostState>,
    mode: { kind: 'rollback', to: 'v0' },
    asked: 'v0',
    host: imageHost(),
    status: 'deployed'
  },
  {
    name: 'git: 66137ef → 8fa9a9a',
    target: git,
    mode: c2,
    asked: C2.slice(0, 7),
    host: gitHost(),
    status: 'deployed',
    healthUrl: 'http://127.0.0.1:8080/health'
  },
  {
    name: 'git: 8fa9a9a unhealthy, rolled back',
    target: git,
    mode: c2,
    asked: C2.slice(0, 7),
    host: gitHost((v) => v !== C2.slice(0, 7)),
    status: 'rolled-back',
    healthUrl: 'http://127.0.0.1:8080/health'
  },
  {
    name: 'git: rollback-to 8c07984',
    target: git,
    mode: { kind: 'rollback', to: C0.slice(0, 7) },
    asked: C0.slice(0, 7),
    host: gitHost(),
    status: 'deployed',
    healthUrl: 'http://127.0.0.1:8080/health'
  }
]

const blueGreen = () =>
  blueGreenTarget({
    app: 'shop',
    proxy: 'haproxy',
    route: {},
    options: [],
    drainTimeoutMs: 5000,
    postDeployTest: 'run-tests',
    previewToken: 'ab'.repeat(16)
  }) as HostTarget<HostState>
const bgHost = (healthy?: (v: string) => boolean) => (now: () => number) =>
  withBlueGreen(imageHost(healthy)(now))

/** Blue-green: the proxy's record and slots on the fake host, besides the compose releases. */
const BLUE_GREEN: Scenario[] = [
  {
    name: 'blue-green: v1 → v2',
    target: blueGreen,
    mode: v2,
    asked: 'v2',
    host: bgHost(),
    status: 'deployed'
  },
  {
    name: 'blue-green: v2 unhealthy, never live',
    target: blueGreen,
    mode: v2,
    asked: 'v2',
    host: bgHost(notV2),
    status: 'rolled-back'
  },
  {
    name: 'blue-green: rollback-to v0',
    target: blueGreen,
    mode: { kind: 'rollback', to: 'v0' },
    asked: 'v0',
    host: bgHost(),
    status: 'deployed'
  }
]

interface Run {
  outcome: RolloutOutcome
  found: string[]
  steps: string[]
}

async function runOn(
  scenario: Scenario,
  host: HostModel,
  clock: ReturnType<typeof instantClock>,
  fault?: { at: number; kind: Fault }
): Promise<Run> {
  const before = snapshot(host)
  const { job, ran } = fakeHostJob(host, scenario.mode, {
    clock,
    fault,
    plan: scenario.healthUrl ? { healthUrl: scenario.healthUrl } : {}
  })
  const outcome = await deployHost(scenario.target(), job)
  const lost = fault?.kind === 'lost before' || fault?.kind === 'lost after'
  const unlockFailed = fault?.kind === 'fails' && ran()[fault.at]?.name === 'unlock'
  const found = violations(host, before, {
    asked: scenario.asked,
    token: job.plan.token,
    outcome,
    ran: ran(),
    lost,
    unlockFailed
  })
  return { outcome, found, steps: ran().map((s) => s.name) }
}

/** One scenario's matrix: the clean run, then each (step, fault) and the run after it. */
async function matrix(scenario: Scenario) {
  const clock = instantClock(T0)
  const clean = await runOn(scenario, scenario.host(clock.now), clock)
  const found: string[] = clean.found.map((v) => `clean run: ${v}`)
  if (clean.outcome.status !== scenario.status)
    found.push(
      `clean run: ${clean.outcome.status} (${clean.outcome.message}), expected ${scenario.status}`
    )
  let faults = 0
  for (const [at, step] of clean.steps.entries())
    for (const kind of FAULTS) {
      faults++
      const clock = instantClock(T0)
      const host = scenario.host(clock.now)
      const faulty = await runOn(scenario, host, clock, { at, kind })
      const where = `${kind} at step ${at + 1} (${step})`
      found.push(...faulty.found.map((v) => `${where}: ${v}`))
      // The same request again, a minute later (after the stale window when the unlock failed):
      // it ends as a clean run does.
      await clock.sleep(step === 'unlock' && kind === 'fails' ? 601_000 : 60_000)
      const again = await runOn(scenario, host, clock)
      found.push(...again.found.map((v) => `${where}, then again: ${v}`))
      if (again.outcome.status !== scenario.status)
        found.push(`${where}, then again: ${again.outcome.status} (${again.outcome.message})`)
    }
  return { steps: clean.steps.length, faults, violations: found }
}

const report: Record<string, { steps: number; faults: number; violations: number }> = {}
afterAll(() => {
  const file = process.env.GANTRY_FAULTS_REPORT
  if (file) appendFileSync(file, JSON.stringify(report) + '\n')
})

describe('fault matrix: a fault at every step of compose, swarm and git deploys', () => {
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const result = await matrix(scenario)
    report[name] = { ...result, violations: result.violations.length }
    expect(result.faults).toBe(result.steps * FAULTS.length)
    expect(result.violations).toEqual([])
  })
})

describe('fault matrix: blue-green', () => {
  test.each(BLUE_GREEN.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const result = await matrix(scenario)
    report[name] = { ...result, violations: result.violations.length }
    expect(result.violations).toEqual([])
  })
})

const named = (name: string) => SCENARIOS.find((s) => s.name === name) as Scenario

describe('a host whose deploys keep failing does not fill its disk', () => {
  const failing: [string, Scenario, Fault | undefined, string][] = [
    ['compose: 23 failed pulls', named('compose: v1 → v2'), 'fails', 'pull'],
    [
      'compose: 23 unhealthy releases rolled back',
      named('compose: v2 unhealthy, rolled back'),
      undefined,
      ''
    ],
    [
      'swarm: 23 releases the swarm rolled back',
      named('swarm: v2 unhealthy, the swarm rolls it back'),
      undefined,
      ''
    ],
    [
      'git: 23 unhealthy releases rolled back',
      named('git: 8fa9a9a unhealthy, rolled back'),
      undefined,
      ''
    ],
    ['git: 23 failed builds', named('git: 66137ef → 8fa9a9a'), 'fails', 'build']
  ]
  test.each(failing)(
    '%s: only the releases kept before remain',
    async (_, scenario, kind, step) => {
      const clock = instantClock(T0)
      const host = scenario.host(clock.now)
      const kept = [...host.releases.keys()]
      const at = kind
        ? (await runOn(scenario, scenario.host(clock.now), clock)).steps.indexOf(step)
        : -1
      for (let i = 0; i < 23; i++) {
        await clock.sleep(60_000)
        const run = await runOn(scenario, host, clock, kind ? { at, kind } : undefined)
        expect([run.outcome.status, run.found]).toEqual([kind ? 'failed' : 'rolled-back', []])
      }
      expect([...host.releases.keys()]).toEqual(kept)
    }
  )
})
