/**
 * `target: git` through the engine against a scripted host (steps answered by name, an instant
 * clock): the order of the steps and their round trips, what a failure at each stage leaves,
 * rollbacks, pruning, and the ref resolved once. The same flows run for real in
 * test/integration/ssh-deploy-git.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { deployHost } from '../../../src/deploy/engine.js'
import { scriptedRunner, type Answers } from '../../../src/deploy/runners/scripted.js'
import type { DeployMode } from '../../../src/deploy/target.js'
import { gitTarget, resolveCommit, type GitTargetOptions } from '../../../src/deploy/targets/git.js'
import { instantClock } from '../../../src/lib/clock.js'
import { fakeHostJob, newHost } from '../../harness/fake-host.js'
import { scriptedJob } from './host.js'

const C1 = '8c07984e97d66bc056cbc85a4b53d7acfa0b6d21'
const C2 = '66137efb7757a0350fd41662a32c100b5327d087'
const C3 = '8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2'
const R1 = '20261201T100000Z-8c07984-aaaa'
const R2 = '20261201T110000Z-66137ef-bbbb'
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n-----END OPENSSH PRIVATE KEY-----\n'

const options = (commit: string, extra: Partial<GitTargetOptions> = {}): GitTargetOptions => ({
  source: {
    repository: 'git@git.example:blog.git',
    knownHosts: 'git.example ssh-ed25519 AAAA',
    key: KEY
  },
  commit,
  build: 'sh build.sh',
  restart: 'supervisorctl restart blog',
  linked: { files: ['.env'], dirs: ['log'] },
  ...extra
})
const deploy = (commit: string): DeployMode => ({
  kind: 'deploy',
  version: commit.slice(0, 7),
  composeFile: '',
  env: ''
})

/** A host on v1 (R1) with v2 (R2) current, both kept. */
function host(
  extra: Answers = {},
  state = `current=${R2}\nrelease=${R1}\nrelease=${R2}\nrevision=${R1} ${C1}\nrevision=${R2} ${C2}\n`
): Answers {
  return {
    'inspect git releases': `now=1796140000\ngit=yes\n${state}`,
    'read current release': '',
    lock: 'acquired\n',
    '*': '',
    ...extra
  }
}
const plan = { healthUrl: 'http://127.0.0.11:8080/health', keepReleases: 2 }

