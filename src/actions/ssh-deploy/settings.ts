/** The inputs of `ssh-deploy`, read once and validated before anything connects. */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { tagOf } from '../../core/docker-reference.js'
import {
  formatHostSpec,
  HOST_SPEC_EXPECTED,
  parseHostSpec,
  type HostSpec
} from '../../core/hosts.js'
import { HOST_TARGET_NAMES, type HostTargetName } from '../../deploy/targets/index.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader, splitList } from '../../lib/inputs.js'
import { parseKnownHosts, type KnownHostEntry } from '../../lib/known-hosts.js'

export const INPUTS = {
  hosts: 'hosts',
  key: 'key',
  passphrase: 'passphrase',
  knownHosts: 'known-hosts',
  fingerprint: 'fingerprint',
  insecure: 'insecure-skip-host-key-check',
  proxyJump: 'proxy-jump',
  proxyKey: 'proxy-key',
  proxyFingerprint: 'proxy-fingerprint',
  app: 'app',
  path: 'path',
  composeFile: 'compose-file',
  env: 'env',
  version: 'version',
  registry: 'registry',
  registryUsername: 'registry-username',
  registryPassword: 'registry-password',
  healthUrl: 'health-url',
  healthTimeout: 'health-timeout',
  preDeploy: 'pre-deploy',
  postDeploy: 'post-deploy',
  maxParallel: 'max-parallel',
  onHostFailure: 'on-host-failure',
  rollback: 'rollback',
  rollbackTo: 'rollback-to',
  keepReleases: 'keep-releases',
  lockTimeout: 'lock-timeout',
  lockStaleAfter: 'lock-stale-after',
  dryRun: 'dry-run',
  target: 'target',
  stack: 'stack'
} as const

export interface DeploySettings {
  /** `compose` on every host, or `swarm`: a stack through one manager (deploy/targets/index.ts). */
  target: HostTargetName
  /** The stack name (target swarm): services are `<stack>_<service>`. */
  stack?: string
  hosts: HostSpec[]
  key: string
  passphrase?: string
  trust: { entries: KnownHostEntry[]; fingerprints: string[][] } | 'insecure'
  proxy?: { spec: HostSpec; key: string; fingerprints: string[] }
  app: string
  path: string
  composeFile?: { path: string; content: string }
  env: string
  version: string
  registry?: { server: string; username: string; password: string }
  healthUrl?: string
  healthTimeoutMs: number
  preDeploy?: string
  postDeploy?: string
  maxParallel: number
  onHostFailure: 'continue' | 'stop'
  rollback: boolean
  rollbackTo?: string
  keepReleases: number
  lockTimeoutMs: number
  lockStaleSeconds: number
  dryRun: boolean
  token: string
}

const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/
const APP = /^[a-z0-9][a-z0-9_-]{0,62}$/
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/
const STACK = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/

function hostList(inputs: InputReader): HostSpec[] {
  const raw = inputs.optional(INPUTS.hosts) ?? ''
  let items: string[]
  if (raw.startsWith('[')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      throw new InputError(
        INPUTS.hosts,
        raw,
        'a JSON array of `user@host[:port]` (as `environment` outputs), or one host per line'
      )
    }
    if (!Array.isArray(parsed) || !parsed.every((h) => typeof h === 'string')) {
      throw new InputError(INPUTS.hosts, raw, 'a JSON array of strings')
    }
    items = parsed as string[]
  } else items = splitList(raw)
  if (items.length === 0)
    throw new InputError(INPUTS.hosts, raw, `at least one host, ${HOST_SPEC_EXPECTED}`)
  const hosts = items.map((item) => {
    const spec = parseHostSpec(item)
    if (!spec) throw new InputError(INPUTS.hosts, item, HOST_SPEC_EXPECTED)
    return spec
  })
  const seen = new Set<string>()
  for (const h of hosts) {
    const name = formatHostSpec(h)
    if (seen.has(name)) throw new InputError(INPUTS.hosts, name, 'each host once')
    seen.add(name)
  }
  return hosts
}

