/**
 * One notification as data, before any service's format: the headline, the build facts as
 * labelled fields, the links (the run, the app) and the run line. Values are plain text in
 * segments that say which part is a link or code, so each sink (Slack mrkdwn, Discord markdown,
 * Adaptive Cards, ntfy's and bark's plain text) escapes user text its own way.
 */
import type { BuildFacts } from './facts.js'
import { commitUrl, firstLine, shortSha } from './facts.js'
import { type Status, type StatusLook, STATUS_LOOK, headline } from './status.js'
import { truncate } from './text.js'

export interface Segment {
  text: string
  url?: string
  code?: boolean
}

export interface Field {
  label: string
  value: Segment[]
}

export interface Link {
  label: string
  url: string
  /** The run: the link a reader most likely wants. */
  primary?: boolean
}

export interface Notification {
  status: Status
  look: StatusLook
  /** The headline without emoji: `shop: 1.4.57 deployed to prod`. */
  title: string
  /** The workflow author's paragraph, as given. */
  text?: string
  fields: Field[]
  links: Link[]
  /** `GitHub Actions run #42 · push by octocat` */
  context?: string
  /** `develop @ 1a2b3c4`: what the headline is about. */
  where?: string
  facts: BuildFacts
}

export interface NotificationOptions {
  status: Status
  /** Replaces the headline. */
  title?: string
  text?: string
  /** Label → plain value; a label of a built-in field replaces it, '' removes it. */
  fields?: [string, string][]
}

/** A commit's first line is a summary: more than this is noise in a field. */
export const COMMIT_LINE_MAX = 300

export function buildNotification(facts: BuildFacts, options: NotificationOptions): Notification {
  const fields = factFields(facts)
  for (const [label, value] of options.fields ?? []) {
    const at = fields.findIndex((f) => f.label.toLowerCase() === label.toLowerCase())
    if (at >= 0 && value === '') fields.splice(at, 1)
    else if (at >= 0) fields[at] = { label: fields[at]!.label, value: [{ text: value }] }
    else if (value !== '') fields.push({ label, value: [{ text: value }] })
  }
  return {
    status: options.status,
    look: STATUS_LOOK[options.status],
    title: options.title ?? defaultTitle(facts, options.status),
    ...(options.text !== undefined ? { text: options.text } : {}),
    fields,
    links: factLinks(facts, options.status),
    context: runContext(facts),
    where: whereText(facts),
    facts
  }
}

export function defaultTitle(facts: BuildFacts, status: Status): string {
  const line = headline(status, facts.environment, facts.version)
  return facts.project ? `${facts.project}: ${line}` : line.charAt(0).toUpperCase() + line.slice(1)
}

/** `develop @ 1a2b3c4` */
export function whereText(facts: BuildFacts): string | undefined {
  const where = [facts.branch ?? facts.tag, facts.sha && shortSha(facts.sha)]
    .filter(Boolean)
    .join(' @ ')
  return where || undefined
}

/** Each fact that is known, in reading order. */
export function factFields(facts: BuildFacts): Field[] {
  const fields: [string, Segment[] | undefined][] = [
    [
      'Repository',
      facts.repository ? [{ text: facts.repository, url: facts.repositoryUrl }] : undefined
    ],
    [
      'Branch',
      facts.pullRequest === undefined && facts.branch
        ? [{ text: facts.branch, code: true }]
        : undefined
    ],
    ['Tag', facts.tag ? [{ text: facts.tag, code: true }] : undefined],
    ['Pull request', facts.pullRequest && pullRequestSegments(facts.pullRequest, facts.branch)],
    ['Commit', commitSegments(facts)],
    ['Author', facts.author ? [{ text: facts.author }] : undefined],
    ['Version', facts.version ? [{ text: facts.version, code: true }] : undefined],
    ['Environment', facts.environment ? [{ text: facts.environment }] : undefined],
    [
      'URL',
      facts.url ? [{ text: facts.url.replace(/^https?:\/\//, ''), url: facts.url }] : undefined
    ],
    ['Duration', facts.duration ? [{ text: facts.duration }] : undefined]
  ]
  return fields
    .filter((f): f is [string, Segment[]] => f[1] !== undefined)
    .map(([label, value]) => ({ label, value: value.map(clean) }))
}

/** Drops an undefined url so segments compare and serialize cleanly. */
const clean = ({ url, ...rest }: Segment): Segment => (url === undefined ? rest : { ...rest, url })

function pullRequestSegments(
  pr: NonNullable<BuildFacts['pullRequest']>,
  branch?: string
): Segment[] {
  const out: Segment[] = [{ text: `#${pr.number}`, url: pr.url }]
  if (pr.title) out.push({ text: ` ${truncate(firstLine(pr.title), COMMIT_LINE_MAX)}` })
  if (branch) out.push({ text: ' (' }, { text: branch, code: true }, { text: ')' })
  return out
}

function commitSegments(facts: BuildFacts): Segment[] | undefined {
  if (!facts.sha) return undefined
  const url = commitUrl(facts)
  const sha: Segment = url
    ? { text: shortSha(facts.sha), url }
    : { text: shortSha(facts.sha), code: true }
  const line = facts.commitMessage ? firstLine(facts.commitMessage) : ''
  return line ? [sha, { text: ` ${truncate(line, COMMIT_LINE_MAX)}` }] : [sha]
}

/** The label of the link to the run. */
export function runLinkLabel(facts: BuildFacts, status: Status): string {
  if (status === 'approval-needed') return 'Review deployment'
  return facts.provider === 'circleci' ? 'View job' : 'View workflow'
}

export function factLinks(facts: BuildFacts, status: Status): Link[] {
  const links: Link[] = []
  if (facts.runUrl)
    links.push({ label: runLinkLabel(facts, status), url: facts.runUrl, primary: true })
  if (facts.url) links.push({ label: `Open ${facts.environment ?? 'app'}`, url: facts.url })
  return links
}

/** `GitHub Actions run #42 · push by octocat` */
export function runContext(facts: BuildFacts): string | undefined {
  const ci =
    facts.provider === 'circleci'
      ? 'CircleCI build'
      : facts.provider === 'github'
        ? 'GitHub Actions run'
        : undefined
  const run = ci && facts.buildNumber ? `${ci} #${facts.buildNumber}` : ci
  const by = facts.actor ? `by ${facts.actor}` : ''
  const trigger = [facts.eventName && facts.eventName !== 'local' ? facts.eventName : '', by]
    .filter(Boolean)
    .join(' ')
  const text = [run, trigger].filter(Boolean).join(' · ')
  return text || undefined
}

/** The plain text of a field's value. */
export const plainValue = (value: Segment[]) => value.map((s) => s.text).join('')
