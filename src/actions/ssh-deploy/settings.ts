/** The inputs of `ssh-deploy`, read once and validated before anything connects. */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { isValidTag, parseImageReference, tagOf } from '../../core/docker-reference.js'
import {
  formatHostSpec,
  HOST_SPEC_EXPECTED,
  parseHostSpec,
  type HostSpec
} from '../../core/hosts.js'
import type { BlueGreenOptions } from '../../deploy/targets/blue-green.js'
import type { HostPlan } from '../../deploy/target.js'
import { HOST_TARGET_NAMES, type HostTargetName } from '../../deploy/targets/index.js'
import {
  optionProblem,
  parseRouteHost,
  parseRoutePath,
  type Route
} from '../../core/deploy/proxy.js'
import { INPUTS } from '../../core/deploy/inputs.js'
import { ConfigurationError, InputError } from '../../lib/errors.js'
import { InputReader, splitList } from '../../lib/inputs.js'
import { parseKnownHosts, type KnownHostEntry } from '../../lib/known-hosts.js'
import {
  FULL_COMMIT,
  isLinkablePath,
  isSshRepository,
  type GitSource
} from '../../core/deploy/git.js'

export { INPUTS }

/** `strategy: blue-green` (compose target): two slots behind a proxy on each host. */
export type BlueGreenSettings = Omit<BlueGreenOptions, 'app'>

