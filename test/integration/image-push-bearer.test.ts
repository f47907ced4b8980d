// The Bearer token flow (Docker Hub, GHCR, Harbor) against the sandbox's real registry: a
// loopback token service and a proxy in front of the open registry (:5000) that answers like
// Docker Hub does. Without a token that covers the request's scope it answers 401 with
// `WWW-Authenticate: Bearer realm=…,service=…,scope=…`; otherwise it forwards the request,
// body streamed, with the Host header kept on the proxy so upload Locations lead back through it.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction, secretLeaks, type RunResult } from '../harness/run-action.js'
import { readSandbox } from '../sandbox/description.js'

const sandbox = readSandbox()
const marker = randomBytes(4).toString('hex')
const UPSTREAM = sandbox.registryNoAuth.url
const USER = 'bearer-user'
const PASSWORD = `bearer-${randomBytes(6).toString('hex')}`
const REFRESH_TOKEN = `refresh-${randomBytes(6).toString('hex')}`
const SERVICE = 'gantry-proxy'

interface TokenRequest {
  method: string
  scopes: string[]
  account: string | null
  basic: boolean
  grant: string | null
}

const tokens = new Map<string, string[]>()
const tokenRequests: TokenRequest[] = []
const failures: { method: string; status: number; retryAfter: string }[] = []
let server: Server
let proxy: string
let scratch: string

/** Scope `repository:name:a,b` → granted actions for name. */
function grants(scopes: string[], name: string): Set<string> {
  const actions = new Set<string>()
  for (const scope of scopes) {
    const [type, repo, list] = [
      scope.slice(0, scope.indexOf(':')),
      scope.slice(scope.indexOf(':') + 1, scope.lastIndexOf(':')),
      scope.slice(scope.lastIndexOf(':') + 1)
    ]
    if (type === 'repository' && repo === name) list.split(',').forEach((a) => actions.add(a))
  }
  return actions
}

async function readBody(req: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text
}

async function token(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const form = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : undefined
  const scopes = form
    ? (form.get('scope') ?? '').split(' ').filter(Boolean)
    : url.searchParams.getAll('scope')
  const auth = req.headers.authorization
  tokenRequests.push({
    method: req.method ?? '',
    scopes,
    account: url.searchParams.get('account'),
    basic: auth?.startsWith('Basic ') ?? false,
    grant: form?.get('grant_type') ?? null
  })
  let authenticated = false
  if (form) {
    authenticated =
      form.get('grant_type') === 'refresh_token' && form.get('refresh_token') === REFRESH_TOKEN
    if (!authenticated) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}')
      return
    }
  } else if (auth) {
    const [user, ...rest] = Buffer.from(auth.slice(6), 'base64').toString().split(':')
    authenticated = user === USER && rest.join(':') === PASSWORD
    if (!authenticated) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end('{"details":"incorrect username or password"}')
      return
    }
  }
  // Anonymous tokens may pull, nothing more (Docker Hub's rule for public images).
  const granted = authenticated ? scopes : scopes.map((s) => s.replace(/:[^:]*$/, ':pull'))
  const value = randomBytes(16).toString('hex')
  tokens.set(value, granted)
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(
    JSON.stringify({
      token: value,
      access_token: value,
      expires_in: 300,
      issued_at: new Date().toISOString()
    })
  )
}

function needed(
  req: IncomingMessage,
  url: URL
): { name: string; actions: string[]; from?: string } | undefined {
  const match = /^\/v2\/(.+?)\/(manifests|blobs|tags)\//.exec(url.pathname)
  if (!match) return undefined
  const pull = req.method === 'GET' || req.method === 'HEAD'
  return {
    name: match[1] as string,
    actions: pull ? ['pull'] : ['pull', 'push'],
    from: url.searchParams.get('from') ?? undefined
  }
}

async function registry(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const need = needed(req, url)
  const bearer = req.headers.authorization?.startsWith('Bearer ')
    ? req.headers.authorization.slice(7)
    : undefined
  const granted = bearer ? tokens.get(bearer) : undefined
  const ok =
    granted !== undefined &&
    (!need ||
      (need.actions.every((a) => grants(granted, need.name).has(a)) &&
        (!need.from || grants(granted, need.from).has('pull'))))
  if (!ok) {
    const scope = need ? `,scope="repository:${need.name}:${need.actions.join(',')}"` : ''
    const error = granted ? ',error="insufficient_scope"' : ''
    res.writeHead(401, {
      'content-type': 'application/json',
      'www-authenticate': `Bearer realm="${proxy}/token",service="${SERVICE}"${scope}${error}`
    })
    res.end(
      JSON.stringify({
        errors: [{ code: 'UNAUTHORIZED', message: 'authentication required', detail: null }]
      })
    )
    return
  }
  const failure = failures.findIndex((f) => f.method === req.method)
  if (failure >= 0) {
    const [f] = failures.splice(failure, 1)
    res.writeHead(f!.status, { 'retry-after': f!.retryAfter, 'content-type': 'application/json' })
    res.end('{"errors":[{"code":"UNAVAILABLE","message":"service unavailable"}]}')
    return
  }
  const headers = { ...req.headers, host: new URL(proxy).host }
  delete headers.authorization
  const upstream = httpRequest(
    `http://${UPSTREAM}${url.pathname}${url.search}`,
    { method: req.method, headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    }
  )
  upstream.on('error', () => res.writeHead(502).end())
  req.pipe(upstream)
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'gantry-bearer-it-'))
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', proxy)
    const handle = url.pathname === '/token' ? token(req, res, url) : registry(req, res, url)
    handle.catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(scratch, { recursive: true, force: true })
})

