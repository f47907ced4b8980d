import { describe, expect, test } from '@jest/globals'
import { isValidTag } from '../../../src/core/docker-reference.js'
import {
  nameToTag,
  planVersion,
  shortHash,
  tagProblem,
  type VersionRequest
} from '../../../src/core/version.js'
import { compareSemVer, parseSemVer } from '../../../src/core/semver.js'

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
const base: VersionRequest = {
  ref: { kind: 'branch', branch: 'develop', event: 'push' },
  reachableTags: [],
  allTags: [],
  buildNumber: 57,
  sha: SHA,
  images: ['ghcr.io/acme/shop'],
  fixedBranchTags: ['develop', 'preprod', 'master', 'main'],
  shaTag: true,
  latestTag: 'auto',
  extraTags: [],
  tagPrefix: '',
  tagSuffix: '',
  source: 'https://github.com/acme/shop',
  title: 'shop',
  created: '2026-11-22T10:00:00.000Z'
}
const released = { reachableTags: ['v1.3.0', 'v1.2.9'], allTags: ['v1.3.0', 'v1.2.9'] }
const long = (n: number) => 'x'.repeat(n)

describe('planVersion: which version and tags', () => {
  test.each<[string, Partial<VersionRequest>, string, string[]]>([
    [
      'develop build without release tags, like TAG=0.1.$CIRCLE_BUILD_NUM',
      {},
      '0.1.57',
      ['0.1.57', 'develop', 'sha-0f1e2d3']
    ],
    [
      'feature branch: no branch tag',
      { ref: { kind: 'branch', branch: 'feature/login', event: 'push' } },
      '0.1.57',
      ['0.1.57', 'sha-0f1e2d3']
    ],
    [
      'base-version without release tags keeps the reference form',
      { baseVersion: { major: 1, minor: 4 }, buildNumber: 3 },
      '1.4.3',
      ['1.4.3', 'develop', 'sha-0f1e2d3']
    ],
    // Issue 18 case 2: once releases exist, a prerelease of the next patch.
    [
      'develop after v1.3.0: prerelease of the next patch',
      released,
      '1.3.1-develop.57',
      ['1.3.1-develop.57', 'develop', 'sha-0f1e2d3']
    ],
    [
      'feature branch after v1.3.0: its name as the identifier',
      { ...released, ref: { kind: 'branch', branch: 'feature/Login_2', event: 'push' } },
      '1.3.1-feature-Login-2.57',
      ['1.3.1-feature-Login-2.57', 'sha-0f1e2d3']
    ],
    [
      'base-version 2.0 after v1.3.0: 2.0.0 prerelease',
      { ...released, baseVersion: { major: 2, minor: 0 } },
      '2.0.0-develop.57',
      ['2.0.0-develop.57', 'develop', 'sha-0f1e2d3']
    ],
    [
      'base-version 1.2 after v1.2.9 (elsewhere) and v1.3.0: next patch of its line',
      { ...released, baseVersion: { major: 1, minor: 2 } },
      '1.2.10-develop.57',
      ['1.2.10-develop.57', 'develop', 'sha-0f1e2d3']
    ],
    [
      'a numeric branch name is not a leading-zero identifier',
      { ...released, ref: { kind: 'branch', branch: '0123', event: 'push' } },
      '1.3.1-b0123.57',
      ['1.3.1-b0123.57', 'sha-0f1e2d3']
    ],
    [
      'glob fixed branch, sanitised',
      {
        ref: { kind: 'branch', branch: 'release/2.0', event: 'push' },
        fixedBranchTags: ['release/*']
      },
      '0.1.57',
      ['0.1.57', 'release-2.0', 'sha-0f1e2d3']
    ],
    // Case 1: every event explicitly.
    [
      'workflow_dispatch on master: its fixed tag',
      { ref: { kind: 'branch', branch: 'master', event: 'workflow_dispatch' } },
      '0.1.57',
      ['0.1.57', 'master', 'sha-0f1e2d3']
    ],
    [
      'schedule on master: its fixed tag (the branch head is built)',
      { ref: { kind: 'branch', branch: 'master', event: 'schedule' } },
      '0.1.57',
      ['0.1.57', 'master', 'sha-0f1e2d3']
    ],
    [
      'repository_dispatch on main',
      { ref: { kind: 'branch', branch: 'main', event: 'repository_dispatch' } },
      '0.1.57',
      ['0.1.57', 'main', 'sha-0f1e2d3']
    ],
    [
      'issue_comment on master: no fixed tag',
      { ref: { kind: 'branch', branch: 'master', event: 'issue_comment' } },
      '0.1.57',
      ['0.1.57', 'sha-0f1e2d3']
    ],
    [
      'pull request (pull_request or pull_request_target): pr-N, no branch tag',
      { ref: { kind: 'pull_request', number: 15, branch: 'master' } },
      '0.1.57',
      ['0.1.57', 'pr-15', 'sha-0f1e2d3']
    ],
    [
      'pull request after v1.3.0: a prerelease of the next patch',
      { ...released, ref: { kind: 'pull_request', number: 15, branch: 'test-pr' } },
      '1.3.1-pr-15.57',
      ['1.3.1-pr-15.57', 'pr-15', 'sha-0f1e2d3']
    ],
    [
      'pull requests get no extra tags',
      { ref: { kind: 'pull_request', number: 15 }, extraTags: ['stable'] },
      '0.1.57',
      ['0.1.57', 'pr-15', 'sha-0f1e2d3']
    ],
    [
      'merge group: the version only, no fixed tag',
      { ...released, ref: { kind: 'merge_group', branch: 'main' } },
      '1.3.1-merge-queue.57',
      ['1.3.1-merge-queue.57', 'sha-0f1e2d3']
    ],
    [
      'CircleCI push of a branch with open pull requests: pr-N for each',
      { openPullRequests: [7, 9] },
      '0.1.57',
      ['0.1.57', 'develop', 'pr-7', 'pr-9', 'sha-0f1e2d3']
    ],
    [
      'stable release tag',
      { ref: { kind: 'tag', tag: 'v1.2.3', source: 'GITHUB_REF' } },
      '1.2.3',
      ['1.2.3', '1.2', '1', 'latest', 'sha-0f1e2d3']
    ],
    [
      'release without v',
      { ref: { kind: 'tag', tag: '2.0.1', source: 'GITHUB_REF' } },
      '2.0.1',
      ['2.0.1', '2.0', '2', 'latest', 'sha-0f1e2d3']
    ],
    [
      '0.x release: no floating 0',
      { ref: { kind: 'tag', tag: 'v0.3.1', source: 'GITHUB_REF' } },
      '0.3.1',
      ['0.3.1', '0.3', 'latest', 'sha-0f1e2d3']
    ],
    // Case 3: latest never moves back.
    [
      'hotfix v1.2.4 after v2.0.0: no latest, 1.2 and 1 still move',
      {
        ref: { kind: 'tag', tag: 'v1.2.4', source: 'GITHUB_REF' },
        allTags: ['v1.2.3', 'v1.2.4', 'v2.0.0']
      },
      '1.2.4',
      ['1.2.4', '1.2', '1', 'sha-0f1e2d3']
    ],
    [
      'hotfix v1.2.4 after v1.3.0: no 1 either',
      {
        ref: { kind: 'tag', tag: 'v1.2.4', source: 'GITHUB_REF' },
        allTags: ['v1.2.4', 'v1.3.0', 'v2.0.0-rc.1']
      },
      '1.2.4',
      ['1.2.4', '1.2', 'sha-0f1e2d3']
    ],
    [
      'a newer prerelease does not hold latest back',
      {
        ref: { kind: 'tag', tag: 'v1.4.0', source: 'GITHUB_REF' },
        allTags: ['v1.4.0', 'v2.0.0-rc.1']
      },
      '1.4.0',
      ['1.4.0', '1.4', '1', 'latest', 'sha-0f1e2d3']
    ],
    [
      'latest-tag: false',
      { ref: { kind: 'tag', tag: 'v3.0.0', source: 'GITHUB_REF' }, latestTag: 'false' },
      '3.0.0',
      ['3.0.0', '3.0', '3', 'sha-0f1e2d3']
    ],
    [
      'prerelease: only the full version',
      { ref: { kind: 'tag', tag: 'v1.3.0-rc.2', source: 'GITHUB_REF' } },
      '1.3.0-rc.2',
      ['1.3.0-rc.2', 'sha-0f1e2d3']
    ],
    [
      'build metadata is dropped (not a tag character)',
      { ref: { kind: 'tag', tag: 'v1.3.0+exp.sha.5114f85', source: 'GITHUB_REF' } },
      '1.3.0',
      ['1.3.0', '1.3', '1', 'latest', 'sha-0f1e2d3']
    ],
    [
      'non-semver tag used as is',
      { ref: { kind: 'tag', tag: 'release-2026.11', source: 'GITHUB_REF' } },
      'release-2026.11',
      ['release-2026.11', 'sha-0f1e2d3']
    ],
    // Case 7: the version has no `v`, for non-semver tags too.
    [
      'non-semver tag v1.2 loses its v',
      { ref: { kind: 'tag', tag: 'v1.2', source: 'GITHUB_REF' } },
      '1.2',
      ['1.2', 'sha-0f1e2d3']
    ],
    [
      'non-semver tag with a slash',
      { ref: { kind: 'tag', tag: 'web/v2026.11', source: 'GITHUB_REF' } },
      'web-v2026.11',
      ['web-v2026.11', 'sha-0f1e2d3']
    ],
    // metadata-action users' extras.
    [
      'extra tags and a suffix on every tag',
      { extraTags: ['stable'], tagSuffix: '-alpine' },
      '0.1.57',
      ['0.1.57-alpine', 'develop-alpine', 'stable-alpine', 'sha-0f1e2d3-alpine']
    ],
    [
      'a prefix on a release, latest too',
      { ref: { kind: 'tag', tag: 'v1.0.0', source: 'GITHUB_REF' }, tagPrefix: 'web-' },
      '1.0.0',
      ['web-1.0.0', 'web-1.0', 'web-1', 'web-latest', 'web-sha-0f1e2d3']
    ],
    ['no sha tag', { shaTag: false }, '0.1.57', ['0.1.57', 'develop']],
    ['no sha known', { sha: undefined }, '0.1.57', ['0.1.57', 'develop']]
  ])('%s', (_name, override, version, tagList) => {
    const plan = planVersion({ ...base, ...override })
    expect(plan.version).toBe(version)
    expect(plan.tagList).toEqual(tagList)
    expect(plan.tags).toEqual(tagList.map((t) => `ghcr.io/acme/shop:${t}`))
    for (const tag of plan.tagList) expect(isValidTag(tag)).toBe(true)
  })

  test('branch builds never take a release version and sort below the next release', () => {
    const next = parseSemVer('1.3.1')!
    for (const [branch, build] of [
      ['develop', 2],
      ['develop', 57],
      ['feature/zzz', 999999],
      ['preprod', 1]
    ] as const) {
      const v = planVersion({
        ...base,
        ...released,
        ref: { kind: 'branch', branch, event: 'push' },
        buildNumber: build
      }).version
      const semver = parseSemVer(v)!
      expect(semver.prerelease.length).toBeGreaterThan(0)
      expect(compareSemVer(semver, next)).toBeLessThan(0)
      expect(compareSemVer(semver, parseSemVer('1.3.0')!)).toBeGreaterThan(0)
    }
  })

  test('every image gets every tag', () => {
    const plan = planVersion({ ...base, images: ['ghcr.io/acme/shop', '127.0.0.1:5000/shop'] })
    expect(plan.tags).toEqual([
      'ghcr.io/acme/shop:0.1.57',
      'ghcr.io/acme/shop:develop',
      'ghcr.io/acme/shop:sha-0f1e2d3',
      '127.0.0.1:5000/shop:0.1.57',
      '127.0.0.1:5000/shop:develop',
      '127.0.0.1:5000/shop:sha-0f1e2d3'
    ])
  })

  test('without images, tags are the bare tags', () => {
    expect(planVersion({ ...base, images: [] }).tags).toEqual(['0.1.57', 'develop', 'sha-0f1e2d3'])
  })

  test('a branch build without a build number is refused', () => {
    expect(() => planVersion({ ...base, buildNumber: undefined })).toThrow('No build number')
  })

  test('a release tag needs no build number', () => {
    expect(
      planVersion({
        ...base,
        buildNumber: undefined,
        ref: { kind: 'tag', tag: 'v3.0.0', source: 'GITHUB_REF' }
      }).version
    ).toBe('3.0.0')
  })
})

