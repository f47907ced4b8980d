/**
 * A notification in each service's own format, as the HTTP requests to make: Discord embeds,
 * Teams Adaptive Cards, ntfy's JSON publish, bark's push, a JSON webhook. Limits are enforced by
 * cutting (never a refused post) and user text is escaped for each format.
 *
 * Limits, from each service's documentation: Discord (embed title 256, description 4096, at most
 * 25 fields of name 256 / value 1024, footer 2048, 6000 characters in all, username 80); Teams
 * (a webhook message of at most 28 KB); ntfy (a message of at most 4096 bytes, else the server
 * turns it into an attachment); bark (an APNs payload of 4 KB in all).
 */
import type { Field, Notification, Segment } from '../message/notification.js'
import { plainValue } from '../message/notification.js'
import { truncate, truncateBytes, truncateMarkdown } from '../message/text.js'
import type { Target } from './targets.js'

export interface HttpRequestPlan {
  method: 'POST' | 'PATCH' | 'PUT'
  url: string
  headers: Record<string, string>
  body: string
  /** For the log: `topic 2 of 3`. */
  label?: string
}

export interface Rendered {
  requests: HttpRequestPlan[]
  /** What was cut, e.g. `description: 5000 → 4096 characters`. */
  truncated: string[]
}

const JSON_TYPE = 'application/json; charset=utf-8'
const basic = (a: { user: string; password: string }) =>
  `Basic ${Buffer.from(`${a.user}:${a.password}`, 'utf8').toString('base64')}`

class Cutter {
  readonly truncated: string[] = []
  cut(what: string, text: string, max: number, how: (t: string, m: number) => string = truncate) {
    if (text.length <= max) return text
    this.truncated.push(`${what}: ${text.length} → ${max} characters`)
    return how(text, max)
  }
  bytes(what: string, text: string, max: number) {
    const size = new TextEncoder().encode(text).length
    if (size <= max) return text
    this.truncated.push(`${what}: ${size} → ${max} bytes`)
    return truncateBytes(text, max)
  }
}

/** The message as plain lines: ntfy, bark, JSON webhooks and the job summary. */
export function plainLines(n: Notification): string[] {
  return [
    ...(n.text ? [n.text] : []),
    ...n.fields.map((f) => `${f.label}: ${plainValue(f.value)}`),
    ...(n.context ? [n.context] : [])
  ]
}

export const plainTitle = (n: Notification) => `${n.look.emoji} ${n.title}`

// ---------------------------------------------------------------------------------------------
// Discord

export const DISCORD = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  username: 80
} as const

/**
 * Discord markdown: every character that could start formatting, a link or a mention is
 * backslash-escaped, and `@everyone`/`@here` get a zero-width space so they cannot ping even where
 * escapes are ignored. `allowed_mentions: { parse: [] }` is the real guard; this is for the eye.
 */
export function escapeDiscord(text: string): string {
  return text
    .replace(/[\\*_~`|>#[\]()<:-]/g, (c) => `\\${c}`)
    .replace(/@(everyone|here)/gi, '@\u200b$1')
}

const linkUrl = (url: string) => url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c))

function discordSegments(value: Segment[]): string {
  return value
    .map((s) =>
      s.url
        ? `[${escapeDiscord(s.text)}](${linkUrl(s.url)})`
        : s.code
          ? `\`${s.text.replace(/`/g, "'")}\``
          : escapeDiscord(s.text)
    )
    .join('')
}

export function discordPayload(n: Notification, c: Cutter = new Cutter()) {
  const fields = n.fields.slice(0, DISCORD.fields).map((f: Field) => ({
    name: c.cut(`fields.${f.label}.name`, f.label, DISCORD.fieldName),
    value:
      c.cut(
        `fields.${f.label}.value`,
        discordSegments(f.value),
        DISCORD.fieldValue,
        truncateMarkdown
      ) || '\u200b',
    inline: f.label !== 'Commit' && f.label !== 'Pull request'
  }))
  if (n.fields.length > DISCORD.fields)
    c.truncated.push(`fields: ${n.fields.length} → ${DISCORD.fields} items`)
  const links = n.links.map((l) => `[${escapeDiscord(l.label)}](${linkUrl(l.url)})`).join(' · ')
  const description = [n.text ? escapeDiscord(n.text) : '', links].filter(Boolean).join('\n\n')
  const embed: Record<string, unknown> = {
    title: c.cut('title', plainTitle(n), DISCORD.title),
    color: Number.parseInt(n.look.color.slice(1), 16),
    fields
  }
  const run = n.links.find((l) => l.primary)
  if (run) embed.url = run.url
  if (description)
    embed.description = c.cut('description', description, DISCORD.description, truncateMarkdown)
  if (n.context) embed.footer = { text: c.cut('footer', n.context, DISCORD.footer) }
  // The 6000-character budget counts title, description, field names and values, and footer.
  const size = () =>
    String(embed.title).length +
    String(embed.description ?? '').length +
    fields.reduce((s, f) => s + f.name.length + f.value.length, 0) +
    String((embed.footer as { text?: string } | undefined)?.text ?? '').length
  if (size() > DISCORD.total && typeof embed.description === 'string') {
    const room = Math.max(1, embed.description.length - (size() - DISCORD.total))
    c.truncated.push(`description: cut to ${room} characters (6000 per message)`)
    embed.description = truncateMarkdown(embed.description, room)
  }
  while (size() > DISCORD.total && fields.length > 0) {
    fields.pop()
    c.truncated.push('fields: one dropped (6000 characters per message)')
  }
  return {
    // Discord shows `content` in the notification; the embed carries the details.
    content: '',
    embeds: [embed],
    allowed_mentions: { parse: [] as string[] }
  }
}