const host = () => new URL(proxy).host

async function upstreamDigest(repository: string, tag: string): Promise<string | null> {
  const res = await fetch(`http://${UPSTREAM}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      accept:
        'application/vnd.docker.distribution.manifest.v2+json,application/vnd.oci.image.index.v1+json'
    }
  })
  return res.headers.get('docker-content-digest')
}

async function dockerConfig(config: object): Promise<string> {
  const dir = await mkdtemp(join(scratch, 'config-'))
  await writeFile(join(dir, 'config.json'), JSON.stringify(config))
  return dir
}

describe.each(NODES)('Bearer token flow on $name', ({ name, path: node }) => {
  const repo = `gantry-it/bearer-${marker}-${name.replace(/\D/g, '')}`
  const promoteVia = (
    inputs: Record<string, string>,
    env: Record<string, string> = {}
  ): Promise<RunResult> =>
    runAction('image-push', {
      node,
      inputs: { source: `${host()}/demo-app:v1`, ...inputs },
      env,
      timeoutMs: 60_000
    })

  test('username/password inputs: one token for every scope the promotion needs, then the registry API', async () => {
    tokenRequests.length = 0
    const empty = await dockerConfig({})
    const result = await promoteVia(
      { tags: `${host()}/${repo}:bearer`, username: USER, password: PASSWORD },
      { DOCKER_CONFIG: empty }
    )
    if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr)
    expect(secretLeaks(result, [PASSWORD])).toEqual([])
    expect(result.stdout).toMatch(/Mounted 2 blobs from demo-app into .* \(no bytes copied\)/)
    expect(tokenRequests).toEqual([
      {
        method: 'GET',
        scopes: ['repository:demo-app:pull', `repository:${repo}:pull,push`],
        account: USER,
        basic: true,
        grant: null
      }
    ])
    expect(await upstreamDigest(repo, 'bearer')).toBe(await upstreamDigest('demo-app', 'v1'))
  }, 60_000)

  test('credentials from the Docker config; a 503 with Retry-After is retried', async () => {
    tokenRequests.length = 0
    failures.push({ method: 'PUT', status: 503, retryAfter: '0' })
    const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64')
    const config = await dockerConfig({ auths: { [`http://${host()}/v2/`]: { auth } } })
    const result = await promoteVia(
      { tags: `${host()}/${repo}:from-config` },
      { DOCKER_CONFIG: config }
    )
    if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr)
    expect(result.stdout).toMatch(
      /answered 503 \(UNAVAILABLE: service unavailable\); attempt 2 in 0 ms/
    )
    expect(tokenRequests).toHaveLength(1)
    expect(tokenRequests[0]?.basic).toBe(true)
    expect(await upstreamDigest(repo, 'from-config')).toBe(await upstreamDigest('demo-app', 'v1'))
  }, 60_000)

  test('an identity token from a credential helper: the OAuth2 refresh-token grant', async () => {
    tokenRequests.length = 0
    const bin = await mkdtemp(join(scratch, 'helper-'))
    await writeFile(
      join(bin, 'docker-credential-refresh'),
      `#!/bin/sh\n[ "$1" = get ] || exit 2\nprintf '{"ServerURL":"%s","Username":"<token>","Secret":"${REFRESH_TOKEN}"}' "$(cat)"\n`,
      { mode: 0o755 }
    )
    const config = await dockerConfig({ credHelpers: { [host()]: 'refresh' } })
    const result = await promoteVia(
      { tags: `${host()}/${repo}:identity` },
      { DOCKER_CONFIG: config, PATH: `${bin}:${process.env.PATH}` }
    )
    if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr)
    expect(secretLeaks(result, [REFRESH_TOKEN])).toEqual([])
    expect(tokenRequests.map((r) => [r.method, r.grant])).toEqual([['POST', 'refresh_token']])
  }, 60_000)

  test('anonymous: the pull works, the push is refused with a clear message', async () => {
    const empty = await dockerConfig({})
    const result = await promoteVia(
      { tags: `${host()}/${repo}:anonymous` },
      { DOCKER_CONFIG: empty }
    )
    expect(result.exitCode).toBe(1)
    expect(result.stdout).toContain(`${host()}/demo-app:v1 is sha256:`)
    expect(result.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${host()} refused POST /v2/${repo}/blobs/uploads/ with no credentials \\(nothing for ${host()} in .*config\\.json\\): Bearer 401 UNAUTHORIZED: authentication required\\. Log in first`
        )
      )
    ])
  }, 60_000)

  test('a wrong password: the token service refused the credentials from the inputs', async () => {
    const wrong = `${PASSWORD}-wrong`
    const result = await promoteVia({
      tags: `${host()}/${repo}:wrong`,
      username: USER,
      password: wrong
    })
    expect(result.exitCode).toBe(1)
    expect(secretLeaks(result, [wrong])).toEqual([])
    expect(result.annotations[0]?.message).toBe(
      `The token service of ${host()} (${proxy}) refused the credentials from the 'username' and 'password' inputs (401).`
    )
  }, 60_000)
})
