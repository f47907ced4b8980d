/**
 * `strategy: blue-green`, the remote steps as data (src/io executes them): read the host's proxy
 * state, put a generated configuration in place only once it validated, start a release in the
 * idle slot with the slot's documented variables, switch through HAProxy's runtime API or an
 * nginx reload, wait for the old slot to drain, stop it, run the user's post-deploy test with the
 * URL and version in its environment (on stdin, as data), probe through the proxy. Every value in
 * a script went through quote(); the user's own commands (post-deploy-test) are their shell.
 */
import { quote, remotePath, shellCommand } from '../../lib/shell.js'
import { haproxyPaths, parseCurrentSessions } from './haproxy.js'
import { nginxPaths } from './nginx.js'
import {
  assertHost,
  parseHostSettings,
  parseRecord,
  PREVIEW_HEADER,
  PROXY_DIR,
  RELEASE_HEADER,
  type ProxyApp,
  type ProxyDriver,
  type ProxyHost,
  type Slot
} from './proxy.js'
import {
  COMPOSE_FILE,
  RELEASES,
  type AppLayout,
  type ComposeCommand,
  type RemoteStep
} from './remote.js'

/** Debian installs haproxy and nginx in /usr/sbin, which is not on a login user's PATH. */
const SBIN_PATH = 'PATH="$PATH:/usr/sbin:/sbin"'

const proxyDir = (...parts: string[]) => remotePath(['~', PROXY_DIR, ...parts].join('/'))

/** The proxy's state on the host: home, host.json, every app's record, which proxy runs, tools. */
export function proxyInspectStep(driver: ProxyDriver): RemoteStep {
  const pidfile =
    driver === 'haproxy' ? proxyDir('haproxy', 'haproxy.pid') : proxyDir('nginx', 'nginx.pid')
  return {
    name: 'inspect proxy',
    script: [
      SBIN_PATH,
      'echo "home=$HOME"',
      `for t in ${driver} socat curl; do if command -v "$t" >/dev/null 2>&1; then echo "tool=$t"; fi; done`,
      `pid=$(cat ${pidfile} 2>/dev/null); if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo running=yes; fi`,
      `echo "records=$(${RECORDS_SUM})"`,
      'echo "#host"',
      `cat ${proxyDir('host.json')} 2>/dev/null || true`,
      'echo "#records"',
      `for f in ${proxyDir('apps')}/*.json; do if [ -f "$f" ]; then tr -d '\\n' < "$f"; echo; fi; done`
    ].join('\n')
  }
}

export interface ProxyState {
  host: ProxyHost
  /** Checksum of the records when read: a commit refuses to go on if they changed meanwhile. */
  recordsSum: string
  records: ProxyApp[]
  running: boolean
  tools: string[]
}

export function parseProxyInspect(stdout: string): ProxyState {
  const lines = stdout.split('\n')
  const hostAt = lines.indexOf('#host')
  const recordsAt = lines.indexOf('#records')
  const head = lines.slice(0, hostAt < 0 ? lines.length : hostAt)
  const home = head.find((l) => l.startsWith('home='))?.slice(5) ?? ''
  if (!home) throw new Error('the host did not say where its home is ($HOME is empty)')
  const hostText =
    hostAt < 0 ? '' : lines.slice(hostAt + 1, recordsAt < 0 ? undefined : recordsAt).join('\n')
  const records = (recordsAt < 0 ? [] : lines.slice(recordsAt + 1))
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => parseRecord(l))
    .filter((r): r is ProxyApp => r !== undefined)
  return {
    host: parseHostSettings(home, hostText),
    records,
    recordsSum: head.find((l) => l.startsWith('records='))?.slice(8) ?? '',
    running: head.includes('running=yes'),
    tools: head.filter((l) => l.startsWith('tool=')).map((l) => l.slice(5))
  }
}

/** What a host lacks for this driver, or undefined. */
export function missingTools(driver: ProxyDriver, tools: string[]): string | undefined {
  const need = driver === 'haproxy' ? ['haproxy', 'socat', 'curl'] : ['nginx', 'curl']
  const missing = need.filter((t) => !tools.includes(t))
  return missing.length
    ? `the host lacks ${missing.join(', ')} (on Debian: apt-get install -y ${missing.join(' ')})`
    : undefined
}

