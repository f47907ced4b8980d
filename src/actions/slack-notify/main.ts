/** Action `slack-notify`: a Block Kit message per pipeline state, posted or updated in place. */
import { type BuildFacts, withFactInputs } from '../../core/message/facts.js'
import { blockKitProblems } from '../../core/slack/block-kit.js'
import { hintFor } from '../../core/slack/hints.js'
import { enforceLimits } from '../../core/slack/limits.js'
import { truncate } from '../../core/message/text.js'
import type { SlackMessage } from '../../core/slack/message.js'
import { normalizeMention } from '../../core/slack/mrkdwn.js'
import { fillPlaceholders, placeholderValues } from '../../core/slack/placeholders.js'
import { renderText } from '../../core/slack/render.js'
import { STATUSES, type Status, parseStatus } from '../../core/message/status.js'
import { buildTemplate } from '../../core/slack/templates.js'
import { parseStartTime } from '../../core/message/time.js'
import { readOptionalFile } from '../../io/files.js'
import {
  type SlackDelivery,
  SlackDeliveryError,
  type SlackRequest,
  type SlackTransport,
  type SendOptions,
  sendToSlack
} from '../../io/slack.js'
import { runAction } from '../../lib/action.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'
import { pre, summary, table } from '../../lib/markdown.js'
import { githubRunner, type Runner } from '../../lib/runner.js'
import { type ReadCommit, gitCommit, readBuildFacts } from './context.js'

export const INPUTS = {
  webhookUrl: 'webhook-url',
  token: 'token',
  channel: 'channel',
  apiUrl: 'api-url',
  status: 'status',
  title: 'title',
  text: 'text',
  fields: 'fields',
  mention: 'mention',
  mentionOn: 'mention-on',
  payload: 'payload',
  payloadFile: 'payload-file',
  updateTs: 'update-ts',
  threadTs: 'thread-ts',
  version: 'version',
  environment: 'environment',
  url: 'url',
  duration: 'duration',
  startedAt: 'started-at',
  failOnError: 'fail-on-error',
  retries: 'retries'
} as const

const DEFAULT_API_URL = 'https://slack.com/api/'

