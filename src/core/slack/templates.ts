/**
 * The built-in messages, one per status. Layout: a header (emoji and headline) and the optional
 * text and mention as top-level blocks, which Slack always shows in full and which carry the
 * mention's ping; then the details (fields, buttons, run) as blocks inside one attachment, because
 * an attachment's `color` is the only way Slack draws a colour bar. `text` is the notification
 * and screen-reader fallback.
 */
import type { BuildFacts } from './facts.js'
import { commitUrl, firstLine, shortSha } from './facts.js'
import { LIMITS, truncate } from './limits.js'
import { type Block, type Button, type SlackMessage, mrkdwn, plain } from './message.js'
import { escapeMrkdwn, inlineCode, link, sanitizeMrkdwn } from './mrkdwn.js'
import { type Status, STATUS_STYLE, headline } from './status.js'

export interface TemplateOptions {
  status: Status
  /** Replaces the headline (the status emoji stays). */
  title?: string
  /** mrkdwn; its links are kept, anything else in `<…>` is escaped. */
  text?: string
  /** Label → value (mrkdwn as `text`); a label of a built-in field replaces it, '' removes it. */
  fields?: [string, string][]
  /** Normalized mentions (`<!subteam^S…>`), present only when they apply to this status. */
  mentions?: string[]
}

/** A commit's first line is a summary: more than this is noise in a field. */
export const COMMIT_LINE_MAX = 300

export function buildTemplate(facts: BuildFacts, options: TemplateOptions): SlackMessage {
  const style = STATUS_STYLE[options.status]
  const title = options.title ?? defaultTitle(facts, options.status)
  const mentions = (options.mentions ?? []).join(' ')
  const top: Block[] = [
    { type: 'header', text: plain(truncate(`${style.emoji} ${title}`, LIMITS.headerText)) }
  ]
  const body = [mentions, options.text === undefined ? '' : sanitizeMrkdwn(options.text)]
    .filter(Boolean)
    .join(' ')
  if (body) top.push({ type: 'section', text: mrkdwn(body) })

  const details: Block[] = []
  const fields = mergeFields(builtInFields(facts), options.fields ?? [])
  for (let i = 0; i < fields.length; i += LIMITS.sectionFields) {
    details.push({
      type: 'section',
      fields: fields
        .slice(i, i + LIMITS.sectionFields)
        .map(([label, value]) => mrkdwn(`*${escapeMrkdwn(label)}*\n${value}`))
    })
  }
  const buttons = actionButtons(facts, options.status)
  if (buttons.length > 0) details.push({ type: 'actions', elements: buttons })
  const context = runContext(facts)
  if (context) details.push({ type: 'context', elements: [mrkdwn(context)] })

  return {
    text: fallbackText(facts, options, title, mentions),
    blocks: top,
    attachments: details.length > 0 ? [{ color: style.color, blocks: details }] : []
  }
}

function defaultTitle(facts: BuildFacts, status: Status): string {
  const line = headline(status, facts.environment, facts.version)
  return facts.project ? `${facts.project}: ${line}` : line.charAt(0).toUpperCase() + line.slice(1)
}

function fallbackText(
  facts: BuildFacts,
  options: TemplateOptions,
  title: string,
  mentions: string
): string {
  const where = [facts.branch ?? facts.tag, facts.sha && shortSha(facts.sha)]
    .filter(Boolean)
    .join(' @ ')
  const line = `${STATUS_STYLE[options.status].emoji} ${escapeMrkdwn(title)}${where ? ` (${escapeMrkdwn(where)})` : ''}`
  return [mentions, line].filter(Boolean).join(' ')
}

/** Label and mrkdwn value of each fact that is known, in reading order. */
export function builtInFields(facts: BuildFacts): [string, string][] {
  const fields: [string, string | undefined][] = [
    [
      'Repository',
      facts.repository &&
        (facts.repositoryUrl
          ? link(facts.repositoryUrl, facts.repository)
          : escapeMrkdwn(facts.repository))
    ],
    [
      'Branch',
      facts.pullRequest === undefined && facts.branch ? inlineCode(facts.branch) : undefined
    ],
    ['Tag', facts.tag && inlineCode(facts.tag)],
    ['Pull request', facts.pullRequest && pullRequestText(facts.pullRequest, facts.branch)],
    ['Commit', commitText(facts)],
    ['Author', facts.author && escapeMrkdwn(facts.author)],
    ['Version', facts.version && inlineCode(facts.version)],
    ['Environment', facts.environment && escapeMrkdwn(facts.environment)],
    ['URL', facts.url && link(facts.url, facts.url.replace(/^https?:\/\//, ''))],
    ['Duration', facts.duration && escapeMrkdwn(facts.duration)]
  ]
  return fields.filter((f): f is [string, string] => Boolean(f[1]))
}

function pullRequestText(pr: NonNullable<BuildFacts['pullRequest']>, branch?: string): string {
  const number = pr.url ? link(pr.url, `#${pr.number}`) : `#${pr.number}`
  const title = pr.title ? ` ${escapeMrkdwn(truncate(firstLine(pr.title), COMMIT_LINE_MAX))}` : ''
  return `${number}${title}${branch ? ` (${inlineCode(branch)})` : ''}`
}

function commitText(facts: BuildFacts): string | undefined {
  if (!facts.sha) return undefined
  const url = commitUrl(facts)
  const sha = url ? link(url, shortSha(facts.sha)) : inlineCode(shortSha(facts.sha))
  const line = facts.commitMessage ? firstLine(facts.commitMessage) : ''
  return line ? `${sha} ${escapeMrkdwn(truncate(line, COMMIT_LINE_MAX))}` : sha
}

/** Built-in fields, then the user's: same label (any case) replaces in place, '' removes. */
export function mergeFields(
  builtIn: [string, string][],
  overrides: [string, string][]
): [string, string][] {
  const result = [...builtIn]
  for (const [label, raw] of overrides) {
    const value = sanitizeMrkdwn(raw)
    const at = result.findIndex(([l]) => l.toLowerCase() === label.toLowerCase())
    if (at >= 0 && value === '') result.splice(at, 1)
    else if (at >= 0) result[at] = [result[at]![0], value]
    else if (value !== '') result.push([label, value])
  }
  return result
}

function actionButtons(facts: BuildFacts, status: Status): Button[] {
  const buttons: Button[] = []
  if (facts.runUrl) {
    const label =
      status === 'approval-needed'
        ? 'Review deployment'
        : facts.provider === 'circleci'
          ? 'View job'
          : 'View workflow'
    const style = STATUS_STYLE[status].buttonStyle
    buttons.push({
      type: 'button',
      text: plain(label),
      url: facts.runUrl,
      action_id: 'gantry-run',
      ...(style ? { style } : {})
    })
  }
  if (facts.url) {
    buttons.push({
      type: 'button',
      text: plain(truncate(`Open ${facts.environment ?? 'app'}`, LIMITS.buttonText)),
      url: facts.url,
      action_id: 'gantry-url'
    })
  }
  return buttons
}

/** `GitHub Actions run #42 · push by octocat` */
function runContext(facts: BuildFacts): string | undefined {
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
  return text ? escapeMrkdwn(text) : undefined
}
