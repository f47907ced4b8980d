// `gantry agent` as a user runs it, for the integration tests, the benchmark and the demo: the
// real CLI bundle started as a sandbox host's unprivileged user (its own Docker engine and home),
// a throwaway distribution registry whose notifications call the agent, a sink that records the
// notifications it sends, and webhook deliveries signed as GitHub documents them.
import { execFileSync, spawn } from 'node:child_process'
import { createHmac, randomUUID } from 'node:crypto'
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { performance } from 'node:perf_hooks'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MANIFEST_TYPES } from '../sandbox/images.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const CLI = join(ROOT, 'dist', 'cli', 'index.js')
/** startAgent's `cli` that runs the sources (the tsx loader and src/cli/index.ts), no bundle. */
export const SOURCES_CLI = [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
  join(ROOT, 'src', 'cli', 'index.ts')
]

/** uid and gid of a sandbox host's user (`getent passwd`). */
export function userIds(user) {
  const [, , uid, gid] = execFileSync('getent', ['passwd', user], { encoding: 'utf8' })
    .trim()
    .split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** A loopback port nobody holds right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createNetServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** A temporary directory owned by the host's user (mode 0750), for config, secrets and state. */
export function userDir(host, prefix = 'gantry-agent-') {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const { uid, gid } = userIds(host.user)
  chownSync(dir, uid, gid)
  chmodSync(dir, 0o750)
  return dir
}

/** Writes a file the host's user owns (secrets: mode 0600). */
export function writeUserFile(host, path, content, mode = 0o600) {
  const { uid, gid } = userIds(host.user)
  writeFileSync(path, content, { mode })
  chmodSync(path, mode)
  chownSync(path, uid, gid)
  return path
}

/**
 * Starts `node dist/cli/index.js agent <args>` as the host's user (setpriv: its uid, gid and
 * supplementary groups, as systemd's User= would), with that host's DOCKER_HOST and HOME and
 * nothing else of ours in its environment. Resolves once GET /healthz answers 200. `cli`: node's
 * arguments before `agent` (default: the bundle; a test of the sources passes a loader and
 * src/cli/index.ts).
 */
export async function startAgent({
  host,
  config,
  port,
  args = [],
  env = {},
  readyMs = 20000,
  cli = [CLI]
}) {
  const { uid, gid } = userIds(host.user)
  const child = spawn(
    '/usr/bin/setpriv',
    [
      `--reuid=${uid}`,
      `--regid=${gid}`,
      '--init-groups',
      '--',
      process.execPath,
      ...cli,
      'agent',
      '--config',
      config,
      ...args
    ],
    {
      cwd: '/',
      env: {
        PATH: '/usr/local/bin:/usr/bin:/bin',
        HOME: host.home,
        USER: host.user,
        LOGNAME: host.user,
        LANG: 'C.UTF-8',
        DOCKER_HOST: host.dockerHost,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal }))
  )
  let exit = null
  exited.then((e) => (exit = e))
  const url = `http://127.0.0.1:${port}`
  const agent = {
    pid: child.pid,
    url,
    port,
    /** Everything it wrote to stdout and stderr so far. */
    log: () => output,
    exited,
    exit: () => exit,
    /** SIGTERM, then waits for the exit (SIGKILL after `ms`). */
    async stop(ms = 40000) {
      if (exit) return exit
      child.kill('SIGTERM')
      const t = setTimeout(() => child.kill('SIGKILL'), ms)
      const e = await exited
      clearTimeout(t)
      return e
    },
    /** SIGKILL: the agent dies mid-whatever, as on an OOM kill or a power cut. */
    async kill() {
      if (exit) return exit
      child.kill('SIGKILL')
      return exited
    }
  }
  const deadline = Date.now() + readyMs
  for (;;) {
    if (exit)
      throw new Error(`the agent exited (${JSON.stringify(exit)}) before serving:\n${output}`)
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) })
      if (res.status === 200) return agent
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await agent.kill()
      throw new Error(`the agent did not answer /healthz within ${readyMs} ms:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Runs `gantry agent <args>` to its end (check, install) as root or as `host`'s user. */
export function runAgentCli(args, { host } = {}) {
  const ids = host ? userIds(host.user) : {}
  try {
    const stdout = execFileSync(process.execPath, [CLI, 'agent', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ids
    })
    return { code: 0, stdout, stderr: '' }
  } catch (error) {
    return { code: error.status ?? 1, stdout: error.stdout ?? '', stderr: error.stderr ?? '' }
  }
}

/** `sha256=<hex>`: GitHub's X-Hub-Signature-256, HMAC-SHA256 of the raw body with the secret. */
export const githubSignature = (secret, body) =>
  `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`

/** The headers GitHub sends with one delivery of `event`. */
export function githubHeaders(secret, event, body, delivery = randomUUID()) {
  return {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/5f7e0c1',
    'x-github-event': event,
    'x-github-delivery': delivery,
    'x-github-hook-id': '480112233',
    'x-hub-signature-256': githubSignature(secret, body)
  }
}

// Real events differ from each other (a package version's id and time; a push's commits): the
// agent takes a GitHub delivery's id from its signed body, so two events here must differ too.
let eventSerial = 0
const eventTime = () => new Date(Date.now() + eventSerial++).toISOString()

/** A `registry_package` (published) payload for a container tag, shaped as GitHub sends it. */
export function githubPackageEvent({ image, tag, digest = '' }) {
  const at = eventTime()
  const [registry, ...rest] = image.split('/')
  const name = rest.join('/')
  return {
    action: 'published',
    registry_package: {
      id: 1001,
      name: name.split('/').pop(),
      namespace: 'acme',
      ecosystem: 'CONTAINER',
      package_type: 'CONTAINER',
      registry: { name: 'GitHub CR', url: `https://${registry}`, vendor: 'GitHub Inc' },
      created_at: at,
      updated_at: at,
      package_version: {
        id: 2002 + eventSerial,
        name: digest,
        created_at: at,
        updated_at: at,
        version: digest,
        package_url: `${image}:${tag}`,
        container_metadata: {
          tag: { name: tag, digest },
          manifest: { digest, media_type: 'application/vnd.oci.image.manifest.v1+json' }
        }
      }
    },
    repository: { id: 77, name: 'shop', full_name: 'acme/shop' },
    sender: { login: 'octocat', id: 1 }
  }
}