/** The YAML parser loads only when there is YAML (fields, a payload) to parse. */
const loadPayloadParsers = () => import('../../core/slack/payload.js')
const STATUS_LIST = `one of ${STATUSES.map((s) => `\`${s}\``).join(', ')} (or GitHub's \`success\`, \`failure\`)`
const TS_EXPECTED =
  'a Slack message ts such as `1712345678.123456` (the `ts` output of the step that posted)'

export interface SlackNotifySettings {
  /** Undefined: neither a webhook nor a token was given (e.g. secrets withheld from a fork). */
  transport?: SlackTransport
  channel?: string
  status?: Status
  title?: string
  text?: string
  fields: [string, string][]
  mentions: string[]
  /** Statuses the mentions apply to; 'always' for every one. */
  mentionOn: Status[] | 'always'
  payload?: { text: string; source: string } | { file: string }
  updateTs?: string
  threadTs?: string
  version?: string
  environment?: string
  url?: string
  duration?: string
  startedAt?: number
  failOnError: boolean
  retries: number
}

export async function readSettings(inputs: InputReader): Promise<SlackNotifySettings> {
  const transport = readTransport(inputs)
  const payloadText = inputs.optional(INPUTS.payload)
  const payloadFile = inputs.optional(INPUTS.payloadFile)
  if (payloadText !== undefined && payloadFile !== undefined) {
    throw new ConfigurationError(
      `Inputs '${INPUTS.payload}' and '${INPUTS.payloadFile}' are both set: expected one of them.`
    )
  }
  const custom = payloadText !== undefined || payloadFile !== undefined
  const status = readStatus(inputs, INPUTS.status, !custom)
  const updateTs = readTs(inputs, INPUTS.updateTs)
  if (updateTs !== undefined && transport?.kind === 'webhook') {
    throw new ConfigurationError(
      `Input '${INPUTS.updateTs}' needs '${INPUTS.token}' and '${INPUTS.channel}': an incoming webhook cannot update a message.`
    )
  }
  const fieldsText = inputs.optional(INPUTS.fields)
  const startedText = inputs.optional(INPUTS.startedAt)
  const startedAt = startedText === undefined ? undefined : parseStartTime(startedText)
  if (startedText !== undefined && startedAt === undefined) {
    throw new InputError(
      INPUTS.startedAt,
      startedText,
      'an ISO 8601 time (`2026-11-22T15:04:05Z`) or Unix time in seconds (`date +%s`)'
    )
  }
  return {
    transport,
    channel: inputs.optional(INPUTS.channel),
    status,
    title: inputs.optional(INPUTS.title),
    text: inputs.optional(INPUTS.text),
    fields:
      fieldsText === undefined
        ? []
        : await (await loadPayloadParsers()).parseFields(fieldsText, `input '${INPUTS.fields}'`),
    mentions: inputs.list(INPUTS.mention).map((m) => {
      const mention = normalizeMention(m)
      if (mention === undefined) {
        throw new InputError(
          INPUTS.mention,
          m,
          '`@here`, `@channel`, a user ID (`U…` or `<@U…>`) or a user group ID (`S…` or `<!subteam^S…>`): Slack only pings IDs'
        )
      }
      return mention
    }),
    mentionOn: readMentionOn(inputs),
    payload:
      payloadFile !== undefined
        ? { file: payloadFile }
        : payloadText !== undefined
          ? { text: payloadText, source: `input '${INPUTS.payload}'` }
          : undefined,
    updateTs,
    threadTs: readTs(inputs, INPUTS.threadTs),
    version: inputs.optional(INPUTS.version),
    environment: inputs.optional(INPUTS.environment),
    url: inputs.url(INPUTS.url),
    duration: inputs.optional(INPUTS.duration),
    startedAt,
    failOnError: inputs.boolean(INPUTS.failOnError, false),
    retries: inputs.integer(INPUTS.retries, { min: 0, max: 10 }) ?? 2
  }
}

function readTransport(inputs: InputReader): SlackTransport | undefined {
  const webhookUrl = inputs.secret(INPUTS.webhookUrl)?.trim()
  const token = inputs.secret(INPUTS.token)?.trim()
  if (webhookUrl !== undefined && token !== undefined) {
    throw new ConfigurationError(
      `Inputs '${INPUTS.webhookUrl}' and '${INPUTS.token}' are both set: expected one (a webhook, or a token with a channel).`
    )
  }
  if (webhookUrl !== undefined) {
    // Never in the message: the URL is the secret.
    if (!/^https?:\/\/[^\s/]+\/\S+$/.test(webhookUrl)) {
      throw new ConfigurationError(
        `Input '${INPUTS.webhookUrl}' is not a webhook URL (https://hooks.slack.com/services/…); its value is a secret and not shown.`
      )
    }
    return { kind: 'webhook', url: webhookUrl }
  }
  if (token !== undefined) {
    const apiUrl = inputs.url(INPUTS.apiUrl) ?? DEFAULT_API_URL
    return { kind: 'api', token, apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/` }
  }
  return undefined
}

function readStatus(inputs: InputReader, name: string, required: boolean): Status | undefined {
  const value = inputs.optional(name)
  if (value === undefined) {
    if (required) throw new InputError(name, '', `${STATUS_LIST}, or a custom '${INPUTS.payload}'`)
    return undefined
  }
  const status = parseStatus(value)
  if (status === undefined) throw new InputError(name, value, STATUS_LIST)
  return status
}

function readMentionOn(inputs: InputReader): Status[] | 'always' {
  const items = inputs.list(INPUTS.mentionOn)
  if (items.length === 0 || items.includes('always')) return 'always'
  return items.map((item) => {
    const status = parseStatus(item)
    if (status === undefined)
      throw new InputError(INPUTS.mentionOn, item, `${STATUS_LIST} or \`always\``)
    return status
  })
}

function readTs(inputs: InputReader, name: string): string | undefined {
  const value = inputs.optional(name)
  if (value !== undefined && !/^\d+\.\d+$/.test(value))
    throw new InputError(name, value, TS_EXPECTED)
  return value
}

export interface SlackNotifyDeps {
  runner: Runner
  readFile: (path: string) => Promise<string | undefined>
  readCommit: ReadCommit
  now: () => number
  send: typeof sendToSlack
  sleep: SendOptions['sleep']
}

