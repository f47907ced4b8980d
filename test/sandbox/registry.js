// Two image registries (Debian's docker-registry, distribution 2.8) on loopback: one open, one
// with htpasswd basic auth. 127.0.0.0/8 is an insecure registry by default for every engine.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { Buffer } from 'node:buffer'
import { REGISTRY_AUTH, REGISTRY_NO_AUTH, REGISTRY_USER } from './config.js'
import { assertPortFree, httpRequest } from './lib/net.js'
import { isOurs, run, spawnDaemon, stopProcess } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

/** Both registries: `registryNoAuth` (:5000) and `registry` (:5001, basic auth). */
export function registryLayouts(root) {
  return [REGISTRY_NO_AUTH, REGISTRY_AUTH].map((r) => {
    const dir = join(root, String(r.port))
    return {
      ...r,
      dir,
      url: `${r.address}:${r.port}`,
      httpUrl: `http://${r.address}:${r.port}`,
      auth: r === REGISTRY_AUTH,
      configFile: join(dir, 'config.yml'),
      htpasswd: join(dir, 'htpasswd'),
      log: join(dir, 'registry.log')
    }
  })
}

// JSON is valid YAML, so the config is written with JSON.stringify: no YAML quoting to get wrong.
function registryConfig(r, httpSecret) {
  const config = {
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: join(r.dir, 'data') }, delete: { enabled: true } },
    http: { addr: r.url, secret: httpSecret }
  }
  if (r.auth) config.auth = { htpasswd: { realm: 'gantry-sandbox', path: r.htpasswd } }
  return JSON.stringify(config, null, 2) + '\n'
}

export function basicAuth(username, password) {
  return 'Basic ' + Buffer.from(`${username}:${password}`).toString('base64')
}

/** Answers /v2/ as expected: 200 when open, 401 without and 200 with credentials when auth is on. */
export async function registryAnswers(r, password) {
  const base = `${r.httpUrl}/v2/`
  if (!r.auth) return (await httpRequest({ url: base, timeoutMs: 2000 })).status === 200
  const anonymous = await httpRequest({ url: base, timeoutMs: 2000 })
  if (anonymous.status !== 401) return false
  const authed = await httpRequest({
    url: base,
    headers: { authorization: basicAuth(REGISTRY_USER, password) },
    timeoutMs: 2000
  })
  return authed.status === 200
}

/** Starts the registry unless it already runs with the same config; returns its pid. */
export async function ensureRegistry(r, pid, { password, httpSecret, log, onSpawn }) {
  await mkdir(join(r.dir, 'data'), { recursive: true })
  let changed = await writeIfChanged(r.configFile, registryConfig(r, httpSecret))
  if (r.auth && (await writeHtpasswd(r, password))) changed = true
  if (await isOurs(pid, r.configFile)) {
    if (!changed) {
      await waitReady(r, pid, password)
      return pid
    }
    log(`registry ${r.url}: config changed, restarting`)
    await stopProcess(pid, r.configFile)
  }
  await assertPortFree(r.address, r.port, `registry ${r.url}`)
  const newPid = spawnDaemon('/usr/bin/docker-registry', ['serve', r.configFile], {
    logFile: r.log
  })
  await onSpawn(newPid)
  await waitReady(r, newPid, password)
  return newPid
}

async function waitReady(r, pid, password) {
  await waitFor(
    `registry ${r.url}`,
    async () => {
      if (!(await isOurs(pid, r.configFile))) throw fatal(`docker-registry (pid ${pid}) exited`)
      return registryAnswers(r, password)
    },
    { timeoutMs: 20000, describe: () => logTail(r.log) }
  )
}

// htpasswd -B: the registry accepts only bcrypt entries. Rewritten only when the password in
// the sandbox state is not the one already hashed in the file.
async function writeHtpasswd(r, password) {
  const check = await run('htpasswd', ['-vi', r.htpasswd, REGISTRY_USER], {
    input: password,
    allowFail: true
  })
  if (check.code === 0) return false
  await run('htpasswd', ['-Bci', r.htpasswd, REGISTRY_USER], { input: password })
  return true
}

export const stopRegistry = (r, pid) => stopProcess(pid, r.configFile)