/** A `push` payload for a branch, shaped as GitHub sends it. */
export function githubPushEvent({ branch, after, before = '0'.repeat(40), repository }) {
  return {
    ref: `refs/heads/${branch}`,
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    compare: `https://github.com/acme/blog/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: [{ id: after, message: 'release', author: { name: 'Octo Cat' } }],
    head_commit: { id: after, message: 'release', author: { name: 'Octo Cat' } },
    repository: {
      id: 78,
      name: 'blog',
      full_name: 'acme/blog',
      ssh_url: repository,
      pushed_at: Math.floor(Date.now() / 1000) // Unix seconds in push payloads
    },
    pusher: { name: 'octocat' },
    sender: { login: 'octocat', id: 1 }
  }
}

/**
 * POSTs raw `body` (a string or Buffer) and resolves `{ status, json, text, headers, ms }`, the
 * time from the request to the whole answer.
 */
export async function post(url, body, headers = {}) {
  const t0 = performance.now()
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body,
    signal: AbortSignal.timeout(20000)
  })
  const text = await res.text()
  const ms = performance.now() - t0
  let json
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json, text, headers: res.headers, ms }
}

/** GET with an optional bearer token → `{ status, json, headers }`. */
export async function get(url, token) {
  const res = await fetch(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: AbortSignal.timeout(10000)
  })
  const text = await res.text()
  let json
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, json, text, headers: res.headers }
}

const FINAL = new Set(['succeeded', 'rolled-back', 'failed', 'superseded'])

/** Polls GET /jobs/<id> until the job is in a final state; returns the JobRecord. */
export async function waitForJob(agent, token, id, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    const r = await get(`${agent.url}/jobs/${id}`, token).catch((e) => ({ status: 0, error: e }))
    if (r.status === 200) {
      last = r.json
      if (FINAL.has(last.state)) return last
    }
    if (Date.now() > deadline)
      throw new Error(
        `job ${id} did not finish within ${timeoutMs} ms; last: ${JSON.stringify(last)}\nagent log:\n${agent.log().slice(-4000)}`
      )
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Polls GET /jobs/<id> until its state is `state` (e.g. running). */
export async function waitForState(agent, token, id, state, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs
  let last
  for (;;) {
    const r = await get(`${agent.url}/jobs/${id}`, token).catch(() => ({ status: 0 }))
    if (r.status === 200) {
      last = r.json
      if (last.state === state) return last
      if (FINAL.has(last.state))
        throw new Error(`job ${id} ended ${last.state} before it was ${state}: ${last.message}`)
    }
    if (Date.now() > deadline)
      throw new Error(`job ${id} was not ${state} within ${timeoutMs} ms: ${JSON.stringify(last)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * An HTTP server on loopback that records every request (method, path, headers, body) and
 * answers 200 `{}`: the far end of json:// and ntfy:// notification targets.
 */
export async function startSink() {
  const requests = []
  const waiters = []
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (d) => (body += d))
    req.on('end', () => {
      let json
      try {
        json = JSON.parse(body)
      } catch {
        json = undefined
      }
      const r = { method: req.method, path: req.url, headers: req.headers, body, json }
      requests.push(r)
      for (const w of waiters.splice(0)) w()
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{}')
    })
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address()
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Resolves the first recorded request (from now on or already there) that `match` accepts. */
    async waitFor(match, timeoutMs = 30000) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = requests.find(match)
        if (found) return found
        if (Date.now() > deadline)
          throw new Error(
            `no matching notification within ${timeoutMs} ms; got: ${JSON.stringify(requests.map((x) => x.body))}`
          )
        await new Promise((r) => {
          waiters.push(r)
          setTimeout(r, 250)
        })
      }
    },
    close: () => new Promise((r) => server.close(r))
  }
}

