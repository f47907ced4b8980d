/**
 * The compose rollout, the riskiest code, step by step through the engine against a scripted
 * host (each step answered by name, as the sandbox's real ones answer) and an instant clock: the
 * round trips it takes, what it uploads, what it decides on each answer. The same flows run for
 * real in test/integration/ssh-deploy.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { deployHost } from '../../../src/deploy/engine.js'
import type { Answers } from '../../../src/deploy/runners/scripted.js'
import type { DeployMode } from '../../../src/deploy/target.js'
import { composeTarget } from '../../../src/deploy/targets/compose.js'
import { scriptedJob, T0 } from './host.js'

const CURRENT = '20261122T162000Z-v1-aaaa'
const OLDER = '20261122T161000Z-v0-bbbb'
const NOW = Math.floor(T0 / 1000)
const healthy = 'web running healthy 0\n'
const unhealthy = 'web running unhealthy 0\n'

function host(extra: Answers = {}): Answers {
  return {
    inspect: `compose=docker compose\nnow=${NOW}\ncurrent=${CURRENT}\nrelease=${OLDER}\nrelease=${CURRENT}\n`,
    'read current release': '{"version":"v1"}\n',
    lock: 'acquired\n',
    status: healthy,
    '*': '',
    ...extra
  }
}

const v2: DeployMode = {
  kind: 'deploy',
  version: 'v2',
  composeFile: 'services:\n  web:\n    image: ${IMAGE}\n',
  env: 'IMAGE=127.0.0.1:5000/shop:v2\n'
}

/** What the lock step prints, and its exit code, when another deploy holds the lock. */
const held = (sinceAgo: number) => ({
  code: 75,
  stdout: `held\nnow=${NOW}\nsince=${NOW - sinceAgo}\nowner={"token":"other","actor":"mona","version":"9.9.9","runUrl":"https://github.com/acme/shop/actions/runs/1"}\n`
})
const HOLDER = 'mona deploying 9.9.9 (https://github.com/acme/shop/actions/runs/1)'