function fingerprints(inputs: InputReader, name: string, count: number): string[][] {
  const list = inputs.list(name)
  for (const f of list)
    if (!FINGERPRINT.test(f))
      throw new InputError(
        name,
        f,
        'a fingerprint such as `SHA256:` + 43 base64 characters (as `ssh-keygen -lf` prints it)'
      )
  if (list.length === 0) return Array.from({ length: count }, () => [])
  if (list.length === 1) return Array.from({ length: count }, () => list)
  if (list.length !== count) {
    throw new InputError(
      name,
      list.join(', '),
      `one fingerprint for all hosts, or one per host (${count})`
    )
  }
  return list.map((f) => [f])
}

function envLines(inputs: InputReader): string {
  const lines = (inputs.optional(INPUTS.env) ?? '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'))
  for (const line of lines) {
    const eq = line.indexOf('=')
    const key = eq > 0 ? line.slice(0, eq).trim() : ''
    if (!ENV_KEY.test(key))
      throw new InputError(
        INPUTS.env,
        line,
        'KEY=VALUE lines with keys matching [A-Za-z_][A-Za-z0-9_]*'
      )
  }
  return (
    lines.map((l) => l.replace(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/, '$1=')).join('\n') +
    (lines.length ? '\n' : '')
  )
}

function envValue(env: string, key: string): string | undefined {
  return env
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
    ?.slice(key.length + 1)
}

/** `target` and `stack`: a swarm takes one manager, and only a swarm has a stack. */
function targetOf(
  inputs: InputReader,
  hosts: HostSpec[],
  app: string
): Pick<DeploySettings, 'target' | 'stack'> {
  const target = inputs.choice(INPUTS.target, HOST_TARGET_NAMES, 'compose')
  const stack = inputs.optional(INPUTS.stack)
  if (target === 'compose') {
    if (stack !== undefined)
      throw new InputError(
        INPUTS.stack,
        stack,
        `a stack name only with \`${INPUTS.target}: swarm\``
      )
    return { target }
  }
  if (hosts.length !== 1)
    throw new InputError(
      INPUTS.hosts,
      hosts.map(formatHostSpec).join(', '),
      `one swarm manager with \`${INPUTS.target}: swarm\` (the swarm places the services on its nodes)`
    )
  if (stack !== undefined && !STACK.test(stack))
    throw new InputError(
      INPUTS.stack,
      stack,
      'a stack name of letters, digits, `_` and `-`, starting with a letter or digit (at most 63)'
    )
  return { target, stack: stack ?? app }
}

