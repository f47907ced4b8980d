// Slack-compatible HTTP endpoint for the Gantry sandbox: incoming webhooks and the Web API
// methods chat.postMessage, chat.update and auth.test, with request recording and failure
// injection. No dependencies. Started by slack.js as `node slack-server.js <config.json>`.
// The control API (/_sandbox/…) is documented in README.md, section "Slack endpoint".
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import process from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { URLSearchParams, fileURLToPath } from 'node:url'

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'))
/** Lets `up` notice that this file changed since the running server started, and restart it. */
const CODE_HASH = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')
const TEAM = { id: config.teamId, name: 'Gantry Sandbox', url: 'https://gantry-sandbox.slack.com/' }
const BOT = {
  userId: 'U0SANDBOXBOT',
  botId: 'B0SANDBOXBOT',
  appId: 'A0SANDBOXAPP',
  name: 'gantry-bot'
}
const MAX_BODY = 1024 * 1024

const requests = [] // every Slack request (not control calls), oldest first
const messages = new Map() // `${channelId}/${ts}` -> stored message
let failures = [] // pending injected failures, applied first-match-first
let nextRequestId = 1
let lastTsMicros = 0

// ---------------------------------------------------------------------------------------------
// Slack semantics

/** Slack message timestamps: "seconds.microseconds", unique and increasing. */
function newTs() {
  lastTsMicros = Math.max(Date.now() * 1000, lastTsMicros + 1)
  return `${Math.floor(lastTsMicros / 1e6)}.${String(lastTsMicros % 1e6).padStart(6, '0')}`
}

