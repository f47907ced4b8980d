/**
 * Action `notify`: one status message to every target given as an apprise-style URL (bark, ntfy,
 * Discord, Teams, JSON webhooks, Slack). Targets are parsed first (a bad line fails the step
 * before anything is sent); each is then rendered in its own format and delivered with retries.
 * An undeliverable target warns and the step stays green unless `fail-on-error: true`.
 */
import { randomUUID } from 'node:crypto'
import { withFactInputs } from '../../core/message/facts.js'
import { type Notification, buildNotification } from '../../core/message/notification.js'
import { STATUS_LIST, type Status, parseStatus } from '../../core/message/status.js'
import { parseStartTime } from '../../core/message/time.js'
import {
  type HttpRequestPlan,
  plainLines,
  plainTitle,
  renderFor
} from '../../core/notify/render.js'
import { type Target, parseTargets } from '../../core/notify/targets.js'
import { signWebhook } from '../../core/signature.js'
import { enforceLimits } from '../../core/slack/limits.js'
import { buildTemplate } from '../../core/slack/templates.js'
import { readOptionalFile } from '../../io/files.js'
import { HttpDeliveryError, type HttpSendOptions, sendHttp } from '../../io/notify.js'
import { SlackDeliveryError, type SlackTransport, sendToSlack } from '../../io/slack.js'
import { redact } from '../../lib/redact.js'
import { runAction } from '../../lib/action.js'
import { InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { code, pre, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { type ReadCommit, gitCommit, readBuildFacts } from '../slack-notify/context.js'

export const INPUTS = {
  urls: 'urls',
  status: 'status',
  title: 'title',
  text: 'text',
  fields: 'fields',
  version: 'version',
  environment: 'environment',
  url: 'url',
  duration: 'duration',
  startedAt: 'started-at',
  messageIds: 'message-ids',
  signingSecret: 'signing-secret',
  failOnError: 'fail-on-error',
  retries: 'retries'
} as const

export interface NotifySettings {
  targets: Target[]
  status: Status
  title?: string
  text?: string
  fields: [string, string][]
  version?: string
  environment?: string
  url?: string
  duration?: string
  startedAt?: number
  messageIds: Record<string, string>
  signingSecret?: string
  failOnError: boolean
  retries: number
  secrets: string[]
}

/** Lines of the `urls` input: one URL each; blank lines and `#` comments skipped (no comma split: URLs hold commas). */
const urlLines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))

export async function readSettings(
  inputs: InputReader,
  setSecret: (v: string) => void
): Promise<NotifySettings> {
  const urlsText = inputs.secret(INPUTS.urls)
  if (urlsText === undefined)
    throw new InputError(
      INPUTS.urls,
      '',
      'at least one target URL (see the README for each service)'
    )
  const targets = parseTargets(urlLines(urlsText), INPUTS.urls)
  const secrets = targets.flatMap((t) => t.secrets)
  for (const s of secrets) setSecret(s)
  const statusText = inputs.required(INPUTS.status, STATUS_LIST)
  const status = parseStatus(statusText)
  if (status === undefined) throw new InputError(INPUTS.status, statusText, STATUS_LIST)
  const startedText = inputs.optional(INPUTS.startedAt)
  const startedAt = startedText === undefined ? undefined : parseStartTime(startedText)
  if (startedText !== undefined && startedAt === undefined)
    throw new InputError(
      INPUTS.startedAt,
      startedText,
      'an ISO 8601 time (`2026-11-22T15:04:05Z`) or Unix time in seconds (`date +%s`)'
    )
  const url = inputs.optional(INPUTS.url)
  if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
    throw new InputError(INPUTS.url, url, 'an http(s) URL')
  const fieldsText = inputs.optional(INPUTS.fields)
  const signingSecret = inputs.secret(INPUTS.signingSecret)
  if (signingSecret !== undefined) secrets.push(signingSecret)
  return {
    targets,
    status,
    title: inputs.optional(INPUTS.title),
    text: inputs.optional(INPUTS.text),
    fields:
      fieldsText === undefined
        ? []
        : await (
            await import('../../core/slack/payload.js')
          ).parseFields(fieldsText, `input '${INPUTS.fields}'`),
    version: inputs.optional(INPUTS.version),
    environment: inputs.optional(INPUTS.environment),
    url,
    duration: inputs.optional(INPUTS.duration),
    startedAt,
    messageIds: readMessageIds(inputs),
    signingSecret,
    failOnError: inputs.boolean(INPUTS.failOnError, false),
    retries: inputs.integer(INPUTS.retries, { min: 0, max: 10 }) ?? 2,
    secrets
  }
}