/** Writes files under ~/gantry-proxy/ from stdin sections (the app's record, its map file). */
export function writeProxyFileStep(name: string, relative: string, content: string): RemoteStep {
  const parts = relative.split('/')
  const dir = proxyDir(...parts.slice(0, -1))
  const file = proxyDir(...parts)
  return {
    name,
    script: `mkdir -p ${dir} && cat > ${file}.new && mv ${file}.new ${file}`,
    stdin: content
  }
}

/** One file under ~/gantry-proxy/ (relative path) and its content. */
export interface ProxyFile {
  path: string
  content: string
}

/** What one commit to the proxy does, under the host's proxy lock. */
export interface ProxyCommit {
  name: string
  driver: ProxyDriver
  host: ProxyHost
  /** The records' checksum the runner saw: when another deploy changed them meanwhile, exit 75. */
  recordsSum?: string
  /** Written only if everything before succeeded (records, map files). */
  files: ProxyFile[]
  /** The whole configuration: validated before it replaces the running one; reload only if it changed. */
  config?: string
  /** HAProxy runtime API commands, once the files moved in (on stdin); a failure moves them back. */
  runtime?: string[]
  /** stdin holds the preview token: never printed, even in a dry run. */
  secret?: boolean
}

export const RECORDS_CHANGED_EXIT = 75

const bytes = (text: string) => new TextEncoder().encode(text).length

/** Checksum of every app record, as the inspect step prints it (`records=<cksum>`). */
const RECORDS_SUM = `cat ${proxyDir('apps')}/*.json 2>/dev/null | cksum | tr -d ' '`

/**
 * One change to the proxy, atomic with respect to other deploys on the host (flock on
 * ~/gantry-proxy/.lock): the records unchanged since the runner read them, the new files
 * staged, the new configuration validated (`haproxy -c` / `nginx -t`; one that does not validate
 * is kept as `.rejected` and nothing changes), the files moved in (the ones they replace kept
 * until the end), then the runtime commands: when those fail, the files they replaced are moved
 * back, so the records never say what HAProxy does not do. Then the proxy is reloaded if its
 * configuration changed (HAProxy saves its servers' state first, so the live slots survive the
 * reload, and the step waits for the new worker, since the master keeps the old one when the new
 * cannot start), or started if it is not running, even with its configuration unchanged (after a
 * reboot). A started proxy does not inherit the lock's descriptor: it would hold the lock for as
 * long as it runs. Content arrives on stdin, each file reading exactly its bytes. Prints
 * `config=unchanged|reloaded|started`.
 */
export function proxyCommitStep(c: ProxyCommit): RemoteStep {
  assertHost(c.host)
  const h = haproxyPaths(c.host)
  const n = nginxPaths(c.host)
  const target = (f: ProxyFile) => quote(`${c.host.dir}/${f.path}`)
  const dirs = [...new Set(c.files.map((f) => f.path.split('/').slice(0, -1).join('/')))]
  for (const f of c.files)
    if (!/^(?:[a-z0-9][a-z0-9_.-]*\/)*[a-z0-9][a-z0-9_.-]*$/.test(f.path))
      throw new Error(`proxy file path ${JSON.stringify(f.path)} is not a plain relative path`)
  const lines = [
    SBIN_PATH,
    `mkdir -p ${proxyDir('apps')} ${quote(`${h.dir}/maps`)} ${quote(n.dir)}${dirs.map((d) => ` ${quote(`${c.host.dir}/${d}`)}`).join('')} || exit 1`,
    `exec ${LOCK_FD}> ${proxyDir('.lock')} && flock -w 60 ${LOCK_FD} || { echo 'another deploy held the proxy lock ~/${PROXY_DIR}/.lock for 60 s (if no deploy runs: a proxy that an older Gantry started may hold it; restart that proxy once)' >&2; exit 1; }`
  ]
  if (c.recordsSum !== undefined)
    lines.push(
      `if [ "$(${RECORDS_SUM})" != ${quote(c.recordsSum)} ]; then echo 'another deploy changed the proxy meanwhile' >&2; exit ${RECORDS_CHANGED_EXIT}; fi`
    )
  lines.push(...c.files.map((f) => `head -c ${bytes(f.content)} > ${target(f)}.new || exit 1`))
  const discard = c.files.length
    ? `rm -f ${c.files.map((f) => `${target(f)}.new`).join(' ')}; `
    : ''
  if (c.config !== undefined) lines.push(...stageConfig({ ...c, config: c.config }, discard))
  const runtime = c.runtime?.length ? c.runtime.join('; ') + '\n' : ''
  if (runtime) lines.push(`rt=$(head -c ${bytes(runtime)}) || { ${discard}exit 1; }`)
  lines.push(...moveFilesIn(c.files.map(target), discard))
  if (runtime) lines.push(...runtimeCommands(c.host, c.files.length ? 'restore; ' : ''))
  if (c.files.length) lines.push(`rm -f ${c.files.map((f) => `${target(f)}.old`).join(' ')}`)
  if (c.config !== undefined)
    lines.push(...(c.driver === 'haproxy' ? applyHaproxy(c.host) : applyNginx(c.host)))
  return {
    name: c.name,
    script: lines.join('\n'),
    stdin: c.files.map((f) => f.content).join('') + (c.config ?? '') + runtime,
    ...(c.secret ? { secretStdin: true } : {})
  }
}