describe('target git', () => {
  test('a release: lock + fetch + checkout, link + build, switch + restart, health, then history + prune', async () => {
    const { job, host: h, trips, log } = scriptedJob(deploy(C3), host(), plan)
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({ status: 'deployed', before: '66137ef', after: '8fa9a9a' })
    const release = h.ran
      .find((s) => s.name.startsWith('checkout'))
      ?.script.match(/releases\/(\S+)$/)?.[1]
    expect(release).toMatch(/^\d{8}T\d{6}Z-8fa9a9a-tok0$/)
    expect(trips()).toEqual([
      'inspect git releases + read current release',
      'lock + fetch 8fa9a9a + checkout 8fa9a9a',
      'link shared files + build',
      `switch current to ${release} + restart`,
      'health url',
      'record deployed + prune 1 old release(s)',
      'unlock'
    ])
    // The oldest goes; never the new one or the one that was current.
    expect(h.ran.find((s) => s.name.startsWith('prune'))?.script).toBe(
      `rm -rf "$HOME"/gantry/shop/releases/${R1} "$HOME"/gantry/shop/bad/${R1}`
    )
    const fetch = h.ran.find((s) => s.name === 'fetch 8fa9a9a')
    expect([fetch?.stdin, fetch?.secretStdin]).toEqual([KEY, true])
    expect(h.ran.filter((s) => s.stdin?.includes('secret')).map((s) => s.name)).toEqual([
      'fetch 8fa9a9a'
    ])
    const record = JSON.parse(h.ran.find((s) => s.name === 'record deployed')?.stdin ?? '')
    expect(record).toMatchObject({ event: 'deployed', commit: C3, previous: R2, actor: 'octocat' })
    expect(log).toContain('  healthy: http://127.0.0.11:8080/health answers')
  })

  test('a failed health check: marked bad, current back to the previous release, restarted, healthy again', async () => {
    let probes = 0
    const {
      job,
      host: h,
      trips
    } = scriptedJob(
      deploy(C3),
      host({
        // The new release never answers; after the switch back, the old one does.
        'health url': () => {
          const switchedBack = h.ran.filter((s) => s.name.startsWith('switch current')).length > 1
          probes++
          return switchedBack ? '' : { code: 22, stderr: 'curl: (22) 500' }
        }
      }),
      { ...plan, healthTimeoutMs: 5000 }
    )
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({
      status: 'rolled-back',
      before: '66137ef',
      attempted: '8fa9a9a',
      after: '66137ef'
    })
    expect(outcome.message).toMatch(
      /^8fa9a9a failed \(http:\/\/127\.0\.0\.11:8080\/health did not answer within 5s \(curl: \(22\) 500\)\); rolled back to 66137ef, 8fa9a9a marked bad$/
    )
    const names = trips()
    const failed = h.ran.find((s) => s.name.startsWith('mark'))?.name.split(' ')[1]
    expect(names.slice(-4)).toEqual([
      `switch current to ${R2} + restart`,
      'health url',
      `record rolled-back + discard the failed release ${failed}`,
      'unlock'
    ])
    expect(names).toContain(
      `mark ${h.ran.find((s) => s.name.startsWith('mark'))?.name.split(' ')[1]} bad + record failed`
    )
    expect(probes).toBeGreaterThan(2)
    expect(h.ran.some((s) => s.name.startsWith('prune'))).toBe(false)
  })

  test('a failed build changes nothing live: no switch, no restart, the release marked bad', async () => {
    const {
      job,
      host: h,
      trips
    } = scriptedJob(
      deploy(C3),
      host({ build: { code: 1, stderr: 'npm ERR! missing script' } }),
      plan
    )
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({ status: 'failed', before: '66137ef', after: '66137ef' })
    expect(outcome.message).toBe(
      'build failed (exit code 1): npm ERR! missing script; nothing changed: current is still 66137ef'
    )
    expect(h.ran.some((s) => s.name.startsWith('switch') || s.name === 'restart')).toBe(false)
    expect(trips().at(-2)).toMatch(
      /^mark (\S+) bad \+ record failed \+ discard the failed release \1$/
    )
  })

  test('a failed fetch changes nothing at all: no release, no mark, no history', async () => {
    const { job, host: h } = scriptedJob(
      deploy(C3),
      host({ 'fetch 8fa9a9a': { code: 128, stderr: 'Host key verification failed.' } }),
      plan
    )
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({ status: 'failed' })
    expect(outcome.message).toContain('Host key verification failed.')
    expect(h.ran.map((s) => s.name)).toEqual([
      'inspect git releases',
      'read current release',
      'lock',
      'fetch 8fa9a9a',
      'unlock'
    ])
  })

  test('the first release failing has nothing to roll back to', async () => {
    const { job } = scriptedJob(
      deploy(C1),
      host({ restart: { code: 7, stdout: 'blog: ERROR (spawn error)' } }, ''),
      plan
    )
    const outcome = await deployHost(gitTarget(options(C1)), job)
    expect(outcome).toMatchObject({ status: 'failed', after: '8c07984' })
    expect(outcome.message).toBe(
      'restart failed (exit code 7): blog: ERROR (spawn error) (no previous good release to roll back to)'
    )
  })

  test('an automatic rollback skips a release marked bad', async () => {
    const R0 = '20261201T090000Z-1111111-cccc'
    const state = `current=${R2}\nrelease=${R0}\nrelease=${R1}\nrelease=${R2}\nrevision=${R0} ${'1'.repeat(40)}\nrevision=${R1} ${C1}\nrevision=${R2} ${C2}\nbad=${R2}\nbad=${R1}\n`
    const { job, host: h } = scriptedJob(
      deploy(C3),
      host({ restart: [{ code: 1 }, ''] }, state),
      plan
    )
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: '1111111' })
    expect(h.ran.filter((s) => s.name.startsWith('switch')).map((s) => s.name)).toEqual([
      expect.stringMatching(/-8fa9a9a-tok0$/),
      `switch current to ${R0}`
    ])
  })

  test('rollback-to a release that turns out unhealthy: marked bad, the current one back; the next rollback-to previous skips it', async () => {
    // On a fake host that keeps its state: R0 (healthy), R1 (unhealthy), R2 current.
    const clock = instantClock(Date.UTC(2026, 11, 1, 12))
    const R0 = '20261201T090000Z-1111111-cccc'
    const fake = newHost({
      now: clock.now,
      releases: [
        [R0, { version: '1111111', images: [], commit: '1'.repeat(40) }],
        [R1, { version: C1.slice(0, 7), images: [], commit: C1 }],
        [R2, { version: C2.slice(0, 7), images: [], commit: C2 }]
      ],
      current: R2,
      healthy: (v) => v !== C1.slice(0, 7)
    })
    const rollback = async () => {
      const { job } = fakeHostJob(fake, { kind: 'rollback', to: 'previous' }, { clock, plan })
      return deployHost(gitTarget(options(C2)), job)
    }
    expect(await rollback()).toMatchObject({
      status: 'rolled-back',
      after: '66137ef',
      attempted: '8c07984'
    })
    expect([fake.current, fake.serving, [...fake.bad]]).toEqual([R2, R2, [R1]])
    expect(await rollback()).toMatchObject({ status: 'deployed', after: '1111111' })
    expect([fake.current, fake.serving]).toEqual([R0, R0])
  })

  test('rollback-to whose switch fails: the release is not marked bad (it never ran), the current one restarts', async () => {
    const { job, host: h } = scriptedJob(
      { kind: 'rollback', to: 'previous' },
      host({
        [`switch current to ${R1}`]: { code: 1, stderr: 'mv: cannot move: No space left on device' }
      }),
      plan
    )
    const outcome = await deployHost(gitTarget(options(C2)), job)
    expect(outcome).toMatchObject({ status: 'rolled-back', after: '66137ef' })
    expect(h.ran.map((s) => s.name).filter((n) => n.startsWith('mark'))).toEqual([])
  })

  test('rollback-to previous: switch, restart, health, history; nothing pruned', async () => {
    const { job, trips } = scriptedJob({ kind: 'rollback', to: 'previous' }, host(), plan)
    const outcome = await deployHost(gitTarget(options(C2)), job)
    expect(outcome).toMatchObject({ status: 'deployed', before: '66137ef', after: '8c07984' })
    expect(trips()).toEqual([
      'inspect git releases + read current release',
      `lock + switch current to ${R1} + restart`,
      'health url',
      'record rollback',
      'unlock'
    ])
  })

  test('rollback-to with the lock held past lock-timeout: failed naming the holder, nothing switched or marked', async () => {
    const held = {
      code: 75,
      stdout:
        'held\nnow=1796140000\nsince=1796139990\nowner={"token":"other","actor":"mona","version":"abc1234"}\n'
    }
    const { job, host: h } = scriptedJob(
      { kind: 'rollback', to: 'previous' },
      host({ lock: held }),
      { ...plan, lockTimeoutMs: 2000 }
    )
    const outcome = await deployHost(gitTarget(options(C2)), job)
    expect(outcome).toMatchObject({ status: 'failed' })
    expect(outcome.message).toContain('waiting for the deploy lock, held by mona deploying abc1234')
    expect(h.ran.some((s) => s.name.startsWith('mark') || s.name.startsWith('record'))).toBe(false)
    expect(h.ran.some((s) => s.name.startsWith('switch'))).toBe(false)
  })

  test('rollback-to a commit that is not kept fails before changing anything', async () => {
    const { job, host: h } = scriptedJob({ kind: 'rollback', to: 'abcdef1' }, host(), plan)
    const outcome = await deployHost(gitTarget(options(C2)), job)
    expect(outcome).toMatchObject({ status: 'failed' })
    expect(outcome.message).toBe(
      'Cannot roll back: no release of commit abcdef1 is kept on the host (kept: 8c07984, 66137ef)'
    )
    expect(h.ran.some((s) => s.name.startsWith('switch'))).toBe(false)
  })

  test('a host without git is refused before the lock', async () => {
    const { job, host: h } = scriptedJob(deploy(C3), { 'inspect git releases': 'now=1\n', '*': '' })
    const outcome = await deployHost(gitTarget(options(C3)), job)
    expect(outcome).toMatchObject({
      status: 'failed',
      message: 'git is not installed on the host.'
    })
    expect(h.ran.some((s) => s.name === 'lock')).toBe(false)
  })
})

describe('resolveCommit', () => {
  test('a branch is asked of the repository once; a full id is used as is', async () => {
    const runner = scriptedRunner({ 'resolve main': `${C2}\trefs/heads/main\n` })
    const commit = await resolveCommit(options(C2).source, 'main', async () => runner)
    expect(commit).toBe(C2)
    expect(runner.ran.map((s) => [s.name, s.secretStdin])).toEqual([['resolve main', true]])
    expect(runner.closed).toBe(true)
    expect(
      await resolveCommit(options(C2).source, C1, async () => {
        throw new Error('no')
      })
    ).toBe(C1)
  })

  test('a name the repository does not have is an input error naming it', async () => {
    const runner = scriptedRunner({ 'resolve nope': '' }, { where: 'deploy@h1' })
    await expect(resolveCommit(options(C2).source, 'nope', async () => runner)).rejects.toThrow(
      "Input 'commit': no branch or tag named nope in git@git.example:blog.git (as seen from deploy@h1); expected a branch, a tag or a full commit id."
    )
  })
})
