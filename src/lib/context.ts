/**
 * What the CI says about this build, from GitHub's variables or CircleCI's, read from an
 * environment object (not process.env directly, so tests pass their own). Git fills the gaps
 * elsewhere (src/io/git.ts) when neither CI says.
 */
export type CiProvider = 'github' | 'circleci' | 'local'

export interface CiContext {
  provider: CiProvider
  /** push, pull_request, workflow_dispatch, ... (CircleCI: push, or pull_request when it says so). */
  eventName: string
  branch?: string
  tag?: string
  pullRequest?: number
  sha?: string
  buildNumber?: string
  /** owner/name */
  repository?: string
  repositoryUrl?: string
  actor?: string
  runUrl?: string
}

type Env = Readonly<Record<string, string | undefined>>

const nonEmpty = (v: string | undefined) =>
  v === undefined || v.trim() === '' ? undefined : v.trim()

export function readCiContext(env: Env): CiContext {
  if (env.GITHUB_ACTIONS === 'true') return githubContext(env)
  if (env.CIRCLECI === 'true') return circleContext(env)
  return { provider: 'local', eventName: 'local' }
}

function githubContext(env: Env): CiContext {
  const ref = env.GITHUB_REF ?? ''
  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com'
  const repository = nonEmpty(env.GITHUB_REPOSITORY)
  const runId = nonEmpty(env.GITHUB_RUN_ID)
  const pr = /^refs\/pull\/(\d+)\//.exec(ref)
  return {
    provider: 'github',
    eventName: nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push',
    branch: pr
      ? nonEmpty(env.GITHUB_HEAD_REF)
      : ref.startsWith('refs/heads/')
        ? ref.slice('refs/heads/'.length)
        : undefined,
    tag: ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined,
    pullRequest: pr ? Number(pr[1]) : undefined,
    sha: nonEmpty(env.GITHUB_SHA),
    buildNumber: nonEmpty(env.GITHUB_RUN_NUMBER),
    repository,
    repositoryUrl: repository ? `${server}/${repository}` : undefined,
    actor: nonEmpty(env.GITHUB_ACTOR),
    runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : undefined
  }
}

function circleContext(env: Env): CiContext {
  const owner = nonEmpty(env.CIRCLE_PROJECT_USERNAME)
  const name = nonEmpty(env.CIRCLE_PROJECT_REPONAME)
  const prNumber =
    nonEmpty(env.CIRCLE_PR_NUMBER) ?? /\/pull\/(\d+)/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1]
  return {
    provider: 'circleci',
    eventName: prNumber ? 'pull_request' : 'push',
    branch: nonEmpty(env.CIRCLE_BRANCH),
    tag: nonEmpty(env.CIRCLE_TAG),
    pullRequest: prNumber ? Number(prNumber) : undefined,
    sha: nonEmpty(env.CIRCLE_SHA1),
    buildNumber: nonEmpty(env.CIRCLE_BUILD_NUM),
    repository: owner && name ? `${owner}/${name}` : name,
    repositoryUrl: httpsRepositoryUrl(nonEmpty(env.CIRCLE_REPOSITORY_URL)),
    actor: nonEmpty(env.CIRCLE_USERNAME),
    runUrl: nonEmpty(env.CIRCLE_BUILD_URL)
  }
}

/** CircleCI gives `git@github.com:org/repo.git`; labels and links want `https://github.com/org/repo`. */
export function httpsRepositoryUrl(url: string | undefined): string | undefined {
  if (!url) return undefined
  const scp = /^[\w.-]+@([\w.-]+):(.+?)(\.git)?$/.exec(url)
  if (scp) return `https://${scp[1]}/${scp[2]}`
  return url.replace(/\.git$/, '')
}