/** The lock's descriptor in the commit script; closed for the proxies it starts. */
const LOCK_FD = 9

/** The new configuration as `<config>.new`, `changed=yes` when it differs; exit 3 when it does not validate. */
function stageConfig(c: ProxyCommit & { config: string }, discard: string): string[] {
  const h = haproxyPaths(c.host)
  const n = nginxPaths(c.host)
  const cfg = quote(c.driver === 'haproxy' ? h.config : n.config)
  const check =
    c.driver === 'haproxy'
      ? shellCommand(['haproxy', '-c', '-f', `${h.config}.new`])
      : shellCommand(['nginx', '-e', n.errorLog, '-t', '-c', `${n.config}.new`])
  const checker = c.driver === 'haproxy' ? 'haproxy -c' : 'nginx -t'
  const target = (f: ProxyFile) => quote(`${c.host.dir}/${f.path}`)
  return [
    'changed=',
    `head -c ${bytes(c.config)} > ${cfg}.new || { ${discard}exit 1; }`,
    // Map files a new configuration names must exist for it to validate.
    ...(c.driver === 'haproxy'
      ? [
          `touch ${quote(h.previewMap)} ${quote(h.stateFile)}`,
          ...c.files
            .filter((f) => f.path.startsWith('haproxy/maps/'))
            .map((f) => `[ -f ${target(f)} ] || : > ${target(f)}`)
        ]
      : []),
    `if cmp -s ${cfg}.new ${cfg}; then rm -f ${cfg}.new; else changed=yes; fi`,
    `if [ "$changed" = yes ] && ! out=$(${check} 2>&1); then ${discard}mv ${cfg}.new ${cfg}.rejected; printf '%s\\n' "$out" | grep -v -e '^$' -e NOTICE | tail -n 8 >&2; echo 'the new proxy configuration does not validate (${checker}): nothing changed, the running one stays' >&2; exit 3; fi`
  ]
}

/**
 * The staged files replace the live ones, each kept as `<file>.old` first; `restore` (defined
 * here) puts them back (a file that did not exist is removed again).
 */
function moveFilesIn(files: string[], discard: string): string[] {
  if (!files.length) return []
  const restore = files
    .map((f) => `if [ -e ${f}.old ]; then mv -f ${f}.old ${f}; else rm -f ${f}; fi`)
    .join('; ')
  return [
    `restore() { ${restore}; rm -f ${files.map((f) => `${f}.new`).join(' ')}; }`,
    ...files.map(
      (f) => `rm -f ${f}.old; if [ -e ${f} ]; then ln -f ${f} ${f}.old || { ${discard}exit 1; }; fi`
    ),
    ...files.map((f) => `mv ${f}.new ${f} || { restore; exit 1; }`)
  ]
}

/**
 * HAProxy's runtime API commands (read into `$rt`); any answer is a refusal. The servers' state
 * is saved after them, so a restarted HAProxy (a reboot) brings back the slots as they were.
 */