describe('planVersion: notices', () => {
  test.each<[string, Partial<VersionRequest>, string[], string[]]>([
    [
      'a fixed branch whose name leaves no valid tag',
      { ref: { kind: 'branch', branch: '日本', event: 'push' }, fixedBranchTags: ['*'] },
      ['0.1.57', 'sha-0f1e2d3'],
      ['The branch "日本" leaves no valid image tag.']
    ],
    [
      // Case 7: a branch named latest matched by a glob.
      'a branch named latest',
      { ref: { kind: 'branch', branch: 'latest', event: 'push' }, fixedBranchTags: ['*'] },
      ['0.1.57', 'sha-0f1e2d3'],
      [
        'The branch "latest" matches \'fixed-branch-tags\', but "latest" is not given as a branch tag: Gantry gives `latest` only to the newest release.'
      ]
    ],
    [
      'a branch named like a release',
      { ref: { kind: 'branch', branch: '1.2', event: 'push' }, fixedBranchTags: ['*'] },
      ['0.1.57', 'sha-0f1e2d3'],
      [
        'The branch "1.2" matches \'fixed-branch-tags\', but "1.2" is not given as a branch tag: it looks like a release version tag.'
      ]
    ],
    [
      'a branch named like a pull request tag',
      { ref: { kind: 'branch', branch: 'pr-12', event: 'push' }, fixedBranchTags: ['*'] },
      ['0.1.57', 'sha-0f1e2d3'],
      [
        'The branch "pr-12" matches \'fixed-branch-tags\', but "pr-12" is not given as a branch tag: it is the tag of a pull request.'
      ]
    ],
    [
      'an event that is not the branch’s own build',
      { ref: { kind: 'branch', branch: 'master', event: 'issue_comment' } },
      ['0.1.57', 'sha-0f1e2d3'],
      [
        'The event "issue_comment" is not a push, dispatch or schedule of "master": no fixed branch tag.'
      ]
    ],
    [
      'hotfix after a newer release',
      {
        ref: { kind: 'tag', tag: 'v1.2.4', source: 'GITHUB_REF' },
        allTags: ['v1.3.0', 'v2.0.0']
      },
      ['1.2.4', '1.2', 'sha-0f1e2d3'],
      [
        'v1.2.4 is not the newest release of 1 (v1.3.0 is): no `1` tag, so it keeps pointing at v1.3.0.',
        'v1.2.4 is not the newest release (v2.0.0 is): no `latest` tag, so it keeps pointing at v2.0.0.'
      ]
    ],
    [
      'non-semver tag as is',
      { ref: { kind: 'tag', tag: 'release-2026.11', source: 'GITHUB_REF' } },
      ['release-2026.11', 'sha-0f1e2d3'],
      ['The git tag "release-2026.11" is not semver; it is the version as is.']
    ],
    [
      // Case 7: "as is" only when it is.
      'non-semver tag with characters replaced and v dropped',
      { ref: { kind: 'tag', tag: 'v2026.11/web', source: 'GITHUB_REF' } },
      ['2026.11-web', 'sha-0f1e2d3'],
      [
        'The git tag "v2026.11/web" is not semver; the version is "2026.11-web" (without its `v`; characters outside A-Z a-z 0-9 _ . - replaced by `-`).'
      ]
    ]
  ])('%s', (_name, override, tagList, notices) => {
    const plan = planVersion({ ...base, images: [], ...override })
    expect(plan.tagList).toEqual(tagList)
    expect(plan.notices).toEqual(notices)
  })

  test('a non-semver tag longer than a tag is cut, with a hash, and says so', () => {
    const tag = `nightly-${long(200)}`
    const plan = planVersion({
      ...base,
      images: [],
      ref: { kind: 'tag', tag, source: 'GITHUB_REF' }
    })
    expect(plan.version).toBe(`nightly-${long(111)}-${shortHash(tag)}`)
    expect(plan.version).toHaveLength(128)
    expect(plan.notices).toEqual([
      `The git tag ${JSON.stringify(tag)} is not semver; the version is ${JSON.stringify(plan.version)} (cut to 128 characters with a hash of the whole tag at the end).`
    ])
  })
})