function readMessageIds(inputs: InputReader): Record<string, string> {
  const text = inputs.optional(INPUTS.messageIds)
  if (text === undefined) return {}
  const expected =
    'the `message-ids` output of the step that posted: JSON such as `{"discord:123":"456"}`'
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new InputError(INPUTS.messageIds, text, expected)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InputError(INPUTS.messageIds, text, expected)
  const entries = Object.entries(value as Record<string, unknown>)
  if (!entries.every(([, v]) => typeof v === 'string' && /^\d+$/.test(v)))
    throw new InputError(INPUTS.messageIds, text, expected)
  return Object.fromEntries(entries) as Record<string, string>
}

/** The key of a target's editable message in `message-ids`. */
export const messageKey = (t: Target) =>
  t.service === 'discord'
    ? `discord:${t.webhookId}${t.threadId ? `:${t.threadId}` : ''}`
    : undefined

export interface NotifyDeps {
  runner: Runner
  readFile: (path: string) => Promise<string | undefined>
  readCommit: ReadCommit
  now: () => number
  fetch: typeof fetch
  sleep: (ms: number) => Promise<void>
  newId: () => string
  send: typeof sendToSlack
}

export interface TargetOutcome {
  target: Target
  delivered: boolean
  detail: string
  messageId?: string
  attempts: number
  truncated: string[]
}

export async function run(deps: Partial<NotifyDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  const now = deps.now ?? Date.now
  await runAction(runner, async () => {
    const settings = await readSettings(
      new InputReader(runner.getInput, (v) => runner.setSecret(v)),
      (v) => runner.setSecret(v)
    )
    for (const t of settings.targets)
      if (t.ignored.length > 0)
        runner.info(`${t.display}: options this action does not use: ${t.ignored.join(', ')}.`)
    const facts = withFactInputs(
      await readBuildFacts(runner.env, {
        readFile: deps.readFile ?? readOptionalFile,
        readCommit: deps.readCommit ?? gitCommit()
      }),
      settings,
      now()
    )
    const notification = buildNotification(facts, {
      status: settings.status,
      title: settings.title,
      text: settings.text,
      fields: settings.fields
    })
    const outcomes = await runner.group(
      `Notify ${settings.targets.length} target${settings.targets.length === 1 ? '' : 's'}`,
      () =>
        Promise.all(
          settings.targets.map((t) =>
            deliverOne(t, notification, settings, deps, (text) => runner.info(text))
          )
        )
    )
    const delivered = outcomes.filter((o) => o.delivered)
    const ids: Record<string, string> = {}
    for (const o of outcomes) {
      const key = messageKey(o.target)
      if (key && o.messageId) ids[key] = o.messageId
    }
    runner.setOutput('ok', String(delivered.length === outcomes.length))
    runner.setOutput('delivered', String(delivered.length))
    runner.setOutput('message-ids', JSON.stringify(ids))
    runner.appendSummary(redact(renderSummary(notification, outcomes), settings.secrets))
    const failed = outcomes.filter((o) => !o.delivered)
    if (failed.length === 0) return
    const problem = redact(
      `Notification not delivered to ${failed.length} of ${outcomes.length} target${outcomes.length === 1 ? '' : 's'}: ${failed.map((o) => `${o.target.display} (${o.detail})`).join('; ')}.`,
      settings.secrets
    )
    if (settings.failOnError) runner.setFailed(problem)
    else runner.warning(`${problem} The step stays green ('${INPUTS.failOnError}' is false).`)
  })
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`

/**
 * One target: rendered in its format and delivered with retries; never throws for a target
 * that cannot be reached (the outcome says why). `info` gets each line worth logging, redacted.
 * `gantry agent` notifies through this too.
 */
export async function deliverOne(
  target: Target,
  n: Notification,
  settings: Pick<
    NotifySettings,
    'retries' | 'secrets' | 'messageIds' | 'signingSecret' | 'title' | 'text' | 'fields'
  >,
  deps: Partial<NotifyDeps>,
  info: (text: string) => void
): Promise<TargetOutcome> {
  const say = (text: string) => info(redact(text, settings.secrets))
  const total = settings.retries + 1
  if (target.service === 'slack') return deliverSlack(target, n, settings, deps, say)
  const key = messageKey(target)
  const editId = key ? settings.messageIds[key] : undefined
  const rendered = renderFor(target, n, { editMessageId: editId })
  if (rendered.truncated.length > 0)
    say(`${target.display}: cut to the service's limits: ${rendered.truncated.join('; ')}`)
  const options: HttpSendOptions = {
    retries: settings.retries,
    secrets: settings.secrets,
    sleep: deps.sleep,
    now: deps.now,
    fetch: deps.fetch,
    onRetry: (failure, attempt, delayMs) =>
      say(
        `${target.display}: ${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1} of ${total}).`
      )
  }
  const sign = (plan: HttpRequestPlan): HttpRequestPlan => {
    if (target.service !== 'json' || settings.signingSecret === undefined) return plan
    const headers = signWebhook({
      secret: settings.signingSecret,
      body: plan.body,
      timestamp: Math.floor((deps.now ?? Date.now)() / 1000),
      deliveryId: (deps.newId ?? randomUUID)()
    })
    return { ...plan, headers: { ...plan.headers, ...headers } }
  }
  let attempts = 0
  let messageId: string | undefined
  try {
    for (const plan of rendered.requests.map(sign)) {
      let answer
      try {
        answer = await sendHttp(plan, options)
      } catch (error) {
        // The message to edit is gone (deleted, or another webhook's): post a new one instead.
        if (editId && error instanceof HttpDeliveryError && error.failure.status === 404) {
          say(
            `${target.display}: message ${editId} cannot be edited (HTTP 404); posting a new one.`
          )
          const fresh = renderFor(target, n).requests[0]!
          answer = await sendHttp(fresh, options)
        } else throw error
      }
      attempts += answer.attempts
      if (target.service === 'discord') messageId = discordMessageId(answer.body) ?? messageId
    }
    const what =
      target.service === 'discord'
        ? editId && messageId === editId
          ? `updated message ${messageId}`
          : `posted message ${messageId ?? '?'}`
        : 'delivered'
    say(`${target.display}: ${what} (${attempts} attempt${attempts === 1 ? '' : 's'}).`)
    return {
      target,
      delivered: true,
      detail: what,
      messageId,
      attempts,
      truncated: rendered.truncated
    }
  } catch (error) {
    if (!(error instanceof HttpDeliveryError)) throw error
    const tries = error.attempts > 1 ? ` after ${error.attempts} attempts` : ''
    return {
      target,
      delivered: false,
      detail: `${error.failure.detail}${tries}`,
      attempts: attempts + error.attempts,
      truncated: rendered.truncated
    }
  }
}