/** Names and IDs that do not exist: anything starting with "missing" or "C0MISSING". */
function channelMissing(channel) {
  const name = String(channel).replace(/^#/, '').toUpperCase()
  return name.startsWith('MISSING') || name.startsWith('C0MISSING')
}

/** Slack answers with channel IDs even when posting to "#name": derive a stable fake ID. */
function channelId(channel) {
  if (/^[CGD][A-Z0-9]{8,}$/.test(channel)) return channel
  const name = String(channel).replace(/^#/, '')
  return 'C' + createHash('sha1').update(name).digest('hex').slice(0, 10).toUpperCase()
}

const nonEmptyList = (v) => Array.isArray(v) && v.length > 0
const hasContent = (p) =>
  (typeof p.text === 'string' && p.text.trim() !== '') ||
  nonEmptyList(p.blocks) ||
  nonEmptyList(p.attachments)

function botMessage(fields) {
  const message = {
    user: BOT.userId,
    type: 'message',
    ts: fields.ts,
    bot_id: BOT.botId,
    app_id: BOT.appId,
    text: fields.text ?? '',
    team: TEAM.id,
    bot_profile: { id: BOT.botId, app_id: BOT.appId, name: BOT.name, team_id: TEAM.id }
  }
  for (const key of ['blocks', 'attachments', 'thread_ts', 'metadata', 'edited']) {
    if (fields[key] !== undefined) message[key] = fields[key]
  }
  return message
}

const apiError = (error) => ({ ok: false, error })

const methods = {
  'auth.test': () => ({
    ok: true,
    url: TEAM.url,
    team: TEAM.name,
    user: BOT.name,
    team_id: TEAM.id,
    user_id: BOT.userId,
    bot_id: BOT.botId,
    is_enterprise_install: false
  }),

  'chat.postMessage': (p) => {
    if (!p.channel || channelMissing(p.channel)) return apiError('channel_not_found')
    if (!hasContent(p)) return apiError('no_text')
    const channel = channelId(p.channel)
    const message = botMessage({ ...p, ts: newTs() })
    messages.set(`${channel}/${message.ts}`, { channel, ...message })
    return { ok: true, channel, ts: message.ts, message }
  },

  'chat.update': (p) => {
    if (!p.channel || channelMissing(p.channel)) return apiError('channel_not_found')
    const channel = channelId(p.channel)
    const stored = messages.get(`${channel}/${p.ts}`)
    if (!p.ts || !stored) return apiError('message_not_found')
    if (!hasContent(p)) return apiError('no_text')
    const message = botMessage({
      ...stored,
      ...pick(p, ['text', 'blocks', 'attachments', 'metadata']),
      ts: stored.ts,
      edited: { user: BOT.userId, ts: newTs() }
    })
    messages.set(`${channel}/${stored.ts}`, { channel, ...message })
    return { ok: true, channel, ts: stored.ts, text: message.text, message }
  }
}

const pick = (obj, keys) =>
  Object.fromEntries(keys.filter((k) => obj[k] !== undefined).map((k) => [k, obj[k]]))

/** Token from `Authorization: Bearer …`, else a `token` parameter (form or query), like Slack. */
function checkToken(req, params) {
  const header = req.headers.authorization ?? ''
  const token = header.match(/^Bearer\s+(.+)$/i)?.[1]?.trim() ?? params.token
  if (!token) return 'not_authed'
  return token === config.token ? null : 'invalid_auth'
}

// Form posts carry blocks/attachments as JSON strings (that is what Slack SDKs send).
function decodeFormFields(params) {
  for (const key of ['blocks', 'attachments', 'metadata']) {
    if (typeof params[key] === 'string') {
      try {
        params[key] = JSON.parse(params[key])
      } catch {
        // left as the string; Slack would answer invalid_blocks / invalid_attachments
      }
    }
  }
  return params
}

function parseApiParams(req, url, raw) {
  const type = contentType(req)
  const params = Object.fromEntries(url.searchParams)
  if (!raw) return params
  if (type === 'application/json') return { ...params, ...JSON.parse(raw) } // throws -> invalid_json
  return decodeFormFields({ ...params, ...Object.fromEntries(new URLSearchParams(raw)) })
}

async function handleApi(req, url, raw, record) {
  const method = url.pathname.slice('/api/'.length)
  const handler = methods[method]
  if (!handler) return reply(404, apiError('unknown_method'))
  let params
  try {
    params = parseApiParams(req, url, raw)
  } catch {
    return reply(200, apiError('invalid_json'))
  }
  record.body = params
  const authError = checkToken(req, params)
  if (authError) return reply(200, apiError(authError))
  return reply(200, handler(params))
}

/** Webhook bodies: raw JSON (any content type, as curl users send it) or form field `payload`. */
function parseWebhookPayload(req, raw) {
  const trimmed = raw.trim()
  if (contentType(req) === 'application/json' || trimmed.startsWith('{')) return JSON.parse(trimmed)
  const payload = new URLSearchParams(raw).get('payload')
  if (payload === null) throw new Error('no payload')
  return JSON.parse(payload)
}

function handleWebhook(req, url, raw, record) {
  const [, , team, bot, secret] = url.pathname.split('/')
  if (team !== config.teamId || bot !== config.webhookId || !secret) return reply(404, 'no_service')
  if (secret !== config.webhookSecret) return reply(403, 'invalid_token')
  let payload
  try {
    payload = parseWebhookPayload(req, raw)
  } catch {
    return reply(400, 'invalid_payload')
  }
  record.body = payload
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    return reply(400, 'invalid_payload')
  if (!hasContent(payload)) return reply(400, 'no_text')
  if (payload.channel && channelMissing(payload.channel)) return reply(404, 'channel_not_found')
  const channel = channelId(payload.channel ?? config.webhookChannel)
  const message = botMessage({ ...payload, ts: newTs() })
  messages.set(`${channel}/${message.ts}`, { channel, ...message, via: 'webhook' })
  return reply(200, 'ok')
}

// ---------------------------------------------------------------------------------------------
// Failure injection

/** Validates one rule: { status?, retryAfter?, delayMs?, error?, path?, times? }. */
function normalizeFailure(rule) {
  if (typeof rule !== 'object' || rule === null) throw new Error('a failure must be a JSON object')
  const times = rule.times ?? rule.count ?? 1
  const failure = {
    status: rule.status ?? (rule.error ? 200 : null),
    retryAfter: rule.retryAfter ?? (rule.status === 429 ? 1 : null),
    delayMs: rule.delayMs ?? 0,
    error: rule.error ?? null,
    path: rule.path ?? null,
    times
  }
  if (!Number.isInteger(times) || times < 1) throw new Error('times must be a positive integer')
  if (failure.status === null && !failure.delayMs) throw new Error('give status, error or delayMs')
  return failure
}

const failureMatches = (f, path) =>
  f.path === null || f.path === path || (f.path.endsWith('/') && path.startsWith(f.path))

/** Takes (and counts down) the first pending failure for this path. */
function takeFailure(path) {
  const failure = failures.find((f) => failureMatches(f, path))
  if (!failure) return null
  failure.times -= 1
  failures = failures.filter((f) => f.times > 0)
  return failure
}

function injectedReply(failure, isApi) {
  const headers = failure.retryAfter !== null ? { 'Retry-After': String(failure.retryAfter) } : {}
  const error =
    failure.error ??
    (failure.status === 429 ? (isApi ? 'ratelimited' : 'rate_limited') : 'internal_error')
  return reply(failure.status, isApi ? apiError(error) : error, headers)
}

// ---------------------------------------------------------------------------------------------
// Control API (/_sandbox/…)

function handleControl(req, url, raw) {
  const route = `${req.method} ${url.pathname.replace(/\/+$/, '')}`
  switch (route) {
    case 'GET /_sandbox/health':
      return reply(200, {
        ok: true,
        pid: process.pid,
        codeHash: CODE_HASH,
        requests: requests.length
      })
    case 'GET /_sandbox/requests': {
      const path = url.searchParams.get('path')
      return reply(200, path ? requests.filter((r) => r.path === path) : requests)
    }
    case 'DELETE /_sandbox/requests': {
      const cleared = requests.splice(0).length
      return reply(200, { ok: true, cleared })
    }
    case 'GET /_sandbox/messages':
      return reply(200, [...messages.values()])
    case 'GET /_sandbox/failures':
      return reply(200, failures)
    case 'POST /_sandbox/failures': {
      try {
        const body = JSON.parse(raw || 'null')
        const added = (Array.isArray(body) ? body : [body]).map(normalizeFailure)
        failures.push(...added)
        return reply(200, { ok: true, failures })
      } catch (err) {
        return reply(400, { ok: false, error: err.message })
      }
    }
    case 'DELETE /_sandbox/failures':
      failures = []
      return reply(200, { ok: true })
    case 'POST /_sandbox/reset':
      requests.splice(0)
      messages.clear()
      failures = []
      return reply(200, { ok: true })
    default:
      return reply(404, { ok: false, error: `unknown control route ${route}` })
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

const contentType = (req) => (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
const reply = (status, body, headers = {}) => ({ status, body, headers })

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks = []
    req.on('data', (chunk) => {
      size += chunk.length
      if (size > MAX_BODY) req.destroy(new Error('body too large'))
      else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res, { status, body, headers }) {
  const isText = typeof body === 'string'
  const payload = isText ? body : JSON.stringify(body)
  res.writeHead(status, {
    'content-type': isText ? 'text/html' : 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...headers
  })
  res.end(payload)
}

async function handle(req, res) {
  const url = new URL(req.url, `http://${req.headers.host ?? 'localhost'}`)
  const raw = await readBody(req)
  if (url.pathname.startsWith('/_sandbox/')) return send(res, handleControl(req, url, raw))

  const isApi = url.pathname.startsWith('/api/')
  const record = {
    id: nextRequestId++,
    time: new Date().toISOString(),
    method: req.method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: req.headers,
    body: null,
    rawBody: raw,
    injected: null,
    response: null
  }
  requests.push(record)

  let answer
  const failure = takeFailure(url.pathname)
  if (failure) {
    record.injected = { ...failure, times: undefined }
    if (failure.delayMs) await sleep(failure.delayMs)
  }
  if (failure?.status) answer = injectedReply(failure, isApi)
  else if (isApi) answer = await handleApi(req, url, raw, record)
  else if (url.pathname.startsWith('/services/')) answer = handleWebhook(req, url, raw, record)
  else answer = reply(404, 'not_found')
  if (record.body === null && raw) record.body = tryParse(req, raw)
  record.response = { status: answer.status, headers: answer.headers, body: answer.body }
  send(res, answer)
}

function tryParse(req, raw) {
  try {
    return contentType(req) === 'application/json'
      ? JSON.parse(raw)
      : Object.fromEntries(new URLSearchParams(raw))
  } catch {
    return null
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    if (!res.headersSent)
      send(res, reply(500, { ok: false, error: 'sandbox_server_error', detail: err.message }))
  })
})
server.listen(config.port, config.address, () => {
  console.log(
    `gantry sandbox slack endpoint on http://${config.address}:${config.port} (pid ${process.pid})`
  )
})
process.on('SIGTERM', () => {
  server.close(() => process.exit(0))
  setTimeout(() => process.exit(0), 1000).unref() // do not wait for slow (delayed) answers
})