// ---------------------------------------------------------------------------------------------
// Teams (Adaptive Cards through a Workflows webhook)

export const TEAMS_MAX_BYTES = 28_000
const TEAMS_TEXT = 2000

/**
 * User text goes in RichTextBlock TextRuns, which Adaptive Cards show as plain text (no markdown:
 * no forged link, no formatting); links are TextRuns with an OpenUrl action, so only our URLs link.
 */
function teamsRuns(value: Segment[]) {
  return value.map((s) => ({
    type: 'TextRun',
    text: s.text,
    ...(s.code ? { fontType: 'Monospace' } : {}),
    ...(s.url ? { selectAction: { type: 'Action.OpenUrl', url: s.url } } : {})
  }))
}

export function teamsPayload(n: Notification, c: Cutter = new Cutter()) {
  const build = (text: string | undefined, fields: Field[]) => ({
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            {
              type: 'RichTextBlock',
              inlines: [
                {
                  type: 'TextRun',
                  text: plainTitle(n),
                  size: 'Large',
                  weight: 'Bolder',
                  color: n.look.cardColor
                }
              ]
            },
            ...(text ? [{ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text }] }] : []),
            ...fields.map((f) => ({
              type: 'RichTextBlock',
              spacing: 'Small',
              inlines: [
                { type: 'TextRun', text: `${f.label}: `, weight: 'Bolder' },
                ...teamsRuns(f.value)
              ]
            })),
            ...(n.context
              ? [
                  {
                    type: 'RichTextBlock',
                    inlines: [{ type: 'TextRun', text: n.context, isSubtle: true, size: 'Small' }]
                  }
                ]
              : [])
          ],
          actions: n.links.map((l) => ({ type: 'Action.OpenUrl', title: l.label, url: l.url }))
        }
      }
    ]
  })
  let text = n.text === undefined ? undefined : c.cut('text', n.text, TEAMS_TEXT)
  const fields = [...n.fields]
  let payload = build(text, fields)
  const bytes = () => new TextEncoder().encode(JSON.stringify(payload)).length
  while (bytes() > TEAMS_MAX_BYTES && text && text.length > 100) {
    text = truncate(text, Math.floor(text.length / 2))
    c.truncated.push(`text: cut to ${text.length} characters (28 KB per message)`)
    payload = build(text, fields)
  }
  while (bytes() > TEAMS_MAX_BYTES && fields.length > 0) {
    fields.pop()
    c.truncated.push('fields: one dropped (28 KB per message)')
    payload = build(text, fields)
  }
  return payload
}

// ---------------------------------------------------------------------------------------------
// ntfy

export const NTFY = { message: 4096, title: 250 } as const
const NTFY_PRIORITY = { low: 2, normal: 3, high: 4 } as const
/** ntfy shows a tag that is an emoji short code as that emoji. */
const ntfyTag = (n: Notification) => n.look.slackEmoji.replace(/:/g, '')

export function ntfyPayload(
  n: Notification,
  topic: string,
  t: { priority?: number; tags?: string[] },
  c = new Cutter()
) {
  const run = n.links.find((l) => l.primary)
  return {
    topic,
    title: c.cut('title', n.title, NTFY.title),
    // Markdown stays off (ntfy's default): the text is shown exactly as written.
    message: c.bytes('message', plainLines(n).join('\n') || n.title, NTFY.message),
    priority: t.priority ?? NTFY_PRIORITY[n.look.urgency],
    tags: t.tags ?? [ntfyTag(n), n.status],
    ...(run ? { click: run.url } : {}),
    // ntfy takes at most three action buttons.
    actions: n.links
      .slice(0, 3)
      .map((l) => ({ action: 'view', label: l.label, url: l.url, clear: false }))
  }
}

// ---------------------------------------------------------------------------------------------
// bark

export const BARK = { title: 120, body: 3000 } as const
const BARK_LEVEL = { low: 'passive', normal: 'active', high: 'timeSensitive' } as const

