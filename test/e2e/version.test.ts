import { describe, expect, test } from '@jest/globals'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { gitRepo } from '../harness/git-repo.js'
import { NODES, runAction } from '../harness/run-action.js'

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop'

describe.each(NODES)('version on $name', ({ path: node }) => {
  test('a develop build: MAJOR.MINOR from the newest reachable tag, build number, branch and sha tags', async () => {
    const cwd = gitRepo({ tags: ['v1.2.0', 'v1.10.0', 'v1.9.5'] })
    const r = await runAction('version', {
      node,
      cwd,
      event: { kind: 'push', branch: 'develop' },
      runNumber: '42',
      sha: SHA,
      inputs: { images: IMAGE }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.version).toBe('1.10.42')
    expect(r.outputs['tag-list']).toBe('1.10.42\ndevelop\nsha-0f1e2d3')
    expect(r.outputs.tags).toBe(`${IMAGE}:1.10.42\n${IMAGE}:develop\n${IMAGE}:sha-0f1e2d3`)
    expect((r.outputs.labels ?? '').split('\n')).toEqual([
      'org.opencontainers.image.title=shop',
      'org.opencontainers.image.source=https://github.com/acme/shop',
      'org.opencontainers.image.version=1.10.42',
      expect.stringMatching(/^org\.opencontainers\.image\.created=\d{4}-\d\d-\d\dT/),
      `org.opencontainers.image.revision=${SHA}`
    ])
    expect(JSON.parse(r.outputs.json as string)).toMatchObject({
      version: '1.10.42',
      tags: r.outputs.tags?.split('\n')
    })
    expect(r.summary).toContain('| Version | <code>1.10.42</code> |')
    expect(r.summary).toContain('| Base | 1.10 from git tag v1.10.0 |')
  })

  test('no git tags: base 0.1, like TAG=0.1.$BUILD_NUM', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      event: { kind: 'push', branch: 'feature/login' },
      runNumber: '7',
      sha: SHA
    })
    expect(r.outputs.version).toBe('0.1.7')
    expect(r.outputs['tag-list']).toBe('0.1.7\nsha-0f1e2d3')
  })

  test('a release tag: X.Y.Z, X.Y, X and latest', async () => {
    const r = await runAction('version', {
      node,
      event: { kind: 'tag', tag: 'v2.4.1' },
      sha: SHA,
      inputs: { images: 'ghcr.io/Acme/Shop' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.version).toBe('2.4.1')
    expect(r.outputs.tags).toBe(
      ['2.4.1', '2.4', '2', 'latest', 'sha-0f1e2d3'].map((t) => `ghcr.io/acme/shop:${t}`).join('\n')
    )
  })

  test('a prerelease tag gets only its full version', async () => {
    const r = await runAction('version', {
      node,
      event: { kind: 'tag', tag: 'v2.5.0-rc.1' },
      sha: SHA,
      inputs: { 'sha-tag': 'false' }
    })
    expect(r.outputs['tag-list']).toBe('2.5.0-rc.1')
  })

  test('a pull request gets pr-N, and base-version/build-number inputs override', async () => {
    const r = await runAction('version', {
      node,
      event: { kind: 'pull_request', number: 31, head: 'develop', base: 'master' },
      sha: SHA,
      inputs: { 'base-version': 'v3.1', 'build-number': '900' }
    })
    expect(r.outputs['tag-list']).toBe('3.1.900\npr-31\nsha-0f1e2d3')
  })

  test('workflow_dispatch on master', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      event: { kind: 'workflow_dispatch', branch: 'master' },
      runNumber: '8',
      sha: SHA
    })
    expect(r.outputs['tag-list']).toBe('0.1.8\nmaster\nsha-0f1e2d3')
  })

  test('CircleCI: CIRCLE_BUILD_NUM and CIRCLE_BRANCH, source from CIRCLE_REPOSITORY_URL', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      circleci: { branch: 'preprod', buildNum: '57', sha: SHA },
      inputs: { images: IMAGE }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.version).toBe('0.1.57')
    expect(r.outputs.tags).toBe(`${IMAGE}:0.1.57\n${IMAGE}:preprod\n${IMAGE}:sha-0f1e2d3`)
    expect(r.outputs.labels).toContain(
      'org.opencontainers.image.source=https://github.com/acme/shop'
    )
  })

  test('a hostile branch name never yields an invalid tag and runs nothing', async () => {
    const branch = 'x/$(touch pwned)`id`;rm -rf ~'
    const cwd = gitRepo()
    const r = await runAction('version', {
      node,
      cwd,
      event: { kind: 'push', branch },
      sha: SHA,
      inputs: { 'fixed-branch-tags': '**' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs['tag-list']).toBe('0.1.42\nx-touch-pwned-id-rm--rf\nsha-0f1e2d3')
    expect(existsSync(join(cwd, 'pwned'))).toBe(false)
  })

  test.each([
    [
      'base-version',
      'one.two',
      'Input \'base-version\' is "one.two": expected a semantic version such as `1.4` or `v1.4.0`.'
    ],
    [
      'images',
      'ghcr.io/acme/shop:latest',
      'Input \'images\' is "ghcr.io/acme/shop:latest": expected an image name without a tag (tags are computed), e.g. `ghcr.io/org/app`.'
    ],
    [
      'build-number',
      '12a',
      'Input \'build-number\' is "12a": expected a whole number from 0 to 9007199254740991.'
    ],
    ['sha-tag', 'yes', 'Input \'sha-tag\' is "yes": expected `true` or `false`.']
  ])(
    'bad %s fails the step before any output, naming input, value and expectation',
    async (input, value, message) => {
      const r = await runAction('version', { node, inputs: { [input]: value } })
      expect(r.exitCode).toBe(1)
      expect(r.annotations).toEqual([{ level: 'error', message, properties: {} }])
      expect(r.outputs).toEqual({})
    }
  )

  test('an empty build number is an error that says where to set it', async () => {
    const r = await runAction('version', {
      node,
      runNumber: '',
      event: { kind: 'push', branch: 'develop' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      "No build number: GITHUB_RUN_NUMBER is not set. Set input 'build-number' to a whole number."
    )
  })
})