export interface DeploySettings {
  /** `compose` on every host, or `swarm`: a stack through one manager (deploy/targets/index.ts). */
  target: HostTargetName
  /** The stack name (target swarm): services are `<stack>_<service>`. */
  stack?: string
  /** `target: git`: where the code comes from and how a release is built and restarted. */
  git?: GitSettings
  /** `recreate` (compose's `up`, the default) or `blue-green` (two slots behind a proxy). */
  strategy: 'recreate' | 'blue-green'
  blueGreen?: BlueGreenSettings
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

export interface GitSettings {
  source: GitSource
  /** A full commit id, or a branch or tag to resolve once at the start. */
  ref: string
  build?: string
  restart?: string
  linked: { files: string[]; dirs: string[] }
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

/**
 * `image`: the repository to deploy, whose tag is `version` (on CircleCI, the `version` command's
 * output): the release's env gets `IMAGE=<image>:<version>` and `IMAGE_TAG=<version>`, as
 * `gantry agent` sets them, so the tag deployed is the one that was built and pushed, never one
 * composed by hand beside it. Undefined without `image`.
 */
function imageRepository(
  inputs: InputReader,
  env: string,
  rollingBack: boolean
): string | undefined {
  const text = inputs.optional(INPUTS.image)
  if (text === undefined) return undefined
  const parsed = parseImageReference(text)
  if ('error' in parsed) throw new InputError(INPUTS.image, text, parsed.error)
  if (parsed.reference.tag !== undefined || parsed.reference.digest !== undefined)
    throw new InputError(
      INPUTS.image,
      text,
      `a repository without a tag or digest (\`${parsed.name}\`): the tag is \`${INPUTS.version}\``
    )
  for (const key of ['IMAGE', 'IMAGE_TAG'])
    if (envValue(env, key) !== undefined)
      throw new InputError(
        INPUTS.env,
        `${key}=${envValue(env, key)}`,
        `no ${key} line with \`${INPUTS.image}\` (the release gets IMAGE=<image>:<version> and IMAGE_TAG=<version>)`
      )
  if (rollingBack) return undefined // a rollback runs the kept release's own .env
  const version = inputs.optional(INPUTS.version) ?? envValue(env, 'VERSION')
  if (version === undefined || !isValidTag(version))
    throw new InputError(
      INPUTS.version,
      version ?? '',
      `the image tag to deploy with \`${INPUTS.image}\` (letters, digits, \`_\`, \`.\`, \`-\`; on CircleCI the \`version\` command's output fills it)`
    )
  return parsed.name
}

function envValue(env: string, key: string): string | undefined {
  return env
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
    ?.slice(key.length + 1)
}

const BLUE_GREEN_ONLY = [
  INPUTS.proxyDriver,
  INPUTS.routeHost,
  INPUTS.routePath,
  INPUTS.proxyOptions,
  INPUTS.drainTimeout,
  INPUTS.postDeployTest
] as const

/** `strategy` and its inputs: blue-green only on the compose target, its inputs only with it. */
function strategyOf(
  inputs: InputReader,
  target: HostTargetName
): Pick<DeploySettings, 'strategy' | 'blueGreen'> {
  const strategy = inputs.choice(INPUTS.strategy, ['recreate', 'blue-green'] as const, 'recreate')
  if (strategy === 'recreate') {
    for (const name of BLUE_GREEN_ONLY) {
      const value = inputs.optional(name)
      if (value !== undefined)
        throw new InputError(name, value, `'${name}' only with \`${INPUTS.strategy}: blue-green\``)
    }
    return { strategy }
  }
  if (target !== 'compose')
    throw new InputError(
      INPUTS.strategy,
      strategy,
      `\`recreate\` with \`${INPUTS.target}: ${target}\` (blue-green is for \`${INPUTS.target}: compose\`; a swarm rolls its services out itself)`
    )
  const proxy = inputs.choice(INPUTS.proxyDriver, ['haproxy', 'nginx'] as const, 'haproxy')
  const route: Route = {}
  const hostText = inputs.optional(INPUTS.routeHost)
  if (hostText !== undefined) {
    const parsed = parseRouteHost(hostText)
    if ('error' in parsed) throw new InputError(INPUTS.routeHost, hostText, parsed.error)
    route.host = parsed.host
  }
  const pathText = inputs.optional(INPUTS.routePath)
  if (pathText !== undefined) {
    const parsed = parseRoutePath(pathText)
    if ('error' in parsed) throw new InputError(INPUTS.routePath, pathText, parsed.error)
    route.path = parsed.path
  }
  const options = (inputs.optional(INPUTS.proxyOptions) ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  for (const line of options) {
    const problem = optionProblem(proxy, line)
    if (problem) throw new InputError(INPUTS.proxyOptions, line, problem)
  }
  const previewToken = randomBytes(16).toString('hex')
  return {
    strategy,
    blueGreen: {
      proxy,
      route,
      options,
      drainTimeoutMs: inputs.duration(INPUTS.drainTimeout, 30_000),
      postDeployTest: inputs.optional(INPUTS.postDeployTest),
      previewToken
    }
  }
}

/** `target` and `stack`: a swarm takes one manager, and only a swarm has a stack. */
function targetOf(
  inputs: InputReader,
  hosts: HostSpec[],
  app: string
): Pick<DeploySettings, 'target' | 'stack'> {
  const target = inputs.choice(INPUTS.target, HOST_TARGET_NAMES, 'compose')
  const stack = inputs.optional(INPUTS.stack)
  if (target !== 'swarm') {
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

const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/
// ssh://…, git+ssh://…, https://…, git://…, file://…, scp-like user@host:path, or an absolute path.
const REPOSITORY =
  /^(?:(?:ssh|git\+ssh|ssh\+git|https?|git|file):\/\/[^\s]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+|[A-Za-z0-9.-]+:[^\s/][^\s]*|\/[^\s]*)$/
const REPOSITORY_EXPECTED =
  'a git URL the hosts can fetch: `git@host:org/app.git`, `ssh://…`, `https://…`, `git://…`, `file://…` or an absolute path'

/** A branch or tag name as git accepts it (check-ref-format), without anything a shell or git option could take. */
function isRefName(ref: string): boolean {
  return (
    !/[\s~^:?*[\\]/.test(ref) &&
    ![...ref].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127) &&
    !ref.startsWith('-') &&
    !ref.startsWith('/') &&
    !ref.endsWith('/') &&
    !ref.endsWith('.') &&
    !ref.endsWith('.lock') &&
    !ref.includes('..') &&
    !ref.includes('@{') &&
    !ref.includes('//') &&
    ref !== '@'
  )
}

function pathList(inputs: InputReader, name: string): string[] {
  const list = inputs.list(name)
  for (const path of list)
    if (!isLinkablePath(path))
      throw new InputError(
        name,
        path,
        'paths relative to the release, inside it (no leading `/`, no `..`), e.g. `.env` or `public/uploads`'
      )
  return list.map((p) => p.replace(/\/+$/, ''))
}

/** The inputs that belong to one target only: given with another, they would silently do nothing. */
const GIT_ONLY = [
  INPUTS.repository,
  INPUTS.commit,
  INPUTS.repositoryKey,
  INPUTS.repositoryKnownHosts,
  INPUTS.build,
  INPUTS.restart,
  INPUTS.linkedFiles,
  INPUTS.linkedDirs
] as const
const NOT_WITH_GIT = [
  INPUTS.version,
  INPUTS.env,
  INPUTS.image,
  INPUTS.registry,
  INPUTS.registryUsername,
  INPUTS.registryPassword
] as const

function gitSettings(
  inputs: InputReader,
  target: string,
  defaultCommit: string | undefined,
  rollingBack: boolean
): GitSettings | undefined {
  if (target !== 'git') {
    for (const name of GIT_ONLY) {
      const value = name === INPUTS.repositoryKey ? inputs.secret(name) : inputs.optional(name)
      if (value !== undefined)
        throw new InputError(
          name,
          name === INPUTS.repositoryKey ? '***' : value,
          `nothing with \`${INPUTS.target}: ${target}\` (it is an input of \`${INPUTS.target}: git\`)`
        )
    }
    return undefined
  }
  for (const name of NOT_WITH_GIT) {
    const value = name === INPUTS.registryPassword ? inputs.secret(name) : inputs.optional(name)
    if (value !== undefined)
      throw new InputError(
        name,
        name === INPUTS.registryPassword ? '***' : value,
        `nothing with \`${INPUTS.target}: git\` (the release is the repository's commit; shared files such as \`.env\` go in \`${INPUTS.linkedFiles}\`)`
      )
  }
  const repository = inputs.required(INPUTS.repository, REPOSITORY_EXPECTED)
  if (!REPOSITORY.test(repository) || repository.startsWith('-'))
    throw new InputError(INPUTS.repository, repository, REPOSITORY_EXPECTED)
  const ssh = isSshRepository(repository)

  const key = inputs.secret(INPUTS.repositoryKey)
  if (key !== undefined && !PRIVATE_KEY.test(key))
    throw new InputError(
      INPUTS.repositoryKey,
      '***',
      'a private key in PEM or OpenSSH format (the content of a read-only deploy key, not a path)'
    )
  if (key !== undefined && !ssh)
    throw new InputError(
      INPUTS.repositoryKey,
      '***',
      `a deploy key only with an SSH repository (\`${INPUTS.repository}\` is ${repository})`
    )
  const knownHostsText = inputs.optional(INPUTS.repositoryKnownHosts)
  if (ssh) {
    const { entries, invalidLines } = parseKnownHosts(knownHostsText ?? '')
    if (invalidLines.length || entries.length === 0)
      throw new InputError(
        INPUTS.repositoryKnownHosts,
        invalidLines.length ? `line ${invalidLines.join(', ')}` : (knownHostsText ?? ''),
        "the git server's known_hosts lines (e.g. the verified output of `ssh-keyscan github.com`): its host key is checked like a deploy host's"
      )
  }

  // A rollback deploys a kept release: no commit needed.
  const ref = inputs.optional(INPUTS.commit) ?? defaultCommit ?? (rollingBack ? 'HEAD' : undefined)
  if (ref === undefined)
    throw new InputError(
      INPUTS.commit,
      '',
      "the commit to deploy (a full commit id, a branch or a tag); by default the run's commit, which this CI did not give"
    )
  if (!FULL_COMMIT.test(ref.toLowerCase()) && !isRefName(ref))
    throw new InputError(INPUTS.commit, ref, 'a full commit id, a branch or a tag name')

  const files = pathList(inputs, INPUTS.linkedFiles)
  const dirs = pathList(inputs, INPUTS.linkedDirs)
  const seen = new Set<string>()
  for (const path of [...files, ...dirs]) {
    if (seen.has(path))
      throw new InputError(
        INPUTS.linkedFiles,
        path,
        'each linked path once, as a file or a directory'
      )
    seen.add(path)
  }
  return {
    source: { repository, ...(ssh ? { knownHosts: knownHostsText } : {}), ...(key ? { key } : {}) },
    ref: FULL_COMMIT.test(ref.toLowerCase()) ? ref.toLowerCase() : ref,
    build: inputs.optional(INPUTS.build),
    restart: inputs.optional(INPUTS.restart),
    linked: { files, dirs }
  }
}

/** How Gantry reaches the hosts: read by ssh-deploy, not by an agent running on the host. */
type Connection = Pick<DeploySettings, 'key' | 'passphrase' | 'trust' | 'proxy'>

/** The settings of one deploy without the SSH connection: what `gantry agent` reads too. */
export type ReleaseSettings = Omit<DeploySettings, keyof Connection>

export function readSettings(
  inputs: InputReader,
  workspace: string,
  context: { sha?: string } = {}
): DeploySettings {
  const hosts = hostList(inputs)
  const connection = readConnection(inputs, hosts)
  return { ...readReleaseSettings(inputs, workspace, context, hosts), ...connection }
}

function readConnection(inputs: InputReader, hosts: HostSpec[]): Connection {
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
  return {
    key,
    passphrase,
    trust: insecure ? 'insecure' : { entries, fingerprints: hostFingerprints },
    proxy
  }
}

/**
 * Everything but the connection, for `hosts` (already read): the target, the release, health,
 * rollback, locks. ssh-deploy reads it after the connection; `gantry agent` alone, from an app's
 * inputs, for the one host it runs on.
 */
export function readReleaseSettings(
  inputs: InputReader,
  workspace: string,
  context: { sha?: string },
  hosts: HostSpec[]
): ReleaseSettings {
  const app = inputs.required(INPUTS.app, 'the application name')
  if (!APP.test(app))
    throw new InputError(
      INPUTS.app,
      app,
      'a name of lowercase letters, digits, `_` and `-` (it names the compose project)'
    )
  const { target, stack } = targetOf(inputs, hosts, app)
  const { strategy, blueGreen } = strategyOf(inputs, target)
  const path = inputs.optional(INPUTS.path) ?? `~/gantry/${app}`
  if (/[\0\n]/.test(path)) throw new InputError(INPUTS.path, path, 'a directory path on one line')

  const rollbackTo = inputs.optional(INPUTS.rollbackTo)
  const git = gitSettings(inputs, target, context.sha, rollbackTo !== undefined)
  if (
    git &&
    rollbackTo !== undefined &&
    rollbackTo !== 'previous' &&
    !/^[0-9a-fA-F]{4,64}$/.test(rollbackTo)
  )
    throw new InputError(
      INPUTS.rollbackTo,
      rollbackTo,
      '`previous` or a commit id (at least its first 4 characters) of a release kept on the hosts'
    )
  let composeFile: DeploySettings['composeFile']
  if (rollbackTo === undefined && !git) {
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

  let env = envLines(inputs)
  const image = envValue(env, 'IMAGE')
  const repository = imageRepository(inputs, env, rollbackTo !== undefined)
  const version = git
    ? FULL_COMMIT.test(git.ref)
      ? git.ref.slice(0, 7)
      : git.ref
    : (inputs.optional(INPUTS.version) ??
      envValue(env, 'IMAGE_TAG') ??
      envValue(env, 'VERSION') ??
      (image && tagOf(image)) ??
      'unversioned')
  if (repository !== undefined) env += `IMAGE=${repository}:${version}\nIMAGE_TAG=${version}\n`

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
    git,
    strategy,
    blueGreen,
    hosts,
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

/** What every host is asked to do, from the settings: ssh-deploy's plan, and `gantry agent`'s. */
export function hostPlanOf(settings: ReleaseSettings, owner: HostPlan['owner']): HostPlan {
  return {
    layout: { dir: settings.path, project: settings.app },
    mode: settings.rollbackTo
      ? { kind: 'rollback', to: settings.rollbackTo }
      : {
          kind: 'deploy',
          version: settings.version,
          composeFile: settings.composeFile?.content ?? '',
          env: settings.env,
          registry: settings.registry,
          preDeploy: settings.preDeploy,
          postDeploy: settings.postDeploy
        },
    healthUrl: settings.healthUrl,
    healthTimeoutMs: settings.healthTimeoutMs,
    rollback: settings.rollback,
    keepReleases: settings.keepReleases,
    lockTimeoutMs: settings.lockTimeoutMs,
    lockStaleSeconds: settings.lockStaleSeconds,
    owner,
    token: settings.token
  }
}
