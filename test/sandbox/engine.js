// Docker engines: one dockerd per deploy host plus the runner's. Each has its own data root,
// exec root (with its own containerd), socket and pidfile, no bridge and no iptables rules,
// and a dead HTTP(S) proxy so it can reach nothing but loopback registries.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { DOCKERD_PROXY_GUARD } from './config.js'
import { dockerApi, httpRequest } from './lib/net.js'
import { cleanEnv, findProcesses, isOurs, run, spawnDaemon, stopProcess } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

/**
 * Paths of one engine rooted at `root`; `group` owns its socket (who may use it); `addressPool`
 * is where any network it creates gets its subnet (always a loopback range).
 */
export function engineLayout(root, { group, addressPool = '127.77.0.0/16' }) {
  const socket = join(root, 'docker.sock')
  return {
    root,
    group,
    addressPool,
    socket,
    dockerHost: `unix://${socket}`,
    dataRoot: join(root, 'data'),
    execRoot: join(root, 'exec'),
    pidfile: join(root, 'docker.pid'),
    trustKey: join(root, 'key.json'),
    configFile: join(root, 'daemon.json'),
    log: join(root, 'dockerd.log')
  }
}

// Everything in one daemon.json passed with --config-file: no flags to keep in sync, and the
// machine's /etc/docker/daemon.json (if any) is never read.
function daemonConfig(e) {
  const config = {
    'data-root': e.dataRoot,
    'exec-root': e.execRoot,
    hosts: [e.dockerHost],
    pidfile: e.pidfile,
    // 20.10 otherwise writes /etc/docker/key.json, shared by every engine (same engine ID).
    'deprecated-key-path': e.trustKey,
    group: e.group,
    bridge: 'none', // no docker0, containers use network_mode: host
    iptables: false,
    ip6tables: false,
    'ip-forward': false,
    'ip-masq': false,
    // A guard: should anything create a network, it gets loopback addresses, not 172.x/10.x.
    'default-address-pools': [{ base: e.addressPool, size: 24 }],
    'log-level': 'warn',
    'log-opts': { 'max-size': '1m' }
  }
  return JSON.stringify(config, null, 2) + '\n'
}

export const enginePing = async (e) =>
  (await httpRequest({ socketPath: e.socket, path: '/_ping', timeoutMs: 2000 })).body === 'OK'

export const engineIsOurs = (e, pid) => isOurs(pid, e.configFile)

/**
 * Makes sure the engine runs with the current config; returns its pid. `onSpawn(pid)` lets the
 * caller record the pid before waiting, so `down` can stop a daemon that never became ready.
 */
export async function ensureEngine(e, pid, { log, onSpawn }) {
  const changed = await writeIfChanged(e.configFile, daemonConfig(e))
  if (await engineIsOurs(e, pid)) {
    if (!changed) {
      await waitReady(e, pid)
      return pid
    }
    log(`${e.root}: config changed, restarting dockerd`)
  }
  // Also clears what a crashed dockerd left: its containerd may still be exiting, and a new
  // dockerd finding containerd.pid alive "reuses" it, then times out waiting for its socket.
  await stopEngine(e, pid)
  await rm(join(e.execRoot, 'containerd', 'containerd.pid'), { force: true })
  // A pidfile left by a crashed dockerd makes the next one refuse to start if the pid was reused.
  await rm(e.pidfile, { force: true })
  const newPid = spawnDaemon('/usr/sbin/dockerd', ['--config-file', e.configFile], {
    logFile: e.log,
    env: cleanEnv(DOCKERD_PROXY_GUARD)
  })
  await onSpawn(newPid)
  await waitReady(e, newPid)
  return newPid
}

async function waitReady(e, pid) {
  await waitFor(
    `dockerd (${e.dockerHost})`,
    async () => {
      if (!(await engineIsOurs(e, pid))) throw fatal(`dockerd (pid ${pid}) exited`)
      return enginePing(e)
    },
    { timeoutMs: 60000, describe: () => logTail(e.log) }
  )
}

/** Removes every container of the engine (with volumes). */
export async function removeAllContainers(e) {
  const containers = await dockerApi(e.socket, 'GET', '/containers/json?all=1')
  await Promise.all(
    containers.map((c) =>
      dockerApi(e.socket, 'DELETE', `/containers/${c.Id}?force=1&v=1`, { timeoutMs: 30000 })
    )
  )
}

/**
 * Stops the engine we started: containers first (so no shim outlives it), then dockerd by pid,
 * then any containerd/shim still pointing into its exec root, then leftover mounts.
 */
export async function stopEngine(e, pid) {
  if (await engineIsOurs(e, pid)) {
    await removeAllContainers(e).catch(() => {}) // a wedged daemon still gets stopped below
    await stopProcess(pid, e.configFile, { timeoutMs: 30000 })
  }
  for (const leftover of await findProcesses(e.execRoot)) {
    await stopProcess(leftover.pid, e.execRoot, { timeoutMs: 10000 })
  }
  await unmountUnder(e.root)
}

/** Unmounts everything mounted below `dir` (deepest first); dockerd leaves netns mounts behind. */
export async function unmountUnder(dir) {
  const mounts = (await readFile('/proc/mounts', 'utf8'))
    .split('\n')
    .map((line) => line.split(' ')[1])
    .filter(Boolean)
    .map((p) => p.replace(/\\([0-7]{3})/g, (_, oct) => String.fromCharCode(parseInt(oct, 8))))
    .filter((p) => p.startsWith(dir + '/'))
    .sort((a, b) => b.length - a.length)
  for (const mountPoint of mounts) {
    const { code } = await run('umount', [mountPoint], { allowFail: true })
    if (code !== 0) await run('umount', ['-l', mountPoint], { allowFail: true })
  }
}
