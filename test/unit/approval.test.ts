/**
 * `approval` with `mode: issue`: the wait for an approver's comment, on an instant clock (the
 * HTTP shapes of the GitHub calls are covered by test/e2e/approval.test.ts against a local
 * GitHub stand-in; here the question is what happens over time).
 */
import { describe, expect, test } from '@jest/globals'
import { run } from '../../src/actions/approval/main.js'
import type { GitHubApi, IssueComment } from '../../src/io/github.js'
import { instantClock } from '../../src/lib/clock.js'
import type { Runner } from '../../src/lib/runner.js'

const T0 = Date.UTC(2026, 11, 1, 12, 0, 0)

/** One issue; `script(elapsedMs)` gives the comments that exist by then. */
function fakeGitHub(clock: { now(): number }, script: (elapsedMs: number) => IssueComment[]) {
  const log: string[] = []
  const reads: number[] = []
  const api: GitHubApi = {
    isTeamMember: async () => false,
    createIssue: async (title) => {
      log.push(`create: ${title}`)
      return { number: 7, url: 'https://github.com/acme/shop/issues/7' }
    },
    comments: async () => {
      reads.push(clock.now() - T0)
      return script(clock.now() - T0)
    },
    comment: async (_, body) => void log.push(`comment: ${body}`),
    closeIssue: async (_, reason) => void log.push(`close: ${reason}`),
    deployments: async () => [],
    createDeployment: async () => 1,
    deploymentStatus: async () => {}
  }
  return { api, log, reads }
}

function recordingRunner(inputs: Record<string, string>) {
  const r = { infos: [] as string[], failed: [] as string[], outputs: {} as Record<string, string> }
  const runner: Runner = {
    env: { GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'acme/shop', GITHUB_ACTOR: 'someone' },
    isDebug: false,
    getInput: (name) => (inputs[name] ?? '').trim(),
    setOutput: (name, value) => void (r.outputs[name] = value),
    setSecret: () => {},
    debug: () => {},
    info: (m) => void r.infos.push(m),
    untrusted: (text, prefix = '') => void r.infos.push(prefix + text),
    notice: () => {},
    warning: () => {},
    error: (m) => void r.failed.push(m),
    group: (_, body) => body(),
    appendSummary: () => {},
    saveState: () => {},
    getState: () => '',
    setFailed: (m) => void r.failed.push(m)
  }
  return { runner, r }
}

const comment = (id: number, login: string, body: string): IssueComment => ({
  id,
  login,
  body,
  createdAt: new Date(T0).toISOString()
})

async function approve(script: (elapsedMs: number) => IssueComment[], poll = '15s') {
  const clock = instantClock(T0)
  const gh = fakeGitHub(clock, script)
  const { runner, r } = recordingRunner({
    approvers: 'mona, hubot',
    version: '1.4.57',
    environment: 'prod',
    mode: 'issue',
    'timeout-minutes': '1',
    'poll-interval': poll,
    'github-token': 'token'
  })
  await run({
    runner,
    github: async () => gh.api,
    digestOf: async () => undefined,
    sleep: clock.sleep,
    now: clock.now
  })
  return { r, gh, elapsed: clock.now() - T0 }
}

describe('approval by issue, over time', () => {
  test('nobody answers: comments read every poll until the deadline, then refused and closed', async () => {
    const { r, gh, elapsed } = await approve(() => [])
    expect(gh.reads).toEqual([0, 15_000, 30_000, 45_000, 60_000])
    expect(elapsed).toBe(60_000)
    expect(r.failed).toEqual([
      'Refused: no approver answered https://github.com/acme/shop/issues/7 within 1 minute(s).'
    ])
    expect(gh.log).toEqual([
      'create: Approve deploying 1.4.57 to prod?',
      'comment: No approver answered within 1 minute(s). Nothing was deployed.',
      'close: not_planned'
    ])
    expect(r.outputs['approved-by']).toBeUndefined()
  })

  test('an approval in the last moment counts: the last read is at the deadline, not a poll past it', async () => {
    const { r, gh, elapsed } = await approve(
      (t) => (t >= 59_000 ? [comment(1, 'hubot', 'approve')] : []),
      '25s'
    )
    expect(gh.reads).toEqual([0, 25_000, 50_000, 60_000])
    expect(elapsed).toBe(60_000)
    expect(r.failed).toEqual([])
    expect(r.outputs['approved-by']).toBe('hubot')
    expect(gh.log.slice(1)).toEqual([
      'comment: Approved by @hubot. Deploying 1.4.57 to prod.',
      'close: completed'
    ])
  })

  test('a non-approver is ignored once; the approver after them decides', async () => {
    const { r, gh } = await approve((t) => [
      comment(1, 'eve', 'approve'),
      ...(t >= 30_000 ? [comment(2, 'mona', 'LGTM')] : [])
    ])
    expect(gh.reads).toEqual([0, 15_000, 30_000])
    expect(r.infos.filter((m) => m.startsWith('Ignoring'))).toEqual([
      'Ignoring "approve" from eve: not an approver.'
    ])
    expect(r.outputs['approved-by']).toBe('mona')
  })

  test('a denial ends the wait at once: refused, closed as not planned', async () => {
    const { r, gh } = await approve((t) =>
      t >= 15_000 ? [comment(1, 'mona', 'deny: Friday')] : []
    )
    expect(gh.reads).toEqual([0, 15_000])
    expect(r.failed).toEqual([
      'Refused: mona denied deploying 1.4.57 to prod (https://github.com/acme/shop/issues/7).'
    ])
    expect(gh.log.slice(1)).toEqual([
      'comment: Denied by @mona. Nothing was deployed.',
      'close: not_planned'
    ])
  })
})
