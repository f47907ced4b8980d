/**
 * `gantry agent`'s acceptance, against the spec (AGENT-SPEC.md) and issue 15's guarantees: the
 * real CLI bundle (`node dist/cli/index.js agent --config …`) running as sandbox host h01's
 * unprivileged user (its Docker engine, its home), called over loopback by a real HTTP client
 * with deliveries signed as GitHub documents them; a real distribution registry whose own
 * notifications call the agent; the sandbox registry; the sandbox git server; ssh-deploy over
 * real SSH for the shared lock. What each test asserts is what a user would notice: the answer,
 * what the host serves, which image its container runs, the notification, the log.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFile, execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { createHmac, randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import { onHost as onHostAs } from '../harness/hosts.js'
import { runAction, secretLeaks } from '../harness/run-action.js'
import {
  freePort,
  get,
  githubHeaders,
  githubPackageEvent,
  githubPushEvent,
  githubSignature,
  post,
  processesOf,
  pushAs,
  randomUUID,
  registryDigest,
  removeImages,
  runAgentCli,
  startAgent,
  startRegistry,
  startSink,
  userDir,
  waitForJob,
  waitForState,
  writeUserFile,
  type AgentProcess,
  type Sink,
  type TestRegistry
} from '../harness/agent.js'

const sandbox = readSandbox()
const host = sandbox.hosts[0]!
const RUNNER = sandbox.dockerHost
const repo = sandbox.git.repositories.blog
const hex = () => randomBytes(16).toString('hex')
const SECRETS = { github: hex(), registry: hex(), gantry: hex(), token: hex(), bearer: hex() }
// Off the host's APP_ADDR (:8080, which the git demo app binds): one port per compose app.
const SHOP = { app: 'agentshop', addr: `${host.address}:8091`, url: `http://${host.address}:8091` }
const SLOW = { app: 'agentslow', addr: `${host.address}:8092`, url: `http://${host.address}:8092` }
const POLL = { app: 'agentpoll', addr: `${host.address}:8093`, url: `http://${host.address}:8093` }
const HUNG_SLEEP = 'sleep 613'
// The sandbox registry outlives a run: a tag of this run's own, so that the poller finds nothing
// until the test pushes it.
const POLL_TAG = `poll-${Date.now().toString(36)}`

let dir: string
let config: string
let agentPort: number
let registry: TestRegistry
let sink: Sink
let agent: AgentProcess
let shopImage: string
const slowImage = `${sandbox.registryNoAuth.url}/agent-slow`
const pollImage = `${sandbox.registryNoAuth.url}/agent-poll`
const digests: Record<string, string> = {}

const docker = (...args: string[]) =>
  execFileSync('docker', args, {
    encoding: 'utf8',
    env: { ...process.env, DOCKER_HOST: host.dockerHost }
  }).trim()
/** The host's containers, as a user listing them would see them change. */
const containers = () => docker('ps', '-a', '--format', '{{.ID}} {{.Image}} {{.CreatedAt}}')
/**
 * The image the app's running container was started from (as compose was given it) and whether
 * that container runs the very image the reference names on the host's engine.
 */
function runningImage(app: string): string {
  const id = docker('ps', '-q', '--filter', `label=com.docker.compose.project=${app}`)
  if (!id || id.includes('\n')) return `${id ? 'several' : 'no'} running containers of ${app}`
  const [ref, imageId] = docker('inspect', '--format', '{{.Config.Image}} {{.Image}}', id).split(
    ' '
  )
  const named = docker('image', 'inspect', '--format', '{{.Id}}', ref!)
  return named === imageId ? ref! : `${ref} (but the container runs ${imageId})`
}
const onHost = (script: string) => onHostAs(sandbox, host, script)

async function served(url: string, path = '/version'): Promise<string> {
  try {
    const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(3000) })
    return (await res.text()).trim()
  } catch (error) {
    return `unreachable (${(error as Error).message})`
  }
}

const hook = (app: string, query = '') => `http://127.0.0.1:${agentPort}/hooks/${app}${query}`

/** A GitHub `registry_package` delivery for `tag` of `image`, signed with `secret`. */
function packageDelivery(image: string, tag: string, secret = SECRETS.github, delivery?: string) {
  const body = JSON.stringify(
    githubPackageEvent({ image, tag, digest: digests[`${image}:${tag}`] })
  )
  return { body, headers: githubHeaders(secret, 'registry_package', body, delivery) }
}

async function deliver(app: string, image: string, tag: string, delivery?: string) {
  const d = packageDelivery(image, tag, SECRETS.github, delivery)
  return post(hook(app), d.body, d.headers)
}

interface AppView {
  name: string
  current?: string
  previous?: string
  last?: { job: string; state: string; version?: string }
  running: string | null
  waiting: string | null
}

async function apps(): Promise<Record<string, AppView>> {
  const r = await get(`${agent.url}/apps`, SECRETS.bearer)
  expect(r.status).toBe(200)
  return Object.fromEntries((r.json.apps as AppView[]).map((a) => [a.name, a]))
}

/** Accepted → the job's final record; fails with the agent's answer and log otherwise. */
async function accepted(r: Awaited<ReturnType<typeof post>>, timeoutMs = 120_000) {
  if (r.status !== 202) throw new Error(`expected 202, got ${r.status} ${r.text}`)
  return waitForJob(agent, SECRETS.bearer, r.json.job, timeoutMs)
}

const short = (digest: string) => digest.replace(/^sha256:/, '').slice(0, 12)

