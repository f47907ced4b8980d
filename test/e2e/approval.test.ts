/**
 * The approval action's GitHub side through the real bundle, against a local stand-in for the
 * GitHub API with the real shapes (GitHub is not reachable from here). Registry checks are in
 * test/integration/approval.test.ts, against the sandbox's registry.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github-api.js'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

let gh: FakeGitHub
beforeAll(async () => {
  gh = await startFakeGitHub()
  gh.teams['acme/release-managers'] = ['rmgr']
})
afterAll(() => gh.close())

const dispatch = {
  kind: 'workflow_dispatch' as const,
  branch: 'master',
  inputs: { version: '1.4.57' }
}
const approval = (actor: string, inputs: Record<string, string>, node?: string) =>
  runAction('approval', {
    node,
    actor,
    event: dispatch,
    env: { GITHUB_API_URL: gh.url },
    inputs: { version: '1.4.57', 'github-token': gh.token, ...inputs }
  })

describe.each(NODES)('approval on $name', ({ path: node }) => {
  test('the dispatching user is a listed approver: approved, and says who and when', async () => {
    const r = await approval('Mona', { approvers: 'mona, hubot' }, node)
    expect(r.exitCode).toBe(0)
    expect(r.outputs['approved-by']).toBe('Mona')
    expect(Date.parse(r.outputs['approved-at'] as string)).not.toBeNaN()
    expect(r.summary).toContain('<code>Mona (listed)</code>')
    expect(secretLeaks(r, [gh.token])).toEqual([])
  })

  test('someone else is refused, with the reason, and nothing else happens', async () => {
    const before = gh.requests.length
    const r = await approval('eve', { approvers: 'mona, hubot' }, node)
    expect(r.exitCode).toBe(1)
    expect(r.annotations).toEqual([
      { level: 'error', message: 'Refused: eve is not an approver (mona, hubot).', properties: {} }
    ])
    expect(r.outputs).toEqual({})
    expect(gh.requests.length).toBe(before)
  })

  test('org/team approvers are resolved with the GitHub API', async () => {
    const yes = await approval('rmgr', { approvers: 'mona, acme/release-managers' }, node)
    expect(yes.outputs['approved-by']).toBe('rmgr')
    expect(yes.summary).toContain('member of acme/release-managers')
    const no = await approval('eve', { approvers: 'acme/release-managers' }, node)
    expect(no.annotations[0]?.message).toBe(
      'Refused: eve is not an approver (acme/release-managers).'
    )
  })

  test('a team the token cannot see is an error that says what the token needs', async () => {
    const r = await approval('rmgr', { approvers: 'acme/secret-team' }, node)
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toContain(
      'GitHub refused to read the team acme/secret-team (404): the token cannot see it (reading teams needs a token with read:org'
    )
  })

  test('mode: issue waits for an approver, ignores others, closes the issue with the outcome', async () => {
    gh.onCommentsRead = (issue, reads) => {
      const i = gh.issues.find((x) => x.number === issue)!
      if (reads === 1)
        i.comments.push({
          id: 90_000 + issue * 10,
          user: 'eve',
          body: 'approve',
          created_at: new Date().toISOString()
        })
      if (reads === 2)
        i.comments.push({
          id: 90_001 + issue * 10,
          user: 'hubot',
          body: 'LGTM, ship it',
          created_at: new Date().toISOString()
        })
    }
    const r = await approval(
      'someone',
      { approvers: 'mona, hubot', mode: 'issue', 'poll-interval': '100ms', environment: 'prod' },
      node
    )
    gh.onCommentsRead = undefined
    expect(r.exitCode).toBe(0)
    expect(r.outputs['approved-by']).toBe('hubot')
    const issue = gh.issues.at(-1)!
    expect(issue.title).toBe('Approve deploying 1.4.57 to prod?')
    expect(issue.body).toContain('@mona, @hubot: comment `approve` or `deny`')
    expect([issue.state, issue.state_reason]).toEqual(['closed', 'completed'])
    expect(issue.comments.at(-1)?.body).toBe('Approved by @hubot. Deploying 1.4.57 to prod.')
    expect(r.stdout).toContain('Ignoring "approve" from eve: not an approver.')
    expect(r.outputs['issue-url']).toBe(`https://github.com/acme/shop/issues/${issue.number}`)
  })

  test('mode: issue, denied: refused and closed as not planned', async () => {
    gh.onCommentsRead = (issue) => {
      const i = gh.issues.find((x) => x.number === issue)!
      if (i.comments.length === 0)
        i.comments.push({
          id: 95_000 + issue,
          user: 'mona',
          body: 'deny: not on a Friday',
          created_at: new Date().toISOString()
        })
    }
    const r = await approval(
      'someone',
      { approvers: 'mona', mode: 'issue', 'poll-interval': '100ms' },
      node
    )
    gh.onCommentsRead = undefined
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toMatch(
      /^Refused: mona denied deploying 1\.4\.57 to prod \(https:\/\/github\.com\/acme\/shop\/issues\/\d+\)\.$/
    )
    expect(gh.issues.at(-1)?.state_reason).toBe('not_planned')
  })

  test.each([
    [
      { approvers: 'mona, not a user!' },
      'Input \'approvers\' is "not a user!": expected GitHub user names or `org/team` slugs, e.g. `mona, acme/release-managers`.'
    ],
    [
      { approvers: 'mona', version: '1.4.57; rm -rf /' },
      'Input \'version\' is "1.4.57; rm -rf /": expected a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`.'
    ],
    [
      { approvers: 'mona', 'require-stage': 'staging' },
      "Input 'require-stage' is \"staging\": expected an 'image' too: the stage check compares image digests."
    ],
    [
      { approvers: 'mona', mode: 'slack' },
      'Input \'mode\' is "slack": expected one of `environment`, `issue`.'
    ]
  ])('%j is refused before any request', async (inputs, message) => {
    const before = gh.requests.length
    const r = await approval('mona', inputs, node)
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(message)
    expect(gh.requests.length).toBe(before)
  })
})
