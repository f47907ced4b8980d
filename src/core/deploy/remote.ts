/**
 * Every command Gantry runs on a deploy host, built as data: a POSIX sh script whose every value
 * went through quote(), plus what goes to its stdin (file contents, the registry password: never
 * on a command line). Nothing here runs anything; src/io/deploy executes these steps over SSH,
 * and the tests assert them exactly, as Kamal's command tests do.
 */
import { quote, remotePath, shellCommand } from '../../lib/shell.js'

export interface RemoteStep {
  /** What the step does, for logs and dry runs. */
  name: string
  script: string
  stdin?: string
  /** stdin holds a secret: never print it, even in a dry run. */
  secretStdin?: boolean
  /** Its exit code is an answer, not an error: in a batch, the steps after it still run. */
  mayFail?: boolean
}

/** Where an app lives on a host: releases/<id>/, current -> releases/<id>, .lock/ */
export interface AppLayout {
  /** As given (`~/gantry/shop`); expanded on the host. */
  dir: string
  /** The compose project name: stable across releases, so `up` replaces containers. */
  project: string
}

export type ComposeCommand = 'docker compose' | 'docker-compose'

/** A path under the app's directory, ready for the remote shell. */
export const dirOf = (layout: AppLayout, ...parts: string[]) =>
  remotePath([layout.dir, ...parts].join('/').replace(/\/+/g, '/'))

export const RELEASES = 'releases'
export const COMPOSE_FILE = 'compose.yml'
export const ENV_FILE = '.env'
export const RELEASE_RECORD = 'release.json'
/** Written after a swarm rollout completed: each service's image, to recognise the release later. */
export const STACK_RECORD = 'stack.json'

/** What the host has: its compose flavour, the current release, the releases kept, its clock. */
export function inspectStep(layout: AppLayout): RemoteStep {
  return {
    name: 'inspect',
    script: [
      `if docker compose version >/dev/null 2>&1; then echo 'compose=docker compose'`,
      `elif command -v docker-compose >/dev/null 2>&1; then echo 'compose=docker-compose'`,
      `else echo 'compose='; fi`,
      `echo "now=$(date +%s)"`,
      ...releaseLines(layout)
    ].join('\n'),
    secretStdin: false
  }
}

/** Prints `current=<id>` and one `release=<id>` per kept release. */
function releaseLines(layout: AppLayout): string[] {
  const dir = dirOf(layout)
  return [
    `if [ -L ${dir}/current ]; then echo "current=$(basename "$(readlink ${dir}/current)")"; fi`,
    `if [ -d ${dirOf(layout, RELEASES)} ]; then ls -1 ${dirOf(layout, RELEASES)} | sed 's/^/release=/'; fi`
  ]
}

export interface LockOwner {
  token: string
  actor?: string
  runUrl?: string
  version: string
}

/**
 * Takes the lock with an atomic mkdir; records who holds it and since when (the host's clock,
 * so no clock skew). When it is held, prints the holder instead and exits LOCK_HELD, so that in
 * a batch the steps after it (the release's upload, pull, up) do not run.
 */
export function lockStep(layout: AppLayout, owner: LockOwner): RemoteStep {
  const lock = dirOf(layout, '.lock')
  return {
    name: 'lock',
    script:
      `mkdir -p ${dirOf(layout)} && if mkdir ${lock} 2>/dev/null; then ` +
      `date +%s > ${lock}/since && { cat ${BOOT_ID} > ${lock}/boot 2>/dev/null; ` +
      `cat > ${lock}/owner.json; } && echo acquired; ` +
      `else echo held; echo "now=$(date +%s)"; echo "since=$(cat ${lock}/since 2>/dev/null)"; ` +
      `echo "boot=$(cat ${lock}/boot 2>/dev/null)"; echo "bootnow=$(cat ${BOOT_ID} 2>/dev/null)"; ` +
      `echo "owner=$(cat ${lock}/owner.json 2>/dev/null)"; exit ${LOCK_HELD}; fi`,
    stdin: JSON.stringify(owner)
  }
}

/**
 * The kernel's id of this boot (Linux). A lock taken in an earlier boot is left by a run the
 * reboot ended (its connection, or the agent, died with it), so it need not wait out its age.
 */
const BOOT_ID = '/proc/sys/kernel/random/boot_id'

