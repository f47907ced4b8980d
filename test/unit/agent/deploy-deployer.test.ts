/**
 * The agent's deployer against a scripted host (each step answered by name, as a real host
 * answers) and real loopback HTTP servers: a registry answering manifest HEADs (with Basic auth
 * when asked) and a JSON webhook receiving the notifications. What users see: the digest the
 * agent resolved itself, the release's env and version, the lock owner, rollback jobs, the
 * run file while a run is in progress, the notification sent after it.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDeployer, imageVersion, runFilePath } from '../../../src/agent/deployer.js'
import {
  UnresolvableError,
  type AppConfig,
  type JobRecord,
  type Resolved
} from '../../../src/agent/contract.js'
import { scriptedRunner, type Answers } from '../../../src/deploy/runners/scripted.js'
import { instantClock } from '../../../src/lib/clock.js'

const DIGEST = `sha256:${'ab12cd34ef56'.repeat(5)}abcd`
const CURRENT = '20261122T162000Z-v1-aaaa'
const OLDER = '20261122T161000Z-v0-bbbb'
const T0 = 1_795_000_000_000
const NOW = Math.floor(T0 / 1000)

let dir: string
let registry: Server
let registryPort: number
let hook: Server
let hookPort: number
let hookStatus = 200
/** Called as each notification arrives (what the state directory holds then). */
let onNotification = () => {}
const received: { path: string; body: Record<string, unknown> }[] = []
const authSeen: (string | undefined)[] = []

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port))
  )
}
const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = ''
    req.on('data', (c: Buffer) => (text += c.toString()))
    req.on('end', () => resolve(text))
  })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-deployer-'))
  await writeFile(join(dir, 'compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
  registry = createServer((req, res) => {
    // `private/…` needs the pull-only account, as a registry sub-account would.
    if (req.url?.startsWith('/v2/private/')) {
      authSeen.push(req.headers.authorization)
      const expected = `Basic ${Buffer.from('puller:pull-only').toString('base64')}`
      if (req.headers.authorization !== expected) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="registry"' }).end()
        return
      }
    }
    const m = /^\/v2\/(?:private\/)?shop\/manifests\/([^/]+)$/.exec(req.url ?? '')
    if (req.method === 'HEAD' && m && m[1] === 'v2') {
      res
        .writeHead(200, {
          'docker-content-digest': DIGEST,
          'content-type': 'application/vnd.oci.image.manifest.v1+json'
        })
        .end()
      return
    }
    res.writeHead(404).end()
  })
  registryPort = await listen(registry)
  hook = createServer(async (req, res) => {
    onNotification()
    received.push({
      path: req.url ?? '',
      body: JSON.parse(await body(req)) as Record<string, unknown>
    })
    res.writeHead(hookStatus, { 'content-type': 'application/json' }).end('{}')
  })
  hookPort = await listen(hook)
})

afterAll(async () => {
  registry.close()
  hook.close()
  await rm(dir, { recursive: true, force: true })
})

beforeEach(() => {
  received.length = 0
  hookStatus = 200
  onNotification = () => {}
})

function composeApp(extra: Partial<AppConfig> = {}): AppConfig {
  return {
    name: 'shop',
    target: 'compose',
    strategy: 'recreate',
    inputs: {
      path: '/srv/gantry/shop',
      'compose-file': join(dir, 'compose.yml'),
      env: 'LOG_LEVEL=info\nIMAGE=evil/override:latest',
      'health-timeout': '30s'
    },
    image: {
      registry: `127.0.0.1:${registryPort}`,
      repository: 'shop',
      reference: `127.0.0.1:${registryPort}/shop`
    },
    tags: ['v*', 'latest'],
    stepTimeoutMs: 600_000,
    triggers: { token: { secret: 's3cret' } },
    notify: [`json://127.0.0.1:${hookPort}/deploys`],
    ...extra
  }
}

function healthyHost(extra: Answers = {}): Answers {
  return {
    inspect: `compose=docker compose\nnow=${NOW}\ncurrent=${CURRENT}\nrelease=${OLDER}\nrelease=${CURRENT}\n`,
    'read current release': '{"version":"v1"}\n',
    'read release': '{"version":"v0"}\n',
    lock: 'acquired\n',
    status: 'web running healthy 0\n',
    '*': '',
    ...extra
  }
}