export function readSettings(inputs: InputReader, workspace: string): DeploySettings {
  const hosts = hostList(inputs)
  const key = inputs.secret(INPUTS.key)
  if (key === undefined)
    throw new InputError(INPUTS.key, '', 'the private key (its content, e.g. from a secret)')
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key))
    throw new InputError(
      INPUTS.key,
      '***',
      'a private key in PEM or OpenSSH format (the content, not a path)'
    )
  const passphrase = inputs.secret(INPUTS.passphrase)

  const insecure = inputs.boolean(INPUTS.insecure, false)
  const knownHostsText = inputs.optional(INPUTS.knownHosts) ?? ''
  const { entries, invalidLines } = parseKnownHosts(knownHostsText)
  if (invalidLines.length) {
    throw new InputError(
      INPUTS.knownHosts,
      `line ${invalidLines.join(', ')}`,
      'known_hosts lines: `host[,host] keytype base64-key` (as `ssh-keyscan` prints them)'
    )
  }
  const hostFingerprints = fingerprints(inputs, INPUTS.fingerprint, hosts.length)
  if (!insecure && entries.length === 0 && hostFingerprints.every((f) => f.length === 0)) {
    throw new ConfigurationError(
      `Host-key checking is on: set input '${INPUTS.knownHosts}' (e.g. the output of \`ssh-keyscan -H host\`, verified) or '${INPUTS.fingerprint}' (SHA256:…), or turn checking off with '${INPUTS.insecure}: true'.`
    )
  }

  const proxyText = inputs.optional(INPUTS.proxyJump)
  let proxy: DeploySettings['proxy']
  if (proxyText !== undefined) {
    const spec = parseHostSpec(proxyText)
    if (!spec) throw new InputError(INPUTS.proxyJump, proxyText, HOST_SPEC_EXPECTED)
    proxy = {
      spec,
      key: inputs.secret(INPUTS.proxyKey) ?? key,
      fingerprints: fingerprints(inputs, INPUTS.proxyFingerprint, 1)[0] ?? []
    }
  }

  const app = inputs.required(INPUTS.app, 'the application name')
  if (!APP.test(app))
    throw new InputError(
      INPUTS.app,
      app,
      'a name of lowercase letters, digits, `_` and `-` (it names the compose project)'
    )
  const { target, stack } = targetOf(inputs, hosts, app)
  const path = inputs.optional(INPUTS.path) ?? `~/gantry/${app}`
  if (/[\0\n]/.test(path)) throw new InputError(INPUTS.path, path, 'a directory path on one line')

  const rollbackTo = inputs.optional(INPUTS.rollbackTo)
  let composeFile: DeploySettings['composeFile']
  if (rollbackTo === undefined) {
    const file = inputs.optional(INPUTS.composeFile) ?? 'docker-compose.yml'
    const full = isAbsolute(file) ? file : resolve(workspace, file)
    try {
      composeFile = { path: file, content: readFileSync(full, 'utf8') }
    } catch {
      throw new InputError(
        INPUTS.composeFile,
        file,
        `a compose file in the workspace (${full} cannot be read)`
      )
    }
  }

  const env = envLines(inputs)
  const image = envValue(env, 'IMAGE')
  const version =
    inputs.optional(INPUTS.version) ??
    envValue(env, 'IMAGE_TAG') ??
    envValue(env, 'VERSION') ??
    (image && tagOf(image)) ??
    'unversioned'

  const server = inputs.optional(INPUTS.registry)
  const username = inputs.optional(INPUTS.registryUsername)
  const password = inputs.secret(INPUTS.registryPassword)
  if (
    (username === undefined) !== (password === undefined) ||
    (username !== undefined && server === undefined)
  ) {
    throw new InputError(
      INPUTS.registry,
      server ?? '',
      `'${INPUTS.registry}', '${INPUTS.registryUsername}' and '${INPUTS.registryPassword}' together`
    )
  }
  const healthUrl = inputs.url(INPUTS.healthUrl, 'an http(s) URL, checked from the host')

  return {
    target,
    stack,
    hosts,
    key,
    passphrase,
    trust: insecure ? 'insecure' : { entries, fingerprints: hostFingerprints },
    proxy,
    app,
    path,
    composeFile,
    env,
    version,
    registry: server && username && password ? { server, username, password } : undefined,
    healthUrl,
    healthTimeoutMs: inputs.duration(INPUTS.healthTimeout, 60_000),
    preDeploy: inputs.optional(INPUTS.preDeploy),
    postDeploy: inputs.optional(INPUTS.postDeploy),
    maxParallel: inputs.integer(INPUTS.maxParallel, { min: 0, max: 1000 }) ?? 0,
    onHostFailure: inputs.choice(INPUTS.onHostFailure, ['continue', 'stop'] as const, 'continue'),
    rollback: inputs.boolean(INPUTS.rollback, true),
    rollbackTo,
    keepReleases: inputs.integer(INPUTS.keepReleases, { min: 1, max: 100 }) ?? 5,
    lockTimeoutMs: inputs.duration(INPUTS.lockTimeout, 600_000),
    lockStaleSeconds: Math.round(inputs.duration(INPUTS.lockStaleAfter, 1_800_000) / 1000),
    dryRun: inputs.boolean(INPUTS.dryRun, false),
    token: randomBytes(8).toString('hex')
  }
}