export function barkPayload(
  n: Notification,
  deviceKey: string,
  t: { sound?: string; group?: string; level?: string },
  c = new Cutter()
) {
  const run = n.links.find((l) => l.primary) ?? n.links[0]
  return {
    device_key: deviceKey,
    title: c.cut('title', plainTitle(n), BARK.title),
    // APNs limits the whole payload to 4 KB: the body gets what the title and keys leave.
    body: c.bytes('body', plainLines(n).join('\n') || n.title, BARK.body),
    level: t.level ?? BARK_LEVEL[n.look.urgency],
    group: t.group ?? n.facts.project ?? 'gantry',
    ...(run ? { url: run.url } : {}),
    ...(t.sound ? { sound: t.sound } : {})
  }
}

// ---------------------------------------------------------------------------------------------
// JSON webhooks

/** apprise's notification types, so receivers written for apprise's json:// understand ours. */
const APPRISE_TYPE = { low: 'info', normal: 'success', high: 'failure' } as const

export function jsonPayload(n: Notification) {
  const f = n.facts
  return {
    version: '1.0',
    title: plainTitle(n),
    message: plainLines(n).join('\n'),
    type:
      n.status === 'approval-needed' || n.status === 'rolled-back'
        ? 'warning'
        : APPRISE_TYPE[n.look.urgency],
    status: n.status,
    facts: {
      provider: f.provider,
      repository: f.repository,
      branch: f.branch,
      tag: f.tag,
      sha: f.sha,
      commitMessage: f.commitMessage,
      author: f.author,
      actor: f.actor,
      version: f.version,
      environment: f.environment,
      url: f.url,
      duration: f.duration,
      runUrl: f.runUrl,
      buildNumber: f.buildNumber,
      pullRequest: f.pullRequest?.number
    },
    fields: n.fields.map((x) => ({ label: x.label, value: plainValue(x.value) })),
    links: n.links.map((l) => ({ label: l.label, url: l.url }))
  }
}

// ---------------------------------------------------------------------------------------------

export interface RenderOptions {
  /** Discord: edit this message instead of posting. */
  editMessageId?: string
}

/** The requests that deliver `n` to one target (Slack is sent by src/io/slack.ts instead). */
export function renderFor(target: Target, n: Notification, options: RenderOptions = {}): Rendered {
  const c = new Cutter()
  const json = (
    url: string,
    body: unknown,
    extra: Record<string, string> = {},
    method: HttpRequestPlan['method'] = 'POST',
    label?: string
  ): HttpRequestPlan => ({
    method,
    url,
    headers: { 'Content-Type': JSON_TYPE, ...extra },
    body: JSON.stringify(body),
    ...(label ? { label } : {})
  })
  switch (target.service) {
    case 'discord': {
      const base = `${target.apiBase}/webhooks/${target.webhookId}/${target.webhookToken}`
      const payload: Record<string, unknown> = discordPayload(n, c)
      if (target.username) payload.username = truncate(target.username, DISCORD.username)
      if (target.avatarUrl) payload.avatar_url = target.avatarUrl
      const thread = target.threadId ? `thread_id=${encodeURIComponent(target.threadId)}` : ''
      const request = options.editMessageId
        ? json(
            `${base}/messages/${options.editMessageId}${thread ? `?${thread}` : ''}`,
            payload,
            {},
            'PATCH'
          )
        : json(`${base}?wait=true${thread ? `&${thread}` : ''}`, payload)
      return { requests: [request], truncated: c.truncated }
    }
    case 'teams':
      return { requests: [json(target.url, teamsPayload(n, c))], truncated: c.truncated }
    case 'ntfy': {
      const auth: Record<string, string> = target.auth
        ? 'token' in target.auth
          ? { Authorization: `Bearer ${target.auth.token}` }
          : { Authorization: basic(target.auth) }
        : {}
      const requests = target.topics.map((topic, i) =>
        json(
          target.endpoint,
          ntfyPayload(n, topic, target, c),
          auth,
          'POST',
          target.topics.length > 1 ? `topic ${i + 1} of ${target.topics.length}` : undefined
        )
      )
      return { requests, truncated: [...new Set(c.truncated)] }
    }
    case 'bark': {
      const auth: Record<string, string> = target.auth ? { Authorization: basic(target.auth) } : {}
      const requests = target.deviceKeys.map((key, i) =>
        json(
          target.endpoint,
          barkPayload(n, key, target, c),
          auth,
          'POST',
          target.deviceKeys.length > 1
            ? `device ${i + 1} of ${target.deviceKeys.length}`
            : undefined
        )
      )
      return { requests, truncated: [...new Set(c.truncated)] }
    }
    case 'json': {
      const auth: Record<string, string> = target.auth ? { Authorization: basic(target.auth) } : {}
      return {
        requests: [json(target.url, jsonPayload(n), { ...auth, ...target.headers }, target.method)],
        truncated: []
      }
    }
    case 'slack':
      throw new Error('Slack targets are sent by src/io/slack.ts')
  }
}
