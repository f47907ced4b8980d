// src/io/registry.ts in process against a loopback HTTP server that each test programs, with an
// injected sleep and clock (no real waits): retries and `Retry-After`, connections that drop,
// the Bearer flow under concurrency, token expiry and scopes, and what is never retried.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { RegistryAuthError, RegistryClient, RegistryError } from '../../src/io/registry.js'

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void
let handler: Handler
let server: Server
let host: string
const seen: string[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`)
    seen.push(
      `${req.method} ${url.pathname}${url.search}${req.headers.authorization ? ` [${req.headers.authorization.split(' ')[0]}]` : ''}`
    )
    handler(req, res, url)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))
beforeEach(() => {
  seen.length = 0
})

const DIGEST = `sha256:${'1'.repeat(64)}`
function ok(res: ServerResponse) {
  res
    .writeHead(200, {
      'docker-content-digest': DIGEST,
      'content-type': 'application/vnd.oci.image.manifest.v1+json'
    })
    .end('{}')
}

function client(extra: Partial<ConstructorParameters<typeof RegistryClient>[0]> = {}) {
  const sleeps: number[] = []
  const retries: string[] = []
  const c = new RegistryClient({
    registry: host,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    onRetry: (m) => retries.push(m),
    ...extra
  })
  return { c, sleeps, retries }
}

describe('retries', () => {
  test('429 waits as long as Retry-After says, then succeeds', async () => {
    let calls = 0
    handler = (_, res) =>
      calls++ === 0
        ? res
            .writeHead(429, { 'retry-after': '7' })
            .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}')
        : ok(res)
    const { c, sleeps, retries } = client()
    expect((await c.getManifest('app', 'v1')).headerDigest).toBe(DIGEST)
    expect(sleeps).toEqual([7000])
    expect(retries).toEqual([
      `${host}: GET http://${host}/v2/app/manifests/v1 answered 429 (TOOMANYREQUESTS: slow down); attempt 2 in 7000 ms`
    ])
  })

  test('503 without Retry-After backs off exponentially, and gives up after four attempts', async () => {
    handler = (_, res) => res.writeHead(503).end()
    const { c, sleeps } = client()
    const error = await c.headManifest('app', 'v1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RegistryError)
    expect((error as RegistryError).status).toBe(503)
    expect(sleeps).toEqual([500, 1000, 2000])
    expect(seen).toHaveLength(4)
  })

  test('408 (the server timed the request out) is retried', async () => {
    let calls = 0
    handler = (_, res) => (calls++ === 0 ? res.writeHead(408).end() : ok(res))
    const { c, sleeps } = client()
    expect((await c.headManifest('app', 'v1'))?.digest).toBe(DIGEST)
    expect(sleeps).toEqual([500])
  })

  test('429 asking for longer than the longest wait fails at once, saying so', async () => {
    handler = (_, res) =>
      res
        .writeHead(429, { 'retry-after': '3600' })
        .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"pull rate limit"}]}')
    const { c, sleeps } = client()
    const error = await c.getManifest('app', 'v1').catch((e: unknown) => e)
    expect((error as RegistryError).message).toBe(
      `GET http://${host}/v2/app/manifests/v1 answered 429 (TOOMANYREQUESTS: pull rate limit)`
    )
    expect(sleeps).toEqual([])
    expect(seen).toHaveLength(1)
  })

  test('a dropped connection is retried', async () => {
    let calls = 0
    handler = (req, res) => (calls++ === 0 ? req.socket.destroy() : ok(res))
    const { c, sleeps } = client()
    expect((await c.headManifest('app', 'v1'))?.digest).toBe(DIGEST)
    expect(sleeps).toEqual([500])
  })

  test.each([400, 403, 405])('%i is an answer, not a hiccup: no retry', async (status) => {
    handler = (_, res) =>
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end('{"errors":[{"code":"DENIED","message":"no"}]}')
    const { c, sleeps } = client()
    await expect(
      c.putManifest(
        'app',
        'v1',
        new Uint8Array([123, 125]),
        'application/vnd.oci.image.manifest.v1+json'
      )
    ).rejects.toThrow(`PUT http://${host}/v2/app/manifests/v1 answered ${status} (DENIED: no)`)
    expect(sleeps).toEqual([])
  })
})

describe('Bearer tokens', () => {
  const tokenServer = (options: { expiresIn?: number; needScope?: string } = {}) => {
    const tokenRequests: string[][] = []
    let issued = 0
    handler = (req, res, url) => {
      if (url.pathname === '/token') {
        tokenRequests.push(url.searchParams.getAll('scope'))
        issued++
        res.writeHead(200, { 'content-type': 'application/json' })
        return void res.end(
          JSON.stringify({ token: `t${issued}`, expires_in: options.expiresIn ?? 300 })
        )
      }
      const current = `Bearer t${issued}`
      const scope = options.needScope ?? 'repository:app:pull'
      const hasScope =
        !options.needScope ||
        (tokenRequests.at(-1) ?? []).some((s) => s.includes(options.needScope as string))
      if (req.headers.authorization !== current || !hasScope) {
        res.writeHead(401, {
          'www-authenticate': `Bearer realm="http://${host}/token",service="test",scope="${scope}"`
        })
        return void res.end(
          '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'
        )
      }
      ok(res)
    }
    return tokenRequests
  }

  test('eight concurrent requests share one token request', async () => {
    const tokenRequests = tokenServer()
    const { c } = client({ scopes: ['repository:app:pull,push'] })
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => c.headManifest('app', `v${i}`))
    )
    expect(answers.every((a) => a?.digest === DIGEST)).toBe(true)
    expect(tokenRequests).toEqual([['repository:app:pull,push']])
  })

  test('an expired token is replaced before the next request', async () => {
    const tokenRequests = tokenServer({ expiresIn: 60 })
    let now = 1_000_000
    const { c } = client({ now: () => now })
    await c.headManifest('app', 'v1')
    await c.headManifest('app', 'v2')
    now += 61_000
    await c.headManifest('app', 'v3')
    expect(tokenRequests).toHaveLength(2)
    expect(seen.filter((s) => s.startsWith('HEAD') && s.endsWith('[Bearer]'))).toHaveLength(3)
  })

  test('a challenge naming a scope the token lacks gets a token with that scope', async () => {
    const tokenRequests = tokenServer({ needScope: 'repository:base:pull' })
    const { c } = client({ scopes: ['repository:app:pull'] })
    expect((await c.headManifest('app', 'v1'))?.digest).toBe(DIGEST)
    expect(tokenRequests.at(-1)).toEqual(['repository:app:pull', 'repository:base:pull'])
  })

  test('credentials are asked for once, only when a registry challenges', async () => {
    let asked = 0
    handler = (_, res) => ok(res)
    const { c } = client({
      credentials: async () => {
        asked++
        return { from: 'test' }
      }
    })
    await c.headManifest('app', 'v1')
    expect(asked).toBe(0)
  })

  test('a 401 without a challenge: refused, with where the credentials came from', async () => {
    handler = (_, res) =>
      res.writeHead(401).end('{"errors":[{"code":"UNAUTHORIZED","message":"who are you"}]}')
    const { c } = client({
      credentials: async () => ({ credentials: { username: 'u', password: 'p' }, from: 'the test' })
    })
    // (A GET: a HEAD answer has no body to carry the registry's error.)
    const error = await c.getManifest('app', 'v1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RegistryAuthError)
    expect((error as Error).message).toBe(
      `${host} refused GET /v2/app/manifests/v1 with the credentials from the test: 401 UNAUTHORIZED: who are you.`
    )
  })
})
