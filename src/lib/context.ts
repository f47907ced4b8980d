/**
 * What the CI says about this build, from GitHub's variables or CircleCI's, read from an
 * environment object (not process.env directly, so tests pass their own). Git fills the gaps
 * elsewhere (src/io/git.ts) when neither CI says.
 */
import { readFileSync } from 'node:fs'
import { asObject } from '../core/json.js'

export type CiProvider = 'github' | 'circleci' | 'local'

export interface CiContext {
  provider: CiProvider
  /**
   * push, pull_request, pull_request_target, merge_group, workflow_dispatch, ... as GitHub names
   * them. CircleCI: `pull_request` for a forked pull request (CIRCLE_PR_NUMBER), else `push`.
   */
  eventName: string
  /**
   * The branch whose code this is: for a pull request its head branch (never the base branch
   * that pull_request_target puts in GITHUB_REF); for a merge group, the queue's base branch.
   */
  branch?: string
  tag?: string
  /** Set only for a pull-request build (pull_request, pull_request_target, a forked CircleCI PR). */
  pullRequest?: number
  /** A pull request's base branch and head commit (from the event payload). */
  pullRequestBase?: string
  pullRequestHeadSha?: string
  /**
   * CircleCI: the pull requests open for the branch being built (CIRCLE_PULL_REQUEST(S)). The
   * build is still a push of that branch of this repository, not a pull-request build.
   */
  openPullRequests?: number[]
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

/** Events whose GITHUB_REF is not the code being built: the payload says what is. */
const PAYLOAD_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group'])

/**
 * The CI context. `payload` is the GitHub event (GITHUB_EVENT_PATH); by default it is read from
 * that file, and only for the events that need it.
 */
export function readCiContext(env: Env, payload?: unknown): CiContext {
  if (env.GITHUB_ACTIONS === 'true') {
    const event = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push'
    return githubContext(
      env,
      payload ?? (PAYLOAD_EVENTS.has(event) ? readEventPayload(env) : undefined)
    )
  }
  if (env.CIRCLECI === 'true') return circleContext(env)
  return { provider: 'local', eventName: 'local' }
}

/** The GitHub event payload, or undefined when there is none or it is not JSON. */
export function readEventPayload(env: Env): unknown {
  const path = nonEmpty(env.GITHUB_EVENT_PATH)
  if (!path) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

const str = (v: unknown) => (typeof v === 'string' ? nonEmpty(v) : undefined)
const positive = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : NaN
  return Number.isSafeInteger(n) && n > 0 ? n : undefined
}
const stripHeads = (ref: string | undefined) =>
  ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined

function githubContext(env: Env, payload: unknown): CiContext {
  const ref = env.GITHUB_REF ?? ''
  const server = nonEmpty(env.GITHUB_SERVER_URL) ?? 'https://github.com'
  const repository = nonEmpty(env.GITHUB_REPOSITORY)
  const runId = nonEmpty(env.GITHUB_RUN_ID)
  const eventName = nonEmpty(env.GITHUB_EVENT_NAME) ?? 'push'
  const event = asObject(payload)
  let branch = stripHeads(ref)
  let tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : undefined
  let pullRequest: number | undefined
  let pullRequestBase: string | undefined
  let pullRequestHeadSha: string | undefined
  const refPr = /^refs\/pull\/(\d+)\//.exec(ref)
  if (eventName === 'pull_request' || eventName === 'pull_request_target' || refPr) {
    // pull_request_target runs with GITHUB_REF set to the base branch: that is not this code.
    const pr = asObject(event.pull_request)
    pullRequest = positive(refPr?.[1]) ?? positive(event.number) ?? positive(pr.number)
    branch = nonEmpty(env.GITHUB_HEAD_REF) ?? str(asObject(pr.head).ref)
    pullRequestBase = nonEmpty(env.GITHUB_BASE_REF) ?? str(asObject(pr.base).ref)
    pullRequestHeadSha = str(asObject(pr.head).sha)
    tag = undefined
  } else if (eventName === 'merge_group') {
    // GITHUB_REF is the queue's temporary branch (gh-readonly-queue/<base>/pr-N-<sha>).
    const group = asObject(event.merge_group)
    branch =
      stripHeads(str(group.base_ref)) ?? /^gh-readonly-queue\/(.+)\/pr-\d+-/.exec(branch ?? '')?.[1]
  }
  return {
    provider: 'github',
    eventName,
    branch,
    tag,
    pullRequest,
    pullRequestBase,
    pullRequestHeadSha,
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
  const branch = nonEmpty(env.CIRCLE_BRANCH)
  // A forked pull request: CircleCI sets CIRCLE_PR_NUMBER and names the branch `pull/N`.
  const forkPr =
    positive(nonEmpty(env.CIRCLE_PR_NUMBER)) ?? positive(/^pull\/(\d+)$/.exec(branch ?? '')?.[1])
  // CIRCLE_PULL_REQUEST(S): pull requests open for a branch of this repository, which is pushed.
  const open = [
    ...new Set(
      `${env.CIRCLE_PULL_REQUESTS ?? ''},${env.CIRCLE_PULL_REQUEST ?? ''}`
        .split(',')
        .map((url) => positive(/\/pull\/(\d+)\/?$/.exec(url.trim())?.[1]))
        .filter((n): n is number => n !== undefined)
    )
  ].sort((a, b) => a - b)
  const tag = nonEmpty(env.CIRCLE_TAG)
  return {
    provider: 'circleci',
    eventName: forkPr !== undefined && tag === undefined ? 'pull_request' : 'push',
    branch,
    tag,
    pullRequest: tag === undefined ? forkPr : undefined,
    openPullRequests: forkPr === undefined && tag === undefined && open.length ? open : undefined,
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