/**
 * The CNCF distribution registry (Debian's docker-registry, as the sandbox runs it) on another
 * loopback port, its storage in a temp dir, its notifications going to `notify.url` with the
 * header secret (from the start, or with `quiet` only once `start()` is called again, so that
 * pushes that fill it first notify nobody: the registry keeps retrying an endpoint that is
 * down). `stop()` ends it (by its pid); `start()` brings it back on the same storage.
 */
export async function startRegistry({ port, notify, quiet = false }) {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-agent-registry-'))
  mkdirSync(join(dir, 'data'))
  const config = (withNotifications) => ({
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: join(dir, 'data') }, delete: { enabled: true } },
    http: { addr: `127.0.0.1:${port}` },
    ...(notify && withNotifications
      ? {
          notifications: {
            endpoints: [
              {
                name: 'agent',
                url: notify.url,
                headers: { Authorization: [`Bearer ${notify.secret}`] },
                timeout: '2s',
                threshold: 3,
                backoff: '1s'
              }
            ]
          }
        }
      : {})
  })
  let child
  let output = ''
  const registry = {
    url: `127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    log: () => output,
    /** Starts it, calling the agent on every push unless `withNotifications` is false. */
    async start(withNotifications = true) {
      // JSON is YAML: the registry's config generated from data.
      writeFileSync(join(dir, 'config.yml'), JSON.stringify(config(withNotifications), null, 2))
      child = spawn('/usr/bin/docker-registry', ['serve', join(dir, 'config.yml')], {
        stdio: ['ignore', 'pipe', 'pipe']
      })
      child.stdout.on('data', (d) => (output += d))
      child.stderr.on('data', (d) => (output += d))
      const deadline = Date.now() + 15000
      for (;;) {
        try {
          const res = await fetch(`${registry.httpUrl}/v2/`, { signal: AbortSignal.timeout(1000) })
          if (res.status === 200) return
        } catch {
          // starting
        }
        if (Date.now() > deadline) throw new Error(`the registry did not start:\n${output}`)
        await new Promise((r) => setTimeout(r, 100))
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return
      const gone = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await gone
    },
    async dispose() {
      await registry.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  await registry.start(!quiet)
  return registry
}

/** Tags `from` (on the runner engine) as `to` and pushes it; returns the pushed digest. */
export function pushAs(runnerDockerHost, from, to) {
  const env = { ...process.env, DOCKER_HOST: runnerDockerHost }
  execFileSync('docker', ['tag', from, to], { env })
  const out = execFileSync('docker', ['push', to], { env, encoding: 'utf8' })
  const m = /digest: (sha256:[0-9a-f]{64})/.exec(out)
  if (!m) throw new Error(`docker push ${to} printed no digest:\n${out}`)
  return m[1]
}

/** The manifest digest the registry (http base URL) has for `repository:tag`, or null. */
export async function registryDigest(httpUrl, repository, tag) {
  const res = await fetch(`${httpUrl}/v2/${repository}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { accept: MANIFEST_TYPES },
    signal: AbortSignal.timeout(5000)
  })
  return res.status === 200 ? res.headers.get('docker-content-digest') : null
}

/** The processes of `user` whose command line contains `needle`: `[{ pid, args }]`. */
export function processesOf(user, needle) {
  let out = ''
  try {
    out = execFileSync('ps', ['-u', user, '-o', 'pid=,pgid=,args='], { encoding: 'utf8' })
  } catch {
    return []
  }
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && l.includes(needle))
    .map((l) => {
      const [pid, pgid, ...args] = l.split(/\s+/)
      return { pid: Number(pid), pgid: Number(pgid), args: args.join(' ') }
    })
    .filter((p) => !p.args.startsWith('ps '))
}

export { randomUUID }

/**
 * Removes from a host's engine every image reference (tag or digest) of the repositories
 * `repository` matches (the whole name, registry included, e.g. /\/agent-(shop|slow)$/): what a
 * run's apps and their `gantry-<release>` tags left behind.
 */
export function removeImages(host, repository) {
  const env = { ...process.env, DOCKER_HOST: host.dockerHost }
  const out = execFileSync(
    'docker',
    ['images', '--digests', '--format', '{{.Repository}} {{.Tag}} {{.Digest}}'],
    { env, encoding: 'utf8' }
  )
  const refs = new Set()
  for (const line of out.split('\n')) {
    const [repo, tag, digest] = line.split(' ')
    if (!repo || !repository.test(repo)) continue
    if (tag && tag !== '<none>') refs.add(`${repo}:${tag}`)
    if (digest && digest !== '<none>') refs.add(`${repo}@${digest}`)
  }
  for (const ref of refs) {
    try {
      execFileSync('docker', ['rmi', ref], { env, stdio: 'ignore' })
    } catch {
      // used by a container, or gone with an earlier reference
    }
  }
  return refs.size
}
