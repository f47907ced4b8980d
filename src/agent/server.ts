/**
 * The agent's HTTP(S) server (AGENT-SPEC.md, HTTP). Every answer is JSON. Called by main.ts:
 *
 *   const server = await startAgentServer(config, { deployer, store, queue, clock, log })
 *   server.url          // `http://127.0.0.1:9000` (the port actually bound: `listen: …:0` picks one)
 *   await server.close(30_000)   // stop accepting; waiting jobs end failed; a running job gets
 *                                // up to 30 s; resolves true when nothing was left running
 *
 * `queue` is optional (one is made from the config); pass the one the poller submits to, so
 * polls and webhooks share one order per app. `log(event)` gets one object per event (main.ts
 * writes it as text or JSON); a refused request's reason is logged, never a secret or a MAC.
 *
 * At start it resumes the jobs an earlier agent accepted but had not started (queue.resume():
 * call recovery before this). Routes: POST /hooks/<app>; GET /jobs/<id> (bearer); GET /healthz; GET /apps (bearer);
 * POST /apps/<app>/rollback (bearer). A body over `max-body` gets 413 from its Content-Length,
 * before a byte of it is read (a chunked one is cut at the limit). What can be refused without
 * the body is refused before it is read (route, method, app, credentials that need no body:
 * hooks.ts verifyBeforeBody); a body is gathered into one buffer, never kept chunk by chunk. A
 * delivery is verified (hooks.ts), checked against the delivery ids seen (store.ts, 7 days,
 * across restarts), given its place in the app's queue (arrival order), resolved by the deployer
 * within 5 s (the registry's digest, the branch's commit) into that place (queue.ts) and
 * answered 202 with the job id: the deploy itself runs after the answer. Every refusal is
 * logged, at most REJECTIONS_LOGGED a minute for each reason (then one line says how many more).
 */
import { readFile } from 'node:fs/promises'
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse
} from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import {
  UnresolvableError,
  type AgentConfig,
  type AppConfig,
  type Deployer,
  type DeployRequest,
  type Resolved
} from './contract.js'
import { JobQueue, type AgentEvent, type AgentLog, describe } from './queue.js'
import { isJobId, type AgentStore } from './store.js'
import { sameSecret, verifyBeforeBody, verifyHook } from '../core/agent/hooks.js'
import type { Clock } from '../lib/clock.js'
import { errorMessage } from '../lib/errors.js'
import { redactUrlCredentials } from '../lib/redact.js'

export const RESOLVE_TIMEOUT_MS = 5000
/**
 * Connections open at once; one more is closed at once. Above what a few senders need (and the
 * bench's 200 slow ones), below what exhausts the agent: bodies share BODY_BUDGET_BYTES, and a
 * connection gets 10 s for its headers and 30 s for its request.
 */
export const MAX_CONNECTIONS = 512
/** A body in more pieces than this is refused (a legitimate 1 MiB comes in a few hundred). */
export const MAX_BODY_PIECES = 4096
/** Bodies being read hold at most this much at once (or twice max-body, if more). */
export const BODY_BUDGET_BYTES = 16 * 1024 * 1024
/** How often slow senders are looked for (Node's default, 30 s, lets headersTimeout run 40 s). */
const CONNECTIONS_CHECK_MS = 1000
/** Refusals logged per reason and minute; the rest are counted in one line. */
export const REJECTIONS_LOGGED = 10
const MINUTE_MS = 60_000
const ORIGIN_FORM = /^\/[\w\-.~!$&'()*+,;=:@%/]*(\?[\w\-.~!$&'()*+,;=:@%/?]*)?$/

export interface AgentServerOptions {
  deployer: Deployer
  store: AgentStore
  queue?: JobQueue
  clock: Clock
  log: AgentLog
  /** The bound on the deployer's resolution before answering; 5 s. */
  resolveTimeoutMs?: number
  /** Bytes of bodies held at once, across requests; BODY_BUDGET_BYTES or 2 × max-body. */
  bodyBudgetBytes?: number
}

export interface AgentServer {
  url: string
  port: number
  queue: JobQueue
  close(graceMs?: number): Promise<boolean>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers
  })
  res.end(text)
}

