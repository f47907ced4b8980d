/**
 * What the notification says about the build, from the CI's variables (src/lib/context.ts), the
 * GitHub event payload (GITHUB_EVENT_PATH: the commit message and author of a push, the pull
 * request of a pull_request event) and, when neither says (CircleCI, workflow_dispatch,
 * schedule), `git log -1` of the checkout. Anything unknown is left out of the message.
 */
import { gitInfo } from '../../io/git.js'
import { isPlainObject, type JsonObject } from '../../core/json.js'
import type { BuildFacts } from '../../core/message/facts.js'
import { readCiContext } from '../../lib/context.js'

type Env = Readonly<Record<string, string | undefined>>

export interface CommitInfo {
  message?: string
  author?: string
}

/** The commit's message and author from git; {} when git cannot say (no checkout, no git). */
export type ReadCommit = (sha: string | undefined) => Promise<CommitInfo>

export function gitCommit(cwd: string = process.cwd()): ReadCommit {
  const git = gitInfo(cwd)
  return (sha) => git.commit(sha)
}

export interface EventFacts {
  commitMessage?: string
  author?: string
  sha?: string
  pullRequest?: BuildFacts['pullRequest']
}

const object = (v: unknown): JsonObject | undefined => (isPlainObject(v) ? v : undefined)
const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v : undefined

/** The parts of a GitHub event payload a notification shows. */
export function eventFacts(payload: unknown): EventFacts {
  const event = object(payload) ?? {}
  const headCommit = object(event.head_commit)
  if (headCommit) {
    const author = object(headCommit.author)
    return {
      commitMessage: text(headCommit.message),
      author: text(author?.name) ?? text(author?.username)
    }
  }
  const pr = object(event.pull_request)
  if (pr && typeof pr.number === 'number') {
    return {
      // The run's GITHUB_SHA is a merge commit GitHub made; the head is what the author pushed.
      sha: text(object(pr.head)?.sha),
      author: text(object(pr.user)?.login),
      pullRequest: { number: pr.number, title: text(pr.title), url: text(pr.html_url) }
    }
  }
  return {}
}

export interface FactsDeps {
  readFile: (path: string) => Promise<string | undefined>
  readCommit: ReadCommit
}

export async function readBuildFacts(env: Env, deps: FactsDeps): Promise<BuildFacts> {
  const ci = readCiContext(env)
  let event: EventFacts = {}
  if (ci.provider === 'github' && env.GITHUB_EVENT_PATH) {
    const json = await deps.readFile(env.GITHUB_EVENT_PATH)
    try {
      event = json === undefined ? {} : eventFacts(JSON.parse(json))
    } catch {
      event = {} // an unreadable event file only costs the commit line
    }
  }
  const sha = event.sha ?? ci.sha
  // A pull request's checkout is GitHub's merge commit: its message would mislead.
  const commit =
    event.commitMessage === undefined && event.pullRequest === undefined
      ? await deps.readCommit(sha)
      : {}
  return {
    provider: ci.provider,
    project: ci.repository?.split('/').pop(),
    repository: ci.repository,
    repositoryUrl: ci.repositoryUrl,
    branch: ci.branch,
    tag: ci.tag,
    pullRequest:
      event.pullRequest ?? (ci.pullRequest !== undefined ? { number: ci.pullRequest } : undefined),
    sha,
    commitMessage: event.commitMessage ?? commit.message,
    author: event.author ?? commit.author ?? ci.actor,
    actor: ci.actor,
    runUrl: ci.runUrl,
    buildNumber: ci.buildNumber,
    eventName: ci.provider === 'local' ? undefined : ci.eventName
  }
}
