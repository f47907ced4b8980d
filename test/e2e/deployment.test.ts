/** Deploy records through the real bundle, against the local stand-in for the GitHub API. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github-api.js'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

let gh: FakeGitHub
beforeAll(async () => {
  gh = await startFakeGitHub()
})
afterAll(() => gh.close())

const record = (inputs: Record<string, string>, node: string) =>
  runAction('deployment', {
    node,
    actor: 'mona',
    env: { GITHUB_API_URL: gh.url },
    inputs: { 'github-token': gh.token, ...inputs }
  })

describe.each(NODES)('deployment on $name', ({ path: node }) => {
  test('start records an in-progress deployment with who, what and approved by whom; the job status finishes it', async () => {
    const start = await record(
      {
        environment: 'prod',
        version: '1.4.57',
        digest: 'sha256:' + 'a'.repeat(64),
        'approved-by': 'hubot',
        'environment-url': 'https://shop.example.com'
      },
      node
    )
    expect(start.exitCode).toBe(0)
    const id = Number(start.outputs['deployment-id'])
    const d = gh.deployments.find((x) => x.id === id)!
    expect(d).toMatchObject({
      environment: 'prod',
      production_environment: true,
      ref: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
      description: '1.4.57 by mona, approved by hubot',
      payload: {
        version: '1.4.57',
        digest: 'sha256:' + 'a'.repeat(64),
        approvedBy: 'hubot',
        actor: 'mona',
        runUrl: 'https://github.com/acme/shop/actions/runs/9876543210'
      }
    })
    expect(d.statuses.map((s) => s.state)).toEqual(['in_progress'])
    const done = await record(
      {
        environment: 'prod',
        state: 'success',
        'deployment-id': String(id),
        version: '1.4.57',
        'environment-url': 'https://shop.example.com'
      },
      node
    )
    expect(done.exitCode).toBe(0)
    expect(d.statuses.map((s) => [s.state, s.environment_url])).toEqual([
      ['in_progress', 'https://shop.example.com'],
      ['success', 'https://shop.example.com']
    ])
    expect(secretLeaks(done, [gh.token])).toEqual([])
  })

  test('finishing without the id is an error naming the input', async () => {
    const r = await record({ environment: 'prod', state: 'failure' }, node)
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      'Input \'deployment-id\' is "": expected the `deployment-id` output of the step with `state: start` (to finish it as failure).'
    )
  })

  test('a bad token is refused by GitHub and said so', async () => {
    const r = await runAction('deployment', {
      node,
      env: { GITHUB_API_URL: gh.url },
      inputs: { 'github-token': 'wrong', environment: 'prod' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      'GitHub refused to create a deployment to prod (the job needs `deployments: write`) (401): the token is not valid'
    )
  })
})
