/**
 * Release bookkeeping as a user sees it, on the stateful fake host (test/harness/fake-host.ts):
 * which releases a deploy keeps and prunes, which release `rollback-to <version>` brings back.
 * Each test kills a mutant of the `releases` module in scripts/mutations.mjs that survived the
 * other tests (named in the test).
 */
import { describe, expect, test } from '@jest/globals'
import type { HostState } from '../../../src/core/deploy/releases.js'
import { deployHost } from '../../../src/deploy/engine.js'
import type { DeployMode, HostTarget } from '../../../src/deploy/target.js'
import { composeTarget } from '../../../src/deploy/targets/compose.js'
import { instantClock } from '../../../src/lib/clock.js'
import { fakeHostJob, newHost, type HostModel } from '../../harness/fake-host.js'
import { snapshot, violations } from '../../harness/invariants.js'

const image = (v: string) => `127.0.0.1:5000/shop:${v}`
const R0 = '20261201T090000Z-v0-aaaa'
const R1 = '20261201T100000Z-v1-bbbb'
const R2 = '20261201T110000Z-v2-cccc'
const R3 = '20261201T120000Z-v1-dddd'
const compose = composeTarget as HostTarget<HostState>

const deploy = (version: string): DeployMode => ({
  kind: 'deploy',
  version,
  composeFile: 'services:\n  web:\n    image: ${IMAGE}\n',
  env: `IMAGE=${image(version)}\n`
})

function hostWith(releases: [string, string][], current: string) {
  const clock = instantClock(Date.UTC(2026, 11, 1, 13))
  const host = newHost({
    now: clock.now,
    releases: releases.map(([id, version]) => [id, { version, images: [image(version)] }]),
    current
  })
  return { host, clock }
}

/** Runs `mode` on the host (keep-releases 3) and checks the invariants after it. */
async function run(host: HostModel, clock: ReturnType<typeof instantClock>, mode: DeployMode) {
  const before = snapshot(host)
  const { job, ran } = fakeHostJob(host, mode, { clock })
  const outcome = await deployHost(compose, job)
  const asked = mode.kind === 'deploy' ? mode.version : mode.to
  const found = violations(host, before, {
    asked,
    token: job.plan.token,
    outcome,
    ran: ran(),
    lost: false
  })
  return { outcome, found }
}

const newest = (host: HostModel) => [...host.releases.keys()].sort().at(-1) as string

describe('which releases a deploy keeps', () => {
  // Mutant releases/prune-newest.
  test('keep-releases 3: the oldest release goes, the two before the new one stay restorable', async () => {
    const { host, clock } = hostWith(
      [
        [R0, 'v0'],
        [R1, 'v1'],
        [R2, 'v2']
      ],
      R2
    )
    const { outcome, found } = await run(host, clock, deploy('v3'))
    expect([outcome.status, outcome.after, found]).toEqual(['deployed', 'v3', []])
    expect([...host.releases.keys()].sort()).toEqual([R1, R2, newest(host)])
    expect(host.images.has(image('v0'))).toBe(false)
    expect(host.images.has(image('v1'))).toBe(true)
    // v1, two releases back, is still there to roll back to.
    await clock.sleep(60_000)
    expect((await run(host, clock, { kind: 'rollback', to: 'v1' })).outcome).toMatchObject({
      status: 'deployed',
      after: 'v1'
    })
    expect(host.serving).toBe(R1)
  })

  // Mutant releases/session-prunes-current.
  test('after a rollback to an old release, the next deploy keeps that release (it served before)', async () => {
    // v0 was rolled back to: it is current, and the oldest kept.
    const { host, clock } = hostWith(
      [
        [R0, 'v0'],
        [R1, 'v1'],
        [R2, 'v2']
      ],
      R0
    )
    const { outcome, found } = await run(host, clock, deploy('v3'))
    expect([outcome.status, outcome.after, found]).toEqual(['deployed', 'v3', []])
    expect([...host.releases.keys()].sort()).toEqual([R0, R2, newest(host)])
    expect(host.images.has(image('v0'))).toBe(true)
    await clock.sleep(60_000)
    expect((await run(host, clock, { kind: 'rollback', to: 'v0' })).outcome).toMatchObject({
      status: 'deployed',
      after: 'v0'
    })
    expect(host.serving).toBe(R0)
  })
})

describe('rollback-to <version>', () => {
  // Mutant releases/oldest-of-version.
  test('a version deployed twice: its newest release comes back, not the older one', async () => {
    // v1 deployed (R1), then v2, then v1 again (R3, say with a fixed .env), then v3.
    const R4 = '20261201T121000Z-v3-eeee'
    const { host, clock } = hostWith(
      [
        [R1, 'v1'],
        [R2, 'v2'],
        [R3, 'v1'],
        [R4, 'v3']
      ],
      R4
    )
    const { outcome, found } = await run(host, clock, { kind: 'rollback', to: 'v1' })
    expect([outcome.status, outcome.after, found]).toEqual(['deployed', 'v1', []])
    expect([host.current, host.serving]).toEqual([R3, R3])
  })
})