function writeConfig(extra: Record<string, unknown> = {}) {
  const secret = (name: keyof typeof SECRETS) =>
    writeUserFile(host, join(dir, `${name}.secret`), `${SECRETS[name]}\n`)
  const deployKey = writeUserFile(
    host,
    join(dir, 'deploy_key'),
    readFileSync(sandbox.git.deployKey.privateKeyPath, 'utf8')
  )
  const compose = (app: { addr: string }) => ({
    'compose-file': 'docker-compose.yml',
    env: `APP_ADDR=${app.addr}\n`,
    'health-url': `http://${app.addr}/health`,
    'lock-timeout': '2m'
  })
  const doc = {
    listen: `127.0.0.1:${agentPort}`,
    'state-dir': join(dir, 'state'),
    'token-file': secret('bearer'),
    'log-format': 'text',
    'max-body': 65536,
    apps: {
      [SHOP.app]: {
        ...compose(SHOP),
        image: shopImage,
        tags: ['v*', 'broken'],
        'health-timeout': '20s',
        'keep-releases': 2,
        triggers: {
          github: { 'secret-file': secret('github') },
          registry: { 'secret-file': secret('registry') },
          gantry: { 'secret-file': secret('gantry') }
        },
        notify: [`json://127.0.0.1:${sink.port}/shop`, `ntfy://127.0.0.1:${sink.port}/shop-deploys`]
      },
      [SLOW.app]: {
        ...compose(SLOW),
        image: slowImage,
        tags: ['v*'],
        'health-timeout': '15s',
        // Markers the tests set: a slow deploy (to deliver during it), a hung one.
        'pre-deploy': `if [ -e ${dir}/hang ]; then ${HUNG_SLEEP}; elif [ -e ${dir}/slow ]; then sleep 8; fi`,
        'step-timeout': '12s',
        triggers: { github: { 'secret-file': secret('github') } },
        notify: [`json://127.0.0.1:${sink.port}/slow`]
      },
      [POLL.app]: {
        ...compose(POLL),
        image: pollImage,
        tags: [POLL_TAG],
        'health-timeout': '15s',
        triggers: { poll: { interval: '5s', jitter: 0.1 } }
      },
      blog: {
        target: 'git',
        repository: repo.url,
        branch: 'main',
        'repository-key-file': deployKey,
        'repository-known-hosts': sandbox.git.host.knownHosts,
        build: sandbox.gitApp.build,
        restart: host.supervisor!.restart,
        'linked-files': '.env',
        'health-url': `http://${host.appAddr}/health`,
        'health-timeout': '20s',
        triggers: { github: { 'secret-file': secret('github') } }
      }
    },
    ...extra
  }
  // JSON is YAML: the config is generated from data.
  writeUserFile(host, config, JSON.stringify(doc, null, 2) + '\n', 0o640)
}

async function restartAgent() {
  const e = await agent.stop()
  expect(e).toEqual({ code: 0, signal: null })
  agent = await startAgent({ host, config, port: agentPort })
}

beforeAll(async () => {
  dir = userDir(host)
  config = join(dir, 'agent.yml')
  copyFileSync(sandbox.composeFile, join(dir, 'docker-compose.yml'))
  execFileSync('chmod', ['644', join(dir, 'docker-compose.yml')])
  agentPort = await freePort()
  sink = await startSink()
  // Our own distribution registry: its notifications call the agent. Filled before they are on,
  // so that only the pushes a test makes notify.
  registry = await startRegistry({
    port: await freePort(),
    notify: { url: hook(SHOP.app), secret: SECRETS.registry },
    quiet: true
  })
  shopImage = `${registry.url}/agent-shop`
  for (const [image, tags] of [
    [shopImage, ['v1', 'broken']],
    [slowImage, ['v1', 'v2']]
  ] as const)
    for (const tag of tags)
      digests[`${image}:${tag}`] = pushAs(
        RUNNER,
        sandbox.images[tag as 'v1' | 'v2' | 'broken'],
        `${image}:${tag}`
      )
  await registry.stop()
  await registry.start(true)
  // Nothing else may hold the ports; the apps start from nothing.
  onHost(
    `${host.supervisor!.ctl} stop blog >/dev/null 2>&1; ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; ` +
      `rm -rf ~/gantry/${SHOP.app} ~/gantry/${SLOW.app} ~/gantry/${POLL.app} ~/gantry/blog; ` +
      `mkdir -p ~/gantry/blog/shared && printf 'GREETING=hello from the agent\\n' > ~/gantry/blog/shared/.env`
  )
  writeConfig()
  agent = await startAgent({ host, config, port: agentPort })
}, 120_000)

afterAll(async () => {
  await agent?.stop()
  for (const p of processesOf(host.user, HUNG_SLEEP)) process.kill(p.pid, 'SIGKILL')
  await registry?.dispose()
  await sink?.close()
  onHost(
    `for a in ${SHOP.app} ${SLOW.app} ${POLL.app}; do (cd ~/gantry/$a/current 2>/dev/null && docker-compose -p $a -f compose.yml down -t 1 >/dev/null 2>&1); rm -rf ~/gantry/$a; done; ` +
      `${host.supervisor!.ctl} stop blog >/dev/null 2>&1; rm -rf ~/gantry/blog; true`
  )
  // The images this file's apps left on the host, tags and digests.
  removeImages(host, /\/agent-(shop|slow|poll)$/)
  if (dir) rmSync(dir, { recursive: true, force: true })
}, 120_000)

