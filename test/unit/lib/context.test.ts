import { describe, expect, test } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { httpsRepositoryUrl, readCiContext } from '../../../src/lib/context.js'

const github = {
  GITHUB_ACTIONS: 'true',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_RUN_ID: '99',
  GITHUB_RUN_NUMBER: '12',
  GITHUB_SHA: 'abc',
  GITHUB_ACTOR: 'mona'
}

test('GitHub push to a branch', () => {
  expect(
    readCiContext({ ...github, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature/x' })
  ).toEqual({
    provider: 'github',
    eventName: 'push',
    branch: 'feature/x',
    tag: undefined,
    pullRequest: undefined,
    sha: 'abc',
    buildNumber: '12',
    repository: 'acme/shop',
    repositoryUrl: 'https://github.com/acme/shop',
    actor: 'mona',
    runUrl: 'https://github.com/acme/shop/actions/runs/99'
  })
})

test('GitHub tag and pull request', () => {
  expect(readCiContext({ ...github, GITHUB_REF: 'refs/tags/v1.0.0' })).toMatchObject({
    tag: 'v1.0.0',
    branch: undefined
  })
  expect(
    readCiContext({
      ...github,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_HEAD_REF: 'feat'
    })
  ).toMatchObject({ pullRequest: 7, branch: 'feat', eventName: 'pull_request' })
})

test('CircleCI', () => {
  expect(
    readCiContext({
      CIRCLECI: 'true',
      CIRCLE_BRANCH: 'develop',
      CIRCLE_SHA1: 'def',
      CIRCLE_BUILD_NUM: '57',
      CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/57',
      CIRCLE_PROJECT_USERNAME: 'acme',
      CIRCLE_PROJECT_REPONAME: 'shop',
      CIRCLE_REPOSITORY_URL: 'git@github.com:acme/shop.git',
      CIRCLE_USERNAME: 'dev'
    })
  ).toEqual({
    provider: 'circleci',
    eventName: 'push',
    branch: 'develop',
    tag: undefined,
    pullRequest: undefined,
    sha: 'def',
    buildNumber: '57',
    repository: 'acme/shop',
    repositoryUrl: 'https://github.com/acme/shop',
    actor: 'dev',
    runUrl: 'https://circleci.com/gh/acme/shop/57'
  })
})

// The facts of each event, in the shapes docker/metadata-action's fixtures (event_*.env and
// their payloads) record from real runs: what is built, and whether it is a pull request.
describe('every event explicitly', () => {
  const gh = (env: Record<string, string>, payload?: unknown) =>
    readCiContext({ ...github, ...env }, payload)
  test.each<[string, Record<string, string>, unknown, Record<string, unknown>]>([
    [
      'push to a branch (event_push_dev)',
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/dev' },
      {},
      { eventName: 'push', branch: 'dev', tag: undefined, pullRequest: undefined }
    ],
    [
      'push of a tag (event_tag_v1.1.1)',
      { GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/v1.1.1' },
      {},
      { eventName: 'push', branch: undefined, tag: 'v1.1.1' }
    ],
    [
      'pull_request: refs/pull/15/merge, head branch from GITHUB_HEAD_REF',
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_REF: 'refs/pull/15/merge',
        GITHUB_HEAD_REF: 'test-pr',
        GITHUB_BASE_REF: 'master'
      },
      { number: 15, pull_request: { number: 15, head: { ref: 'test-pr', sha: 'head15' } } },
      {
        eventName: 'pull_request',
        branch: 'test-pr',
        pullRequest: 15,
        pullRequestBase: 'master',
        pullRequestHeadSha: 'head15'
      }
    ],
    [
      'pull_request_target: GITHUB_REF is the base branch, the number is in the payload',
      {
        GITHUB_EVENT_NAME: 'pull_request_target',
        GITHUB_REF: 'refs/heads/master',
        GITHUB_HEAD_REF: 'test-pr-target',
        GITHUB_BASE_REF: 'master'
      },
      { number: 8, pull_request: { number: 8, head: { ref: 'test-pr-target', sha: 'head8' } } },
      {
        eventName: 'pull_request_target',
        branch: 'test-pr-target',
        tag: undefined,
        pullRequest: 8,
        pullRequestBase: 'master',
        pullRequestHeadSha: 'head8'
      }
    ],
    [
      'pull_request_target without a payload: no number, and never the base branch',
      { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/master' },
      {},
      { branch: undefined, pullRequest: undefined }
    ],
    [
      'merge_group: the queue branch is not the branch; its base is',
      {
        GITHUB_EVENT_NAME: 'merge_group',
        GITHUB_REF:
          'refs/heads/gh-readonly-queue/main/pr-12-0f1e2d3c4b5a69788796a5b4c3d2e1f001234567'
      },
      { merge_group: { base_ref: 'refs/heads/main', head_sha: 'abc' } },
      { eventName: 'merge_group', branch: 'main', pullRequest: undefined }
    ],
    [
      'merge_group without a payload: the base from the queue branch name',
      {
        GITHUB_EVENT_NAME: 'merge_group',
        GITHUB_REF: 'refs/heads/gh-readonly-queue/release/1.x/pr-3-abc'
      },
      {},
      { branch: 'release/1.x' }
    ],
    [
      'workflow_dispatch (event_workflow_dispatch)',
      { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/master' },
      {},
      { eventName: 'workflow_dispatch', branch: 'master' }
    ],
    [
      'schedule (event_schedule)',
      { GITHUB_EVENT_NAME: 'schedule', GITHUB_REF: 'refs/heads/master' },
      {},
      { eventName: 'schedule', branch: 'master', tag: undefined }
    ],
    [
      'release (event_release_created): a tag',
      { GITHUB_EVENT_NAME: 'release', GITHUB_REF: 'refs/tags/v1.1.1' },
      {},
      { eventName: 'release', tag: 'v1.1.1', branch: undefined }
    ],
    [
      'repository_dispatch: the default branch',
      { GITHUB_EVENT_NAME: 'repository_dispatch', GITHUB_REF: 'refs/heads/main' },
      {},
      { eventName: 'repository_dispatch', branch: 'main' }
    ]
  ])('GitHub %s', (_name, env, payload, expected) => {
    expect(gh(env, payload)).toMatchObject(expected)
  })

  const circle = { CIRCLECI: 'true', CIRCLE_SHA1: 'def', CIRCLE_BUILD_NUM: '57' }
  test.each<[string, Record<string, string>, Record<string, unknown>]>([
    [
      'a push of a branch',
      { CIRCLE_BRANCH: 'develop' },
      { eventName: 'push', branch: 'develop', pullRequest: undefined, openPullRequests: undefined }
    ],
    [
      'a push of a branch with an open pull request (CIRCLE_PULL_REQUEST): still a push',
      { CIRCLE_BRANCH: 'develop', CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31' },
      { eventName: 'push', branch: 'develop', pullRequest: undefined, openPullRequests: [31] }
    ],
    [
      'CIRCLE_PULL_REQUESTS lists several',
      {
        CIRCLE_BRANCH: 'develop',
        CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/40',
        CIRCLE_PULL_REQUESTS:
          'https://github.com/acme/shop/pull/40,https://github.com/acme/shop/pull/33'
      },
      { openPullRequests: [33, 40] }
    ],
    [
      'a forked pull request (CIRCLE_PR_NUMBER, branch pull/N)',
      {
        CIRCLE_BRANCH: 'pull/31',
        CIRCLE_PR_NUMBER: '31',
        CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31'
      },
      { eventName: 'pull_request', pullRequest: 31, openPullRequests: undefined }
    ],
    [
      'a forked pull request known only by its branch name',
      { CIRCLE_BRANCH: 'pull/32' },
      { eventName: 'pull_request', pullRequest: 32 }
    ],
    ['a tag (CIRCLE_TAG)', { CIRCLE_TAG: 'v1.4.0' }, { eventName: 'push', tag: 'v1.4.0' }],
    [
      'a scheduled pipeline: a branch build like a push',
      { CIRCLE_BRANCH: 'main' },
      { eventName: 'push', branch: 'main', tag: undefined, pullRequest: undefined }
    ]
  ])('CircleCI %s', (_name, env, expected) => {
    expect(readCiContext({ ...circle, ...env })).toMatchObject(expected)
  })
})

test('the payload is read from GITHUB_EVENT_PATH when the event needs it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-ctx-'))
  const path = join(dir, 'event.json')
  writeFileSync(path, JSON.stringify({ number: 8, pull_request: { head: { sha: 'h' } } }))
  expect(
    readCiContext({
      ...github,
      GITHUB_EVENT_NAME: 'pull_request_target',
      GITHUB_REF: 'refs/heads/master',
      GITHUB_EVENT_PATH: path
    })
  ).toMatchObject({ pullRequest: 8, pullRequestHeadSha: 'h', branch: undefined })
  writeFileSync(path, 'not json')
  expect(
    readCiContext({ ...github, GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: path })
  ).toMatchObject({ pullRequest: undefined })
})

test('neither CI: local', () => {
  expect(readCiContext({})).toEqual({ provider: 'local', eventName: 'local' })
})

test('repository URLs for labels and links', () => {
  expect(httpsRepositoryUrl('git@github.com:acme/shop.git')).toBe('https://github.com/acme/shop')
  expect(httpsRepositoryUrl('https://bitbucket.org/acme/shop.git')).toBe(
    'https://bitbucket.org/acme/shop'
  )
  expect(httpsRepositoryUrl(undefined)).toBeUndefined()
})
