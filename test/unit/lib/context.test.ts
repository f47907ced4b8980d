import { expect, test } from '@jest/globals'
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
  expect(
    readCiContext({ CIRCLECI: 'true', CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31' })
  ).toMatchObject({
    eventName: 'pull_request',
    pullRequest: 31
  })
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