function runtimeCommands(host: ProxyHost, undo: string): string[] {
  const h = haproxyPaths(host)
  const sock = quote(`UNIX-CONNECT:${h.adminSocket}`)
  return [
    `out=$(printf '%s\\n' "$rt" | socat -t 5 stdio ${sock}) || { ${undo}echo 'cannot reach the HAProxy admin socket ${h.adminSocket}' >&2; exit 1; }`,
    `if printf '%s' "$out" | grep -q '[^[:space:]]'; then ${undo}printf 'HAProxy refused: %s\\n' "$out" >&2; exit 1; fi`,
    `printf 'show servers state\\n' | socat -t 2 stdio ${sock} > ${quote(h.stateFile)}.new && mv ${quote(h.stateFile)}.new ${quote(h.stateFile)}`
  ]
}

/**
 * Starts a proxy in the background: without the lock's descriptor, its output in `log` (printed
 * when it fails to start, with the ways out of a privileged port); with `answers`, a condition
 * that holds once it takes commands, waited for up to 5 s (the next commit talks to it).
 */
function startProxy(
  argv: string[],
  log: string,
  driver: ProxyDriver,
  listen: string,
  answers?: string
): string {
  const name = driver === 'haproxy' ? 'HAProxy' : 'nginx'
  const privileged =
    `${name} may not listen on ${listen} as this user: allow it a privileged port ` +
    `(setcap cap_net_bind_service=+ep /usr/sbin/${driver}) or set a port above 1024 in ` +
    `~/${PROXY_DIR}/host.json (${driver === 'haproxy' ? '"haproxy": {"listen": ":8080"}' : '"nginx": {"listen": "8080"}'})`
  return (
    `if ${shellCommand(argv)} ${LOCK_FD}>&- < /dev/null > ${quote(log)} 2>&1; then ` +
    (answers
      ? `i=0; until ${answers}; do if [ $i -ge 50 ]; then echo ${quote(`${name} started but does not answer on its admin socket (see ${log})`)} >&2; exit 5; fi; sleep 0.1; i=$((i+1)); done; `
      : '') +
    `echo config=started; else ` +
    `grep -v -e '^$' -e NOTICE ${quote(log)} | tail -n 8 >&2; ` +
    `if grep -q 'Permission denied' ${quote(log)}; then echo ${quote(privileged)} >&2; fi; ` +
    `echo ${quote(`${driver} did not start (its output is in ${log})`)} >&2; exit 5; fi`
  )
}

/** The configuration in place: reloaded when it changed and the proxy runs, else started if not running. */
function applyHaproxy(host: ProxyHost): string[] {
  const h = haproxyPaths(host)
  const sock = quote(`UNIX-CONNECT:${h.adminSocket}`)
  const worker = `printf 'show info\\n' | socat -t 2 stdio ${sock} 2>/dev/null | sed -n 's/^Pid: //p'`
  return [
    `pid=$(cat ${quote(h.pidfile)} 2>/dev/null)`,
    'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
    `  if [ "$changed" != yes ]; then echo config=unchanged; exit 0; fi`,
    `  before=$(${worker})`,
    `  printf 'show servers state\\n' | socat -t 2 stdio ${sock} > ${quote(h.stateFile)}.new && mv ${quote(h.stateFile)}.new ${quote(h.stateFile)}`,
    `  mv ${quote(h.config)}.new ${quote(h.config)} && kill -USR2 "$pid" || exit 1`,
    `  i=0; while [ $i -lt 50 ]; do now=$(${worker}); if [ -n "$now" ] && [ "$now" != "$before" ]; then echo config=reloaded; exit 0; fi; sleep 0.1; i=$((i+1)); done`,
    "  echo 'HAProxy did not start a worker with the new configuration within 5 s (a port taken? see its log); the old one keeps serving' >&2; exit 4",
    'fi',
    `if [ "$changed" = yes ]; then mv ${quote(h.config)}.new ${quote(h.config)} || exit 1; fi`,
    // The configuration names its pidfile: `-p` as well would make HAProxy complain.
    startProxy(
      ['haproxy', '-W', '-D', '-f', h.config],
      `${h.dir}/start.log`,
      'haproxy',
      host.listen.haproxy,
      `[ -n "$(${worker})" ]`
    )
  ]
}

