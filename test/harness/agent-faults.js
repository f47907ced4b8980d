// `gantry agent` killed outright (SIGKILL) mid-deploy and started again, on a sandbox host, for
// the fault tests (test/integration/agent-faults.test.ts) and the benchmark
// (scripts/bench-agent-faults.mjs): a compose app and a blue-green app whose hooks hang while a
// marker file exists (one distinct `sleep` per kill point, by which the step is found), the kill
// and restart, and what a user checks afterwards (what serves, the release dirs, the lock).
import { copyFileSync, rmSync } from 'node:fs'
import http from 'node:http'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { post, processesOf, waitForState, writeUserFile } from './agent.js'
import { onHost } from './hosts.js'

// One sleep per kill point: the step the agent is killed in is found by it.
export const HANG = {
  pre: 'sleep 611',
  post: 'sleep 612',
  bgPre: 'sleep 613',
  bgPublic: 'sleep 614'
}
/** A compose pre-deploy step that ends by itself, well within the agent's 30 s stop grace, while its marker exists. */
export const SLOW = { step: 'sleep 6.15', marker: 'slow-pre' }

/** The marker file (in the test's directory) that makes each hook hang. */
export const MARKER = {
  pre: 'hang-pre',
  post: 'hang-post',
  bgPre: 'hang-bg-pre',
  bgPublic: 'hang-bg-public'
}

/**
 * The agent config's `apps` for a compose app `shop` ({ app, addr }: it listens on addr) and a
 * blue-green app `bg` ({ app, route }: behind the host's HAProxy) of `image`, their compose files
 * copied into `dir` (see copyComposeFiles), deployed on a token trigger whose secret is in
 * `secretFile`; their hooks hang while the markers in `dir` exist.
 */
export function faultApps({ dir, image, secretFile, shop, bg }) {
  const when = (name) => `[ -e ${join(dir, MARKER[name])} ]`
  const common = {
    image,
    tags: ['v*'],
    'health-timeout': '30s',
    'lock-timeout': '30s',
    triggers: { token: { 'secret-file': secretFile } }
  }
  return {
    [shop.app]: {
      ...common,
      'compose-file': 'docker-compose.yml',
      env: `APP_ADDR=${shop.addr}\n`,
      'health-url': `http://${shop.addr}/health`,
      'pre-deploy': `if ${when('pre')}; then ${HANG.pre}; fi; if [ -e ${join(dir, SLOW.marker)} ]; then ${SLOW.step}; fi`,
      'post-deploy': `if ${when('post')}; then ${HANG.post}; fi`
    },
    [bg.app]: {
      ...common,
      'compose-file': 'docker-compose.blue-green.yml',
      strategy: 'blue-green',
      'route-host': bg.route,
      'drain-timeout': '5s',
      'health-url': 'http://127.0.0.1/health',
      'pre-deploy': `if ${when('bgPre')}; then ${HANG.bgPre}; fi`,
      'post-deploy-test': `if [ "$GANTRY_TEST_PHASE" = public ] && ${when('bgPublic')}; then ${HANG.bgPublic}; fi`
    }
  }
}

/** The demo app's compose files (recreate and blue-green) copied into `dir`, readable by all. */
export function copyComposeFiles(root, dir) {
  for (const file of ['docker-compose.yml', 'docker-compose.blue-green.yml']) {
    copyFileSync(join(root, 'test', 'sandbox', 'demo-app', file), join(dir, file))
  }
}

/** A token-trigger delivery of `tag` to `app`; resolves the job's id (throws unless 202). */
export async function deliver(agent, app, secret, tag) {
  // A nonce: the body is the delivery's id, and each delivery is a new one.
  const body = JSON.stringify({ tag, nonce: Math.random() })
  const r = await post(`${agent.url}/hooks/${app}?token=${secret}`, body, {
    'content-type': 'application/json'
  })
  if (r.status !== 202) throw new Error(`expected 202, got ${r.status} ${r.text}`)
  return r.json.job
}

export async function waitForProcess(host, needle, agent) {
  const deadline = Date.now() + 90_000
  while (processesOf(host.user, needle).length === 0) {
    if (Date.now() > deadline)
      throw new Error(`${needle} never started:\n${agent.log().slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/**
 * Delivers `tag` to `app`, SIGKILLs the agent while the hook of kill point `point` (a HANG key)
 * runs, and starts it again with `start()` (which resolves once it serves, i.e. after its
 * recovery), running `whileStarting()` (if given) from the restart on, alongside. Resolves
 * `{ agent, job, restartedAt, during }`: the new agent, the interrupted job's id, the restart's
 * performance.now() and what whileStarting resolved.
 */
export async function killDuring({
  host,
  dir,
  agent,
  start,
  token,
  secret,
  app,
  tag,
  point,
  whileStarting = async () => undefined
}) {
  const marker = join(dir, MARKER[point])
  writeUserFile(host, marker, '', 0o644)
  const job = await deliver(agent, app, secret, tag)
  await waitForState(agent, token, job, 'running')
  await waitForProcess(host, HANG[point], agent)
  await agent.kill()
  rmSync(marker, { force: true })
  const restartedAt = performance.now()
  const [next, during] = await Promise.all([start(), whileStarting()])
  return { agent: next, job, restartedAt, during }
}

/**
 * GETs `path` of `url` (with `headers`, e.g. the proxy's Host) → the body when 200, else
 * `HTTP <status>` or `unreachable (…)`.
 */
export function fetchText(url, path, headers = {}) {
  return new Promise((resolve) => {
    const req = http.get(`${url}${path}`, { headers, timeout: 3000, agent: false }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve(res.statusCode === 200 ? body.trim() : `HTTP ${res.statusCode}`))
    })
    req.on('error', (e) => resolve(`unreachable (${e.message})`))
    req.on('timeout', () => req.destroy(new Error('timeout')))
  })
}

/** What answers at `url`/version (the demo app's version), or why nothing does. */
export const served = (url, headers = {}) => fetchText(url, '/version', headers)

/** The versions whose release directories are on the host for `app`. */
export function keptReleases(sandbox, host, app) {
  return onHost(
    sandbox,
    host,
    `cat ~/gantry/${app}/releases/*/release.json 2>/dev/null | sed -n 's/.*"version":"\\([^@"]*\\).*/\\1/p' | sort -u`
  )
    .split('\n')
    .filter(Boolean)
}

/** `held` when the app's deploy lock is on the host, else `free`. */
export const lockState = (sandbox, host, app) =>
  onHost(sandbox, host, `[ -e ~/gantry/${app}/.lock ] && echo held || echo free`).trim()

/**
 * Removes what the apps left on the host: their containers (a blue-green app's slots too), their
 * directories and proxy records, and any hook still hanging.
 */
export function cleanFaultApps(sandbox, host, { shop, bg }) {
  for (const needle of Object.values(HANG))
    for (const p of processesOf(host.user, needle)) process.kill(p.pid, 'SIGKILL')
  const projects = [shop.app, `${bg.app}-blue`, `${bg.app}-green`, bg.app]
  onHost(
    sandbox,
    host,
    `for p in ${projects.join(' ')}; do ids=$(docker ps -aq --filter label=com.docker.compose.project=$p); [ -z "$ids" ] || docker rm -f $ids >/dev/null; done; ` +
      `rm -rf ~/gantry/${shop.app} ~/gantry/${bg.app} ~/gantry-proxy/apps/${bg.app}.json ~/gantry-proxy/haproxy/maps/${bg.app}.map; true`
  )
}
