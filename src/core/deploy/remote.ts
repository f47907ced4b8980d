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
}

/** Where an app lives on a host: releases/<id>/, current -> releases/<id>, .lock/ */
export interface AppLayout {
  /** As given (`~/gantry/shop`); expanded on the host. */
  dir: string
  /** The compose project name: stable across releases, so `up` replaces containers. */
  project: string
}

export type ComposeCommand = 'docker compose' | 'docker-compose'

const dirOf = (layout: AppLayout, ...parts: string[]) =>
  remotePath([layout.dir, ...parts].join('/').replace(/\/+/g, '/'))

export const RELEASES = 'releases'
export const COMPOSE_FILE = 'compose.yml'
export const ENV_FILE = '.env'
export const RELEASE_RECORD = 'release.json'

/** What the host has: its compose flavour, the current release, the releases kept, its clock. */
export function inspectStep(layout: AppLayout): RemoteStep {
  const dir = dirOf(layout)
  return {
    name: 'inspect',
    script: [
      `if docker compose version >/dev/null 2>&1; then echo 'compose=docker compose'`,
      `elif command -v docker-compose >/dev/null 2>&1; then echo 'compose=docker-compose'`,
      `else echo 'compose='; fi`,
      `echo "now=$(date +%s)"`,
      `if [ -L ${dir}/current ]; then echo "current=$(basename "$(readlink ${dir}/current)")"; fi`,
      `if [ -d ${dirOf(layout, RELEASES)} ]; then ls -1 ${dirOf(layout, RELEASES)} | sed 's/^/release=/'; fi`
    ].join('\n'),
    secretStdin: false
  }
}

export interface LockOwner {
  token: string
  actor?: string
  runUrl?: string
  version: string
}

/**
 * Takes the lock with an atomic mkdir; records who holds it and since when (the host's clock,
 * so no clock skew). When it is held, prints the holder instead.
 */
export function lockStep(layout: AppLayout, owner: LockOwner): RemoteStep {
  const lock = dirOf(layout, '.lock')
  return {
    name: 'lock',
    script:
      `mkdir -p ${dirOf(layout)} && if mkdir ${lock} 2>/dev/null; then ` +
      `date +%s > ${lock}/since && cat > ${lock}/owner.json && echo acquired; ` +
      `else echo held; echo "now=$(date +%s)"; echo "since=$(cat ${lock}/since 2>/dev/null)"; ` +
      `echo "owner=$(cat ${lock}/owner.json 2>/dev/null)"; fi`,
    stdin: JSON.stringify(owner)
  }
}

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

/** One line per container of the project: service, state, health (or `none`), exit code. */
export function statusStep(layout: AppLayout): RemoteStep {
  const format =
    '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}'
  return {
    name: 'status',
    script:
      `ids=$(${shellCommand(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${layout.project}`])}) && ` +
      `if [ -n "$ids" ]; then ${shellCommand(['docker', 'inspect', '--format', format])} $ids; fi`
  }
}

/** An HTTP check from the host itself (curl, else wget): exit 0 on a 2xx. */
export function healthUrlStep(url: string): RemoteStep {
  const curl = shellCommand(['curl', '-fsS', '-o', '/dev/null', '-m', '5', url])
  const wget = shellCommand(['wget', '-q', '-O', '/dev/null', '-T', '5', url])
  return {
    name: 'health url',
    script: `if command -v curl >/dev/null 2>&1; then ${curl}; else ${wget}; fi`
  }
}

/** Points `current` at a release. */
export function switchStep(layout: AppLayout, release: string): RemoteStep {
  return {
    name: 'switch current',
    script: `ln -sfn ${quote(`${RELEASES}/${release}`)} ${dirOf(layout, 'current')}`
  }
}

/** Removes old release directories and the images nothing uses any more. */
export function pruneStep(layout: AppLayout, releases: string[]): RemoteStep {
  const dirs = releases.map((r) => dirOf(layout, RELEASES, r)).join(' ')
  return {
    name: `prune ${releases.length} old release(s)`,
    script: `${releases.length ? `rm -rf ${dirs} && ` : ''}docker image prune -f >/dev/null`
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
