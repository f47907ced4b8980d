/**
 * A host's proxy for running the generated proxy scripts for real under /bin/sh: a temp home
 * (`~/gantry-proxy/`), the real `flock`, `cmp`, `head`, and recording fakes of `haproxy`, `nginx`
 * and `socat` on PATH. The fake HAProxy daemonises as HAProxy does (stdio closed, every other
 * inherited descriptor kept, its pid in the configuration's pidfile); the fake admin socket keeps
 * the servers' states and the maps in files, so a test can ask which release the proxy sends a
 * request to. Faults are files in the state directory (see `fault`).
 */
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { proxyCommitStep } from '../../../../src/core/deploy/blue-green.js'
import { haproxyCommands, haproxyConfig, releaseMap } from '../../../../src/core/deploy/haproxy.js'
import {
  DEFAULT_LISTEN,
  recordText,
  type ProxyApp,
  type ProxyHost
} from '../../../../src/core/deploy/proxy.js'
import type { Step } from '../../../../src/deploy/step.js'

const DAEMON = `sh -c 'trap "" USR2 HUP; exec sleep 60' </dev/null >/dev/null 2>&1 &
echo $! > "$pidfile"
echo $! >> "$FAKE_STATE/daemons"`

const FAKES: Record<string, string> = {
  haproxy: `printf 'haproxy %s\\n' "$*" >> "$FAKE_STATE/calls"
case " $* " in
  *" -c "*) if [ -f "$FAKE_STATE/check-fails" ]; then cat "$FAKE_STATE/check-fails" >&2; exit 1; fi; exit 0 ;;
esac
if [ -f "$FAKE_STATE/start-fails" ]; then cat "$FAKE_STATE/start-fails" >&2; exit 1; fi
cfg=; prev=; for a in "$@"; do [ "$prev" = -f ] && cfg=$a; prev=$a; done
pidfile=$(sed -n 's/^ *pidfile //p' "$cfg")
${DAEMON}`,
  nginx: `printf 'nginx %s\\n' "$*" >> "$FAKE_STATE/calls"
case " $* " in
  *" -t "*) if [ -f "$FAKE_STATE/check-fails" ]; then cat "$FAKE_STATE/check-fails" >&2; exit 1; fi; exit 0 ;;
  *" -s reload"*) exit 0 ;;
esac
if [ -f "$FAKE_STATE/start-fails" ]; then cat "$FAKE_STATE/start-fails" >&2; exit 1; fi
cfg=; prev=; for a in "$@"; do [ "$prev" = -c ] && cfg=$a; prev=$a; done
pidfile=$(sed -n 's/^pid \\(.*\\);$/\\1/p' "$cfg")
${DAEMON}`,
  // The admin socket: answers only while the HAProxy of its directory runs.
  socat: `sock=; for a in "$@"; do case $a in UNIX-CONNECT:*) sock=\${a#UNIX-CONNECT:};; esac; done
pid=$(cat "\${sock%/*}/haproxy.pid" 2>/dev/null)
if [ -f "$FAKE_STATE/socat-silent" ] || ! kill -0 "$pid" 2>/dev/null; then
  echo "socat: E connect(, AF=1 \${sock}): Connection refused" >&2; exit 1
fi
S=$FAKE_STATE; touch "$S/servers" "$S/maps"
tr ';' '\\n' | sed 's/^ *//' | while IFS= read -r c; do
  [ -n "$c" ] || continue
  printf 'socat %s\\n' "$c" >> "$S/calls"
  if [ -f "$S/socat-refuses" ] && printf '%s\\n' "$c" | grep -q -f "$S/socat-refuses"; then echo 'No such server.'; continue; fi
  set -- $c
  case "$1 $2" in
    "set server") { grep -v "^$3 " "$S/servers"; echo "$3 $5"; } > "$S/servers.tmp"; /bin/mv "$S/servers.tmp" "$S/servers" ;;
    "set map"|"add map") { grep -v "^$3 $4 " "$S/maps"; echo "$3 $4 $5"; } > "$S/maps.tmp"; /bin/mv "$S/maps.tmp" "$S/maps" ;;
    "del map") grep -v "^$3 $4 " "$S/maps" > "$S/maps.tmp"; /bin/mv "$S/maps.tmp" "$S/maps" ;;
    "show info") echo "Pid: $$" ;;
    "show servers") echo 1; sed 's/^/0 /' "$S/servers" ;;
    "show stat") echo '# pxname,svname,qcur,qmax,scur'; awk '{ split($1, b, "/"); print b[1] "," b[2] ",0,0,0" }' "$S/servers" ;;
  esac
done`,
  // A failed move (a full disk, a read-only file system) where the fault file's pattern matches.
  mv: `if [ -f "$FAKE_STATE/mv-fails" ] && printf '%s\\n' "$*" | grep -q -f "$FAKE_STATE/mv-fails"; then
  echo "mv: cannot move '$1': No space left on device" >&2; exit 1
fi
exec /bin/mv "$@"`
}