/**
 * The body, up to `max` bytes, in one buffer (sized from Content-Length, else grown by doubling):
 * a million tiny chunks cost one buffer, not a million. Over `max` (declared or counted): 413.
 * More than MAX_BODY_PIECES pieces (a sender's chunks, the network's reads): 400, as each piece
 * costs the agent's one thread a call whatever its size.
 */
function readBody(req: IncomingMessage, max: number, budget: BodyBudget): Promise<Buffer> {
  const declared = req.headers['content-length']
  try {
    checkDeclaredLength(req, max)
  } catch (error) {
    return Promise.reject(error)
  }
  return new Promise((resolve, reject) => {
    let held = 0
    /** A buffer of `bytes`, counted against the budget shared by every body being read. */
    const allocate = (bytes: number): Buffer | undefined => {
      if (budget.left < bytes - held) return undefined
      budget.left -= bytes - held
      held = bytes
      return Buffer.allocUnsafe(bytes)
    }
    let body = allocate(Math.min(max, Number(declared) || 16 * 1024))
    let size = 0
    let pieces = 0
    let settled = false
    const settle = (error?: HttpError) => {
      if (settled) return
      settled = true
      budget.left += held
      held = 0
      req.off('data', onData)
      if (!error) return resolve(body!.subarray(0, size))
      req.pause()
      reject(error)
    }
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > max) return settle(tooLarge(max))
      if (++pieces > MAX_BODY_PIECES)
        return settle(new HttpError(400, `the body came in more than ${MAX_BODY_PIECES} pieces`))
      if (size + chunk.length > body!.length) {
        const grown = allocate(Math.min(max, Math.max(body!.length * 2, size + chunk.length)))
        if (!grown) return settle(busy())
        body!.copy(grown, 0, 0, size)
        body = grown
      }
      chunk.copy(body!, size)
      size += chunk.length
    }
    if (!body) return settle(busy())
    req.on('data', onData)
    req.on('end', () => settle())
    // A sender that hangs up mid-body is not the agent's error.
    req.on('error', () => settle(new HttpError(400, 'the request was cut off')))
    req.on('close', () => held > 0 && settle(new HttpError(400, 'the request was cut off')))
  })
}

/** What bodies being read may still hold, in bytes (shared by every request). */
interface BodyBudget {
  left: number
}

const busy = () =>
  new HttpError(503, 'the agent is reading too many bodies at once; try again', {
    'retry-after': '5'
  })

/** A Content-Length over `max`: 413 before a byte is read. */
function checkDeclaredLength(req: IncomingMessage, max: number): void {
  const declared = req.headers['content-length']
  if (declared !== undefined && Number(declared) > max) throw tooLarge(max, Number(declared))
}

function tooLarge(max: number, declared?: number): HttpError {
  return new HttpError(
    413,
    `the body is larger than max-body (${max} bytes${declared !== undefined ? `; Content-Length ${declared}` : ''})`
  )
}

const methodNotAllowed = (allow: string) => new HttpError(405, `use ${allow}`, { allow })

/** Promise.race with a deadline that aborts the deployer's work. */
async function within<T>(
  ms: number,
  work: (signal: AbortSignal) => Promise<T>,
  what: string
): Promise<T> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(
        new HttpError(
          503,
          `${what} took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}; try again`,
          {
            'retry-after': '10'
          }
        )
      )
    }, ms)
  })
  try {
    return await Promise.race([work(controller.signal), deadline])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Refusals for the log, at most `perMinute` a minute for each reason (its quoted and numeric
 * parts aside, and at most 100 reasons a minute): a flood of forged requests costs a line a
 * minute, not a line each, and cannot drown the agent's real events (journald drops above its
 * rate). `flush` writes what was held back of the minutes that ended.
 */
