// The sandbox as a whole: `up` (idempotent, parallel), `down` (stops exactly what up started)
// and `status`. The CLI (cli.js) and jest's global setup (global-setup.js) both call these.
import { mkdir, readdir, readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import process from 'node:process'
import {
  DEFAULT_HOSTS,
  GIT_APP,
  MAX_HOSTS,
  REGISTRY_USER,
  SOURCE_DIR,
  USER_COMMENT_PREFIX,
  layout,
  stateDir
} from './config.js'
import {
  engineLayout,
  enginePing,
  engineIsOurs,
  ensureEngine,
  stopEngine,
  unmountUnder
} from './engine.js'
import {
  describeHost,
  ensureHost,
  ensureUser,
  hostLayout,
  removeHostFiles,
  removeUser,
  stopHost
} from './hosts.js'
import { describeGit, ensureGitServer, gitLayout, stopGitServer } from './git.js'
import { ensureImages, imageRefs } from './images.js'
import { ensureKubernetes, k8sLayout, kubernetesParts, stopKubernetes } from './k8s.js'
import { ensurePackages } from './packages.js'
import { describeProxies, ensureProxies, proxyParts } from './proxy.js'
import { ensureRegistry, registryAnswers, registryLayouts, stopRegistry } from './registry.js'
import { describeSlack, ensureSlack, slackLayout, slackRunning, stopSlack } from './slack.js'
import {
  describeSupervisor,
  ensureSupervisor,
  stopSupervisor,
  supervisorLayout,
  supervisorRunning
} from './supervisor.js'
import {
  describeSwarm,
  ensureSwarmHost,
  ourGatewayBridge,
  stopSwarmHost,
  swarmHostLayout,
  swarmIsActive
} from './swarm.js'
import { readBanner } from './lib/net.js'
import { cmdlineOf, findProcesses, isOurs, run, stopProcess } from './lib/proc.js'
import {
  allOrReport,
  createLog,
  randomToken,
  readJson,
  sleep,
  writeIfChanged,
  writeJsonAtomic
} from './lib/util.js'

// ---------------------------------------------------------------------------------------------
// up

/**
 * Brings the sandbox up, starting only what is not running, and writes the description.
 * `hosts`: wanted number of deploy hosts (default: as many as now, 3 the first time).
 */
export async function up({ hosts, dir = stateDir(), log = createLog() } = {}) {
  assertRoot('up')
  const L = layout(dir)
  return withLock(L, async () => {
    await ensurePackages(log)
    const state = await loadState(L)
    const count = hostCount(hosts, state)
    state.hostCount = count
    const save = stateSaver(L, state)
    await save()
    await recordSystemPaths(state, save)
    const c = components(L, count)
    const clientKey = await ensureClientKey(L)
    for (const h of [...c.hosts, c.swarm]) await ensureUser(h) // useradd locks /etc/passwd: one at a time
    await ensureUser(c.git, { groups: [] })

    try {
      await startAll(c, { L, state, save, clientKey, log })
      await writeIfChanged(
        L.composeFile,
        await readFile(join(SOURCE_DIR, 'demo-app', 'docker-compose.yml'), 'utf8')
      )
      await writeIfChanged(
        L.stackFile,
        await readFile(join(SOURCE_DIR, 'demo-app', 'stack.yml'), 'utf8')
      )
      const description = await describe(L, state, c, clientKey)
      await writeIfChanged(
        description.ssh.knownHostsFile,
        [...description.hosts, description.swarm.host].map((h) => h.knownHosts).join('\n') + '\n'
      )
      await writeJsonAtomic(L.description, description)
      log(`sandbox up: ${count} host(s), description in ${L.description}`)
      return description
    } finally {
      await save()
    }
  })
}

/** Everything that runs, as layouts (paths, addresses) without any I/O. */
function components(L, count) {
  return {
    runner: engineLayout(L.runner, { group: 'root' }), // the CI runner's engine: root only
    registries: registryLayouts(L.registries),
    slack: slackLayout(L.slack),
    hosts: Array.from({ length: count }, (_, i) => hostLayout(L.hosts, i + 1)),
    swarm: swarmHostLayout(L),
    kubernetes: k8sLayout(L.dir),
    git: gitLayout(L)
  }
}

async function startAll(c, { L, state, save, clientKey, log }) {
  const { pids, secrets } = state
  // Pids are saved the moment a daemon is spawned; the keys started now get a "ready" line.
  const started = new Set()
  const saveSpawned = (spawned) => {
    Object.keys(spawned).forEach((key) => started.add(key))
    return save(spawned)
  }
  const recorder = (key) => (pid) => saveSpawned({ [key]: pid })
  const ready = (keys, what) => (value) => {
    if (keys.some((k) => started.has(k))) log(`${what} ready`)
    return value
  }

  const runnerReady = ensureEngine(c.runner, pids.runner, { log, onSpawn: recorder('runner') })
    .then((pid) => (pids.runner = pid))
    .then(ready(['runner'], `runner engine ${c.runner.dockerHost}`))
  const registriesReady = Promise.all(
    c.registries.map((r) =>
      ensureRegistry(r, pids[r.name], {
        password: secrets.registryPassword,
        httpSecret: secrets.registryHttpSecret,
        log,
        onSpawn: recorder(r.name)
      })
        .then((pid) => (pids[r.name] = pid))
        .then(ready([r.name], `registry ${r.url}`))
    )
  )
  // Images need both; if either failed, that failure is already reported.
  const imagesReady = Promise.all([runnerReady, registriesReady]).then(
    () =>
      ensureImages({
        runner: c.runner,
        registries: c.registries,
        password: secrets.registryPassword,
        dir: L.images,
        log
      }),
    () => {}
  )
  const slackReady = ensureSlack(c.slack, pids.slack, {
    token: secrets.slackToken,
    webhookSecret: secrets.webhookSecret,
    log,
    onSpawn: recorder('slack')
  })
    .then((pid) => (pids.slack = pid))
    .then(ready(['slack'], `slack endpoint ${c.slack.base}`))
  const hostKeys = c.hosts.flatMap((h) => [
    `${h.name}.dockerd`,
    `${h.name}.sshd`,
    supervisorLayout(h).key
  ])
  const hostsReady = allOrReport(
    c.hosts.map(async (h) => {
      await ensureHost(h, {
        clientPublicKey: clientKey.publicKey,
        pids,
        log,
        savePids: saveSpawned
      })
      pids[supervisorLayout(h).key] = await ensureSupervisor(h, {
        pids,
        log,
        savePids: saveSpawned
      })
    })
  )
    .then(ready(hostKeys, `${c.hosts.length} host(s) (sshd + dockerd + supervisord)`))
    .then(() =>
      allOrReport(c.hosts.map((h) => ensureProxies(h, { pids, log, savePids: saveSpawned })))
    )
  const gitReady = ensureGitServer(c.git, { pids, log, savePids: saveSpawned })
    .then((commits) => (state.gitCommits = commits))
    .then(ready(['git.sshd'], `git server ${c.git.user}@${c.git.address}`))
  const swarmReady = ensureSwarmHost(c.swarm, {
    clientPublicKey: clientKey.publicKey,
    pids,
    log,
    savePids: saveSpawned
  }).then(
    ready(
      [`${c.swarm.name}.dockerd`, `${c.swarm.name}.sshd`],
      `swarm manager ${c.swarm.name} (${c.swarm.user}@${c.swarm.address})`
    )
  )

  const kubernetesReady = ensureKubernetes(c.kubernetes, { pids, log, onSpawn: saveSpawned }).then(
    ready(
      ['k8s.etcd', 'k8s.apiserver', 'k8s.controller-manager', 'k8s.kubelet', 'k8s.eks-auth'],
      `kubernetes apiserver ${c.kubernetes.server}`
    )
  )

  await allOrReport([
    kubernetesReady,
    runnerReady,
    registriesReady,
    imagesReady,
    slackReady,
    hostsReady,
    swarmReady,
    gitReady,
    removeExtraHosts(L, c.hosts.length, pids, log)
  ])
}

/** `up --hosts N` with fewer hosts than are up: the extra ones go, as `down` would remove them. */
async function removeExtraHosts(L, count, pids, log) {
  const extra = (await existingHostIndexes(L))
    .filter((i) => i > count)
    .map((i) => hostLayout(L.hosts, i))
  if (extra.length === 0) return
  log(`removing host(s) ${extra.map((h) => h.name).join(' ')}`)
  await Promise.all(extra.map((h) => stopSupervisor(h, pids).then(() => stopHost(h, pids))))
  for (const h of extra) await removeHostFiles(h, log)
}

async function existingHostIndexes(L) {
  const names = await readdir(L.hosts).catch(() => [])
  return names
    .map((n) => /^h(\d+)$/.exec(n)?.[1])
    .filter(Boolean)
    .map(Number)
}

function hostCount(requested, state) {
  const count = requested ?? state.hostCount ?? DEFAULT_HOSTS
  if (!Number.isInteger(count) || count < 1 || count > MAX_HOSTS) {
    throw new Error(`--hosts must be an integer from 1 to ${MAX_HOSTS} (got ${requested})`)
  }
  return count
}

/** One ed25519 client key for every host (key-only auth). */
async function ensureClientKey(L) {
  const privateKeyPath = join(L.ssh, 'id_ed25519')
  await mkdir(L.ssh, { recursive: true })
  let publicKey = await readFile(`${privateKeyPath}.pub`, 'utf8').catch(() => null)
  if (!publicKey) {
    await rm(privateKeyPath, { force: true })
    await run('ssh-keygen', [
      '-q',
      '-t',
      'ed25519',
      '-N',
      '',
      '-C',
      'gantry-sandbox-client',
      '-f',
      privateKeyPath
    ])
    publicKey = await readFile(`${privateKeyPath}.pub`, 'utf8')
  }
  return { privateKeyPath, publicKey, knownHostsFile: join(L.ssh, 'known_hosts') }
}

/**
 * System paths outside the state dir: sshd refuses to start without /run/sshd (we create it);
 * dockerd creates /run/docker/plugins and container shims /run/containerd/s on their own. Those that did not exist before the
 * sandbox are recorded so `down` removes them again (only if empty).
 */
async function recordSystemPaths(state, save) {
  const exists = async (p) => Boolean(await stat(p).catch(() => null))
  const created = new Set(state.createdPaths ?? [])
  // containerd shims put their sockets in /run/containerd/s whatever containerd's own paths are.
  for (const path of [
    '/run/docker/plugins',
    '/run/docker',
    '/run/containerd/s',
    '/run/containerd'
  ]) {
    if (!(await exists(path))) created.add(path)
  }
  if (!(await exists('/run/sshd'))) {
    await mkdir('/run/sshd', { mode: 0o755 })
    created.add('/run/sshd')
  }
  state.createdPaths = [...created]
  await save()
}

// ---------------------------------------------------------------------------------------------
// description

async function describe(L, state, c, clientKey) {
  const [noAuth, auth] = c.registries
  const { secrets } = state
  return {
    version: 1,
    stateDir: L.dir,
    updatedAt: new Date().toISOString(),
    dockerHost: c.runner.dockerHost,
    images: imageRefs(noAuth.url),
    registry: {
      url: auth.url,
      httpUrl: auth.httpUrl,
      username: REGISTRY_USER,
      password: secrets.registryPassword,
      images: imageRefs(auth.url)
    },
    registryNoAuth: { url: noAuth.url, httpUrl: noAuth.httpUrl, images: imageRefs(noAuth.url) },
    slack: describeSlack(c.slack, {
      token: secrets.slackToken,
      webhookSecret: secrets.webhookSecret
    }),
    composeFile: L.composeFile,
    ssh: clientKey,
    hosts: await Promise.all(
      c.hosts.map(async (h) => ({
        ...(await describeHost(h, clientKey.privateKeyPath)),
        supervisor: describeSupervisor(h),
        ...describeProxies(h)
      }))
    ),
    swarm: await describeSwarm(c.swarm, clientKey.privateKeyPath, L.stackFile),
    git: await describeGit(c.git, state.gitCommits),
    gitApp: { ...GIT_APP, build: 'sh build.sh', healthPath: '/health' },
    kubernetes: await readJson(c.kubernetes.description, null)
  }
}

// ---------------------------------------------------------------------------------------------
// status

/** The description plus, under `status`, whether each part runs and answers. */
export async function status({ dir = stateDir() } = {}) {
  const L = layout(dir)
  const [description, state] = await Promise.all([
    readJson(L.description, null),
    readJson(L.state, null)
  ])
  if (!description || !state) {
    return {
      stateDir: L.dir,
      status: {
        ok: false,
        error: `the sandbox is not up (no ${L.description}); run: npm run sandbox -- up`,
        parts: []
      }
    }
  }
  const c = components(L, description.hosts.length)
  const pids = state.pids ?? {}
  const check = async (part, pid, probe) => ({
    part,
    pid: pid ?? null,
    running: Boolean(await probe().catch(() => false))
  })
  const parts = await Promise.all([
    check(
      'runner engine',
      pids.runner,
      async () => (await engineIsOurs(c.runner, pids.runner)) && enginePing(c.runner)
    ),
    ...c.registries.map((r) =>
      check(
        `${r.name} ${r.url}`,
        pids[r.name],
        async () =>
          (await isOurs(pids[r.name], r.configFile)) &&
          registryAnswers(r, state.secrets.registryPassword)
      )
    ),
    check('slack endpoint', pids.slack, () => slackRunning(c.slack, pids.slack)),
    ...c.hosts.flatMap((h) => [
      check(
        `${h.name} engine`,
        pids[`${h.name}.dockerd`],
        async () =>
          (await engineIsOurs(h.engine, pids[`${h.name}.dockerd`])) && enginePing(h.engine)
      ),
      check(
        `${h.name} sshd`,
        pids[`${h.name}.sshd`],
        async () =>
          (await isOurs(pids[`${h.name}.sshd`], h.sshdConfig)) &&
          (await readBanner(h.address, h.port)).startsWith('SSH-')
      ),
      check(`${h.name} supervisord`, pids[supervisorLayout(h).key], () =>
        supervisorRunning(h, pids[supervisorLayout(h).key])
      ),
      ...proxyParts(h, pids, check)
    ]),
    ...swarmParts(c.swarm, pids, check),
    check(
      'git server sshd',
      pids['git.sshd'],
      async () =>
        (await isOurs(pids['git.sshd'], c.git.sshdConfig)) &&
        (await readBanner(c.git.address, c.git.port)).startsWith('SSH-')
    ),
    ...(await kubernetesParts(c.kubernetes, pids, check))
  ])
  // An `up` from a checkout without the Kubernetes component rewrites sandbox.json without it.
  const kubernetes = description.kubernetes ?? (await readJson(c.kubernetes.description, null))
  return { ...description, kubernetes, status: { ok: parts.every((p) => p.running), parts } }
}

/** The swarm manager's engine, sshd, and whether the engine is an active swarm manager. */
function swarmParts(h, pids, check) {
  const dockerd = pids[`${h.name}.dockerd`]
  const sshd = pids[`${h.name}.sshd`]
  return [
    check(
      `${h.name} engine`,
      dockerd,
      async () => (await engineIsOurs(h.engine, dockerd)) && enginePing(h.engine)
    ),
    check(
      `${h.name} sshd`,
      sshd,
      async () =>
        (await isOurs(sshd, h.sshdConfig)) &&
        (await readBanner(h.address, h.port)).startsWith('SSH-')
    ),
    check(
      `${h.name} swarm manager`,
      dockerd,
      async () => (await engineIsOurs(h.engine, dockerd)) && swarmIsActive(h)
    )
  ]
}

// ---------------------------------------------------------------------------------------------
// down

/**
 * Stops everything `up` started (by recorded pid), removes containers, unmounts leftovers under
 * the exec roots, removes the users it created and the state directory. Throws if anything of
 * the sandbox is still there afterwards.
 */
export async function down({ dir = stateDir(), log = createLog() } = {}) {
  assertRoot('down')
  const L = layout(dir)
  if (!(await stat(L.dir).catch(() => null))) {
    await removeSandboxUsers(L, log) // a state dir deleted by hand may have left users behind
    log(`nothing to do: ${L.dir} does not exist`)
    return
  }
  await withLock(L, async () => {
    const state = await readJson(L.state, { pids: {} })
    const pids = state.pids ?? {}
    const c = components(L, 0)
    const hosts = (await existingHostIndexes(L)).map((i) => hostLayout(L.hosts, i))
    log(
      `stopping the slack endpoint, ${hosts.length} host(s), the swarm manager and the runner engine`
    )
    await stopSlack(c.slack, pids.slack)
    await stopKubernetes(c.kubernetes, pids)
    await Promise.all(hosts.map((h) => stopSupervisor(h, pids)))
    await Promise.all([
      stopGitServer(c.git, pids),
      stopEngine(c.runner, pids.runner),
      ...hosts.map((h) => stopHost(h, pids)),
      stopSwarmHost(c.swarm, pids)
    ])
    await Promise.all(c.registries.map((r) => stopRegistry(r, pids[r.name])))
    await stopStrays(L, log)
    await unmountUnder(L.dir)
    await removeSandboxUsers(L, log)
    for (const path of state.createdPaths ?? []) await rmdir(path).catch(() => {})
    await rm(L.dir, { recursive: true, force: true })
    await assertNothingLeft(L)
    log(`sandbox down: ${L.dir} removed`)
  })
}

// Daemons whose command line points into the sandbox dir but whose pid we lost (state file
// deleted, crash between spawn and save). Matched on both the program and the path.
const SANDBOX_DAEMONS = [
  /^\/usr\/sbin\/dockerd /,
  /^containerd/,
  /^\/usr\/bin\/containerd/,
  /^sshd: \/usr\/sbin\/sshd /,
  /^\/usr\/sbin\/sshd /,
  /^\/usr\/bin\/docker-registry /,
  /slack-server\.js /,
  /\/kube-apiserver /,
  /\/kube-controller-manager /,
  /\/etcd /,
  /k8s-kubelet\.js /,
  /k8s-eks-auth\.js /,
  /^\/usr\/bin\/python3 \/usr\/bin\/supervisord /
]

async function stopStrays(L, log) {
  for (const p of await findProcesses(`${L.dir}/`)) {
    if (!SANDBOX_DAEMONS.some((re) => re.test(p.cmdline))) continue
    log(`stopping stray sandbox process ${p.pid}: ${p.cmdline}`)
    await stopProcess(p.pid, `${L.dir}/`)
  }
}

/** Users carrying the sandbox comment with a home in this sandbox (even if the state was lost). */
async function removeSandboxUsers(L, log) {
  const passwd = await readFile('/etc/passwd', 'utf8')
  for (const line of passwd.split('\n')) {
    const [user, , , , comment = '', home = ''] = line.split(':')
    if (comment.startsWith(USER_COMMENT_PREFIX) && home.startsWith(`${L.dir}/`))
      await removeUser(user, log)
  }
}

async function assertNothingLeft(L) {
  const procs = (await findProcesses(`${L.dir}/`)).filter((p) =>
    SANDBOX_DAEMONS.some((re) => re.test(p.cmdline))
  )
  const mounts = (await readFile('/proc/mounts', 'utf8'))
    .split('\n')
    .filter((l) => l.includes(` ${L.dir}/`))
  const problems = [
    ...procs.map((p) => `process ${p.pid} still running: ${p.cmdline}`),
    ...mounts.map((m) => `still mounted: ${m}`),
    ...((await ourGatewayBridge()) ? ['network interface docker_gwbridge still exists'] : [])
  ]
  if (problems.length) throw new Error(`down left things behind:\n  ${problems.join('\n  ')}`)
}

// ---------------------------------------------------------------------------------------------
// state, lock, checks

async function loadState(L) {
  const state = await readJson(L.state, {})
  state.version = 1
  state.pids ??= {}
  state.secrets ??= {}
  state.secrets.registryPassword ??= randomToken(12)
  state.secrets.registryHttpSecret ??= randomToken(16)
  state.secrets.slackToken ??= `xoxb-gantry-sandbox-${randomToken(12)}`
  state.secrets.webhookSecret ??= randomToken(12)
  return state
}

/** Serialised writes of the state file; `save({ key: pid })` records pids as soon as they exist. */
function stateSaver(L, state) {
  let chain = Promise.resolve()
  return (pids = {}) => {
    Object.assign(state.pids, pids)
    chain = chain.then(() => writeJsonAtomic(L.state, state, 0o600))
    return chain
  }
}

/** One sandbox command at a time (the CLI and jest's global setup may race). */
async function withLock(L, fn) {
  await mkdir(L.dir, { recursive: true })
  const deadline = Date.now() + 300000
  for (;;) {
    try {
      await writeFile(L.lock, String(process.pid), { flag: 'wx' })
      break
    } catch (err) {
      if (err.code !== 'EEXIST') throw err
    }
    const holder = Number(await readFile(L.lock, 'utf8').catch(() => '0'))
    const age = Date.now() - ((await stat(L.lock).catch(() => null))?.mtimeMs ?? 0)
    if ((holder && !(await cmdlineOf(holder))) || (!holder && age > 5000)) {
      await rm(L.lock, { force: true }) // its owner died
      continue
    }
    if (Date.now() > deadline)
      throw new Error(`another sandbox command (pid ${holder}) still holds ${L.lock}`)
    await sleep(200)
  }
  try {
    return await fn()
  } finally {
    await rm(L.lock, { force: true })
  }
}

function assertRoot(command) {
  if (process.getuid?.() === 0) return
  throw new Error(
    `sandbox ${command} needs root: it installs Debian packages, creates unix users, binds port 22 on ` +
      `loopback addresses and runs dockerd. Run it as root (e.g. sudo npm run sandbox -- ${command}).`
  )
}