/** The lock step's exit code when another deploy holds the lock. */
export const LOCK_HELD = 75

/** Breaks a stale lock, but only the one seen (same `since`), never one taken meanwhile. */
export function breakLockStep(layout: AppLayout, since: string): RemoteStep {
  const lock = dirOf(layout, '.lock')
  return {
    name: 'break stale lock',
    script: `if [ "$(cat ${lock}/since 2>/dev/null)" = ${quote(since)} ]; then rm -rf ${lock}; fi`
  }
}

/** Releases the lock only if it is still ours. */
export function unlockStep(layout: AppLayout, token: string): RemoteStep {
  const lock = dirOf(layout, '.lock')
  return {
    name: 'unlock',
    script: `if grep -q ${quote(`"token":${JSON.stringify(token)}`)} ${lock}/owner.json 2>/dev/null; then rm -rf ${lock}; fi`
  }
}

export function writeFileStep(
  layout: AppLayout,
  release: string,
  file: string,
  content: string
): RemoteStep {
  const dir = dirOf(layout, RELEASES, release)
  return {
    name: `upload ${file}`,
    script: `mkdir -p ${dir} && cat > ${dir}/${quote(file)}`,
    stdin: content
  }
}

export function loginStep(registry: string, username: string, password: string): RemoteStep {
  return {
    name: `registry login ${registry}`,
    script: shellCommand(['docker', 'login', '--username', username, '--password-stdin', registry]),
    stdin: password,
    secretStdin: true
  }
}

function composeIn(
  layout: AppLayout,
  compose: ComposeCommand,
  release: string,
  args: string[]
): string {
  const base = compose === 'docker compose' ? ['docker', 'compose'] : ['docker-compose']
  return `cd ${dirOf(layout, RELEASES, release)} && ${shellCommand([...base, '-p', layout.project, '-f', COMPOSE_FILE, ...args])}`
}

export function pullStep(layout: AppLayout, compose: ComposeCommand, release: string): RemoteStep {
  return { name: 'pull', script: composeIn(layout, compose, release, ['pull']) }
}

export function upStep(layout: AppLayout, compose: ComposeCommand, release: string): RemoteStep {
  return {
    name: 'up',
    script: composeIn(layout, compose, release, ['up', '-d', '--remove-orphans'])
  }
}

/**
 * One line per container of the project: service, state, health (or `none`), exit code, then its
 * id and health check command (JSON, `null` without one), so that Gantry can run the check of a
 * container still `starting` at once.
 */