describe('the HTTP surface, before anything deploys', () => {
  test('GET /healthz answers without a token', async () => {
    const r = await get(`${agent.url}/healthz`)
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toMatch(/^application\/json/)
    expect(r.json).toMatchObject({ status: 'ok', apps: 4 })
    expect(typeof r.json.uptimeSeconds).toBe('number')
  })

  test('/apps, /jobs and rollback need the bearer token', async () => {
    for (const token of [undefined, 'wrong-token']) {
      const a = await get(`${agent.url}/apps`, token)
      expect(a.status).toBe(401)
      expect(a.headers.get('www-authenticate')).toMatch(/^Bearer/)
      const j = await get(`${agent.url}/jobs/anything`, token)
      expect(j.status).toBe(401)
      const rb = await post(
        `${agent.url}/apps/${SHOP.app}/rollback`,
        '{"to":"previous"}',
        token ? { authorization: `Bearer ${token}` } : {}
      )
      expect(rb.status).toBe(401)
    }
    const ok = await get(`${agent.url}/apps`, SECRETS.bearer)
    expect(ok.status).toBe(200)
    expect((ok.json.apps as { name: string }[]).map((a) => a.name).sort()).toEqual(
      [SHOP.app, SLOW.app, POLL.app, 'blog'].sort()
    )
    expect((await get(`${agent.url}/jobs/no-such-job`, SECRETS.bearer)).status).toBe(404)
  })

  test('an unknown app is 404, an unknown path 404, a wrong method 405 with Allow', async () => {
    const d = packageDelivery(shopImage, 'v1')
    const r = await post(hook('nope'), d.body, d.headers)
    expect(r.status).toBe(404)
    expect(r.json).toEqual({ error: "no app 'nope'" })
    expect((await get(`${agent.url}/api/hook`)).status).toBe(404)
    const m = await get(hook(SHOP.app))
    expect(m.status).toBe(405)
    expect(m.headers.get('allow')).toMatch(/POST/)
  })

  test('no route runs a command: ?shell= and /api/hook do nothing', async () => {
    const marker = join(tmpdir(), `gantry-agent-pwned-${process.pid}`)
    rmSync(marker, { force: true })
    const before = containers()
    const q = `?shell=${encodeURIComponent(`touch ${marker}`)}`
    const plain = await post(hook(SHOP.app, q), '{}', { 'content-type': 'application/json' })
    expect(plain.status).toBe(401)
    expect(plain.json.error).toMatch(
      /no credentials this app accepts \(github: X-Hub-Signature-256/
    )
    const api = await post(`${agent.url}/api/hook${q}`, '{}')
    expect(api.status).toBe(404)
    // Even well signed, `shell` is no parameter: the delivery is judged on its payload alone.
    const d = packageDelivery(shopImage, 'v9')
    const signed = await post(hook(SHOP.app, q), d.body, d.headers)
    expect(signed.status).toBe(422)
    await new Promise((r) => setTimeout(r, 500))
    expect(existsSync(marker)).toBe(false)
    expect(containers()).toBe(before)
  })

  test('a forged GitHub signature is 401, nothing runs, the log says why and leaks nothing', async () => {
    const before = containers()
    const body = JSON.stringify(githubPackageEvent({ image: shopImage, tag: 'v1' }))
    const forged = githubHeaders('not-the-secret', 'registry_package', body)
    const r = await post(hook(SHOP.app), body, forged)
    expect(r.status).toBe(401)
    expect(r.json.error).toBeTruthy()
    // Missing: GitHub's event header without a signature.
    const { 'x-hub-signature-256': _, ...unsigned } = githubHeaders(SECRETS.github, 'push', body)
    const m = await post(hook(SHOP.app), body, unsigned)
    expect(m.status).toBe(401)
    // A signature of the wrong shape.
    const bad = await post(hook(SHOP.app), body, { ...forged, 'x-hub-signature-256': 'sha1=abc' })
    expect(bad.status).toBe(401)
    await new Promise((r) => setTimeout(r, 300))
    const log = agent.log()
    // The spec's words are `signature does not match`; the header's name may lead.
    expect(log).toMatch(/signature\S* does not match/i)
    const expected = githubSignature(SECRETS.github, body).slice('sha256='.length)
    expect(log).not.toContain(expected)
    for (const s of Object.values(SECRETS)) expect(log).not.toContain(s)
    expect(containers()).toBe(before)
    const a = await apps()
    expect(a[SHOP.app]).toMatchObject({ running: null, waiting: null })
    expect(a[SHOP.app]!.last ?? null).toBeNull()
  })

  test('a stale Gantry signature (timestamp 1000 s old) is 401; the log gives its age', async () => {
    const before = containers()
    const body = JSON.stringify({ tag: 'v1' })
    const ts = Math.floor(Date.now() / 1000) - 1000
    const delivery = randomUUID()
    const mac = createHmac('sha256', SECRETS.gantry)
      .update(`${ts}.${delivery}.${body}`)
      .digest('hex')
    const r = await post(hook(SHOP.app), body, {
      'content-type': 'application/json',
      'x-gantry-timestamp': String(ts),
      'x-gantry-delivery': delivery,
      'x-gantry-signature': `sha256=${mac}`
    })
    expect(r.status).toBe(401)
    await new Promise((r) => setTimeout(r, 300))
    expect(agent.log()).toMatch(/timestamp.{0,8}1\d{3} s/i)
    expect(agent.log()).not.toContain(mac)
    expect(containers()).toBe(before)
  })

  test('a registry notification without the header secret is 401', async () => {
    const r = await post(hook(SHOP.app), JSON.stringify({ events: [] }), {
      'content-type': 'application/vnd.docker.distribution.events.v1+json',
      authorization: 'Bearer wrong'
    })
    expect(r.status).toBe(401)
  })

  test('a body over max-body is 413, by Content-Length and chunked; nothing runs', async () => {
    const before = containers()
    const big = 'x'.repeat(100_000)
    const d = githubHeaders(SECRETS.github, 'registry_package', big)
    const r = await post(hook(SHOP.app), big, d)
    expect(r.status).toBe(413)
    // Chunked: no Content-Length, cut at the limit. node:http reports the answer even when the
    // server stops reading (and closes) before the client has sent everything.
    const res = await new Promise<{ status: number | string }>((resolve) => {
      const req = httpRequest(hook(SHOP.app), {
        method: 'POST',
        headers: { ...d, 'transfer-encoding': 'chunked' }
      })
      req.on('response', (r) => {
        r.resume()
        resolve({ status: r.statusCode ?? 0 })
      })
      req.on('error', (e) => setTimeout(() => resolve({ status: `error: ${e.message}` }), 200))
      let i = 0
      const write = () => {
        if (i++ >= 10) return void req.end()
        req.write('y'.repeat(10_000), () => setTimeout(write, 5))
      }
      write()
    })
    expect(res.status).toBe(413)
    expect(containers()).toBe(before)
  })

  test('a tag that is not in the registry is 422 and names the tag and image', async () => {
    const r = await deliver(SHOP.app, shopImage, 'v9')
    expect(r.status).toBe(422)
    expect(r.json).toEqual({ error: `tag v9 of ${shopImage} is not in the registry` })
  })

  test('a GitHub ping is verified and ignored', async () => {
    const body = JSON.stringify({ zen: 'Design for failure.', hook_id: 480112233 })
    const r = await post(hook(SHOP.app), body, githubHeaders(SECRETS.github, 'ping', body))
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('ignored')
  })
})

describe('deploys of a compose app', () => {
  let firstDelivery: { id: string; body: string; headers: Record<string, string> }
  let firstJob: string

  test('a GitHub-signed package delivery deploys the digest the registry has for the tag', async () => {
    const id = randomUUID()
    const d = packageDelivery(shopImage, 'v1', SECRETS.github, id)
    firstDelivery = { id, ...d }
    const r = await post(hook(SHOP.app), d.body, d.headers)
    expect(r.status).toBe(202)
    const digest = await registryDigest(registry.httpUrl, 'agent-shop', 'v1')
    expect(r.json).toMatchObject({
      status: 'queued',
      app: SHOP.app,
      version: `v1@sha256:${short(digest!)}`
    })
    firstJob = r.json.job
    const job = await waitForJob(agent, SECRETS.bearer, firstJob)
    expect(job.state).toBe('succeeded')
    expect(job.log.length).toBeGreaterThan(0)
    expect(await served(SHOP.url)).toBe('v1')
    expect(runningImage(SHOP.app)).toBe(`${shopImage}@${digest}`)
    const a = await apps()
    expect(a[SHOP.app]!.current).toBe(`v1@sha256:${short(digest!)}`)
    const note = await sink.waitFor((x) => x.path === '/shop' && x.json?.status === 'deployed')
    expect(note.json.message).toContain('v1@')
  }, 120_000)

  test('the same delivery again is 200 duplicate and starts nothing', async () => {
    const before = containers()
    const r = await post(hook(SHOP.app), firstDelivery.body, firstDelivery.headers)
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ status: 'duplicate', job: firstJob })
    expect(containers()).toBe(before)
    expect((await apps())[SHOP.app]!.last?.job).toBe(firstJob)
  })

  test('a push to the registry deploys through its notifications', async () => {
    digests[`${shopImage}:v2`] = pushAs(RUNNER, sandbox.images.v2, `${shopImage}:v2`)
    const want = `v2@sha256:${short(digests[`${shopImage}:v2`]!)}`
    const deadline = Date.now() + 90_000
    let a = await apps()
    while (!(a[SHOP.app]!.current === want && a[SHOP.app]!.running === null)) {
      if (Date.now() > deadline)
        throw new Error(
          `no deploy of ${want} after the push: ${JSON.stringify(a[SHOP.app])}\n${agent.log().slice(-3000)}\nregistry:\n${registry.log().slice(-2000)}`
        )
      await new Promise((r) => setTimeout(r, 500))
      a = await apps()
    }
    expect(await served(SHOP.url)).toBe('v2')
    expect(runningImage(SHOP.app)).toBe(`${shopImage}@${digests[`${shopImage}:v2`]}`)
    const job = await waitForJob(agent, SECRETS.bearer, a[SHOP.app]!.last!.job)
    expect(job.via).toBe('registry')
    expect(job.state).toBe('succeeded')
  }, 120_000)

  test('a broken image rolls back by itself; the notification says so, with both versions', async () => {
    const v2 = `v2@sha256:${short(digests[`${shopImage}:v2`]!)}`
    const broken = `broken@sha256:${short(digests[`${shopImage}:broken`]!)}`
    const job = await accepted(await deliver(SHOP.app, shopImage, 'broken'))
    expect(job.state).toBe('rolled-back')
    expect(job.before).toBe(v2)
    expect(await served(SHOP.url)).toBe('v2')
    expect(runningImage(SHOP.app)).toBe(`${shopImage}@${digests[`${shopImage}:v2`]}`)
    const note = await sink.waitFor((x) => x.path === '/shop' && x.json?.status === 'rolled-back')
    expect(note.json.message).toContain(v2)
    expect(note.json.message).toContain(broken)
    const ntfy = await sink.waitFor(
      (x) => x.path !== '/shop' && x.body.includes('rolled') && x.body.includes('broken')
    )
    expect(ntfy.json?.topic ?? ntfy.path).toMatch(/shop-deploys/)
  }, 120_000)

  test('the json:// notification has the fields apprise sends to the same kind of target', async () => {
    const mine = sink.requests.find((x) => x.path === '/shop' && x.json)!
    // Asynchronously: the sink answering apprise lives in this process.
    await new Promise<void>((resolve, reject) =>
      execFile(
        'apprise',
        ['-t', 'deploy', '-b', 'hello', `json://127.0.0.1:${sink.port}/apprise`],
        (error) => (error ? reject(error) : resolve())
      )
    )
    const theirs = await sink.waitFor((x) => x.path === '/apprise')
    // apprise's json:// fields (it adds `attachments`, empty without files).
    for (const key of ['version', 'title', 'message', 'type']) {
      expect(theirs.json).toHaveProperty(key)
      expect(typeof mine.json[key]).toBe(typeof theirs.json[key])
    }
    expect(mine.json.version).toBe(theirs.json.version)
    expect(['info', 'success', 'warning', 'failure']).toContain(mine.json.type)
  }, 30_000)

  test('POST /apps/<app>/rollback {"to":"previous"} brings the previous version back', async () => {
    const before = await apps()
    expect(before[SHOP.app]!.previous).toMatch(/^v1@/)
    const r = await post(`${agent.url}/apps/${SHOP.app}/rollback`, '{"to":"previous"}', {
      authorization: `Bearer ${SECRETS.bearer}`,
      'content-type': 'application/json'
    })
    const job = await accepted(r)
    expect(job.state).toBe('succeeded')
    expect(await served(SHOP.url)).toBe('v1')
    const after = await apps()
    expect(after[SHOP.app]!.current).toBe(before[SHOP.app]!.previous)
  }, 120_000)

  test('a replayed delivery is still a duplicate after the agent restarts', async () => {
    await restartAgent()
    const before = containers()
    const r = await post(hook(SHOP.app), firstDelivery.body, firstDelivery.headers)
    expect(r.status).toBe(200)
    expect(r.json).toEqual({ status: 'duplicate', job: firstJob })
    expect(containers()).toBe(before)
  }, 60_000)

  const v2Ref = () => `${shopImage}@${digests[`${shopImage}:v2`]}`

  test('pruning keeps the image rollback needs, also through a nightly docker image prune', async () => {
    // v2, then v1: releases beyond keep-releases (2) are pruned; v2 (deployed before, now
    // again) is the previous release.
    expect((await accepted(await deliver(SHOP.app, shopImage, 'v2'))).state).toBe('succeeded')
    expect((await accepted(await deliver(SHOP.app, shopImage, 'v1'))).state).toBe('succeeded')
    const releases = () => readdirSync(join(host.home, 'gantry', SHOP.app, 'releases'))
    expect(releases().length).toBeLessThanOrEqual(2)
    const images = () =>
      docker('images', '--digests', '--format', '{{.Repository}}:{{.Tag}} {{.Digest}} {{.ID}}')
        .split('\n')
        .filter((l) => l.includes('agent-shop'))
        .join('\n')
    const beforePrune = images()
    // What the reference setups run nightly.
    docker('image', 'prune', '-f')
    let kept = true
    try {
      docker('image', 'inspect', v2Ref())
    } catch {
      kept = false
    }
    if (!kept)
      throw new Error(
        `the previous release's image ${v2Ref()} is gone; agent-shop images before the nightly prune:\n${beforePrune || '(none)'}\nafter:\n${images() || '(none)'}\nreleases: ${releases().join(' ')}`
      )
    // The broken release was pruned, and its image with it (pulled by digest, it has no tag that
    // any image prune would ever take).
    const brokenRef = `${shopImage}@${digests[`${shopImage}:broken`]}`
    expect(() => docker('image', 'inspect', brokenRef)).toThrow()
  }, 180_000)

  test('a rollback after the prune pulls nothing: it works with the registry down', async () => {
    await registry.stop()
    try {
      const r = await post(`${agent.url}/apps/${SHOP.app}/rollback`, '', {
        authorization: `Bearer ${SECRETS.bearer}`
      })
      const job = await accepted(r)
      if (job.state !== 'succeeded')
        throw new Error(`rollback ${job.state}: ${job.message}\n${job.log.slice(-15).join('\n')}`)
      expect(await served(SHOP.url)).toBe('v2')
      expect(runningImage(SHOP.app)).toBe(v2Ref())
    } finally {
      await registry.start()
    }
  }, 180_000)
})