function applyNginx(host: ProxyHost): string[] {
  const n = nginxPaths(host)
  const base = ['nginx', '-e', n.errorLog, '-c', n.config]
  return [
    `if [ "$changed" = yes ]; then mv ${quote(n.config)}.new ${quote(n.config)} || exit 1; fi`,
    `pid=$(cat ${quote(n.pidfile)} 2>/dev/null)`,
    'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
    `  if [ "$changed" != yes ]; then echo config=unchanged; exit 0; fi`,
    `  ${shellCommand([...base, '-s', 'reload'])} && echo config=reloaded; exit`,
    'fi',
    startProxy(base, `${n.dir}/start.log`, 'nginx', host.listen.nginx)
  ]
}

/** nginx: waits until the old workers (after a reload) finished their requests, at most `timeoutMs`. */
export function nginxDrainStep(host: ProxyHost, timeoutMs: number): RemoteStep {
  const pidfile = quote(nginxPaths(host).pidfile)
  const count = `ps -o args= --ppid "$(cat ${pidfile})" | grep -c 'shutting down'`
  return {
    name: `drain (old nginx workers, up to ${Math.round(timeoutMs / 100) / 10}s)`,
    script: untilZero(count, timeoutMs)
  }
}

/** Polls `count` every 0.1 s until it prints 0 or `timeoutMs` passed; prints `sessions=<n>`. */
function untilZero(count: string, timeoutMs: number): string {
  const rounds = Math.max(1, Math.ceil(timeoutMs / 100))
  return `i=0; while :; do n=$(${count}); if [ "\${n:-0}" = 0 ] || [ $i -ge ${rounds} ]; then break; fi; sleep 0.1; i=$((i+1)); done; echo "sessions=\${n:-0}"`
}

/**
 * Waits until `slot` of the app serves no request any more, at most `timeoutMs`; prints
 * `sessions=<n>` (0 once drained).
 */
export function haproxyDrainStep(
  host: ProxyHost,
  app: string,
  slot: Slot,
  timeoutMs: number
): RemoteStep {
  const sock = quote(`UNIX-CONNECT:${haproxyPaths(host).adminSocket}`)
  const count = `printf 'show stat\\n' | socat -t 2 stdio ${sock} | awk -F, -v b=${quote(app)} -v s=${quote(slot)} '$1==b && $2==s {print $5}'`
  return {
    name: `drain ${slot} (up to ${Math.round(timeoutMs / 100) / 10}s)`,
    script: untilZero(count, timeoutMs)
  }
}

export { parseCurrentSessions }

export function parseSessions(stdout: string): number {
  const m = /sessions=(\d+)/.exec(stdout)
  return m ? Number(m[1]) : 0
}

const composeBase = (compose: ComposeCommand) =>
  compose === 'docker compose' ? ['docker', 'compose'] : ['docker-compose']

/** `up -d` of a release in a slot: its own compose project, the slot's variables in the environment. */
export function slotUpStep(
  layout: AppLayout,
  compose: ComposeCommand,
  release: string,
  project: string,
  env: Record<string, string>
): RemoteStep {
  const dir = remotePath([layout.dir, RELEASES, release].join('/').replace(/\/+/g, '/'))
  const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`)
  return {
    name: `up (slot ${env.GANTRY_SLOT ?? ''})`,
    script: `cd ${dir} && ${shellCommand(['env', ...vars, ...composeBase(compose), '-p', project, '-f', COMPOSE_FILE, 'up', '-d', '--remove-orphans'])}`
  }
}

/** Every container of a compose project, by its label (no compose file needed). */
const projectContainers = (project: string) =>
  shellCommand(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`])

/** Stops and removes a slot's containers by their compose label (no compose file needed). */
export function slotDownStep(project: string, slot: Slot, stopTimeoutSeconds: number): RemoteStep {
  const list = projectContainers(project)
  return {
    name: `stop slot ${slot}`,
    script:
      `ids=$(${list}) && if [ -n "$ids" ]; then ${shellCommand(['docker', 'stop', '-t', String(stopTimeoutSeconds)])} $ids >/dev/null && docker rm $ids >/dev/null; fi; ` +
      `${shellCommand(['docker', 'network', 'rm', `${project}_default`])} >/dev/null 2>&1; true`
  }
}

