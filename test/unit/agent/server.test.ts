/**
 * The agent's HTTP server on 127.0.0.1, called by a real HTTP client, with a fake Deployer (the
 * real deploys are tested against the sandbox by the integration tests): limits and routes, 401
 * with the reason logged, 422 for a tag the registry lacks, 202 answered while a deploy runs,
 * replays refused across a restart, and the bearer-protected routes.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { createHmac } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { connect, createServer as createTcpServer, type Socket } from 'node:net'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AgentConfig, Deployer } from '../../../src/agent/contract.js'
import { createDeployer } from '../../../src/agent/deployer.js'
import type { AgentEvent } from '../../../src/agent/queue.js'
import {
  MAX_BODY_PIECES,
  REJECTIONS_LOGGED,
  rejectionLog,
  startAgentServer,
  type AgentServer,
  type AgentServerOptions
} from '../../../src/agent/server.js'
import { AgentStore } from '../../../src/agent/store.js'
import { realClock } from '../../../src/lib/clock.js'
import { FakeDeployer, GITHUB_SECRET, TOKEN_SECRET, composeApp, gitApp } from './fixtures.js'

const TOKEN = 'agent-bearer-token-0123456789'
let dir: string
let deployer: FakeDeployer
let events: AgentEvent[]
let server: AgentServer | undefined

const config = (overrides: Partial<AgentConfig> = {}): AgentConfig => ({
  file: '/etc/gantry/agent.yml',
  listen: { host: '127.0.0.1', port: 0 },
  stateDir: join(dir, 'state'),
  token: TOKEN,
  logFormat: 'text',
  maxBodyBytes: 64 * 1024,
  maxPending: 32,
  apps: [composeApp(), gitApp()],
  ...overrides
})

async function start(
  overrides: Partial<AgentConfig> = {},
  resolveTimeoutMs?: number,
  using: Deployer = deployer,
  extra: Partial<AgentServerOptions> = {}
) {
  const c = config(overrides)
  const store = await AgentStore.open(c.stateDir, { clock: realClock })
  server = await startAgentServer(c, {
    deployer: using,
    store,
    clock: realClock,
    log: (e) => events.push(e),
    ...(resolveTimeoutMs ? { resolveTimeoutMs } : {}),
    ...extra
  })
  return server
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'agent-server-'))
  deployer = new FakeDeployer()
  events = []
})
afterEach(async () => {
  deployer.finishAll()
  await server?.close(1000)
  server = undefined
  rmSync(dir, { recursive: true, force: true })
})

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: Record<string, unknown>
}

function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: string } = {}
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server!.url}${path}`,
      { method, headers: options.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: text ? (JSON.parse(text) as Record<string, unknown>) : {}
          })
        })
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

const githubPackage = (tag: string, delivery: string) => {
  const body = JSON.stringify({
    action: 'published',
    package: {
      name: 'shop',
      package_type: 'container',
      package_version: { container_metadata: { tag: { name: tag, digest: 'sha256:3da1996a' } } }
    }
  })
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'package',
      'x-github-delivery': delivery,
      'x-hub-signature-256': `sha256=${createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')}`
    }
  }
}
const bearer = { authorization: `Bearer ${TOKEN}` }

describe('limits and routes', () => {
  test('413 from the Content-Length, before the body is sent', async () => {
    await start()
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server!.url}/hooks/shop`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) }
      })
      req.on('response', (res) => {
        resolve(res.statusCode!)
        req.destroy()
      })
      req.on('error', reject)
      // A few bytes of 50 MiB, and no more: the answer cannot have waited for the rest.
      req.write('{"events":[')
    })
    expect(answer).toBe(413)
    expect(events.filter((e) => e.event === 'rejected')).toEqual([])
  })

  test('a chunked body is cut at the limit', async () => {
    await start({ maxBodyBytes: 2048 })
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest(`${server!.url}/hooks/shop?token=${TOKEN_SECRET}`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
      })
      req.on('response', (res) => {
        resolve(res.statusCode!)
        req.destroy()
      })
      req.on('error', () => {})
      // A sender with the right token: its body is read. 8 KiB in chunks, no Content-Length: counted as it comes, cut at 2 KiB.
      for (let i = 0; i < 8; i++) req.write('x'.repeat(1024))
    })
    expect(status).toBe(413)
  })

  test("a stranger's body is never read: 401 while it is still being sent", async () => {
    await start()
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server!.url}/hooks/shop`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
      })
      req.on('response', (res) => {
        resolve(res.statusCode!)
        req.destroy()
      })
      req.on('error', reject)
      // The body never ends: an answer can only come from a check that did not wait for it.
      req.write('{"tag":"v2"')
    })
    expect(answer).toBe(401)
    expect(deployer.resolved).toEqual([])
  })

  test('a request target that is not a path: 400, not 500', async () => {
    await start()
    for (const target of ['//[', 'http://[', '*']) {
      const statusLine = await new Promise<string>((resolve, reject) => {
        const socket = connect(server!.port, '127.0.0.1')
        let text = ''
        socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')))
        socket.on('end', () => resolve(text.split('\r\n')[0]!))
        socket.on('error', reject)
        socket.end(`GET ${target} HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n\r\n`)
      })
      expect(statusLine).toBe('HTTP/1.1 400 Bad Request')
    }
    expect(events.filter((e) => e.event === 'error')).toEqual([])
  })

  test('a body sent in many small chunks arrives whole', async () => {
    await start({ maxBodyBytes: 256 * 1024 })
    const body = JSON.stringify({ tag: 'v2', padding: 'p'.repeat(100_000) })
    const answer = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${server!.url}/hooks/shop?token=${TOKEN_SECRET}`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
      })
      req.on('response', (res) => {
        res.resume()
        resolve(res.statusCode!)
      })
      req.on('error', reject)
      for (let i = 0; i < body.length; i += 997) req.write(body.slice(i, i + 997))
      req.end()
    })
    expect(answer).toBe(202)
    expect(deployer.resolved).toEqual([{ kind: 'image', tag: 'v2' }])
  })

  test('a body in more pieces than MAX_BODY_PIECES: 400, however small', async () => {
    await start()
    const body = JSON.stringify({ tag: 'v2', padding: 'p'.repeat(MAX_BODY_PIECES) })
    // One chunk per character, sent at once: each chunk is a piece the agent's thread handles.
    const chunks = [...body].map((c) => `1\r\n${c}\r\n`).join('') + '0\r\n\r\n'
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(server!.port, '127.0.0.1')
      let text = ''
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString('latin1')
        if (!text.includes('\r\n')) return
        resolve(text.split('\r\n')[0]!)
        socket.destroy()
      })
      socket.on('error', reject)
      socket.write(
        `POST /hooks/shop?token=${TOKEN_SECRET} HTTP/1.1\r\nHost: agent\r\n` +
          `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}`
      )
    })
    expect(statusLine).toBe('HTTP/1.1 400 Bad Request')
    expect(deployer.resolved).toEqual([])
  })

  test('bodies being read share one budget: over it, 503 with Retry-After at once', async () => {
    await start({}, undefined, deployer, { bodyBudgetBytes: 100 * 1024 })
    const body = JSON.stringify({ tag: 'v2', padding: 'p'.repeat(60 * 1024) })
    // Two senders announce 60 KiB each and send a little: only one fits the 100 KiB budget.
    const senders = [0, 1].map(() => {
      const req = httpRequest(`${server!.url}/hooks/shop?token=${TOKEN_SECRET}`, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) }
      })
      const answer = new Promise<Answer>((resolve, reject) => {
        req.on('response', (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
            })
          )
        })
        req.on('error', reject)
      })
      req.write(body.slice(0, 10))
      return { req, answer }
    })
    const first = await Promise.race(senders.map((s) => s.answer))
    expect(first).toMatchObject({
      status: 503,
      headers: { 'retry-after': '5' },
      body: { error: 'the agent is reading too many bodies at once; try again' }
    })
    for (const { req } of senders) req.end(body.slice(10))
    const answers = await Promise.allSettled(senders.map((s) => s.answer))
    const statuses = answers.map((a) => (a.status === 'fulfilled' ? a.value.status : 'error'))
    expect(statuses.sort()).toEqual([202, 503])
    // What was held is given back: the next sender is read.
    const next = body.replace('"v2"', '"v3"')
    expect((await call('POST', `/hooks/shop?token=${TOKEN_SECRET}`, { body: next })).status).toBe(
      202
    )
  })

  test('404 for an unknown path or app, 405 with Allow for a wrong method', async () => {
    await start()
    expect(await call('GET', '/api/hook?shell=deploy.sh')).toMatchObject({ status: 404 })
    expect(await call('POST', '/hooks/nope', { body: '{}' })).toMatchObject({
      status: 404,
      body: { error: "no app 'nope'" }
    })
    const wrong = await call('GET', '/hooks/shop')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('POST')
    expect(wrong.headers['content-type']).toBe('application/json')
    expect((await call('DELETE', '/jobs/0123456789abcdef')).headers.allow).toBe('GET')
  })

  test('healthz needs no token', async () => {
    await start()
    expect(await call('GET', '/healthz')).toMatchObject({
      status: 200,
      body: { status: 'ok', apps: 2, uptimeSeconds: 0 }
    })
  })
})

describe('webhooks', () => {
  test('401 for a forged signature or no credentials; the log says why, never the secret', async () => {
    await start()
    const forged = githubPackage('v2', 'd1')
    forged.headers['x-hub-signature-256'] = `sha256=${'0'.repeat(64)}`
    expect(await call('POST', '/hooks/shop', forged)).toMatchObject({
      status: 401,
      body: { error: 'X-Hub-Signature-256 does not match' }
    })
    const bare = await call('POST', '/hooks/shop', {
      headers: { 'content-type': 'application/json' },
      body: '{"tag":"v2"}'
    })
    expect(bare.status).toBe(401)
    expect(String(bare.body.error)).toMatch(
      /^no credentials this app accepts \(github: X-Hub-Signature-256, /
    )
    const rejected = events.filter((e) => e.event === 'rejected')
    expect(rejected.map((e) => e.reason)).toEqual([
      'X-Hub-Signature-256 does not match',
      bare.body.error
    ])
    expect(JSON.stringify(events)).not.toContain(GITHUB_SECRET)
    expect(deployer.resolved).toEqual([])
  })

  test('422 for a tag the registry does not have; nothing queued', async () => {
    await start()
    expect(await call('POST', '/hooks/shop', githubPackage('v9', 'd9'))).toEqual(
      expect.objectContaining({
        status: 422,
        body: { error: 'tag v9 of 127.0.0.1:5000/shop is not in the registry' }
      })
    )
    expect(deployer.started).toEqual([])
  })

  test('202 with the job at once, also while a deploy runs; the job and its log by id', async () => {
    await start()
    const first = await call('POST', '/hooks/shop', githubPackage('v1', 'd1'))
    expect(first).toMatchObject({
      status: 202,
      body: {
        status: 'queued',
        app: 'shop',
        version: expect.stringMatching(/^v1@sha256:[0-9a-f]{12}$/)
      }
    })
    await deployer.untilStarted(1)
    // The first deploy is still running (the fake ends only when told): the answer does not wait.
    const second = await call('POST', '/hooks/shop', githubPackage('v2', 'd2'))
    expect(second.status).toBe(202)
    expect(deployer.running()).toEqual([first.body.job])

    const job = await call('GET', `/jobs/${String(first.body.job)}`, { headers: bearer })
    expect(job).toMatchObject({
      status: 200,
      body: {
        id: first.body.job,
        state: 'running',
        via: 'github',
        log: [`deploying ${String(first.body.version)}`]
      }
    })
    const apps = await call('GET', '/apps', { headers: bearer })
    expect(apps.body.apps).toEqual([
      {
        name: 'shop',
        current: 'v1@sha256:0f3a0f3a0f3a',
        previous: 'v0@sha256:1b2c1b2c1b2c',
        last: null,
        running: first.body.job,
        waiting: second.body.job,
        queue: [second.body.job]
      },
      expect.objectContaining({ name: 'blog', running: null, waiting: null })
    ])
    deployer.finish(String(first.body.job))
    await deployer.untilStarted(2)
    deployer.finish(String(second.body.job), { state: 'succeeded', before: 'v1', after: 'v2' })
    await server!.queue.idle()
    const after = await call('GET', '/apps', { headers: bearer })
    expect((after.body.apps as { last: unknown }[])[0]!.last).toMatchObject({
      job: second.body.job,
      state: 'succeeded'
    })
  })

  test('a verified delivery refused after its lookup (422, 503) is logged', async () => {
    await start({}, 50)
    await call('POST', '/hooks/shop', githubPackage('v9', 'd9'))
    deployer.resolveDelayMs = 2000
    await call('POST', '/hooks/shop', githubPackage('v1', 'slow'))
    expect(events.filter((e) => e.event === 'rejected')).toEqual([
      expect.objectContaining({
        app: 'shop',
        via: 'github',
        status: 422,
        reason: 'tag v9 of 127.0.0.1:5000/shop is not in the registry'
      }),
      expect.objectContaining({
        app: 'shop',
        via: 'github',
        status: 503,
        reason: 'resolving v1 took longer than 50 ms; try again'
      })
    ])
  })

  test('the newer of two deliveries stays live when the older one is looked up slower', async () => {
    await start()
    const releaseOlder = deployer.hold('v1.5')
    const older = call('POST', '/hooks/shop', githubPackage('v1.5', 'd15'))
    // v1.5 arrived (its lookup has begun) before v1.6 is pushed.
    while (deployer.resolved.length < 1) await new Promise((done) => setTimeout(done, 5))
    const newer = await call('POST', '/hooks/shop', githubPackage('v1.6', 'd16'))
    expect(newer).toMatchObject({ status: 202, body: { status: 'queued' } })
    await deployer.untilStarted(1)
    releaseOlder()
    // v1.5's answer comes after v1.6 took its place: superseded, never run.
    expect(await older).toMatchObject({ status: 202, body: { status: 'superseded' } })
    deployer.finish(String(newer.body.job))
    await server!.queue.idle()
    expect(deployer.started.map((j) => j.request)).toEqual([{ kind: 'image', tag: 'v1.6' }])
    const job = await call('GET', `/jobs/${String((await older).body.job)}`, { headers: bearer })
    expect(job.body).toMatchObject({
      state: 'superseded',
      version: expect.stringMatching(/^v1\.5@/)
    })
  })

  test('a flood of forged requests: a few log lines a minute for each reason, then how many more', async () => {
    await start()
    const forged = githubPackage('v2', 'forged')
    forged.headers['x-hub-signature-256'] = `sha256=${'0'.repeat(64)}`
    for (let i = 0; i < 30; i++)
      expect((await call('POST', '/hooks/shop', forged)).status).toBe(401)
    expect(events.filter((e) => e.event === 'rejected')).toHaveLength(REJECTIONS_LOGGED)
    await server!.close(1000)
    server = undefined
    expect(events.filter((e) => e.event === 'rejected-suppressed')).toEqual([
      expect.objectContaining({
        app: 'shop',
        status: 401,
        reason: 'X-Hub-Signature-256 does not match',
        suppressed: 30 - REJECTIONS_LOGGED
      })
    ])
  })

  test('a verified event that asks for nothing: 200 ignored', async () => {
    await start()
    expect(await call('POST', '/hooks/shop', githubPackage('nightly', 'd3'))).toMatchObject({
      status: 200,
      body: { status: 'ignored', reason: 'tag nightly matches none of v*, latest' }
    })
  })

  test('a replayed delivery: 200 duplicate with the first job, also after a restart', async () => {
    await start()
    const delivery = githubPackage('v1', '72d3162e-cc78-11e3-81ab-4c9367dc0958')
    const first = await call('POST', '/hooks/shop', delivery)
    expect(first.status).toBe(202)
    expect(await call('POST', '/hooks/shop', delivery)).toMatchObject({
      status: 200,
      body: { status: 'duplicate', job: first.body.job }
    })
    deployer.finishAll()
    await server!.close(1000)

    deployer = new FakeDeployer()
    await start()
    expect(await call('POST', '/hooks/shop', delivery)).toMatchObject({
      status: 200,
      body: { status: 'duplicate', job: first.body.job }
    })
    expect(deployer.started).toEqual([])
  })

  test('two identical deliveries at once start one job', async () => {
    await start()
    deployer.resolveDelayMs = 100
    const delivery = githubPackage('v1', 'same-delivery')
    const answers = await Promise.all([
      call('POST', '/hooks/shop', delivery),
      call('POST', '/hooks/shop', delivery)
    ])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 202])
    expect(deployer.resolved).toHaveLength(1)
  })

  test('a resolution that takes longer than the bound: 503 with Retry-After, nothing queued', async () => {
    await start({}, 50)
    deployer.resolveDelayMs = 2000
    const answer = await call('POST', '/hooks/shop', githubPackage('v1', 'slow'))
    expect(answer).toMatchObject({
      status: 503,
      body: { error: 'resolving v1 took longer than 50 ms; try again' }
    })
    expect(answer.headers['retry-after']).toBe('10')
    expect(deployer.started).toEqual([])
  })

  test('a full queue: 429 with Retry-After', async () => {
    await start({ maxPending: 1, apps: [composeApp(), composeApp({ name: 'admin' })] })
    await call('POST', '/hooks/shop', githubPackage('v1', 'a1'))
    await call('POST', '/hooks/admin', githubPackage('v1', 'b1'))
    await deployer.untilStarted(2)
    expect((await call('POST', '/hooks/shop', githubPackage('v2', 'a2'))).status).toBe(202)
    const full = await call('POST', '/hooks/admin', githubPackage('v2', 'b2'))
    expect(full.status).toBe(429)
    expect(full.headers['retry-after']).toMatch(/^\d+$/)
  })

  test('a token trigger for a git app: an empty POST deploys the branch', async () => {
    await start()
    const answer = await call('POST', `/hooks/blog?token=${TOKEN_SECRET}`)
    expect(answer).toMatchObject({ status: 202, body: { app: 'blog' } })
    expect(deployer.resolved).toEqual([{ kind: 'git', ref: 'refs/heads/main' }])
  })
})

describe('bearer routes', () => {
  test('missing or wrong token: 401 with WWW-Authenticate', async () => {
    await start()
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer guess' },
      { authorization: TOKEN }
    ]) {
      const answer = await call('GET', '/apps', { headers })
      expect(answer.status).toBe(401)
      expect(answer.headers['www-authenticate']).toBe('Bearer')
    }
    expect((await call('GET', '/jobs/0123456789abcdef')).status).toBe(401)
    expect((await call('POST', '/apps/shop/rollback')).status).toBe(401)
  })

  test('an unknown job: 404', async () => {
    await start()
    expect((await call('GET', '/jobs/0123456789abcdef', { headers: bearer })).status).toBe(404)
    expect((await call('GET', '/jobs/..%2Fdeliveries', { headers: bearer })).status).toBe(404)
  })

  test('a rollback is queued like a deploy: to previous, or to a version', async () => {
    await start()
    const previous = await call('POST', '/apps/shop/rollback', { headers: bearer })
    expect(previous).toMatchObject({
      status: 202,
      body: { status: 'queued', app: 'shop', version: 'previous' }
    })
    const to = await call('POST', '/apps/shop/rollback', {
      headers: { ...bearer, 'content-type': 'application/json' },
      body: '{"to":"v0@sha256:1b2c1b2c1b2c"}'
    })
    expect(to.status).toBe(202)
    expect(deployer.resolved).toEqual([
      { kind: 'rollback', to: 'previous' },
      { kind: 'rollback', to: 'v0@sha256:1b2c1b2c1b2c' }
    ])
    const job = await call('GET', `/jobs/${String(previous.body.job)}`, { headers: bearer })
    expect(job.body).toMatchObject({ via: 'manual', request: { kind: 'rollback', to: 'previous' } })
    expect(
      (await call('POST', '/apps/shop/rollback', { headers: bearer, body: '{"to":"; rm -rf /"}' }))
        .status
    ).toBe(400)
  })
})

describe('tls', () => {
  test('with a certificate and key, the agent serves HTTPS itself', async () => {
    // A self-signed certificate for 127.0.0.1, made with openssl for this test only.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        'agent.key',
        '-out',
        'agent.pem'
      ],
      { cwd: dir, stdio: 'pipe' }
    )
    await start({ tls: { cert: join(dir, 'agent.pem'), key: join(dir, 'agent.key') } })
    expect(server!.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpsRequest(
        `${server!.url}/healthz`,
        { ca: readFileSync(join(dir, 'agent.pem')), agent: false },
        (res) => {
          res.resume()
          resolve(res.statusCode!)
        }
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(200)
  })
})

describe('with the real resolution (git ls-remote on this machine)', () => {
  const realDeployer = (resolveTimeoutMs?: number) =>
    createDeployer({
      stateDir: join(dir, 'state'),
      configDir: dir,
      ...(resolveTimeoutMs ? { resolveTimeoutMs } : {})
    })

  test('credentials in the repository URL are not echoed to the sender or the log', async () => {
    // A closed port: git fails at once, and the error names the repository.
    const closed = createTcpServer()
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done))
    const port = (closed.address() as { port: number }).port
    await new Promise((done) => closed.close(done))
    const repository = `http://deploy:ghp_s3cr3tT0ken@127.0.0.1:${port}/blog.git`
    const blog = gitApp({ inputs: { ...gitApp().inputs, repository } })
    await start({ apps: [blog] }, undefined, realDeployer())
    const answer = await call('POST', `/hooks/blog?token=${TOKEN_SECRET}`)
    expect(answer.status).toBe(422)
    expect(String(answer.body.error)).toContain(`http://***@127.0.0.1:${port}/blog.git`)
    expect(JSON.stringify(answer.body)).not.toContain('ghp_s3cr3tT0ken')
    expect(JSON.stringify(events)).not.toContain('ghp_s3cr3tT0ken')
  })

  test('git ls-remote is stopped at the deadline, not left running after the 503', async () => {
    // A server that accepts and never answers: git waits on it for ever unless killed.
    const sockets: Socket[] = []
    const closedAt: number[] = []
    const silent = createTcpServer((socket) => {
      sockets.push(socket)
      socket.on('close', () => closedAt.push(Date.now()))
      socket.on('error', () => undefined)
      // Read (and drop) what git sends, so that its hang-up is seen.
      socket.resume()
    })
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done))
    const port = (silent.address() as { port: number }).port
    try {
      const blog = gitApp({
        inputs: { ...gitApp().inputs, repository: `http://127.0.0.1:${port}/blog.git` }
      })
      await start({ apps: [blog] }, 400, realDeployer(400))
      const answer = await call('POST', `/hooks/blog?token=${TOKEN_SECRET}`)
      expect(answer.status).toBe(503)
      const answeredAt = Date.now()
      // git's connection closes because git is gone, within a second of the answer.
      while (closedAt.length === 0 && Date.now() - answeredAt < 3000)
        await new Promise((done) => setTimeout(done, 20))
      expect(sockets.length).toBeGreaterThan(0)
      expect(closedAt[0]! - answeredAt).toBeLessThan(1000)
    } finally {
      sockets.forEach((s) => s.destroy())
      await new Promise((done) => silent.close(done))
    }
  })
})

describe('the refusals in the log', () => {
  test('at most N a minute for each reason (its quoted parts aside), then one line with how many more', () => {
    let now = 0
    const lines: AgentEvent[] = []
    const refusals = rejectionLog(
      (e) => lines.push(e),
      { now: () => now, sleep: async () => {} },
      2
    )
    const refuse = (reason: string) =>
      refusals.rejected({ event: 'rejected', app: 'shop', status: 401, reason })
    for (let i = 0; i < 5; i++) refuse('X-Hub-Signature-256 does not match')
    for (let i = 0; i < 5; i++) refuse(`the tag "t${i}" is not a valid tag`)
    expect(lines.map((e) => e.event)).toEqual(['rejected', 'rejected', 'rejected', 'rejected'])
    now = 59_000
    refuse('X-Hub-Signature-256 does not match')
    expect(lines).toHaveLength(4)
    now = 60_000
    refuse('X-Hub-Signature-256 does not match')
    expect(lines.slice(4)).toEqual([
      expect.objectContaining({
        event: 'rejected-suppressed',
        reason: 'X-Hub-Signature-256 does not match',
        suppressed: 4,
        seconds: 60
      }),
      expect.objectContaining({
        event: 'rejected-suppressed',
        reason: 'the tag "t4" is not a valid tag',
        suppressed: 3
      }),
      expect.objectContaining({ event: 'rejected', reason: 'X-Hub-Signature-256 does not match' })
    ])
  })
})