export type Fault = 'check-fails' | 'start-fails' | 'socat-silent' | 'socat-refuses' | 'mv-fails'

export interface FakeProxyHost {
  home: string
  dir: string
  /** Every call of a fake: `haproxy -W -D -f …`, `socat set server shop/green state ready`. */
  calls(): string[]
  run(step: Step): { code: number | null; stdout: string; stderr: string; ms: number }
  /** Starts an injected fault (its content: the message, or a grep pattern of what it hits). */
  fault(kind: Fault, content?: string): void
  clear(kind: Fault): void
  /** The runtime state of a server, `ready`, `drain`, `maint`, or undefined when never set. */
  server(name: string): string | undefined
  /** What a request through the proxy gets: the release of the slot of `app` that is ready. */
  answer(app: string, previewToken?: string): { status: number; release?: string }
  write(relative: string, content: string): void
  read(relative: string): string | undefined
  cleanup(): void
}

export function fakeProxyHost(): FakeProxyHost {
  const root = mkdtempSync(join(tmpdir(), 'gantry-proxy-'))
  const home = join(root, 'home')
  const bin = join(root, 'bin')
  const state = join(root, 'state')
  for (const d of [home, bin, state]) mkdirSync(d)
  for (const [name, body] of Object.entries(FAKES)) {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  const dir = join(home, 'gantry-proxy')
  const lines = (file: string) =>
    existsSync(join(state, file))
      ? readFileSync(join(state, file), 'utf8').split('\n').filter(Boolean)
      : []
  const server = (name: string) =>
    lines('servers')
      .find((l) => l.startsWith(`${name} `))
      ?.split(' ')[1]
  const mapped = (file: string, key: string) =>
    lines('maps')
      .find((l) => l.startsWith(`${file} ${key} `))
      ?.split(' ')[2]
  return {
    home,
    dir,
    calls: () => lines('calls'),
    run(step) {
      const started = Date.now()
      const r = spawnSync('/bin/sh', ['-c', step.script], {
        input: step.stdin ?? '',
        encoding: 'utf8',
        timeout: 90_000,
        env: { HOME: home, PATH: `${bin}:/usr/bin:/bin`, FAKE_STATE: state }
      })
      return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - started }
    },
    fault: (kind, content = '') => writeFileSync(join(state, kind), content),
    clear: (kind) => rmSync(join(state, kind), { force: true }),
    server,
    answer(app, previewToken) {
      const backend = previewToken ? mapped(`${dir}/haproxy/preview.map`, previewToken) : app
      if (!backend) return { status: 503 }
      const slot = ['blue', 'green'].find((s) => server(`${backend}/${s}`) === 'ready')
      if (!slot) return { status: 503 }
      const release = mapped(`${dir}/haproxy/maps/${app}.map`, slot)
      return release ? { status: 200, release } : { status: 200 }
    },
    write(relative, content) {
      const path = join(dir, relative)
      mkdirSync(join(path, '..'), { recursive: true })
      writeFileSync(path, content)
    },
    read(relative) {
      const path = join(dir, relative)
      return existsSync(path) ? readFileSync(path, 'utf8') : undefined
    },
    cleanup() {
      for (const pid of lines('daemons'))
        try {
          process.kill(Number(pid))
        } catch {
          // already gone
        }
      rmSync(root, { recursive: true, force: true })
    }
  }
}

/** The fake host's proxy settings (host.json's defaults). */
export const fakeHostSettings = (fake: FakeProxyHost): ProxyHost => ({
  dir: fake.dir,
  upstreamHost: '127.0.0.1',
  listen: DEFAULT_LISTEN
})

/** An HAProxy app record as a deploy leaves it: its files, HAProxy running, its live slot ready. */
export function seedLive(fake: FakeProxyHost, app: ProxyApp & { live: 'blue' | 'green' }): void {
  const host = fakeHostSettings(fake)
  const commit = (runtime?: string[]) =>
    fake.run(
      proxyCommitStep({
        name: 'seed',
        driver: 'haproxy',
        host,
        files: [
          { path: `apps/${app.app}.json`, content: recordText(app) },
          { path: `haproxy/maps/${app.app}.map`, content: releaseMap(app) }
        ],
        config: haproxyConfig(host, [app]),
        ...(runtime ? { runtime } : {})
      })
    )
  const version = app.releases[app.live] ?? '-'
  for (const r of [
    commit(),
    commit([
      ...haproxyCommands.switch(app, app.live),
      `set map ${fake.dir}/haproxy/maps/${app.app}.map ${app.live} ${version}`
    ])
  ])
    if (r.code !== 0) throw new Error(`seeding the fake proxy failed: ${r.stderr}`)
}