export function statusStep(layout: AppLayout): RemoteStep {
  const format =
    '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}' +
    ' {{.Id}} {{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{else}}null{{end}}'
  return {
    name: 'status',
    script:
      `ids=$(${shellCommand(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${layout.project}`])}) && ` +
      `if [ -n "$ids" ]; then ${shellCommand(['docker', 'inspect', '--format', format])} $ids; fi`
  }
}

/**
 * The directory each container of a compose project was started from (compose's working_dir
 * label): a release directory, so what the project runs, whatever `current` says.
 */
export function runningReleaseStep(project: string): RemoteStep {
  const format = '{{index .Config.Labels "com.docker.compose.project.working_dir"}}'
  return {
    name: 'running release',
    script:
      `ids=$(${shellCommand(['docker', 'ps', '-q', '--filter', `label=com.docker.compose.project=${project}`])}) && ` +
      `if [ -n "$ids" ]; then ${shellCommand(['docker', 'inspect', '--format', format])} $ids; fi`
  }
}

/** The one release directory every running container came from, or undefined. */
export function parseRunningRelease(stdout: string): string | undefined {
  const dirs = new Set(
    stdout
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
  )
  const [dir] = dirs
  const match = dirs.size === 1 ? new RegExp(`/${RELEASES}/([^/]+)/?$`).exec(dir ?? '') : null
  return match?.[1]
}

/**
 * Runs a container's own health check now (`docker exec`, at most 10 s): exit 0 means the app
 * answers as its health check wants. Docker's verdict still rules a failure; this only sees
 * success sooner.
 */
export function healthProbeStep(check: {
  id: string
  service: string
  argv: string[]
}): RemoteStep {
  const exec = shellCommand(['docker', 'exec', check.id, ...check.argv])
  return {
    name: `health check ${check.service}`,
    script: `if command -v timeout >/dev/null 2>&1; then timeout 10 ${exec}; else ${exec}; fi`,
    mayFail: true
  }
}

/** An HTTP check from the host itself (curl, else wget): exit 0 on a 2xx. */
export function healthUrlStep(url: string): RemoteStep {
  const curl = shellCommand(['curl', '-fsS', '-o', '/dev/null', '-m', '5', url])
  const wget = shellCommand(['wget', '-q', '-O', '/dev/null', '-T', '5', url])
  return {
    name: 'health url',
    script: `if command -v curl >/dev/null 2>&1; then ${curl}; else ${wget}; fi`,
    mayFail: true
  }
}

/** Points `current` at a release. */
/**
 * Points `current` at a release atomically: a new symlink beside it, renamed over it (rename(2)
 * replaces the name in one step; `ln -sfn` alone unlinks first), so a reader finds the old tree
 * or the new one, never none.
 */
export function switchStep(layout: AppLayout, release: string): RemoteStep {
  const next = dirOf(layout, `.current.${release}`)
  return {
    name: 'switch current',
    script: `ln -sfn ${quote(`${RELEASES}/${release}`)} ${next} && mv -T ${next} ${dirOf(layout, 'current')}`
  }
}

/** A file in a release directory once its images carry the release's tag (see pruneStep). */
export const IMAGES_TAGGED = '.images-tagged'

/**
 * Removes old release directories and the images only they used, and nothing else: never an
 * image a kept release needs to roll back to, never an image Gantry did not pull for this app
 * (no host-wide `docker image prune`: it takes every untagged image no container runs, another
 * app's rollback image pulled by digest too). Images pulled by digest (`IMAGE=repo@sha256:…`)
 * have no tag, and a nightly `docker system prune -f` would take the previous release's: so with
 * compose each kept release's images get a tag of their own, `<repository>:gantry-<release id>`
 * (once, while they are the images the release pulled), removed with the release. A swarm's
 * releases name their images in their stack record.
 */
export function pruneStep(
  layout: AppLayout,
  releases: string[],
  /** The host's compose (compose targets): given, kept releases' images are tagged. */
  compose?: ComposeCommand
): RemoteStep {
  const all = dirOf(layout, RELEASES)
  const config = compose === 'docker compose' ? 'docker compose' : 'docker-compose'
  const pruned = releases.map(quote).join(' ')
  const skipPruned = `case " ${pruned} " in *" $(basename "$d") "*) continue;; esac`
  // A release's images. Compose: the list its marker keeps, else what `config` prints (the
  // file interpolated with the release's .env; v1 has no `--images`). Swarm: its stack record.
  const imgsof = compose
    ? `imgsof() { if [ -s "$1"${IMAGES_TAGGED} ]; then cat "$1"${IMAGES_TAGGED}; else ` +
      `(cd "$1" && ${config} -f ${COMPOSE_FILE} config 2>/dev/null | sed -n "s/^ *image: *['\\"]*\\([^'\\"]*\\).*/\\1/p"); fi; }`
    : `imgsof() { if [ -f "$1"${STACK_RECORD} ]; then tr ',{}' '\\n\\n\\n' < "$1"${STACK_RECORD} | sed -n 's/^ *"[^"]*" *: *"\\(.*\\)" *$/\\1/p'; fi; }`
  return {
    name: `prune ${releases.length} old release(s)`,
    script: [
      imgsof,
      ...(compose
        ? [
            // A tag holds at most 128 characters; release ids are tag-safe already.
            `gtag() { printf 'gantry-%s' "$1" | cut -c1-128; }`,
            // Kept releases are tagged first: on Docker 20.10, removing a repository's last tag
            // drops its digest references too, so untagging a pruned release that shares an
            // image with a kept one before the kept one holds its own tag would take the image
            // rollback needs. The marker (the list of the release's images) is written only
            // when every image was tagged.
            `if [ -d ${all} ]; then for d in ${all}/*/; do ${skipPruned}; ` +
              `if [ -f "$d"${COMPOSE_FILE} ] && [ ! -s "$d"${IMAGES_TAGGED} ]; then t=$(gtag "$(basename "$d")"); ` +
              `imgs=$(imgsof "$d"); ok=1; ` +
              `for i in $imgs; do repo=\${i%%@*}; case \${repo##*/} in *:*) repo=\${repo%:*};; esac; ` +
              `docker tag "$i" "$repo:$t" >/dev/null 2>&1 || ok=0; done; ` +
              `if [ "$ok" = 1 ]; then printf '%s\\n' $imgs > "$d"${IMAGES_TAGGED}; fi; fi; done; fi`
          ]
        : []),
      ...(releases.length
        ? [
            // The images kept releases run (by image id): a pruned release's references to
            // any other image are removed, so old releases' images do not fill the disk (an
            // image pulled by digest has no tag, and no image prune ever takes it). `docker rmi`
            // of a reference leaves an image another tag or a container still uses.
            `keep=$(for d in ${all}/*/; do [ -d "$d" ] || continue; ${skipPruned}; imgsof "$d"; done | ` +
              `xargs -r docker image inspect -f '{{.Id}}' 2>/dev/null)`,
            `for r in ${pruned}; do ` +
              `for i in $(imgsof ${all}/"$r"/); do id=$(docker image inspect -f '{{.Id}}' "$i" 2>/dev/null) || continue; ` +
              `case "$keep" in *"$id"*) ;; *) docker rmi "$i" >/dev/null 2>&1 || true;; esac; done` +
              (compose
                ? `; t=$(gtag "$r"); docker images --format '{{.Repository}}:{{.Tag}}' | awk -F: -v t="$t" '$NF == t' | ` +
                  `while read -r i; do docker rmi "$i" >/dev/null 2>&1 || true; done`
                : '') +
              '; done',
            `rm -rf ${releases.map((r) => dirOf(layout, RELEASES, r)).join(' ')}`
          ]
        : [])
    ].join('\n'),
    // A failed prune leaves disk used, not a failed deploy.
    mayFail: true
  }
}

/**
 * A release that failed and is not live (nothing changed, or the previous one runs again): its
 * directory and the images only it pulled go at once, since pruning runs only after a success
 * and a host whose deploys keep failing would fill its disk.
 */
export function discardReleaseStep(
  layout: AppLayout,
  release: string,
  compose?: ComposeCommand
): RemoteStep {
  return { ...pruneStep(layout, [release], compose), name: `discard the failed release ${release}` }
}

/**
 * A release's files in one stream: each file reads exactly its own bytes of stdin, so a compose
 * file, a `.env` and the release record cost one round trip, with the contents never on a command
 * line.
 */
export function uploadStep(
  layout: AppLayout,
  release: string,
  files: readonly { name: string; content: string }[]
): RemoteStep {
  const dir = dirOf(layout, RELEASES, release)
  const bytes = (text: string) => new TextEncoder().encode(text).length
  return {
    name: `upload ${files.map((f) => f.name).join(', ')}`,
    script: [
      `mkdir -p ${dir}`,
      ...files.map((f) => `head -c ${bytes(f.content)} > ${dir}/${quote(f.name)}`)
    ].join(' && '),
    stdin: files.map((f) => f.content).join('')
  }
}

/** The record of the release `current` points at; empty when there is none. */
export function currentRecordStep(layout: AppLayout): RemoteStep {
  return {
    name: 'read current release',
    script: `cat ${dirOf(layout, 'current', RELEASE_RECORD)} 2>/dev/null || true`
  }
}

export function readRecordStep(layout: AppLayout, release: string): RemoteStep {
  return {
    name: 'read release',
    script: `cat ${dirOf(layout, RELEASES, release, RELEASE_RECORD)} 2>/dev/null || true`
  }
}

/** A user's pre-/post-deploy command, run in the release directory. Its text is the user's own shell. */
export function hookStep(
  layout: AppLayout,
  release: string,
  name: string,
  command: string
): RemoteStep {
  return { name, script: `cd ${dirOf(layout, RELEASES, release)} && ${command}` }
}

// ---------------------------------------------------------------------------------------------
// target: swarm. One manager; the swarm rolls the services out (and back) by the compose file's
// deploy.update_config; these steps start it and read its state.

const SWARM_INFO = '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}'

/**
 * For `target: swarm`: the node's swarm state (`swarm=active true` on a manager, else what
 * `docker info` said), whether `docker stack deploy` has `--detach` (CLI 26+), the clock, the
 * current release and the releases kept.
 */
export function swarmInspectStep(layout: AppLayout): RemoteStep {
  return {
    name: 'inspect swarm',
    script: [
      `echo "swarm=$(${shellCommand(['docker', 'info', '--format', SWARM_INFO])} 2>&1 | tail -n 1)"`,
      `if docker stack deploy --help 2>/dev/null | grep -q -e --detach; then echo detach=yes; fi`,
      `echo "now=$(date +%s)"`,
      ...releaseLines(layout)
    ].join('\n')
  }
}

/**
 * `docker stack deploy` from the release directory. The `env` values arrive on stdin, one
 * `KEY=VALUE` per line, and are exported as data: nothing evaluates them (a `.env` sourced by the
 * shell would run any `$(…)` in a value). `docker stack deploy` reads no `.env` itself; compose
 * interpolates the environment. `--prune` removes services dropped from the file, as compose's
 * `--remove-orphans` does; `--detach=true` where the CLI has the flag (Gantry follows the rollout).
 */
export function stackDeployStep(
  layout: AppLayout,
  release: string,
  stack: string,
  options: { detach: boolean; env: string }
): RemoteStep {
  const deploy = [
    'docker',
    'stack',
    'deploy',
    ...(options.detach ? ['--detach=true'] : []),
    '--prune',
    '--with-registry-auth',
    '-c',
    COMPOSE_FILE,
    stack
  ]
  return {
    name: 'stack deploy',
    script:
      `cd ${dirOf(layout, RELEASES, release)} && ` +
      `while IFS= read -r kv || [ -n "$kv" ]; do if [ -n "$kv" ]; then export "$kv" || exit 2; fi; done && ` +
      shellCommand(deploy),
    stdin: options.env
  }
}

/** One JSON object per task; `json` quotes every field, whatever the error text holds. */
const TASK_FORMAT =
  '{"id":{{json .ID}},"name":{{json .Name}},"image":{{json .Image}},"node":{{json .Node}},' +
  '"desired":{{json .DesiredState}},"current":{{json .CurrentState}},"error":{{json .Error}}}'

/**
 * The stack's state in one round trip, in three sections: `#services` (`name running/desired`
 * from `docker service ls`), `#inspect` (one `docker service inspect` JSON per line: spec, previous
 * spec, UpdateStatus) and `#tasks` (`docker stack ps --no-trunc`, one JSON per line).
 */
export function stackStatusStep(stack: string): RemoteStep {
  const filter = ['--filter', `label=com.docker.stack.namespace=${stack}`]
  return {
    name: 'stack status',
    script: [
      'set -e',
      'echo "#services"',
      shellCommand(['docker', 'service', 'ls', ...filter, '--format', '{{.Name}} {{.Replicas}}']),
      `ids=$(${shellCommand(['docker', 'service', 'ls', '-q', ...filter])})`,
      'echo "#inspect"',
      `if [ -n "$ids" ]; then ${shellCommand(['docker', 'service', 'inspect', '--format', '{{json .}}'])} $ids; fi`,
      'echo "#tasks"',
      // `stack ps` fails with "nothing found in stack" while no task exists yet (0 replicas).
      `if [ -n "$ids" ]; then ${shellCommand(['docker', 'stack', 'ps', '--no-trunc', '--format', TASK_FORMAT, stack])} || true; fi`
    ].join('\n')
  }
}

/** `rollback-to: previous`: each service back to its previous spec, by the swarm (rollback_config). */
export function serviceRollbackStep(services: string[]): RemoteStep {
  return {
    name: `service rollback ${services.join(' ')}`,
    script: services
      .map((s) => shellCommand(['docker', 'service', 'rollback', '--detach', '--quiet', s]))
      .join(' && ')
  }
}

/** A file of a kept release (its `.env`, to deploy that release again); empty when missing. */
export function readReleaseFileStep(layout: AppLayout, release: string, file: string): RemoteStep {
  return {
    name: `read ${file}`,
    script: `cat ${dirOf(layout, RELEASES, release)}/${quote(file)} 2>/dev/null || true`
  }
}

/** `<release>\t<stack.json on one line>` for every kept release that completed a swarm rollout. */
export function readStackRecordsStep(layout: AppLayout): RemoteStep {
  return {
    name: 'read stack records',
    script:
      `for d in ${dirOf(layout, RELEASES)}/*/; do if [ -f "$d"${STACK_RECORD} ]; then ` +
      `printf '%s\t%s\n' "$(basename "$d")" "$(tr -d '\n' < "$d"${STACK_RECORD})"; fi; done`
  }
}