/**
 * Why a project's containers failed: per container its name, state, exit code and health, then
 * its last log lines (prefixed `| `).
 */
export function failureReportStep(project: string, lines = 10): RemoteStep {
  const list = projectContainers(project)
  const format =
    '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} exit={{.State.ExitCode}}{{if .State.Health}} health={{.State.Health.Status}}{{end}}'
  return {
    name: 'why it failed',
    script: `for id in $(${list}); do ${shellCommand(['docker', 'inspect', '--format', format])} "$id"; ${shellCommand(['docker', 'logs', '--tail', String(lines)])} "$id" 2>&1 | sed 's/^/| /'; done`
  }
}

/** `<service> <state> exit=<n> [health=…]` lines and their log lines, as one message. */
export function describeFailure(stdout: string): string | undefined {
  const parts: string[] = []
  let logs: string[] = []
  const flush = () => {
    if (logs.length) parts[parts.length - 1] += `; last log lines: ${logs.slice(-5).join(' | ')}`
    logs = []
  }
  for (const raw of stdout.split('\n')) {
    const line = raw.trimEnd()
    if (!line) continue
    if (line.startsWith('| ')) logs.push(line.slice(2).trim())
    else {
      flush()
      const m = /^(\S+) (\S+) exit=(-?\d+)(?: health=(\S+))?$/.exec(line)
      if (!m) continue
      const [, service, state, exit, health] = m
      parts.push(
        `container of ${service} ${state} (exit code ${exit}${health ? `, ${health}` : ''})`
      )
    }
  }
  flush()
  return parts.length ? parts.join('; ') : undefined
}

/**
 * One request through the proxy (curl; the preview header comes on stdin, never on the command
 * line): prints `status=<code>` and `release=<value of the release header>`.
 */
export function probeStep(url: string, header?: string, host?: string): RemoteStep {
  const curl = ['curl', '-sS', '-m', '5', '-o', '/dev/null', '-D', '-', '-H', '@-', url]
  const lines = [...(host ? [`Host: ${host}`] : []), ...(header ? [header] : [])]
  return {
    name: `probe ${url}`,
    script:
      `${shellCommand(curl)} | tr -d '\\r' | awk 'NR==1 {print "status=" $2} ` +
      `tolower($1)=="${RELEASE_HEADER.toLowerCase()}:" {print "release=" $2}'`,
    stdin: lines.map((l) => `${l}\n`).join(''),
    secretStdin: Boolean(header)
  }
}

export function parseProbe(stdout: string): { status: number; release?: string } {
  const status = Number(/status=(\d+)/.exec(stdout)?.[1] ?? 0)
  const release = /release=(\S+)/.exec(stdout)?.[1]
  return release ? { status, release } : { status }
}

export type TestPhase = 'preview' | 'public'

/**
 * The user's post-deploy test, run in the release directory. Its environment (GANTRY_TEST_URL,
 * GANTRY_TEST_HEADER, GANTRY_TEST_PHASE, GANTRY_VERSION) arrives on stdin as data, exported
 * without evaluation; the preview token never appears on a command line.
 */
export function postDeployTestStep(
  layout: AppLayout,
  release: string,
  command: string,
  env: { url: string; header: string; host: string; phase: TestPhase; version: string }
): RemoteStep {
  const dir = remotePath([layout.dir, RELEASES, release].join('/').replace(/\/+/g, '/'))
  const lines = [
    `GANTRY_TEST_URL=${env.url}`,
    `GANTRY_TEST_HEADER=${env.header}`,
    `GANTRY_TEST_HOST=${env.host}`,
    `GANTRY_TEST_PHASE=${env.phase}`,
    `GANTRY_VERSION=${env.version}`
  ]
  return {
    name: `post-deploy-test (${env.phase === 'preview' ? 'preview route, before the switch' : 'public route'})`,
    script: `cd ${dir} && while IFS= read -r kv || [ -n "$kv" ]; do export "$kv" || exit 2; done && { ${command}\n} < /dev/null`,
    stdin: lines.join('\n') + '\n',
    secretStdin: env.phase === 'preview'
  }
}

/** The preview header line a test sends: `X-Gantry-Preview: <token>`. */
export const previewHeader = (token: string): string => `${PREVIEW_HEADER}: ${token}`
