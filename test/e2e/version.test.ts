import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitRepo } from '../harness/git-repo.js'
import { NODES, runAction, type Event } from '../harness/run-action.js'

/** A clone as actions/checkout makes it by default: one commit deep, no tags. */
function shallowClone(origin: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'gantry-shallow-')), 'repo')
  execFileSync('git', ['clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, dir])
  return dir
}

/** GitHub's variables for an event, in the shapes of docker/metadata-action's fixtures. */
const gh = (
  name: string,
  ref: string,
  extra: Record<string, string> = {},
  payload: unknown = {}
): Event => ({
  kind: 'raw',
  env: { GITHUB_EVENT_NAME: name, GITHUB_REF: ref, ...extra },
  payload
})
const PR_SHA = 'a9c8c5828b91be19d9728548b24759e352367ef1'
const HEAD_SHA = '57a8fb29acfb3c1e27c66226a8993fb4ef722e26'
const prPayload = (number: number, head: string) => ({
  number,
  pull_request: { number, head: { ref: head, sha: HEAD_SHA }, base: { ref: 'master' } }
})

// Replayed: the events and ref shapes of docker/metadata-action's __tests__/fixtures (event_*.env
// and payloads), each with Gantry's documented answer. Run number 10, no git tags.
const FIXTURES: [string, Event, string][] = [
  [
    'event_push_dev: a branch not in fixed-branch-tags',
    gh('push', 'refs/heads/dev'),
    '0.1.10\nsha-a9c8c58'
  ],
  [
    'event_push_master: a fixed branch',
    gh('push', 'refs/heads/master'),
    '0.1.10\nmaster\nsha-a9c8c58'
  ],
  [
    'event_push_invalidchars: a branch with a slash, matched by a glob',
    gh('push', 'refs/heads/feature/my-feature'),
    '0.1.10\nfeature-my-feature\nsha-a9c8c58'
  ],
  ['event_tag_v1.1.1', gh('push', 'refs/tags/v1.1.1'), '1.1.1\n1.1\n1\nlatest\nsha-a9c8c58'],
  [
    'event_release_created',
    gh('release', 'refs/tags/v1.1.1'),
    '1.1.1\n1.1\n1\nlatest\nsha-a9c8c58'
  ],
  [
    'event_tag_v2.0.8-beta.67: a prerelease',
    gh('push', 'refs/tags/v2.0.8-beta.67'),
    '2.0.8-beta.67\nsha-a9c8c58'
  ],
  [
    'event_tag_v9.5.7-alpha.2+fork.3.1.8: build metadata dropped',
    gh('push', 'refs/tags/v9.5.7-alpha.2+fork.3.1.8'),
    '9.5.7-alpha.2\nsha-a9c8c58'
  ],
  [
    'event_tag_20200110-RC2: not semver',
    gh('push', 'refs/tags/20200110-RC2'),
    '20200110-RC2\nsha-a9c8c58'
  ],
  ['event_tag_v1.2: not semver, no v', gh('push', 'refs/tags/v1.2'), '1.2\nsha-a9c8c58'],
  ['event_tag_sometag', gh('push', 'refs/tags/sometag'), 'sometag\nsha-a9c8c58'],
  ['event_schedule', gh('schedule', 'refs/heads/master'), '0.1.10\nmaster\nsha-a9c8c58'],
  [
    'event_workflow_dispatch',
    gh('workflow_dispatch', 'refs/heads/master'),
    '0.1.10\nmaster\nsha-a9c8c58'
  ],
  [
    'repository_dispatch',
    gh('repository_dispatch', 'refs/heads/main'),
    '0.1.10\nmain\nsha-a9c8c58'
  ],
  [
    'event_pull_request',
    gh(
      'pull_request',
      'refs/pull/15/merge',
      { GITHUB_HEAD_REF: 'test-pr', GITHUB_BASE_REF: 'master' },
      prPayload(15, 'test-pr')
    ),
    '0.1.10\npr-15\nsha-a9c8c58'
  ],
  [
    'event_pull_request_target: GITHUB_REF is master, never :master',
    gh(
      'pull_request_target',
      'refs/heads/master',
      { GITHUB_HEAD_REF: 'test-pr', GITHUB_BASE_REF: 'master' },
      prPayload(15, 'test-pr')
    ),
    '0.1.10\npr-15\nsha-a9c8c58'
  ],
  [
    'merge_group: the version only',
    gh(
      'merge_group',
      `refs/heads/gh-readonly-queue/master/pr-15-${PR_SHA}`,
      {},
      { merge_group: { base_ref: 'refs/heads/master', head_sha: PR_SHA } }
    ),
    '0.1.10\nsha-a9c8c58'
  ],
  ['event_issue_opened: no fixed tag', gh('issues', 'refs/heads/master'), '0.1.10\nsha-a9c8c58']
]

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop'

describe.each(NODES)('version on $name', ({ path: node }) => {
  test.each(FIXTURES)('%s', async (_name, event, tagList) => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      event,
      runNumber: '10',
      sha: PR_SHA,
      inputs: { 'fixed-branch-tags': 'develop, preprod, master, main, feature/*' }
    })
    expect(r.annotations.filter((a) => a.level !== 'notice')).toEqual([])
    expect(r.exitCode).toBe(0)
    expect(r.outputs['tag-list']).toBe(tagList)
  })

  test('pull_request_target: pr-N, and with pr-head-sha the head commit names the image', async () => {
    const event = gh(
      'pull_request_target',
      'refs/heads/master',
      { GITHUB_HEAD_REF: 'test-pr', GITHUB_BASE_REF: 'master' },
      prPayload(15, 'test-pr')
    )
    const r = await runAction('version', {
      node,
      cwd: gitRepo({ tags: ['v1.3.0'] }),
      event,
      runNumber: '10',
      sha: PR_SHA,
      inputs: { images: IMAGE, 'pr-head-sha': 'true' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.version).toBe('1.3.1-pr-15.10')
    expect(r.outputs['tag-list']).toBe('1.3.1-pr-15.10\npr-15\nsha-57a8fb2')
    expect(r.outputs.labels).toContain(`org.opencontainers.image.revision=${HEAD_SHA}`)
    expect(r.summary).toContain('| Build | pull request #15 from test-pr (pull_request_target) |')
  })

  test('once releases exist, branch builds are prereleases of the next patch', async () => {
    const cwd = gitRepo({ tags: ['v1.2.0', 'v1.3.0'] })
    const r = await runAction('version', {
      node,
      cwd,
      event: { kind: 'push', branch: 'develop' },
      runNumber: '57',
      sha: SHA
    })
    expect(r.outputs.version).toBe('1.3.1-develop.57')
    expect(r.outputs['tag-list']).toBe('1.3.1-develop.57\ndevelop\nsha-0f1e2d3')
    expect(r.summary).toContain('| Form | prerelease of the next patch (releases exist) |')
  })

  test('a hotfix of an older line does not move latest back; latest-tag: false turns it off', async () => {
    const cwd = gitRepo({ tags: ['v1.2.3', 'v2.0.0', 'v1.2.4'] })
    const hotfix = await runAction('version', {
      node,
      cwd,
      event: { kind: 'tag', tag: 'v1.2.4' },
      sha: SHA,
      inputs: { 'sha-tag': 'false' }
    })
    expect(hotfix.outputs['tag-list']).toBe('1.2.4\n1.2\n1')
    expect(hotfix.annotations).toEqual([
      {
        level: 'notice',
        message:
          'v1.2.4 is not the newest release (v2.0.0 is): no `latest` tag, so it keeps pointing at v2.0.0.',
        properties: {}
      }
    ])
    const off = await runAction('version', {
      node,
      cwd: gitRepo({ tags: ['v3.0.0'] }),
      event: { kind: 'tag', tag: 'v3.0.0' },
      sha: SHA,
      inputs: { 'sha-tag': 'false', 'latest-tag': 'false' }
    })
    expect(off.outputs['tag-list']).toBe('3.0.0\n3.0\n3')
  })

  test('a shallow checkout warns, naming fetch-depth: 0', async () => {
    const r = await runAction('version', {
      node,
      cwd: shallowClone(gitRepo({ tags: ['v1.3.0'] })),
      event: { kind: 'push', branch: 'develop' },
      runNumber: '15',
      sha: SHA
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.version).toBe('0.1.15')
    expect(r.annotations).toEqual([
      {
        level: 'warning',
        message:
          'This checkout is shallow, so git tags are not visible: the version uses the base 0.1 instead of the newest release. Check out with `fetch-depth: 0` (actions/checkout) to version from the release tags.',
        properties: { title: 'Shallow checkout' }
      }
    ])
  })

  test('a shallow checkout of a release says latest was not checked; a prerelease needs no tags', async () => {
    const cwd = shallowClone(gitRepo({ tags: ['v2.0.0'] }))
    const release = await runAction('version', {
      node,
      cwd,
      event: { kind: 'tag', tag: 'v1.2.4' },
      sha: SHA,
      inputs: { 'sha-tag': 'false' }
    })
    expect(release.outputs['tag-list']).toBe('1.2.4\n1.2\n1\nlatest')
    expect(release.annotations).toEqual([
      {
        level: 'warning',
        message:
          'This checkout is shallow, so the other release tags are not visible: `latest`, `X.Y` and `X` were given without checking for a newer release. Check out with `fetch-depth: 0` (actions/checkout) so that a hotfix of an older line cannot move them back.',
        properties: { title: 'Shallow checkout' }
      }
    ])
    const pre = await runAction('version', {
      node,
      cwd,
      event: { kind: 'tag', tag: 'v2.1.0-rc.1' },
      sha: SHA
    })
    expect(pre.annotations).toEqual([])
  })

  test('two branch names that differ after character 128 get two tags, with a notice', async () => {
    const long = 'x'.repeat(130)
    const tags = []
    for (const branch of [`feature/${long}-a`, `feature/${long}-b`]) {
      const r = await runAction('version', {
        node,
        cwd: gitRepo(),
        event: { kind: 'push', branch },
        sha: SHA,
        inputs: { 'fixed-branch-tags': 'feature/**', 'sha-tag': 'false' }
      })
      const tag = r.outputs['tag-list']?.split('\n')[1] ?? ''
      expect(tag).toMatch(/^feature-x{111}-[0-9a-f]{8}$/)
      expect(r.annotations[0]?.message).toContain('is longer than a tag: its tag is')
      tags.push(tag)
    }
    expect(tags[0]).not.toBe(tags[1])
  })

  test('a branch named latest, matched by a glob, does not push :latest', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      event: { kind: 'push', branch: 'latest' },
      sha: SHA,
      inputs: { 'fixed-branch-tags': '*' }
    })
    expect(r.outputs['tag-list']).toBe('0.1.42\nsha-0f1e2d3')
    expect(r.annotations[0]?.message).toBe(
      'The branch "latest" matches \'fixed-branch-tags\', but "latest" is not given as a branch tag: Gantry gives `latest` only to the newest release.'
    )
  })

  test('extra tags with a suffix; pull requests get none of them', async () => {
    const inputs = { 'extra-tags': 'stable, edge', 'tag-suffix': '-alpine', images: IMAGE }
    const push = await runAction('version', {
      node,
      cwd: gitRepo(),
      event: { kind: 'push', branch: 'main' },
      sha: SHA,
      inputs
    })
    expect(push.outputs['tag-list']).toBe(
      '0.1.42-alpine\nmain-alpine\nstable-alpine\nedge-alpine\nsha-0f1e2d3-alpine'
    )
    expect(push.outputs.version).toBe('0.1.42')
    const pr = await runAction('version', {
      node,
      cwd: gitRepo(),
      event: { kind: 'pull_request', number: 31, head: 'feat', base: 'main' },
      sha: SHA,
      inputs
    })
    expect(pr.outputs['tag-list']).toBe('0.1.42-alpine\npr-31-alpine\nsha-0f1e2d3-alpine')
  })

  test('a prerelease longer than a tag fails, naming the tag and the reason', async () => {
    const pre = 'a'.repeat(130)
    for (const shaTag of ['true', 'false']) {
      const r = await runAction('version', {
        node,
        event: { kind: 'tag', tag: `v1.0.0-${pre}` },
        sha: SHA,
        inputs: { 'sha-tag': shaTag }
      })
      expect(r.exitCode).toBe(1)
      expect(r.annotations).toEqual([
        {
          level: 'error',
          message: `The git tag "v1.0.0-${pre}" (GITHUB_REF) gives the version "1.0.0-${pre}", which is not a valid image tag: it has 136 characters, and a tag has at most 128.`,
          properties: {}
        }
      ])
      expect(r.outputs).toEqual({})
    }
  })

  test('CircleCI: a push of a branch with an open pull request keeps its branch tag', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      circleci: { branch: 'develop', buildNum: '58', sha: SHA },
      env: { CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31' }
    })
    expect(r.outputs['tag-list']).toBe('0.1.58\ndevelop\npr-31\nsha-0f1e2d3')
  })

  test('CircleCI: a forked pull request gets pr-N and no branch tag', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo(),
      circleci: { branch: 'pull/31', buildNum: '59', sha: SHA },
      env: { CIRCLE_PR_NUMBER: '31', CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31' },
      inputs: { 'fixed-branch-tags': '**' }
    })
    expect(r.outputs['tag-list']).toBe('0.1.59\npr-31\nsha-0f1e2d3')
  })

  test('without GITHUB_ACTIONS=true the error says GITHUB_RUN_NUMBER is not read, not unset', async () => {
    const r = await runAction('version', {
      node,
      cwd: gitRepo({ branch: 'develop' }),
      env: { GITHUB_ACTIONS: '' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      "No build number: this is not a GitHub Actions or CircleCI build (GITHUB_ACTIONS and CIRCLECI are not `true`), so GITHUB_RUN_NUMBER is not read. Set input 'build-number' to a whole number."
    )
  })
  test('a develop build: the next patch of the newest reachable tag, branch and build number, branch and sha tags', async () => {
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
    expect(r.outputs.version).toBe('1.10.1-develop.42')
    expect(r.outputs['tag-list']).toBe('1.10.1-develop.42\ndevelop\nsha-0f1e2d3')
    expect(r.outputs.tags).toBe(
      `${IMAGE}:1.10.1-develop.42\n${IMAGE}:develop\n${IMAGE}:sha-0f1e2d3`
    )
    expect((r.outputs.labels ?? '').split('\n')).toEqual([
      'org.opencontainers.image.title=shop',
      'org.opencontainers.image.source=https://github.com/acme/shop',
      'org.opencontainers.image.version=1.10.1-develop.42',
      expect.stringMatching(/^org\.opencontainers\.image\.created=\d{4}-\d\d-\d\dT/),
      `org.opencontainers.image.revision=${SHA}`
    ])
    expect(JSON.parse(r.outputs.json as string)).toMatchObject({
      version: '1.10.1-develop.42',
      tags: r.outputs.tags?.split('\n')
    })
    expect(r.summary).toContain('| Version | <code>1.10.1-develop.42</code> |')
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
    ['sha-tag', 'yes', 'Input \'sha-tag\' is "yes": expected `true` or `false`.'],
    [
      'base-version',
      '9999999999999999999999.1',
      'Input \'base-version\' is "9999999999999999999999.1": expected a semantic version whose numbers are at most 9007199254740991.'
    ],
    ['latest-tag', 'true', 'Input \'latest-tag\' is "true": expected one of `auto`, `false`.'],
    [
      'extra-tags',
      'latest',
      "Input 'extra-tags' is \"latest\": expected image tags (`latest` is set by input 'latest-tag')."
    ],
    [
      'extra-tags',
      'v1+b',
      "Input 'extra-tags' is \"v1+b\": expected image tags (a tag has only A-Z a-z 0-9 _ . - (not '+'))."
    ],
    [
      'tag-prefix',
      '-web',
      'Input \'tag-prefix\' is "-web": expected the start of a tag: A-Z a-z 0-9 _ . - and not starting with . or -.'
    ],
    [
      'tag-suffix',
      '/x',
      'Input \'tag-suffix\' is "/x": expected the end of a tag: A-Z a-z 0-9 _ . -.'
    ],
    ['pr-head-sha', 'maybe', 'Input \'pr-head-sha\' is "maybe": expected `true` or `false`.']
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