export function rejectionLog(log: AgentLog, clock: Clock, perMinute = REJECTIONS_LOGGED) {
  interface Window {
    start: number
    logged: number
    held: number
    last: AgentEvent
  }
  const windows = new Map<string, Window>()
  const summary = (w: Window) => {
    if (w.held > 0)
      log({
        event: 'rejected-suppressed',
        level: 'warn',
        ...(w.last.app !== undefined ? { app: w.last.app } : {}),
        status: w.last.status,
        reason: w.last.reason,
        suppressed: w.held,
        seconds: Math.round((clock.now() - w.start) / 1000)
      })
  }
  const flush = (all = false) => {
    for (const [key, w] of windows)
      if (all || clock.now() - w.start >= MINUTE_MS) {
        summary(w)
        windows.delete(key)
      }
  }
  const rejected = (event: AgentEvent & { status: number; reason: string }) => {
    flush()
    const shape = `${event.app ?? ''} ${event.status} ${event.reason.replace(/"[^"]*"|'[^']*'|\d+/g, '…')}`
    const key = windows.has(shape) || windows.size < 100 ? shape : 'other'
    let w = windows.get(key)
    if (!w) windows.set(key, (w = { start: clock.now(), logged: 0, held: 0, last: event }))
    w.last = event
    if (w.logged < perMinute) {
      w.logged++
      log({ level: 'warn', ...event, event: 'rejected' })
    } else w.held++
  }
  return { rejected, flush }
}

