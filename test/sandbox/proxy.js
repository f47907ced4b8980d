// The reverse proxies of the deploy hosts, for `ssh-deploy` with `strategy: blue-green`: on every
// deploy host one HAProxy (Debian's 2.6, switched through its runtime API on an admin socket) and
// one nginx (Debian's 1.22, the reload-based driver), each run as the host's own user, listening on
// the host's loopback address, with its files in the host's home under `~/gantry-proxy/`, exactly
// where Gantry looks for them on a real host (README, "Blue-green deploys"). The sandbox writes
// `host.json` (where the proxies listen, which address the app slots bind) and a starting
// configuration with no app, only when none exists: after the first blue-green deploy the
// configuration is Gantry's, and `up` never overwrites it, with one exception: a proxy that is not
// running is started only after its configuration passes the proxy's own check. A machine that
// kept /tmp across a restart can hold a configuration whose apps a test removed since (their map
// files gone); that one is set aside (`<file>.invalid`) and the proxy starts with no app.
import { chown, mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import net from 'node:net'
import { assertPortFree } from './lib/net.js'
import { cleanEnv, isOurs, run, spawnDaemon } from './lib/proc.js'
import { fatal, logTail, waitFor, writeIfChanged } from './lib/util.js'

export const HAPROXY_PORT = 8000
export const NGINX_PORT = 8001
/** The directory Gantry manages on a host (relative to the user's home). */
export const PROXY_DIR = 'gantry-proxy'

export function proxyLayout(h) {
  const dir = join(h.home, PROXY_DIR)
  const haproxy = join(dir, 'haproxy')
  const nginx = join(dir, 'nginx')
  return {
    dir,
    hostFile: join(dir, 'host.json'),
    haproxy: {
      dir: haproxy,
      config: join(haproxy, 'haproxy.cfg'),
      pidfile: join(haproxy, 'haproxy.pid'),
      adminSocket: join(haproxy, 'admin.sock'),
      masterSocket: join(haproxy, 'master.sock'),
      log: join(haproxy, 'haproxy.log'),
      listen: `${h.address}:${HAPROXY_PORT}`,
      url: `http://${h.address}:${HAPROXY_PORT}`
    },
    nginx: {
      dir: nginx,
      config: join(nginx, 'nginx.conf'),
      pidfile: join(nginx, 'nginx.pid'),
      errorLog: join(nginx, 'error.log'),
      log: join(nginx, 'nginx.log'),
      listen: `${h.address}:${NGINX_PORT}`,
      url: `http://${h.address}:${NGINX_PORT}`
    }
  }
}

/** The host's settings for Gantry: the proxies' listen addresses and where app slots bind. */
function hostSettings(h, p) {
  return (
    JSON.stringify(
      {
        upstreamHost: h.address, // the hosts share one loopback: each binds its own address
        haproxy: { listen: p.haproxy.listen },
        nginx: { listen: p.nginx.listen }
      },
      null,
      2
    ) + '\n'
  )
}

// Starting configurations with no app: every request gets a 503 naming the cause. Gantry writes
// its own (same paths) at the first blue-green deploy.
function haproxyStart(p) {
  return [
    '# Gantry sandbox: no app deployed yet (Gantry replaces this file at the first blue-green deploy)',
    'global',
    `  stats socket ${p.haproxy.adminSocket} mode 600 level admin expose-fd listeners`,
    `  pidfile ${p.haproxy.pidfile}`,
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 65s',
    '  timeout server 65s',
    '  timeout http-keep-alive 65s',
    'frontend gantry',
    `  bind ${p.haproxy.listen}`,
    '  http-request return status 503 content-type text/plain string "no app deployed behind this proxy"',
    ''
  ].join('\n')
}

function nginxStart(p) {
  const d = p.nginx.dir
  return [
    '# Gantry sandbox: no app deployed yet (Gantry replaces this file at the first blue-green deploy)',
    'worker_processes 1;',
    `pid ${p.nginx.pidfile};`,
    `error_log ${p.nginx.errorLog} warn;`,
    'events { worker_connections 1024; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (t) => `  ${t}_temp_path ${join(d, `tmp_${t}`)};`
    ),
    `  server { listen ${p.nginx.listen}; location / { return 503 "no app deployed behind this proxy\\n"; } }`,
    '}',
    ''
  ].join('\n')
}

const haproxyArgs = (p) => [
  '-W', // master-worker in the foreground: the pid we spawn is the master; SIGUSR2 reloads
  '-f',
  p.haproxy.config, // names its own pidfile (ours and Gantry's both do)
  '-S',
  p.haproxy.masterSocket
]
const nginxArgs = (p) => ['-e', p.nginx.errorLog, '-c', p.nginx.config, '-g', 'daemon off;']

/**
 * The proxy accepts connections on its address. Not an HTTP request: what it answers depends on
 * the apps Gantry put behind it (a stopped app's backend may take seconds to give up).
 */
function accepts(url) {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) })
    socket.setTimeout(1000, () => socket.destroy(new Error('no connection within 1000 ms')))
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', reject)
  })
}