describe('a CI job wakes the agent', () => {
  test('the notify action with a signing secret (json://) deploys the version it names', async () => {
    // Whatever serves now, ask for the other one.
    const want = (await served(SHOP.url)) === 'v1' ? 'v2' : 'v1'
    const last = (await apps())[SHOP.app]!.last?.job
    const r = await runAction('notify', {
      timeoutMs: 60_000,
      inputs: {
        urls: `json://127.0.0.1:${agentPort}/hooks/${SHOP.app}`,
        status: 'succeeded',
        version: want,
        'signing-secret': SECRETS.gantry
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toMatchObject({ ok: 'true', delivered: '1' })
    const deadline = Date.now() + 60_000
    let a = await apps()
    while (a[SHOP.app]!.last?.job === last || a[SHOP.app]!.running || a[SHOP.app]!.waiting) {
      if (Date.now() > deadline)
        throw new Error(
          `no run after notify: ${JSON.stringify(a[SHOP.app])}\n${agent.log().slice(-2000)}`
        )
      await new Promise((r) => setTimeout(r, 300))
      a = await apps()
    }
    const job = await waitForJob(agent, SECRETS.bearer, a[SHOP.app]!.last!.job)
    expect(job.via).toBe('gantry')
    expect(job.state).toBe('succeeded')
    expect(await served(SHOP.url)).toBe(want)
    expect(secretLeaks(r, [SECRETS.gantry])).toEqual([])
  }, 120_000)
})

describe('one run at a time per app', () => {
  const slowJob = async (tag: string) => deliver(SLOW.app, slowImage, tag)
  const marker = (name: string, on: boolean) =>
    on ? writeUserFile(host, join(dir, name), '', 0o644) : rmSync(join(dir, name), { force: true })

  test('baseline: v1 deploys', async () => {
    marker('slow', false)
    marker('hang', false)
    expect((await accepted(await slowJob('v1'))).state).toBe('succeeded')
    expect(await served(SLOW.url)).toBe('v1')
  }, 120_000)

  test('deliveries during a deploy coalesce to one more run, for the newest; each answered fast', async () => {
    marker('slow', true)
    const first = await slowJob('v2')
    expect(first.status).toBe(202)
    await waitForState(agent, SECRETS.bearer, first.json.job, 'running')
    const during = []
    for (const tag of ['v2', 'v1', 'v2', 'v1']) during.push(await slowJob(tag))
    for (const r of during) {
      expect(r.status).toBe(202)
      // The spec's bound is 200 ms at p99 (measured in the benchmark); a generous one here.
      expect(r.ms).toBeLessThan(1000)
    }
    const a = await apps()
    expect(a[SLOW.app]!.running).toBe(first.json.job)
    expect(a[SLOW.app]!.waiting).toBe(during.at(-1)!.json.job)
    marker('slow', false)
    const jobs = []
    for (const r of [first, ...during])
      jobs.push(await waitForJob(agent, SECRETS.bearer, r.json.job))
    expect(jobs.map((j) => j.state)).toEqual([
      'succeeded',
      'superseded',
      'superseded',
      'superseded',
      'succeeded'
    ])
    expect(jobs.filter((j) => j.startedAt).length).toBe(2)
    expect(jobs[4]!.version).toMatch(/^v1@sha256:/)
    // Strictly one after another.
    expect(Date.parse(jobs[4]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(jobs[0]!.endedAt!))
    expect(await served(SLOW.url)).toBe('v1')
  }, 180_000)

  test('different apps deploy in parallel: one deploys while another’s slow run goes on', async () => {
    marker('slow', true)
    try {
      const slow = await slowJob('v2')
      await waitForState(agent, SECRETS.bearer, slow.json.job, 'running')
      const other = (await served(SHOP.url)) === 'v1' ? 'v2' : 'v1'
      const job = await accepted(await deliver(SHOP.app, shopImage, other), 60_000)
      expect(job.state).toBe('succeeded')
      // The shop's run ended while the slow app's was still running.
      const still = await get(`${agent.url}/jobs/${slow.json.job}`, SECRETS.bearer)
      expect(still.json.state).toBe('running')
      marker('slow', false)
      expect((await waitForJob(agent, SECRETS.bearer, slow.json.job)).state).toBe('succeeded')
    } finally {
      marker('slow', false)
    }
  }, 120_000)

  test('an ssh-deploy over SSH of the same app waits on the agent’s lock and never interleaves', async () => {
    marker('slow', true)
    const r = await slowJob('v2')
    await waitForState(agent, SECRETS.bearer, r.json.job, 'running')
    const workspace = mkdtempSync(join(tmpdir(), 'gantry-agent-ssh-'))
    copyFileSync(sandbox.composeFile, join(workspace, 'docker-compose.yml'))
    try {
      const ssh = await runAction('ssh-deploy', {
        cwd: workspace,
        timeoutMs: 60_000,
        inputs: {
          hosts: `${host.user}@${host.address}`,
          key: readFileSync(sandbox.ssh.privateKeyPath, 'utf8'),
          'known-hosts': host.knownHosts,
          app: SLOW.app,
          env: `IMAGE=${sandbox.images.v1}`,
          'lock-timeout': '2s'
        }
      })
      expect(ssh.exitCode).toBe(1)
      expect(`${ssh.stdout}\n${ssh.stderr}`).toMatch(/deploy lock, held by .*gantry agent/)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
      marker('slow', false)
    }
    const job = await waitForJob(agent, SECRETS.bearer, r.json.job)
    expect(job.state).toBe('succeeded')
    expect(await served(SLOW.url)).toBe('v2')
  }, 180_000)

  test('a hung step is killed with its process group at step-timeout; the run is reported and v2 keeps serving', async () => {
    marker('hang', true)
    const t0 = Date.now()
    try {
      const job = await accepted(await slowJob('v1'), 90_000)
      expect(['rolled-back', 'failed']).toContain(job.state)
      expect(`${job.message} ${job.log.join('\n')}`).toMatch(/time(d)? ?out|step-timeout|12 ?s/i)
      expect(Date.now() - t0).toBeLessThan(60_000)
    } finally {
      marker('hang', false)
    }
    await new Promise((r) => setTimeout(r, 1000))
    expect(processesOf(host.user, HUNG_SLEEP)).toEqual([])
    expect(await served(SLOW.url)).toBe('v2')
    expect(runningImage(SLOW.app)).toBe(`${slowImage}@${digests[`${slowImage}:v2`]}`)
    const note = await sink.waitFor(
      (x) => x.path === '/slow' && ['failed', 'rolled-back'].includes(x.json?.status)
    )
    expect(note.json.message).toMatch(/v1@/)
  }, 120_000)

  test('the agent killed mid-deploy: restarted, the run is failed, the lock released, v2 serving', async () => {
    marker('hang', true)
    const r = await slowJob('v1')
    expect(r.status).toBe(202)
    await waitForState(agent, SECRETS.bearer, r.json.job, 'running')
    const deadline = Date.now() + 30_000
    while (processesOf(host.user, HUNG_SLEEP).length === 0) {
      if (Date.now() > deadline) throw new Error('the pre-deploy step never started')
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(existsSync(join(dir, 'state', 'runs', `${SLOW.app}.json`))).toBe(true)
    await new Promise((r) => setTimeout(r, 600)) // the running job's log reaches its file
    await agent.kill()
    marker('hang', false)
    // The hung step's process group outlived the agent (no systemd here to end the control group).
    expect(processesOf(host.user, HUNG_SLEEP).length).toBeGreaterThan(0)
    agent = await startAgent({ host, config, port: agentPort })
    const job = await waitForJob(agent, SECRETS.bearer, r.json.job, 60_000)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/interrupted: the agent stopped during this run/)
    // The restarted agent ended what the killed one left running, and the log of the run is kept.
    expect(processesOf(host.user, HUNG_SLEEP)).toEqual([])
    expect(job.log[0]).toMatch(new RegExp(`^Deploying ${SLOW.app} v1@sha256:`))
    expect(existsSync(join(dir, 'state', 'runs', `${SLOW.app}.json`))).toBe(false)
    expect(await served(SLOW.url)).toBe('v2')
    expect(await served(SLOW.url, '/health')).toMatch(/ok/)
    // The lock is free: the next deploy runs at once (lock-timeout would otherwise wait minutes).
    const next = await accepted(await slowJob('v1'), 90_000)
    expect(next.state).toBe('succeeded')
    expect(await served(SLOW.url)).toBe('v1')
  }, 180_000)
})

describe('registry polling', () => {
  test('a changed tag deploys with no webhook at all', async () => {
    digests[`${pollImage}:${POLL_TAG}`] = pushAs(
      RUNNER,
      sandbox.images.v1,
      `${pollImage}:${POLL_TAG}`
    )
    await new Promise((r) => setTimeout(r, 8000))
    const v2 = pushAs(RUNNER, sandbox.images.v2, `${pollImage}:${POLL_TAG}`)
    const want = `${POLL_TAG}@sha256:${short(v2)}`
    const deadline = Date.now() + 90_000
    let a = await apps()
    while (!(a[POLL.app]!.current === want && a[POLL.app]!.running === null)) {
      if (Date.now() > deadline)
        throw new Error(
          `polling did not deploy ${want}: ${JSON.stringify(a[POLL.app])}\n${agent.log().slice(-3000)}`
        )
      await new Promise((r) => setTimeout(r, 500))
      a = await apps()
    }
    expect(await served(POLL.url)).toBe('v2')
    expect(runningImage(POLL.app)).toBe(`${pollImage}@${v2}`)
    const job = await waitForJob(agent, SECRETS.bearer, a[POLL.app]!.last!.job)
    expect(job.via).toBe('poll')
  }, 150_000)
})

describe('a git app deployed by GitHub pushes', () => {
  const push = (branch: string, after: string) => {
    const body = JSON.stringify(githubPushEvent({ branch, after, repository: repo.url }))
    return post(hook('blog'), body, githubHeaders(SECRETS.github, 'push', body))
  }

  test('a push to main deploys main’s head from the git server', async () => {
    const job = await accepted(await push('main', repo.commits.v2), 120_000)
    expect(job.state).toBe('succeeded')
    expect(await served(host.appUrl, '/revision')).toBe(repo.commits.v2)
    expect(await served(host.appUrl, '/version')).toBe('v2')
  }, 150_000)

  test('a push to another branch is verified and ignored', async () => {
    const r = await push('broken', repo.commits.broken)
    expect(r.status).toBe(200)
    expect(r.json.status).toBe('ignored')
    expect(await served(host.appUrl, '/version')).toBe('v2')
  })

  test('a pushed commit that is not on the branch fails the job; main keeps serving', async () => {
    const job = await accepted(await push('main', repo.commits.broken), 120_000)
    expect(job.state).toBe('failed')
    expect(job.message).toMatch(/is not on branch main/)
    expect(await served(host.appUrl, '/version')).toBe('v2')
  }, 150_000)
})

describe('operations: check and install', () => {
  test('check accepts the running config and names its apps', () => {
    const r = runAgentCli(['check', '--config', config], { host })
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(new RegExp(`^ok: ${config}: 4 app\\(s\\): `, 'm'))
    expect(r.stdout).toContain(`${SHOP.app} (compose, triggers github`)
  })

  test('check on a bad config prints file:line: key: problem and exits 1', () => {
    const bad = join(dir, 'bad.yml')
    writeUserFile(
      host,
      bad,
      [
        `token-file: ${join(dir, 'bearer.secret')}`,
        'apps:',
        '  shop:',
        '    image: 127.0.0.1:5000/shop',
        "    tagz: ['v*']",
        '    triggers:',
        '      github: { secret: hunter2 }',
        ''
      ].join('\n'),
      0o644
    )
    const r = runAgentCli(['check', '--config', bad], { host })
    expect(r.code).toBe(1)
    const out = `${r.stdout}${r.stderr}`
    expect(out).toContain(`${bad}:5: apps.shop.tagz:`)
    expect(out).toMatch(/did you mean .?tags/)
    expect(out).toMatch(
      new RegExp(`${bad}:7: apps\\.shop\\.triggers\\.github\\.secret: .*secret-file or secret-env`)
    )
    expect(out).not.toContain('hunter2')
  })

  test('check names a missing secret file without printing any secret', () => {
    const missing = join(dir, 'missing.yml')
    writeUserFile(
      host,
      missing,
      [
        `token-file: ${join(dir, 'no-such-token')}`,
        'apps:',
        '  shop:',
        '    image: 127.0.0.1:5000/shop',
        "    tags: ['v*']",
        '    triggers:',
        `      github: { secret-file: ${join(dir, 'github.secret')} }`,
        ''
      ].join('\n'),
      0o644
    )
    const r = runAgentCli(['check', '--config', missing], { host })
    expect(r.code).toBe(1)
    expect(`${r.stdout}${r.stderr}`).toContain(join(dir, 'no-such-token'))
    expect(`${r.stdout}${r.stderr}`).not.toContain(SECRETS.github)
  })

  test('install --unit-dir writes a unit systemd accepts, and runs nothing', () => {
    const units = mkdtempSync(join(tmpdir(), 'gantry-agent-unit-'))
    try {
      const r = runAgentCli([
        'install',
        '--config',
        config,
        '--user',
        host.user,
        '--unit-dir',
        units
      ])
      expect(r.code).toBe(0)
      const file = join(units, 'gantry-agent.service')
      expect(r.stdout).toContain(file)
      expect(r.stdout).toContain('systemctl daemon-reload && systemctl enable --now gantry-agent')
      const unit = readFileSync(file, 'utf8')
      for (const line of [
        'Type=simple',
        `User=${host.user}`,
        'Group=docker',
        'Restart=on-failure',
        'ProtectSystem=strict',
        // SIGTERM to the agent alone: the running step's grace applies (control-group signalled
        // every step at once).
        'KillMode=mixed',
        'TimeoutStopSec=45'
      ])
        expect(unit).toMatch(new RegExp(`^${line}$`, 'm'))
      // `sudo` in a `restart:` (the README's git example) must work.
      expect(unit).not.toMatch(/^NoNewPrivileges=/m)
      expect(unit).toMatch(
        new RegExp(`^ExecStart=\\S*node\\S* \\S+ agent --config ${config}$`, 'm')
      )
      const writable = /^ReadWritePaths=(.*)$/m.exec(unit)?.[1]?.split(' ') ?? []
      expect(writable).toContain(join(dir, 'state'))
      // The apps use the default path, ~/gantry of the service's user: ProtectSystem=strict
      // leaves everything else read-only, so each app's directory there must be listed.
      for (const app of [SHOP.app, SLOW.app, POLL.app, 'blog'])
        expect(writable).toContain(join(host.home, 'gantry', app))
      if (existsSync('/usr/bin/systemd-analyze')) {
        const v = (() => {
          try {
            return {
              code: 0,
              out: execFileSync('systemd-analyze', ['verify', file], {
                encoding: 'utf8',
                stdio: ['ignore', 'pipe', 'pipe']
              })
            }
          } catch (e) {
            const err = e as { status: number; stderr: string }
            return { code: err.status, out: err.stderr }
          }
        })()
        // Lines about the file itself (not about the machine's other units).
        const own = v.out.split('\n').filter((l) => l.includes('gantry-agent.service'))
        expect(own).toEqual([])
      }
    } finally {
      rmSync(units, { recursive: true, force: true })
    }
  })

  test('logs: one text line per event; with log-format: json, one JSON object per line', async () => {
    // The running agent (text; restarted after the kill, then it deployed agentslow v1): a line
    // per event carries the time, the app, the job and the version.
    expect(agent.log()).toMatch(
      new RegExp(
        `^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z ${SLOW.app} job \\S+ .*v\\d@sha256:[0-9a-f]{12}`,
        'm'
      )
    )
    await agent.stop()
    writeConfig({ 'log-format': 'json' })
    try {
      agent = await startAgent({ host, config, port: agentPort })
      const body = JSON.stringify(githubPackageEvent({ image: shopImage, tag: 'v1' }))
      const r = await post(hook(SHOP.app), body, githubHeaders('forged', 'registry_package', body))
      expect(r.status).toBe(401)
      await new Promise((r) => setTimeout(r, 300))
      await agent.stop()
      const lines = agent
        .log()
        .split('\n')
        .filter((l) => l.trim())
      expect(lines.length).toBeGreaterThan(1)
      const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
      for (const e of events)
        expect(Object.keys(e)).toEqual(expect.arrayContaining(['time', 'level', 'event']))
      expect(
        events.some((e) => e.app === SHOP.app && JSON.stringify(e).match(/does not match/))
      ).toBe(true)
      expect(agent.log()).not.toContain(SECRETS.github)
    } finally {
      writeConfig()
    }
    agent = await startAgent({ host, config, port: agentPort })
  }, 60_000)

  test('SIGTERM stops the agent with exit 0', async () => {
    const e = await agent.stop()
    expect(e).toEqual({ code: 0, signal: null })
    agent = await startAgent({ host, config, port: agentPort })
  }, 60_000)
})
