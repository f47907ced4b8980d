/** What a notification can say about the build: from the CI, the event, git and the inputs. */
import { formatDuration } from '../../lib/duration.js'
import { durationText } from './time.js'
export interface BuildFacts {
  provider: 'github' | 'circleci' | 'local'
  /** The repository's name without owner: `shop`. */
  project?: string
  /** owner/name */
  repository?: string
  repositoryUrl?: string
  branch?: string
  tag?: string
  pullRequest?: { number: number; title?: string; url?: string }
  sha?: string
  /** The whole commit message; messages show its first line. */
  commitMessage?: string
  author?: string
  /** Who started the run. */
  actor?: string
  runUrl?: string
  /** GitHub's run number or CircleCI's build number. */
  buildNumber?: string
  eventName?: string
  version?: string
  environment?: string
  /** The environment's (or the app's) URL. */
  url?: string
  /** Already formatted: `3m 12s`. */
  duration?: string
}

export const shortSha = (sha: string) => sha.slice(0, 7)

export function firstLine(text: string): string {
  return (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim()
}

/** `https://github.com/acme/shop/commit/<sha>` for GitHub-style hosts, else undefined. */
export function commitUrl(facts: BuildFacts): string | undefined {
  if (!facts.repositoryUrl || !facts.sha) return undefined
  return `${facts.repositoryUrl}/commit/${facts.sha}`
}

export interface FactInputs {
  version?: string
  environment?: string
  url?: string
  /** A `duration` input: whole seconds or any text. */
  duration?: string
  /** Epoch milliseconds of the run's start: the duration is computed up to `nowMs`. */
  startedAt?: number
}

/** The facts with what the step's inputs say (version, environment, URL, duration). */
export function withFactInputs(facts: BuildFacts, inputs: FactInputs, nowMs: number): BuildFacts {
  const duration =
    inputs.duration !== undefined
      ? durationText(inputs.duration)
      : inputs.startedAt !== undefined
        ? formatDuration(nowMs - inputs.startedAt)
        : undefined
  return {
    ...facts,
    version: inputs.version,
    environment: inputs.environment,
    url: inputs.url,
    duration
  }
}