function discordMessageId(body: string): string | undefined {
  try {
    const id = (JSON.parse(body) as { id?: unknown }).id
    return typeof id === 'string' && /^\d+$/.test(id) ? id : undefined
  } catch {
    return undefined
  }
}

/** Slack targets go through the Slack action's own code: the same message slack-notify posts. */
async function deliverSlack(
  target: Extract<Target, { service: 'slack' }>,
  n: Notification,
  settings: Parameters<typeof deliverOne>[2],
  deps: Partial<NotifyDeps>,
  say: (text: string) => void
): Promise<TargetOutcome> {
  // This action's text and fields are plain text: escaped, so they cannot ping or link in Slack.
  const message = enforceLimits(
    buildTemplate(n.facts, {
      status: n.status,
      title: settings.title,
      text: settings.text,
      fields: settings.fields,
      plainText: true
    })
  )
  const transport: SlackTransport =
    target.kind === 'webhook'
      ? { kind: 'webhook', url: target.url }
      : { kind: 'api', token: target.token, apiUrl: 'https://slack.com/api/' }
  try {
    const d = await (deps.send ?? sendToSlack)(
      transport,
      { message: message.message, channel: target.channel },
      {
        retries: settings.retries,
        secrets: settings.secrets,
        sleep: deps.sleep,
        onRetry: (failure, attempt, delayMs) =>
          say(
            `${target.display}: ${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1}).`
          )
      }
    )
    say(`${target.display}: delivered (${d.attempts} attempt${d.attempts === 1 ? '' : 's'}).`)
    return {
      target,
      delivered: true,
      detail: 'delivered',
      attempts: d.attempts,
      truncated: message.truncated
    }
  } catch (error) {
    if (!(error instanceof SlackDeliveryError)) throw error
    return {
      target,
      delivered: false,
      detail: error.failure.detail,
      attempts: error.attempts,
      truncated: message.truncated
    }
  }
}

function renderSummary(n: Notification, outcomes: TargetOutcome[]): string {
  const rows = outcomes.map((o) => [
    { raw: code(o.target.display) },
    o.target.service,
    o.delivered ? `✅ ${o.detail}` : `⚠️ not delivered: ${o.detail}`
  ])
  const message = [
    plainTitle(n),
    ...plainLines(n),
    ...n.links.map((l) => `${l.label}: ${l.url}`)
  ].join('\n')
  return summary(
    'Notification',
    `${table(['Target', 'Service', 'Result'], rows)}\n\n${pre(message)}`
  )
}