export async function startAgentServer(
  config: AgentConfig,
  options: AgentServerOptions
): Promise<AgentServer> {
  const { deployer, store, clock, log } = options
  const resolveMs = options.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS
  const queue =
    options.queue ??
    new JobQueue({ deployer, store, clock, maxPending: config.maxPending, apps: config.apps, log })
  const apps = new Map(config.apps.map((a) => [a.name, a]))
  const startedAt = clock.now()
  /** Deliveries being resolved: a concurrent resend waits for the first instead of racing it. */
  const inflight = new Map<string, Promise<string | undefined>>()
  const refusals = rejectionLog(log, clock)
  const bodies: BodyBudget = {
    left: options.bodyBudgetBytes ?? Math.max(BODY_BUDGET_BYTES, 2 * config.maxBodyBytes)
  }
  const flushRefusals = setInterval(() => refusals.flush(), MINUTE_MS)
  flushRefusals.unref()

  const bearer = (req: IncomingMessage) => {
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? ''
    // Always compared (even when missing), so timing says nothing.
    if (!sameSecret(given, config.token) || given === '')
      throw new HttpError(
        401,
        given === '' ? 'a bearer token is required' : 'the bearer token does not match',
        {
          'www-authenticate': 'Bearer'
        }
      )
  }

  const resolve = (app: AppConfig, request: DeployRequest): Promise<Resolved> =>
    within(
      resolveMs,
      (signal) => deployer.resolve(app, request, signal),
      `resolving ${describe(request)}`
    ).catch((error: unknown) => {
      if (error instanceof HttpError) throw error
      // A repository URL may carry its credentials: the sender never sees them.
      if (error instanceof UnresolvableError)
        throw new HttpError(422, redactUrlCredentials(error.message))
      throw new HttpError(
        502,
        redactUrlCredentials(`could not resolve ${describe(request)}: ${errorMessage(error)}`)
      )
    })

  /**
   * Takes the request's place in the app's queue (or 429 when full), resolves it and fills the
   * place; the 202's body. A place a later arrival took meanwhile answers `superseded`.
   */
  const accept = async (
    app: AppConfig,
    via: Parameters<JobQueue['submit']>[1],
    request: DeployRequest
  ): Promise<{ status: 'queued' | 'superseded'; job: string; app: string; version: string }> => {
    const refused = (reason: string, retryAfterSeconds: number) =>
      new HttpError(429, `${reason}; try again later`, {
        'retry-after': String(retryAfterSeconds)
      })
    const reserved = queue.reserve(app, via, request)
    if (!reserved.ok) throw refused(reserved.reason, reserved.retryAfterSeconds)
    let resolved: Resolved
    try {
      resolved = await resolve(app, request)
    } catch (error) {
      reserved.place.cancel()
      throw error
    }
    const result = await reserved.place.fill(resolved)
    if (!result.ok) throw refused(result.reason, result.retryAfterSeconds)
    return {
      status: result.job.state === 'superseded' ? 'superseded' : 'queued',
      job: result.job.id,
      app: app.name,
      version: result.job.version ?? resolved.version
    }
  }

  /** Logs a refusal (rate-limited) and throws it. */
  const refuse = (
    error: HttpError,
    fields: { app?: string; via?: string; delivery?: string },
    req: IncomingMessage
  ): never => {
    refusals.rejected({
      event: 'rejected',
      ...fields,
      status: error.status,
      reason: error.message,
      remote: req.socket.remoteAddress
    })
    throw error
  }

  const hook = async (req: IncomingMessage, res: ServerResponse, url: URL, name: string) => {
    if (req.method !== 'POST') throw methodNotAllowed('POST')
    const app = apps.get(name)
    if (!app) throw new HttpError(404, `no app '${name}'`)
    const head = {
      method: req.method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers
    }
    const nowSeconds = Math.floor(clock.now() / 1000)
    checkDeclaredLength(req, config.maxBodyBytes)
    const verdict =
      verifyBeforeBody(app, head, nowSeconds) ??
      verifyHook(
        app,
        { ...head, body: await readBody(req, config.maxBodyBytes, bodies) },
        nowSeconds
      )
    if (!verdict.ok)
      return refuse(new HttpError(verdict.status, verdict.reason), { app: app.name }, req)
    const key = `${app.name}\u0000${verdict.deliveryId}`
    const earlier = inflight.get(key)
    if (earlier) await earlier.catch(() => undefined)
    const seen = store.delivery(app.name, verdict.deliveryId)
    if (seen !== undefined) {
      log({
        event: 'duplicate',
        app: app.name,
        job: seen,
        via: verdict.via,
        delivery: verdict.deliveryId
      })
      return send(res, 200, { status: 'duplicate', job: seen })
    }
    if (verdict.request === null) {
      log({ event: 'ignored', app: app.name, via: verdict.via, reason: verdict.ignored })
      return send(res, 200, { status: 'ignored', reason: verdict.ignored ?? 'asks for nothing' })
    }
    const request = verdict.request
    const work = (async () => {
      const accepted = await accept(app, verdict.via, request).catch((error: unknown) =>
        error instanceof HttpError
          ? refuse(error, { app: app.name, via: verdict.via, delivery: verdict.deliveryId }, req)
          : Promise.reject(error)
      )
      // Recorded before the 202: a resend after the answer (or after a crash) is a duplicate.
      try {
        await store.recordDelivery(app.name, verdict.deliveryId, accepted.job)
      } catch (error) {
        log({
          event: 'store-failed',
          level: 'error',
          app: app.name,
          job: accepted.job,
          error: errorMessage(error)
        })
      }
      send(res, 202, accepted)
      return accepted.job
    })()
    inflight.set(key, work)
    try {
      await work
    } finally {
      inflight.delete(key)
    }
  }

  const rollback = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    if (req.method !== 'POST') throw methodNotAllowed('POST')
    bearer(req)
    const app = apps.get(name)
    if (!app) throw new HttpError(404, `no app '${name}'`)
    const body = (await readBody(req, config.maxBodyBytes, bodies)).toString('utf8').trim()
    let to = 'previous'
    if (body !== '') {
      let parsed: unknown
      try {
        parsed = JSON.parse(body)
      } catch {
        throw new HttpError(
          400,
          'the body is not JSON: expected {"to":"previous"} or {"to":"<version>"}'
        )
      }
      const given = (parsed as { to?: unknown } | null)?.to
      if (given !== undefined) {
        if (typeof given !== 'string' || !/^[A-Za-z0-9_.:@-]{1,200}$/.test(given))
          throw new HttpError(
            400,
            '`to` is `previous` or a version kept on the host (letters, digits, `_.:@-`)'
          )
        to = given
      }
    }
    log({ event: 'rollback-requested', app: app.name, to, remote: req.socket.remoteAddress })
    send(res, 202, await accept(app, 'manual', { kind: 'rollback', to }))
  }

  const appsStatus = async () => {
    const list = await Promise.all(
      config.apps.map(async (app) => {
        let status: { current?: string; previous?: string } = {}
        try {
          status = await within(resolveMs, () => deployer.status(app), `the status of ${app.name}`)
        } catch (error) {
          log({ event: 'status-failed', level: 'warn', app: app.name, error: errorMessage(error) })
        }
        const last = store.lastFinished(app.name)
        const q = queue.state(app.name)
        return {
          name: app.name,
          current: status.current ?? null,
          previous: status.previous ?? null,
          last: last
            ? {
                job: last.id,
                state: last.state,
                version: last.version ?? null,
                endedAt: last.endedAt
              }
            : null,
          running: q.running,
          waiting: q.waiting[0] ?? null,
          queue: q.waiting
        }
      })
    )
    return { apps: list }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // Origin-form, of the characters RFC 3986 allows (`//[`, `*`, `http://…` are not): 400.
    if (!ORIGIN_FORM.test(req.url ?? ''))
      throw new HttpError(400, 'the request target is not a path')
    const url = new URL(`http://agent${req.url}`)
    const parts = url.pathname
      .split('/')
      .filter(Boolean)
      .map((p) => {
        try {
          return decodeURIComponent(p)
        } catch {
          return p
        }
      })
    const [first, second, third] = parts
    if (first === 'hooks' && parts.length === 2) return hook(req, res, url, second!)
    if (first === 'healthz' && parts.length === 1) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET')
      return send(res, 200, {
        status: 'ok',
        apps: config.apps.length,
        uptimeSeconds: Math.floor((clock.now() - startedAt) / 1000)
      })
    }
    if (first === 'jobs' && parts.length === 2) {
      if (req.method !== 'GET') throw methodNotAllowed('GET')
      bearer(req)
      const job = isJobId(second!) ? store.job(second!) : undefined
      if (!job) throw new HttpError(404, `no job '${second}'`)
      return send(res, 200, job)
    }
    if (first === 'apps' && parts.length === 1) {
      if (req.method !== 'GET') throw methodNotAllowed('GET')
      bearer(req)
      return send(res, 200, await appsStatus())
    }
    if (first === 'apps' && parts.length === 3 && third === 'rollback')
      return rollback(req, res, second!)
    throw new HttpError(404, `no route ${url.pathname}`)
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        // A body left unread (413, 404, 405…) is not drained: the connection closes after the answer.
        const close = !req.complete
        send(
          res,
          error.status,
          { error: error.message },
          close ? { ...error.headers, connection: 'close' } : error.headers
        )
        if (close) res.on('finish', () => req.destroy())
        return
      }
      // The path only: a query may hold a `?token=`.
      log({
        event: 'error',
        level: 'error',
        error: errorMessage(error),
        path: (req.url ?? '').split('?')[0]
      })
      send(res, 500, { error: 'internal error (see the agent log)' })
    })
  }

  // Jobs an earlier agent accepted and did not start run now, before anything new.
  await queue.resume()

  const timing = { connectionsCheckingInterval: CONNECTIONS_CHECK_MS }
  const server = config.tls
    ? createHttpsServer(
        { cert: await readFile(config.tls.cert), key: await readFile(config.tls.key), ...timing },
        listener
      )
    : createHttpServer(timing, listener)
  // A slow sender cannot hold a connection open for ever, nor many senders the agent's memory.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  server.maxConnections = MAX_CONNECTIONS
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen)
    server.listen(config.listen.port, config.listen.host, () => {
      server.off('error', rejectListen)
      resolveListen()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  const url = `${config.tls ? 'https' : 'http'}://${host}:${address.port}`
  log({ event: 'listening', url, apps: config.apps.map((a) => a.name).join(', ') })

  return {
    url,
    port: address.port,
    queue,
    async close(graceMs = 30_000) {
      clearInterval(flushRefusals)
      refusals.flush(true)
      const closed = new Promise<void>((done) => server.close(() => done()))
      server.closeIdleConnections()
      const finished = await queue.stop(graceMs)
      server.closeAllConnections()
      await closed
      await store.flush()
      return finished
    }
  }
}
