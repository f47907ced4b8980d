/**
 * approval's registry guards against the sandbox's real registry (with auth), and the stage
 * check through deployment records kept by the local GitHub API stand-in.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github-api.js'
import { runAction } from '../harness/run-action.js'
import { readSandbox } from '../sandbox/description.js'

const sandbox = readSandbox()
const image = `${sandbox.registry.url}/demo-app`
let gh: FakeGitHub
let v1: string
let v2: string

async function digestOf(tag: string): Promise<string> {
  const auth = Buffer.from(`${sandbox.registry.username}:${sandbox.registry.password}`).toString(
    'base64'
  )
  const res = await fetch(`${sandbox.registry.httpUrl}/v2/demo-app/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: `Basic ${auth}`,
      accept:
        'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json'
    }
  })
  return res.headers.get('docker-content-digest') as string
}

beforeAll(async () => {
  gh = await startFakeGitHub()
  v1 = await digestOf('v1')
  v2 = await digestOf('v2')
})
afterAll(() => gh.close())

const approve = (inputs: Record<string, string>) =>
  runAction('approval', {
    actor: 'mona',
    event: { kind: 'workflow_dispatch', branch: 'master' },
    env: { GITHUB_API_URL: gh.url },
    inputs: {
      approvers: 'mona',
      image,
      'registry-username': sandbox.registry.username,
      'registry-password': sandbox.registry.password,
      'github-token': gh.token,
      ...inputs
    }
  })

test('the version must exist in the registry; its digest is an output', async () => {
  const ok = await approve({ version: 'v1' })
  expect(ok.exitCode).toBe(0)
  expect(ok.outputs.digest).toBe(v1)
  const missing = await approve({ version: 'v9' })
  expect(missing.exitCode).toBe(1)
  expect(missing.annotations[0]?.message).toBe(
    `Refused: ${image}:v9 does not exist in the registry; nothing to release.`
  )
})

test('require-stage reads the last successful deployment to the stage and compares digests', async () => {
  const record = (version: string, digest: string, state: string) =>
    gh.deployments.push({
      id: gh.deployments.length + 1,
      ref: 'main',
      sha: 'x',
      environment: 'staging',
      payload: { version, digest },
      created_at: `2026-11-22T10:0${gh.deployments.length}:00Z`,
      description: '',
      production_environment: false,
      statuses: [{ id: 1, state, created_at: '2026-11-22T10:00:00Z' }]
    })
  record('v1', v1, 'success')
  record('v2', v2, 'failure') // newer, but it failed: staging still runs v1
  const ok = await approve({ version: 'v1', 'require-stage': 'staging' })
  expect(ok.exitCode).toBe(0)
  expect(ok.summary).toContain('Same as staging')
  const refused = await approve({ version: 'v2', 'require-stage': 'staging' })
  expect(refused.exitCode).toBe(1)
  expect(refused.annotations[0]?.message).toMatch(
    new RegExp(
      `^Refused: staging runs ${v1} \\(deployment #1 of v1 on .*\\), not ${v2} \\(v2\\)\\. Release what was verified in staging\\.$`
    )
  )
})

test('require-stage with the stage’s fixed tag', async () => {
  const refused = await approve({ version: 'v2', 'require-stage': 'staging', 'stage-tag': 'v1' })
  expect(refused.annotations[0]?.message).toBe(
    `Refused: staging runs ${v1} (its tag v1), not ${v2} (v2). Release what was verified in staging.`
  )
})