export async function run(deps: Partial<SlackNotifyDeps> = {}): Promise<void> {
  const runner = deps.runner ?? githubRunner()
  const readFile = deps.readFile ?? readOptionalFile
  const now = deps.now ?? Date.now
  const send = deps.send ?? sendToSlack
  await runAction(runner, async () => {
    const settings = await readSettings(new InputReader(runner.getInput, maskSecret(runner)))
    const facts = withFactInputs(
      await readBuildFacts(runner.env, { readFile, readCommit: deps.readCommit ?? gitCommit() }),
      settings,
      now()
    )
    const { message, custom } = await composeMessage(settings, facts, runner.env, readFile)
    const { message: limited, truncated } = enforceLimits(message)
    if (truncated.length > 0) runner.info(`Cut to Slack's limits: ${truncated.join('; ')}`)
    if (custom) {
      const problems = blockKitProblems(limited)
      if (problems.length > 0)
        runner.warning(`The payload may be refused by Slack: ${problems.slice(0, 10).join('; ')}`)
    }
    const request: SlackRequest = {
      message: limited,
      channel: settings.channel,
      updateTs: settings.updateTs,
      threadTs: settings.threadTs
    }
    const outcome = await deliver(runner, settings, request, send, deps.sleep)

    const ts = outcome.delivery?.ts ?? ''
    runner.setOutput('ok', String(outcome.delivery !== undefined))
    runner.setOutput('ts', ts)
    runner.setOutput('channel', outcome.delivery?.channel ?? '')
    runner.setOutput('thread-ts', settings.threadTs ?? ts)
    runner.appendSummary(renderSummary(settings, limited, outcome, truncated))
    if (outcome.delivery) runner.info(describeDelivery(outcome.delivery))
    else if (settings.failOnError) runner.setFailed(outcome.problem ?? 'not sent')
    else
      runner.warning(`${outcome.problem} The step stays green ('${INPUTS.failOnError}' is false).`)
  })
}

/** A webhook URL's last path segment: the part that is the key. */
const webhookKey = (url: string) => /^https?:\/\/.+\/([^/\s]{6,})\/?$/.exec(url.trim())?.[1]

/** Masks a secret and, for a webhook URL, its key on its own too. */
function maskSecret(runner: Runner): (value: string) => void {
  return (value) => {
    runner.setSecret(value)
    const key = webhookKey(value)
    if (key) runner.setSecret(key)
  }
}

function appliesTo(settings: SlackNotifySettings): string[] {
  const { mentionOn, status } = settings
  if (mentionOn === 'always' || status === undefined || mentionOn.includes(status))
    return settings.mentions
  return []
}

async function composeMessage(
  settings: SlackNotifySettings,
  facts: BuildFacts,
  env: Readonly<Record<string, string | undefined>>,
  readFile: (path: string) => Promise<string | undefined>
): Promise<{ message: SlackMessage; custom: boolean }> {
  const mentions = appliesTo(settings)
  if (settings.payload === undefined) {
    const status = settings.status as Status // readSettings requires it without a payload
    const message = buildTemplate(facts, {
      status,
      title: settings.title,
      text: settings.text,
      fields: settings.fields,
      mentions
    })
    return { message, custom: false }
  }
  const { text, source } = await payloadSource(settings.payload, readFile)
  const values = placeholderValues(facts, {
    status: settings.status,
    title: settings.title,
    text: settings.text,
    mention: mentions.join(' ')
  })
  const { checkPayloadContent, parsePayload } = await loadPayloadParsers()
  const filled = fillPlaceholders(parsePayload(text, source), {
    values,
    env: placeholderEnv(env, settings),
    source
  })
  const message = checkPayloadContent(filled, source)
  if (message.text === undefined) {
    // The notification (and screen readers) need a text; the first line shown is the best one.
    const first = renderText(message).split('\n')[0]
    if (first) message.text = truncate(first, 150)
  }
  return { message, custom: true }
}

async function payloadSource(
  payload: NonNullable<SlackNotifySettings['payload']>,
  readFile: (path: string) => Promise<string | undefined>
): Promise<{ text: string; source: string }> {
  if ('text' in payload) return payload
  const text = await readFile(payload.file)
  if (text === undefined) {
    throw new ConfigurationError(
      `Input '${INPUTS.payloadFile}' is ${JSON.stringify(payload.file)}: no such file.`
    )
  }
  return { text, source: payload.file }
}

