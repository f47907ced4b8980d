/**
 * `target: git` release bookkeeping as a user sees it, on the stateful fake host
 * (test/harness/fake-host.ts): which releases a deploy keeps when the one that served before is
 * marked bad, and which release a failed deploy rolls back to. Each test kills a mutant of the
 * `git-target` module in scripts/mutations.mjs (named above it).
 */
import { describe, expect, test } from '@jest/globals'
import { deployHost } from '../../../src/deploy/engine.js'
import type { DeployMode, HostPlan } from '../../../src/deploy/target.js'
import { gitTarget } from '../../../src/deploy/targets/git.js'
import { instantClock } from '../../../src/lib/clock.js'
import { fakeHostJob, newHost, type HostModel } from '../../harness/fake-host.js'
import { snapshot, violations } from '../../harness/invariants.js'

const C0 = '8c07984e97d66bc056cbc85a4b53d7acfa0b6d21'
const C1 = '66137efb7757a0350fd41662a32c100b5327d087'
const C2 = '8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2'
const G0 = '20261201T100000Z-8c07984-aaaa'
const short = (commit: string) => commit.slice(0, 7)

const git = (commit: string) =>
  gitTarget({
    source: { repository: 'https://git.example/blog.git' },
    commit,
    build: 'sh build.sh',
    restart: 'supervisorctl restart blog',
    linked: { files: ['.env'], dirs: ['log'] }
  })

/** Deploys `commit` (or rolls back to it) and checks the invariants after it. */
async function run(
  host: HostModel,
  clock: ReturnType<typeof instantClock>,
  mode: DeployMode,
  commit: string,
  plan: Partial<HostPlan> = {}
) {
  await clock.sleep(60_000)
  const before = snapshot(host)
  const { job, ran } = fakeHostJob(host, mode, {
    clock,
    plan: { healthUrl: 'http://127.0.0.1:8080/health', keepReleases: 2, ...plan }
  })
  const outcome = await deployHost(git(commit), job)
  const found = violations(host, before, {
    asked: short(commit),
    token: job.plan.token,
    outcome,
    ran: ran(),
    lost: false
  })
  return { outcome, found }
}

const deploy = (commit: string): DeployMode => ({
  kind: 'deploy',
  version: short(commit),
  composeFile: '',
  env: ''
})

// Mutant git-target/prune-previous.
describe('git: the release that served before a deploy stays, even marked bad', () => {
  test('66137ef failed its health check with rollback off; 8fa9a9a deployed over it; 66137ef can still be rolled back to', async () => {
    const clock = instantClock(Date.UTC(2026, 11, 1, 12))
    let databaseUp = false
    const host = newHost({
      now: clock.now,
      releases: [[G0, { version: short(C0), images: [], commit: C0 }]],
      current: G0,
      // 66137ef needs the database the operator starts after its deploy.
      healthy: (v) => v !== short(C1) || databaseUp
    })
    // With rollback off, the unhealthy release stays live, as asked (I1 does not apply).
    const failed = await run(host, clock, deploy(C1), C1, { rollback: false })
    expect([failed.outcome.status, failed.outcome.after]).toEqual(['failed', short(C1)])
    const g1 = host.current as string
    expect(host.bad.has(g1)).toBe(true)

    databaseUp = true
    const next = await run(host, clock, deploy(C2), C2)
    expect([next.outcome.status, next.outcome.after, next.found]).toEqual([
      'deployed',
      short(C2),
      []
    ])
    // Kept: the new release, the one that served before it, the last good one before that.
    expect(host.releases.has(g1)).toBe(true)
    expect(host.releases.has(G0)).toBe(true)

    const back = await run(host, clock, { kind: 'rollback', to: short(C1) }, C1)
    expect([back.outcome.status, back.outcome.after, back.found]).toEqual([
      'deployed',
      short(C1),
      []
    ])
    expect([host.current, host.serving]).toEqual([g1, g1])
  })
})

// Mutant git-target/rollback-to-failed-commit.
describe('git: the automatic rollback never goes to a release of the commit that failed', () => {
  test('66137ef redeployed fails its health check: back to 8c07984, not to the older 66137ef release', async () => {
    const clock = instantClock(Date.UTC(2026, 11, 1, 12))
    const G1 = '20261201T110000Z-66137ef-bbbb'
    // 66137ef stopped working (a migration it does not know); its redeploy fails the same way.
    const host = newHost({
      now: clock.now,
      releases: [
        [G0, { version: short(C0), images: [], commit: C0 }],
        [G1, { version: short(C1), images: [], commit: C1 }]
      ],
      current: G1,
      healthy: (v) => v !== short(C1)
    })
    const { outcome, found } = await run(host, clock, deploy(C1), C1, { keepReleases: 5 })
    // I1 allows only 66137ef (what served), but it no longer comes up healthy: the older good
    // release serving is what the README promises here, and what an operator wants.
    expect([outcome.status, outcome.after, outcome.attempted]).toEqual([
      'rolled-back',
      short(C0),
      short(C1)
    ])
    expect(found.filter((v) => !v.startsWith('I1:'))).toEqual([])
    expect([host.current, host.serving]).toEqual([G0, G0])
  })
})