function job(
  request: JobRecord['request'],
  resolved?: Resolved
): JobRecord & { resolved?: Resolved } {
  return {
    id: '3f2a9c1e0b7d4a11',
    app: 'shop',
    via: 'token',
    request,
    state: 'running',
    queuedAt: new Date(T0).toISOString(),
    log: [],
    resolved
  }
}

function setup(answers: Answers, onStep?: (name: string) => void) {
  const host = scriptedRunner(answers, { onStep: (s) => onStep?.(s.name) })
  const events: unknown[] = []
  const deployer = createDeployer({
    stateDir: join(dir, 'state'),
    configDir: dir,
    clock: instantClock(T0),
    connect: async () => host,
    notify: { retries: 0 },
    onEvent: (e) => events.push(e),
    hostname: 'web-1'
  })
  return { host, deployer, events }
}

describe('resolve', () => {
  test('a tag is its manifest digest in the registry, as the agent asks it', async () => {
    const { deployer } = setup({})
    const resolved = await deployer.resolve(composeApp(), { kind: 'image', tag: 'v2' })
    expect(resolved).toEqual({ version: 'v2@sha256:ab12cd34ef56', ref: DIGEST })
    expect(imageVersion('v1.4.0', DIGEST)).toBe('v1.4.0@sha256:ab12cd34ef56')
  })

  test('a tag the registry does not have, or no glob allows, is refused before any job', async () => {
    const { deployer } = setup({})
    await expect(deployer.resolve(composeApp(), { kind: 'image', tag: 'v9' })).rejects.toThrow(
      new UnresolvableError(`tag v9 of 127.0.0.1:${registryPort}/shop is not in the registry`)
    )
    await expect(
      deployer.resolve(composeApp(), { kind: 'image', tag: 'nightly' })
    ).rejects.toBeInstanceOf(UnresolvableError)
  })

  test("the app's pull-only credentials are sent when the registry asks", async () => {
    const { deployer } = setup({})
    const app = composeApp({
      image: {
        registry: `127.0.0.1:${registryPort}`,
        repository: 'private/shop',
        reference: `127.0.0.1:${registryPort}/private/shop`
      }
    })
    app.inputs = { ...app.inputs, 'registry-username': 'puller', 'registry-password': 'pull-only' }
    authSeen.length = 0
    const resolved = await deployer.resolve(app, { kind: 'image', tag: 'v2' })
    expect(resolved.ref).toBe(DIGEST)
    expect(authSeen[0]).toBeUndefined()
    expect(authSeen.at(-1)).toMatch(/^Basic /)
  })

  test('a git ref other than the configured branch is refused; the branch is its head', async () => {
    const head = 'c0ffee'.repeat(6) + 'c0ff'
    const { deployer, host } = setup({
      'resolve refs/heads/main': `${head}\trefs/heads/main\n`
    })
    const app = gitApp()
    await expect(deployer.resolve(app, { kind: 'git', ref: 'refs/heads/dev' })).rejects.toThrow(
      'refs/heads/dev is not the branch shop deploys (main)'
    )
    expect(await deployer.resolve(app, { kind: 'git', ref: 'refs/heads/main' })).toEqual({
      version: head.slice(0, 7),
      ref: head
    })
    expect(host.ran.map((s) => s.name)).toEqual(['resolve refs/heads/main'])
  })

  test('a token in the repository URL is masked in why a ref could not be resolved', async () => {
    const { deployer } = setup({
      'resolve refs/heads/main': {
        code: 128,
        stderr: "fatal: unable to access 'https://puller:tok3n-value@git.example/shop.git/'\n"
      }
    })
    const app = gitApp()
    app.inputs = { ...app.inputs, repository: 'https://puller:tok3n-value@git.example/shop.git' }
    const error = await deployer
      .resolve(app, { kind: 'git', ref: 'refs/heads/main' })
      .catch((e: unknown) => e as Error)
    expect(error).toBeInstanceOf(UnresolvableError)
    expect((error as Error).message).toContain('https://puller:***@git.example/shop.git')
    expect((error as Error).message).not.toContain('tok3n-value')
  })
})

function gitApp(): AppConfig {
  return {
    name: 'shop',
    target: 'git',
    strategy: 'recreate',
    inputs: { path: '/srv/gantry/shop', repository: '/srv/git/shop.git', restart: 'true' },
    tags: [],
    branch: 'main',
    stepTimeoutMs: 600_000,
    triggers: { github: { secret: 'github-hook-secret' } },
    notify: []
  }
}