describe('long names (case 6)', () => {
  const a = `feature/${long(130)}-a`
  const b = `feature/${long(130)}-b`
  test('two branches that differ after character 128 keep two tags, with a notice', () => {
    const plan = (branch: string) =>
      planVersion({
        ...base,
        images: [],
        shaTag: false,
        ref: { kind: 'branch', branch, event: 'push' },
        fixedBranchTags: ['feature/**']
      })
    const [pa, pb] = [plan(a), plan(b)]
    const [ta, tb] = [pa.tagList[1] as string, pb.tagList[1] as string]
    expect(ta).toBe(`feature-${long(111)}-${shortHash(a)}`)
    expect(ta).toHaveLength(128)
    expect(ta).not.toBe(tb)
    expect(pa.notices).toEqual([
      `The branch ${JSON.stringify(a)} is longer than a tag: its tag is ${JSON.stringify(ta)}, cut with a hash of the whole name at the end so that no other branch shares it.`
    ])
  })

  test('a long branch name in the version is cut to keep it a tag', () => {
    const plan = planVersion({
      ...base,
      ...released,
      ref: { kind: 'branch', branch: a, event: 'push' },
      buildNumber: 123456
    })
    expect(plan.version).toHaveLength(128)
    expect(plan.version).toMatch(/^1\.3\.1-feature-x+\.123456$/)
  })

  test.each([
    ['develop', { tag: 'develop', changes: [] }],
    ['feature/a b', { tag: 'feature-a-b', changes: ['replaced'] }],
    ['-x-', { tag: 'x', changes: ['replaced'] }],
    ['日本', { tag: undefined, changes: ['replaced'] }]
  ])('nameToTag(%j)', (name, expected) => expect(nameToTag(name)).toEqual(expected))
})