/** The proxies' own configuration checks: `haproxy -c`, `nginx -t`, as the host's user. */
const configChecks = {
  haproxy: (p) => ['/usr/sbin/haproxy', ['-c', '-f', p.haproxy.config]],
  nginx: (p) => ['/usr/sbin/nginx', ['-t', '-e', p.nginx.errorLog, '-c', p.nginx.config]]
}
const startingConfigs = { haproxy: haproxyStart, nginx: nginxStart }

/**
 * Before a proxy is (re)started: its configuration loads, or it is set aside and replaced by the
 * starting one. Returns what was wrong (for the log), or null.
 */
async function ensureLoadableConfig(kind, p, ids, h) {
  const [cmd, args] = configChecks[kind](p)
  const check = await run(cmd, args, {
    ...ids,
    env: cleanEnv({ HOME: h.home }),
    cwd: h.home,
    allowFail: true,
    timeoutMs: 20000
  })
  if (check.code === 0) return null
  const file = p[kind].config
  await rename(file, `${file}.invalid`)
  await writeOnce(file, startingConfigs[kind](p), ids)
  const lines = `${check.stderr}\n${check.stdout}`.split('\n')
  const why = lines
    .filter((l) => /ALERT|emerg|error/i.test(l))
    .slice(0, 2)
    .join(' / ')
    .trim()
  return `${file} does not load (${why}); set aside as ${file}.invalid, started with no app`
}

/** The host's user (uid, gid): the proxies run as that user, like Gantry's commands over ssh. */
async function userIds(user) {
  const { stdout } = await run('getent', ['passwd', user])
  const [, , uid, gid] = stdout.trim().split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** Writes `content` to `path` only when there is no such file; owned by the host user. */
async function writeOnce(path, content, ids) {
  if (await stat(path).catch(() => null)) return
  await writeFile(path, content, { mode: 0o644 })
  await chown(path, ids.uid, ids.gid)
}

async function ownedDir(path, ids) {
  await mkdir(path, { recursive: true })
  await chown(path, ids.uid, ids.gid)
}

/**
 * Makes sure both proxies of host `h` run (started as its user when not). `pids` holds and
 * receives `<name>.haproxy` / `<name>.nginx`.
 */
export async function ensureProxies(h, { pids, log, savePids }) {
  const p = proxyLayout(h)
  const ids = await userIds(h.user)
  for (const dir of [p.dir, p.haproxy.dir, p.nginx.dir]) await ownedDir(dir, ids)
  if (await writeIfChanged(p.hostFile, hostSettings(h, p)))
    await chown(p.hostFile, ids.uid, ids.gid)
  await writeOnce(p.haproxy.config, haproxyStart(p), ids)
  await writeOnce(p.nginx.config, nginxStart(p), ids)
  const start = async (kind, marker, cmd, args, logFile, url) => {
    const key = `${h.name}.${kind}`
    let pid = pids[key]
    if (!(await isOurs(pid, marker))) {
      const [address, port] = url.replace('http://', '').split(':')
      await assertPortFree(address, Number(port), `${kind} of host ${h.name}`)
      const reset = await ensureLoadableConfig(kind, p, ids, h)
      if (reset) log(`${h.name}: ${kind}: ${reset}`)
      pid = spawnDaemon(cmd, args, {
        ...ids,
        env: cleanEnv({ HOME: h.home }),
        cwd: h.home,
        logFile
      })
      await savePids({ [key]: pid })
      log(`${h.name}: ${kind} started on ${url}`)
    }
    pids[key] = pid
    await waitFor(
      `${kind} of ${h.name} on ${url}`,
      async () => {
        if (!(await isOurs(pid, marker))) throw fatal(`${kind} (pid ${pid}) exited`)
        return accepts(url)
      },
      { timeoutMs: 20000, describe: () => logTail(logFile) }
    )
  }
  await start(
    'haproxy',
    p.haproxy.config,
    '/usr/sbin/haproxy',
    haproxyArgs(p),
    p.haproxy.log,
    p.haproxy.url
  )
  await start('nginx', p.nginx.config, '/usr/sbin/nginx', nginxArgs(p), p.nginx.log, p.nginx.url)
}

/** The host's proxies in its description: `proxyUrl` (HAProxy, the default driver) and nginx's. */
export function describeProxies(h) {
  const p = proxyLayout(h)
  return {
    proxyUrl: p.haproxy.url,
    nginxUrl: p.nginx.url,
    proxyDir: p.dir,
    haproxyAdminSocket: p.haproxy.adminSocket
  }
}

/** Status parts: each proxy is our process and answers HTTP on its address. */
export function proxyParts(h, pids, check) {
  const p = proxyLayout(h)
  const answers = async (pid, marker, url) => (await isOurs(pid, marker)) && accepts(url)
  return [
    check(`${h.name} haproxy`, pids[`${h.name}.haproxy`], () =>
      answers(pids[`${h.name}.haproxy`], p.haproxy.config, p.haproxy.url)
    ),
    check(`${h.name} nginx`, pids[`${h.name}.nginx`], () =>
      answers(pids[`${h.name}.nginx`], p.nginx.config, p.nginx.url)
    )
  ]
}