describe('target compose', () => {
  test('success: four round trips; the release in one stream; current switched, old releases pruned, unlocked', async () => {
    const { job, host: h, trips, log } = scriptedJob(v2, host(), { keepReleases: 2 })
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v2' })
    expect(trips()).toEqual([
      'inspect + read current release',
      'lock + upload compose.yml, .env, release.json + pull + up + status',
      'switch current + prune 1 old release(s) + unlock'
    ])
    const upload = h.ran.find((s) => s.name.startsWith('upload'))
    const release = /releases\/([^'/ ]+)/.exec(upload?.script ?? '')?.[1] ?? ''
    expect(release).toMatch(/^\d{8}T\d{6}Z-v2-tok0$/)
    expect(upload?.stdin).toBe(
      v2.kind === 'deploy'
        ? `${v2.composeFile}${v2.env}{"version":"v2","release":"${release}","deployedAt":"${new Date(T0).toISOString()}","actor":"octocat"}\n`
        : ''
    )
    expect(h.ran.find((s) => s.name === 'switch current')?.script).toContain(`releases/${release}`)
    // keep-releases 2: the oldest goes, never the one running nor the new one.
    expect(h.ran.find((s) => s.name.startsWith('prune'))?.script).toMatch(
      new RegExp(`\nrm -rf "\\$HOME"/gantry/shop/releases/${OLDER}$`)
    )
    expect(log).toEqual([
      '▸ lock acquired',
      '▸ upload compose.yml, .env, release.json',
      '▸ pull',
      '▸ up',
      '▸ wait healthy',
      '  healthy: web healthy',
      '▸ switch current',
      '▸ prune 1 old release(s)',
      '▸ unlocked'
    ])
    expect(h.closed).toBe(true)
  })

  test('health is looked at quickly at first, then less often', async () => {
    const { job, clock } = scriptedJob(
      v2,
      host({
        status: [
          'web running starting 0\n',
          'web running starting 0\n',
          'web running starting 0\n',
          healthy
        ]
      })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.status).toBe('deployed')
    expect(clock.slept).toEqual([100, 200, 400])
  })

  test('a container still `starting` answering its own health check (run by Gantry) is up at once', async () => {
    const id = 'ab'.repeat(32)
    const {
      job,
      host: h,
      clock,
      trips,
      log
    } = scriptedJob(
      v2,
      host({
        status: `web running starting 0 ${id} ["CMD-SHELL","wget -q -O /dev/null \\"http://$APP_ADDR/health\\" || exit 1"]\n`,
        'health check web': { code: 0 }
      })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.status).toBe('deployed')
    expect(clock.slept).toEqual([100])
    expect(trips().slice(1, 3)).toEqual([
      'lock + upload compose.yml, .env, release.json + pull + up + status',
      'status + health check web'
    ])
    expect(h.ran.find((s) => s.name === 'health check web')?.script).toBe(
      `if command -v timeout >/dev/null 2>&1; then timeout 10 docker exec ${id} /bin/sh -c 'wget -q -O /dev/null "http://$APP_ADDR/health" || exit 1'; else docker exec ${id} /bin/sh -c 'wget -q -O /dev/null "http://$APP_ADDR/health" || exit 1'; fi`
    )
    expect(log).toContain('  healthy: web answers its health check')
  })

  test('a failing early health check decides nothing: Docker’s verdict does', async () => {
    const id = 'cd'.repeat(32)
    const { job, clock } = scriptedJob(
      v2,
      host({
        status: [
          `web running starting 0 ${id} ["CMD","/healthcheck"]\n`,
          `web running starting 0 ${id} ["CMD","/healthcheck"]\n`,
          healthy
        ],
        'health check web': { code: 1 }
      })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.status).toBe('deployed')
    expect(clock.slept).toEqual([100, 200])
  })

  test('unhealthy → the previous release up again, healthy: rolled back, current untouched', async () => {
    const { job, host: h, trips, log } = scriptedJob(v2, host({ status: [unhealthy, healthy] }))
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toEqual({
      unit: 'deploy@10.0.0.5',
      status: 'rolled-back',
      before: 'v1',
      after: 'v1',
      attempted: 'v2',
      durationMs: 0,
      message: 'v2 failed its health check (service web is unhealthy); rolled back to v1'
    })
    expect(trips()).toEqual([
      'inspect + read current release',
      'lock + upload compose.yml, .env, release.json + pull + up + status',
      // the failed release's containers: exit codes and last log lines, for the message
      'why it failed',
      'up + status',
      // v1 runs again: the failed release's directory (and images only it pulled) go
      `discard the failed release ${h.ran.find((s) => s.name.startsWith('upload'))?.script.match(/releases\/(\S+) &&/)?.[1]}`,
      'unlock'
    ])
    const ups = h.ran.filter((s) => s.name === 'up').map((s) => s.script)
    expect(ups[1]).toContain(`releases/${CURRENT}`)
    expect(h.ran.map((s) => s.name)).not.toContain('switch current')
    expect(log).toContain('↩ rolling back to v1')
  })

  test('the rollback itself unhealthy: failed, both reasons given', async () => {
    const { job } = scriptedJob(v2, host({ status: unhealthy }))
    const outcome = await deployHost(composeTarget, job)
    // What runs is not known (v1's containers, unhealthy): no version is named, the one tried is.
    expect(outcome).toMatchObject({
      status: 'failed',
      attempted: 'v2',
      message:
        'service web is unhealthy; the rollback is not healthy either: service web is unhealthy'
    })
    expect(outcome.after).toBeUndefined()
  })

  test('the rollback failing to start: failed, with what `up` said', async () => {
    const { job, host: h } = scriptedJob(
      v2,
      host({
        status: unhealthy,
        up: [
          { code: 0 },
          { code: 1, stderr: 'Error response from daemon: port is already allocated' }
        ]
      })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.message).toBe(
      'service web is unhealthy; the rollback failed too: up failed (exit code 1): Error response from daemon: port is already allocated'
    )
    expect(h.ran.at(-1)?.name).toBe('unlock')
  })

  test('no previous release, or rollback off: failed, and why it was not rolled back', async () => {
    const first = scriptedJob(
      v2,
      host({ inspect: `compose=docker compose\nnow=${NOW}\n`, status: unhealthy })
    )
    expect((await deployHost(composeTarget, first.job)).message).toBe(
      'service web is unhealthy (no previous release to roll back to)'
    )
    const off = scriptedJob(v2, host({ status: unhealthy }), { rollback: false })
    expect((await deployHost(composeTarget, off.job)).message).toBe(
      'service web is unhealthy (rollback is off)'
    )
    expect(off.host.ran.filter((s) => s.name === 'up')).toHaveLength(1)
  })

  test('a failed pull changes nothing: no up, no switch; unlocked', async () => {
    const {
      job,
      host: h,
      trips
    } = scriptedJob(
      v2,
      host({ pull: { code: 1, stderr: 'manifest for 127.0.0.1:5000/shop:v2 not found' } })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      before: 'v1',
      message: 'pull failed (exit code 1): manifest for 127.0.0.1:5000/shop:v2 not found'
    })
    expect(trips()).toEqual([
      'inspect + read current release',
      'lock + upload compose.yml, .env, release.json + pull',
      `discard the failed release ${h.ran.find((s) => s.name.startsWith('upload'))?.script.match(/releases\/(\S+) &&/)?.[1]}`,
      'unlock'
    ])
    expect(h.ran.map((s) => s.name)).not.toContain('up')
  })

  test('a host without compose is refused before the lock', async () => {
    const { job, trips } = scriptedJob(v2, host({ inspect: `compose=\nnow=${NOW}\n` }))
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.message).toBe(
      'Neither `docker compose` nor `docker-compose` is installed on the host.'
    )
    expect(trips()).toEqual(['inspect + read current release'])
  })

  test('a held lock is waited for (the holder named once), then taken', async () => {
    const { job, log, clock } = scriptedJob(
      v2,
      host({ lock: [held(30), held(31), held(32), 'acquired\n'] })
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.status).toBe('deployed')
    expect(log.filter((l) => l.startsWith('waiting for the deploy lock'))).toEqual([
      `waiting for the deploy lock, held by ${HOLDER}, locked 31s ago`
    ])
    expect(clock.slept.slice(0, 2)).toEqual([250, 500])
  })

  test('a lock held past lock-timeout: failed naming the holder; nothing uploaded, the lock left alone', async () => {
    const { job, host: h } = scriptedJob(v2, host({ lock: held(30) }), { lockTimeoutMs: 2000 })
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message: `Timed out after 2s waiting for the deploy lock, held by ${HOLDER}, locked 30s ago`
    })
    expect(h.ran.map((s) => s.name).filter((n) => n !== 'lock')).toEqual([
      'inspect',
      'read current release'
    ])
  })

  test('a stale lock is broken (only the one seen), then taken', async () => {
    const {
      job,
      host: h,
      log
    } = scriptedJob(v2, host({ lock: [held(3600), held(3600), 'acquired\n'] }), {
      lockStaleSeconds: 1800
    })
    const outcome = await deployHost(composeTarget, job)
    expect(outcome.status).toBe('deployed')
    expect(log).toContain(`breaking a stale lock: ${HOLDER}, locked 3600s ago`)
    expect(h.ran.find((s) => s.name === 'break stale lock')?.script).toContain(
      `= ${NOW - 3600} ]; then rm -rf`
    )
  })

  test('a lock take killed at its time limit: failed, nothing started, the unlock (ours only) still runs', async () => {
    const { job, host: h } = scriptedJob(v2, host({ lock: { timedOutAfterMs: 60_000 } }))
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({ status: 'failed', before: 'v1' })
    expect(outcome.message).toBe('lock timed out after 60s (killed with its process group)')
    expect(h.ran.map((s) => s.name)).not.toContain('up')
    expect(h.ran.at(-1)?.name).toBe('unlock')
  })

  test('the connection lost after the lock: failed, and the lock released over a new connection', async () => {
    const { job, connections, log } = scriptedJob(
      v2,
      host({ pull: { lost: true } }),
      {},
      { reconnect: { unlock: '' } }
    )
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message: 'Connection to deploy@10.0.0.5 lost: (scripted)'
    })
    expect(connections).toHaveLength(2)
    expect(connections[1]?.ran.map((s) => s.name)).toEqual(['unlock'])
    expect(connections[1]?.ran[0]?.script).toContain('"token":"tok0tok0"')
    expect(log).toContain('▸ unlocked (over a new connection)')
  })

  test('rollback-to a kept version: up, healthy, switch; nothing pruned', async () => {
    const {
      job,
      host: h,
      trips
    } = scriptedJob({ kind: 'rollback', to: 'v0' }, host({ 'read release': '{"version":"v0"}\n' }))
    const outcome = await deployHost(composeTarget, job)
    expect(outcome).toMatchObject({ status: 'deployed', before: 'v1', after: 'v0' })
    expect(trips()).toEqual([
      'inspect + read current release',
      'lock + read release',
      'up + status',
      'switch current + unlock'
    ])
    expect(h.ran.find((s) => s.name === 'switch current')?.script).toContain(`releases/${OLDER}`)
  })
})