describe('run', () => {
  test('compose: IMAGE is the resolved digest, IMAGE_TAG the tag, the version tag@digest; the lock names the agent job', async () => {
    let runFileDuringUp: string | undefined
    const path = runFilePath(join(dir, 'state'), 'shop')
    const { deployer, host } = setup(healthyHost(), (name) => {
      if (name === 'up' && existsSync(path)) runFileDuringUp = path
    })
    const resolved = { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }
    const lines: string[] = []
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, resolved),
      composeApp(),
      (l) => lines.push(l)
    )
    expect(result).toMatchObject({
      state: 'succeeded',
      version: 'v2@sha256:ab12cd34ef56',
      before: 'v1',
      after: 'v2@sha256:ab12cd34ef56'
    })
    const upload = host.ran.find((s) => s.name.startsWith('upload'))
    const env = (upload?.stdin ?? '').split('\n')
    expect(env).toContain(`IMAGE=127.0.0.1:${registryPort}/shop@${DIGEST}`)
    expect(env).toContain('IMAGE_TAG=v2')
    expect(env).toContain('LOG_LEVEL=info')
    // The app's env cannot point IMAGE elsewhere: the digest the agent resolved is what runs.
    expect(env).not.toContain('IMAGE=evil/override:latest')
    expect(upload?.stdin).toContain('"version":"v2@sha256:ab12cd34ef56"')
    expect(upload?.script).toContain('/srv/gantry/shop/releases/')
    const lock = host.ran.find((s) => s.name === 'lock')
    expect(JSON.parse(lock?.stdin ?? '{}')).toMatchObject({
      actor: 'gantry agent',
      runUrl: 'agent job 3f2a9c1e0b7d4a11',
      version: 'v2@sha256:ab12cd34ef56'
    })
    expect(runFileDuringUp).toBe(path)
    expect(existsSync(path)).toBe(false)
    expect(lines).toContain('▸ pull')
    expect(received).toHaveLength(1)
    expect(received[0]?.path).toBe('/deploys')
    expect(received[0]?.body).toMatchObject({
      status: 'deployed',
      fields: expect.arrayContaining([
        { label: 'Before', value: 'v1' },
        { label: 'After', value: 'v2@sha256:ab12cd34ef56' },
        { label: 'Job', value: '3f2a9c1e0b7d4a11' }
      ])
    })
  })

  test('an unhealthy release is rolled back; the sinks hear rolled-back with both versions', async () => {
    const { deployer } = setup(
      healthyHost({ status: ['web running unhealthy 0\n', 'web running healthy 0\n'] })
    )
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      composeApp(),
      () => {}
    )
    expect(result).toMatchObject({
      state: 'rolled-back',
      version: 'v2@sha256:ab12cd34ef56',
      before: 'v1',
      after: 'v1'
    })
    expect(received[0]?.body).toMatchObject({
      status: 'rolled-back',
      fields: expect.arrayContaining([
        { label: 'Version', value: 'v2@sha256:ab12cd34ef56' },
        { label: 'Before', value: 'v1' },
        { label: 'After', value: 'v1' }
      ])
    })
  })

  test('a step killed at its time limit fails the release: it is rolled back and reported', async () => {
    const { deployer, host } = setup(healthyHost({ 'pre-deploy': { timedOutAfterMs: 600_000 } }))
    const app = composeApp()
    app.inputs = { ...app.inputs, 'pre-deploy': 'sleep 100000' }
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      app,
      () => {}
    )
    expect(result).toMatchObject({ state: 'rolled-back', before: 'v1', after: 'v1' })
    expect(result.message).toContain(
      'pre-deploy timed out after 600s (killed with its process group)'
    )
    // The previous release was brought up again.
    expect(host.ran.filter((s) => s.name === 'up').at(-1)?.script).toContain(`releases/${CURRENT}`)
  })

  test("the app's secrets never reach the job log, the result or the notification", async () => {
    const password = 'pull-0nly-Pa55word'
    const hookSecret = 'hook-s3cret-value'
    const { deployer } = setup(
      healthyHost({
        'pre-deploy': {
          code: 1,
          stdout: `logging in as puller:${password}\n`,
          stderr: `token ${hookSecret} refused\n`
        }
      })
    )
    const app = composeApp({ triggers: { token: { secret: hookSecret } } })
    app.inputs = {
      ...app.inputs,
      'pre-deploy': './check',
      'registry-username': 'puller',
      'registry-password': password
    }
    const lines: string[] = []
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      app,
      (line) => lines.push(line)
    )
    expect(lines).toEqual(expect.arrayContaining([expect.stringContaining('puller:***')]))
    expect(result.message).toContain(`token *** refused`)
    const seen = JSON.stringify({ lines, result, received })
    expect(seen).not.toContain(password)
    expect(seen).not.toContain(hookSecret)
  })

  test('a post-deploy hook killed at its limit, after current was switched: current goes back, the previous release up', async () => {
    const { deployer, host } = setup(healthyHost({ 'post-deploy': { timedOutAfterMs: 600_000 } }))
    const app = composeApp()
    app.inputs = { ...app.inputs, 'post-deploy': 'sleep 100000' }
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      app,
      () => {}
    )
    expect(result).toMatchObject({ state: 'rolled-back', before: 'v1', after: 'v1' })
    expect(result.message).toContain('post-deploy timed out after 600s')
    const switches = host.ran.filter((s) => s.name === 'switch current')
    expect(switches).toHaveLength(2)
    expect(switches[1]?.script).toContain(`releases/${CURRENT}`)
    expect(host.ran.filter((s) => s.name === 'up').at(-1)?.script).toContain(`releases/${CURRENT}`)
  })

  test('a post-deploy hook that fails after current was switched: the job, the notification and status name the new release, which serves', async () => {
    let switched: string | undefined
    const { deployer } = setup(
      healthyHost({
        'post-deploy': { code: 1, stderr: 'cache warm-up failed\n' },
        inspect: () =>
          `compose=docker compose\nnow=${NOW}\ncurrent=${switched ?? CURRENT}\nrelease=${OLDER}\nrelease=${CURRENT}\n${switched ? `release=${switched}\n` : ''}`,
        'switch current': (step) => {
          switched = /releases\/([^' ]+)/.exec(step.script)?.[1]
          return ''
        },
        'read current release': () =>
          `{"version":"${switched ? 'v2@sha256:ab12cd34ef56' : 'v1'}"}\n`
      })
    )
    const app = composeApp()
    app.inputs = { ...app.inputs, 'post-deploy': 'warm-cache' }
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      app,
      () => {}
    )
    expect(switched).toBeDefined()
    expect(result).toMatchObject({
      state: 'failed',
      before: 'v1',
      after: 'v2@sha256:ab12cd34ef56'
    })
    expect(result.message).toMatch(/post-deploy.*; v2@sha256:ab12cd34ef56 (serves|is live)$/)
    expect(received[0]?.body).toMatchObject({
      status: 'failed',
      fields: expect.arrayContaining([
        { label: 'Before', value: 'v1' },
        { label: 'After', value: 'v2@sha256:ab12cd34ef56' }
      ])
    })
    expect((await deployer.status(app)).current).toBe('v2@sha256:ab12cd34ef56')
  })

  test('the outcome is in the run file before the notifications go out; the file goes after them', async () => {
    const { deployer } = setup(healthyHost())
    const file = runFilePath(join(dir, 'state'), 'shop')
    let seen: unknown
    onNotification = () => {
      seen = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : 'no run file'
    }
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      composeApp(),
      () => {}
    )
    expect(result.state).toBe('succeeded')
    expect(seen).toMatchObject({
      job: '3f2a9c1e0b7d4a11',
      version: 'v2@sha256:ab12cd34ef56',
      outcome: JSON.parse(JSON.stringify(result))
    })
    expect(existsSync(file)).toBe(false)
  })

  test('a rollback job deploys the kept release before current, uploads nothing', async () => {
    const { deployer, host } = setup(healthyHost())
    const result = await deployer.run(
      job({ kind: 'rollback', to: 'previous' }),
      composeApp(),
      () => {}
    )
    expect(result).toMatchObject({ state: 'succeeded', before: 'v1', after: 'v0' })
    expect(host.ran.some((s) => s.name.startsWith('upload'))).toBe(false)
    const up = host.ran.find((s) => s.name === 'up')
    expect(up?.script).toContain(`releases/${OLDER}`)
    expect(received[0]?.body).toMatchObject({ status: 'rolled-back' })
  })

  test('a sink that fails is logged and the run still succeeds', async () => {
    hookStatus = 500
    const { deployer, events } = setup(healthyHost())
    const lines: string[] = []
    const result = await deployer.run(
      job({ kind: 'image', tag: 'v2' }, { version: 'v2@sha256:ab12cd34ef56', ref: DIGEST }),
      composeApp(),
      (l) => lines.push(l)
    )
    expect(result.state).toBe('succeeded')
    expect(received).toHaveLength(1)
    expect(lines.some((l) => /^notify .*not delivered: .*500/.test(l))).toBe(true)
    expect(events).toEqual([expect.objectContaining({ event: 'notify-failed', app: 'shop' })])
  })

  test('git: a pushed commit not on the branch fails the job, nothing deployed', async () => {
    const head = 'c0ffee'.repeat(6) + 'c0ff'
    const pushed = 'bad0'.repeat(10)
    const { deployer, host } = setup({
      'resolve refs/heads/main': `${head}\trefs/heads/main\n`,
      'inspect git releases': `now=${NOW}\ngit=yes\n`,
      lock: 'acquired\n',
      [`verify ${pushed.slice(0, 7)} is on the branch`]: { code: 1 },
      '*': ''
    })
    const result = await deployer.run(
      job({ kind: 'git', ref: 'refs/heads/main', commit: pushed }),
      gitApp(),
      () => {}
    )
    expect(result).toMatchObject({
      state: 'failed',
      message: `commit ${pushed} is not on branch main (its head is ${head.slice(0, 7)})`
    })
    // Checked after the fetch, under the lock (no other deploy's fetch can race it); nothing
    // was checked out, and the lock was given back.
    const names = host.ran.map((s) => s.name)
    expect(names.indexOf('lock')).toBeGreaterThanOrEqual(0)
    expect(names.indexOf('lock')).toBeLessThan(
      names.indexOf(`verify ${pushed.slice(0, 7)} is on the branch`)
    )
    expect(names.some((n) => n.startsWith('checkout'))).toBe(false)
    expect(names).toContain('unlock')
  })

  test("a repository URL's credentials reach neither the job's log nor the notification", async () => {
    const repository = 'https://deploy:ghp_t0kenValue@git.example.com/acme/shop.git'
    const { deployer } = setup({
      'resolve refs/heads/main': {
        code: 128,
        stderr: `fatal: unable to access '${repository}/': Could not resolve host\n`
      },
      '*': ''
    })
    const app: AppConfig = {
      ...gitApp(),
      inputs: { ...gitApp().inputs, repository },
      notify: [`json://127.0.0.1:${hookPort}/deploys`]
    }
    const lines: string[] = []
    const result = await deployer.run(job({ kind: 'git', ref: 'refs/heads/main' }), app, (line) =>
      lines.push(line)
    )
    expect(result.state).toBe('failed')
    expect(result.message).toContain('https://***@git.example.com/acme/shop.git')
    expect(received).toHaveLength(1)
    for (const text of [JSON.stringify(result), lines.join('\n'), JSON.stringify(received)])
      expect(text).not.toContain('ghp_t0kenValue')
  })

  test('git: a pushed commit on the branch deploys the head the agent resolved', async () => {
    const head = 'c0ffee'.repeat(6) + 'c0ff'
    const pushed = 'a1b2'.repeat(10)
    const { deployer, host } = setup({
      'resolve refs/heads/main': `${head}\trefs/heads/main\n`,
      'inspect git releases': `now=${NOW}\ngit=yes\n`,
      lock: 'acquired\n',
      '*': ''
    })
    const result = await deployer.run(
      job({ kind: 'git', ref: 'refs/heads/main', commit: pushed }),
      gitApp(),
      () => {}
    )
    expect(result).toMatchObject({ state: 'succeeded', after: head.slice(0, 7) })
    // The ancestor check ran in the cache, then the head (not the pushed commit) was checked out.
    expect(host.ran.map((s) => s.name)).toContain(`verify ${pushed.slice(0, 7)} is on the branch`)
    expect(host.ran.find((s) => s.name === `checkout ${head.slice(0, 7)}`)?.script).toContain(head)
    expect(host.ran.some((s) => s.name === `checkout ${pushed.slice(0, 7)}`)).toBe(false)
  })

  test('status: current and previous from the release records', async () => {
    const { deployer } = setup(healthyHost())
    expect(await deployer.status(composeApp())).toEqual({ current: 'v1', previous: 'v0' })
  })
})