describe('versions that are not tags are errors (case 4)', () => {
  test.each<[string, Partial<VersionRequest>, string]>([
    [
      'a 136-character prerelease tag',
      { ref: { kind: 'tag', tag: `v1.0.0-${long(130)}`, source: 'GITHUB_REF' } },
      `The git tag "v1.0.0-${long(130)}" (GITHUB_REF) gives the version "1.0.0-${long(130)}", which is not a valid image tag: it has 136 characters, and a tag has at most 128.`
    ],
    [
      'the same with sha-tag false (nothing is silently empty)',
      {
        shaTag: false,
        ref: { kind: 'tag', tag: `v1.0.0-${long(130)}`, source: 'CIRCLE_TAG' }
      },
      `The git tag "v1.0.0-${long(130)}" (CIRCLE_TAG) gives the version "1.0.0-${long(130)}", which is not a valid image tag: it has 136 characters, and a tag has at most 128.`
    ],
    [
      'a suffix that makes a tag too long',
      { tagSuffix: long(125) },
      `The tag "0.1.57${long(125)}" (with inputs 'tag-prefix' and 'tag-suffix') is not a valid image tag: it has 131 characters, and a tag has at most 128.`
    ]
  ])('%s', (_name, override, message) => {
    expect(() => planVersion({ ...base, ...override })).toThrow(message)
  })

  test.each([
    ['develop', undefined],
    ['', 'it is empty'],
    ['a+b', "a tag has only A-Z a-z 0-9 _ . - (not '+')"],
    ['-x', 'a tag may not start with . or -']
  ])('tagProblem(%j)', (tag, problem) => expect(tagProblem(tag)).toBe(problem))
})

test('OCI labels', () => {
  expect(planVersion(base).labels).toEqual({
    'org.opencontainers.image.title': 'shop',
    'org.opencontainers.image.source': 'https://github.com/acme/shop',
    'org.opencontainers.image.version': '0.1.57',
    'org.opencontainers.image.created': '2026-11-22T10:00:00.000Z',
    'org.opencontainers.image.revision': SHA
  })
  expect(
    Object.keys(
      planVersion({ ...base, source: undefined, title: undefined, sha: undefined }).labels
    )
  ).toEqual(['org.opencontainers.image.version', 'org.opencontainers.image.created'])
})