/** `{{ env.NAME }}`: the environment, minus what holds this step's inputs and the runner's tokens. */
function placeholderEnv(
  env: Readonly<Record<string, string | undefined>>,
  settings: SlackNotifySettings
): Record<string, string | undefined> {
  const t = settings.transport
  const secrets = t === undefined ? [] : t.kind === 'webhook' ? [t.url] : [t.token]
  return Object.fromEntries(
    Object.entries(env).filter(
      ([name, value]) =>
        !/^(INPUT_|ACTIONS_)/.test(name) &&
        !secrets.some((s) => value !== undefined && value.includes(s))
    )
  )
}

interface Outcome {
  delivery?: SlackDelivery
  /** Why nothing was delivered, for the warning or failure. */
  problem?: string
}

async function deliver(
  runner: Runner,
  settings: SlackNotifySettings,
  request: SlackRequest,
  send: typeof sendToSlack,
  sleep: SendOptions['sleep']
): Promise<Outcome> {
  const transport = settings.transport
  if (transport === undefined) {
    return {
      problem: `Slack notification not sent: neither '${INPUTS.webhookUrl}' nor '${INPUTS.token}' is set (secrets are not passed to workflows of pull requests from forks).`
    }
  }
  if (
    transport.kind === 'api' &&
    request.channel === undefined &&
    typeof request.message.channel !== 'string'
  ) {
    throw new ConfigurationError(
      `Input '${INPUTS.channel}' is empty: expected a channel ID or #name to post to with '${INPUTS.token}' (or a \`channel\` in the payload).`
    )
  }
  const total = settings.retries + 1
  try {
    return {
      delivery: await send(transport, request, {
        retries: settings.retries,
        secrets:
          transport.kind === 'webhook'
            ? [transport.url, webhookKey(transport.url) ?? transport.url]
            : [transport.token],
        sleep,
        // The SDK logs every request: worth it only when the user asked for debug logs.
        debug: runner.isDebug ? (message) => runner.debug(message) : undefined,
        // The detail is the server's answer: printed as untrusted text.
        onRetry: (failure, attempt, delayMs) =>
          runner.untrusted(
            `${failure.detail}; trying again in ${seconds(delayMs)} (attempt ${attempt + 1} of ${total}).`
          )
      })
    }
  } catch (error) {
    if (!(error instanceof SlackDeliveryError)) throw error
    const hint = hintFor(error.failure.slackError)
    const tries = error.attempts === 1 ? '' : ` after ${error.attempts} attempts`
    return {
      problem: `Slack notification not delivered${tries}: ${error.failure.detail}${hint ? ` — ${hint}` : ''}.`
    }
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`

function describeDelivery(d: SlackDelivery): string {
  if (d.method === 'webhook') return 'Slack notification sent with the incoming webhook.'
  const verb = d.method === 'chat.update' ? 'updated' : 'posted'
  return `Slack message ${verb} in ${d.channel ?? '?'} (ts ${d.ts ?? '?'}).`
}

function renderSummary(
  settings: SlackNotifySettings,
  message: SlackMessage,
  outcome: Outcome,
  truncated: string[]
): string {
  const d = outcome.delivery
  const via =
    settings.transport?.kind === 'webhook'
      ? 'incoming webhook'
      : settings.updateTs
        ? 'chat.update'
        : 'chat.postMessage'
  const rows: string[][] = [
    ['Status', settings.status ?? 'custom payload'],
    ['Sent with', settings.transport === undefined ? '—' : via],
    [
      'Channel',
      d?.channel ??
        settings.channel ??
        (settings.transport?.kind === 'webhook' ? "the webhook's" : '—')
    ],
    ['Result', d ? (d.ts ? `delivered, ts ${d.ts}` : 'delivered') : (outcome.problem ?? 'not sent')]
  ]
  if (truncated.length > 0) rows.push(['Cut to limits', truncated.join('; ')])
  return summary('Slack notification', `${table(['', ''], rows)}\n\n${pre(renderText(message))}`)
}
