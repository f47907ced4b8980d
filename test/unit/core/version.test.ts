import { describe, expect, test } from '@jest/globals'
import { isValidTag } from '../../../src/core/docker-reference.js'
import { planVersion, type VersionRequest } from '../../../src/core/version.js'

const SHA = '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
const base: VersionRequest = {
  ref: { kind: 'branch', branch: 'develop' },
  base: { major: 0, minor: 1 },
  buildNumber: 57,
  sha: SHA,
  images: ['ghcr.io/acme/shop'],
  fixedBranchTags: ['develop', 'preprod', 'master', 'main'],
  shaTag: true,
  source: 'https://github.com/acme/shop',
  title: 'shop',
  created: '2026-11-22T10:00:00.000Z'
}

describe('planVersion: which version and tags', () => {
  test.each<[string, Partial<VersionRequest>, string, string[]]>([
    [
      'develop build, like TAG=0.1.$CIRCLE_BUILD_NUM',
      {},
      '0.1.57',
      ['0.1.57', 'develop', 'sha-0f1e2d3']
    ],
    [
      'feature branch: no branch tag',
      { ref: { kind: 'branch', branch: 'feature/login' } },
      '0.1.57',
      ['0.1.57', 'sha-0f1e2d3']
    ],
    [
      'base from a git tag',
      { base: { major: 1, minor: 4 }, buildNumber: 3 },
      '1.4.3',
      ['1.4.3', 'develop', 'sha-0f1e2d3']
    ],
    [
      'glob fixed branch, sanitised',
      { ref: { kind: 'branch', branch: 'release/2.0' }, fixedBranchTags: ['release/*'] },
      '0.1.57',
      ['0.1.57', 'release-2.0', 'sha-0f1e2d3']
    ],
    [
      'stable release tag',
      { ref: { kind: 'tag', tag: 'v1.2.3' } },
      '1.2.3',
      ['1.2.3', '1.2', '1', 'latest', 'sha-0f1e2d3']
    ],
    [
      'release without v',
      { ref: { kind: 'tag', tag: '2.0.1' } },
      '2.0.1',
      ['2.0.1', '2.0', '2', 'latest', 'sha-0f1e2d3']
    ],
    [
      '0.x release: no floating 0',
      { ref: { kind: 'tag', tag: 'v0.3.1' } },
      '0.3.1',
      ['0.3.1', '0.3', 'latest', 'sha-0f1e2d3']
    ],
    [
      'prerelease: only the full version',
      { ref: { kind: 'tag', tag: 'v1.3.0-rc.2' } },
      '1.3.0-rc.2',
      ['1.3.0-rc.2', 'sha-0f1e2d3']
    ],
    [
      'build metadata is dropped (not a tag character)',
      { ref: { kind: 'tag', tag: 'v1.3.0+exp.sha.5114f85' } },
      '1.3.0',
      ['1.3.0', '1.3', '1', 'latest', 'sha-0f1e2d3']
    ],
    [
      'non-semver tag used as is',
      { ref: { kind: 'tag', tag: 'release-2026.11' } },
      'release-2026.11',
      ['release-2026.11', 'sha-0f1e2d3']
    ],
    [
      'pull request',
      { ref: { kind: 'pull_request', number: 12, branch: 'develop' } },
      '0.1.57',
      ['0.1.57', 'pr-12', 'sha-0f1e2d3']
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

  test('a fixed branch whose name leaves no valid tag is skipped with a notice', () => {
    const plan = planVersion({
      ...base,
      ref: { kind: 'branch', branch: '日本' },
      fixedBranchTags: ['*']
    })
    expect(plan.tagList).toEqual(['0.1.57', 'sha-0f1e2d3'])
    expect(plan.notices).toEqual(['The branch "日本" leaves no valid image tag.'])
  })

  test('a branch build without a build number is refused', () => {
    expect(() => planVersion({ ...base, buildNumber: undefined })).toThrow('No build number')
  })

  test('a release tag needs no build number', () => {
    expect(
      planVersion({ ...base, buildNumber: undefined, ref: { kind: 'tag', tag: 'v3.0.0' } }).version
    ).toBe('3.0.0')
  })
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
