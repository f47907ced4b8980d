/**
 * The built-in messages, one per status. Layout: a header (emoji and headline) and the optional
 * text and mention as top-level blocks, which Slack always shows in full and which carry the
 * mention's ping; then the details (fields, buttons, run) as blocks inside one attachment, because
 * an attachment's `color` is the only way Slack draws a colour bar. `text` is the notification
 * and screen-reader fallback.
 */
import type { BuildFacts } from '../message/facts.js'
import {
  type Segment,
  COMMIT_LINE_MAX,
  defaultTitle,
  factFields,
  factLinks,
  runContext as runLine,
  whereText
} from '../message/notification.js'
import { truncate } from '../message/text.js'
import { LIMITS } from './limits.js'
import { type Block, type Button, type SlackMessage, mrkdwn, plain } from './message.js'
import { escapeMrkdwn, inlineCode, link, sanitizeMrkdwn } from './mrkdwn.js'
import type { Status } from '../message/status.js'
import { STATUS_STYLE } from './status.js'

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
  /** `text` and `fields` are plain text (the `notify` action): escaped whole, links included. */
  plainText?: boolean
}

export { COMMIT_LINE_MAX }

export function buildTemplate(facts: BuildFacts, options: TemplateOptions): SlackMessage {
  const style = STATUS_STYLE[options.status]
  const title = options.title ?? defaultTitle(facts, options.status)
  const mentions = (options.mentions ?? []).join(' ')
  const top: Block[] = [
    { type: 'header', text: plain(truncate(`${style.emoji} ${title}`, LIMITS.headerText)) }
  ]
  const userText = options.plainText ? escapeMrkdwn : sanitizeMrkdwn
  const body = [mentions, options.text === undefined ? '' : userText(options.text)]
    .filter(Boolean)
    .join(' ')
  if (body) top.push({ type: 'section', text: mrkdwn(body) })

  const details: Block[] = []
  const fields = mergeFields(builtInFields(facts), options.fields ?? [], userText)
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

function fallbackText(
  facts: BuildFacts,
  options: TemplateOptions,
  title: string,
  mentions: string
): string {
  const where = whereText(facts)
  const line = `${STATUS_STYLE[options.status].emoji} ${escapeMrkdwn(title)}${where ? ` (${escapeMrkdwn(where)})` : ''}`
  return [mentions, line].filter(Boolean).join(' ')
}

/** A value's segments as mrkdwn: links and code kept, everything else escaped. */
export function segmentsMrkdwn(value: Segment[]): string {
  return value
    .map((s) => (s.url ? link(s.url, s.text) : s.code ? inlineCode(s.text) : escapeMrkdwn(s.text)))
    .join('')
}

/** Label and mrkdwn value of each fact that is known, in reading order. */
export function builtInFields(facts: BuildFacts): [string, string][] {
  return factFields(facts).map((f) => [f.label, segmentsMrkdwn(f.value)])
}

/** Built-in fields, then the user's: same label (any case) replaces in place, '' removes. */
export function mergeFields(
  builtIn: [string, string][],
  overrides: [string, string][],
  toMrkdwn: (text: string) => string = sanitizeMrkdwn
): [string, string][] {
  const result = [...builtIn]
  for (const [label, raw] of overrides) {
    const value = toMrkdwn(raw)
    const at = result.findIndex(([l]) => l.toLowerCase() === label.toLowerCase())
    if (at >= 0 && value === '') result.splice(at, 1)
    else if (at >= 0) result[at] = [result[at]![0], value]
    else if (value !== '') result.push([label, value])
  }
  return result
}

function actionButtons(facts: BuildFacts, status: Status): Button[] {
  return factLinks(facts, status).map((l): Button => {
    const style = l.primary ? STATUS_STYLE[status].buttonStyle : undefined
    return {
      type: 'button',
      text: plain(l.primary ? l.label : truncate(l.label, LIMITS.buttonText)),
      url: l.url,
      action_id: l.primary ? 'gantry-run' : 'gantry-url',
      ...(style ? { style } : {})
    }
  })
}

/** `GitHub Actions run #42 · push by octocat` */
function runContext(facts: BuildFacts): string | undefined {
  const text = runLine(facts)
  return text ? escapeMrkdwn(text) : undefined
}
