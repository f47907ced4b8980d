/**
 * The agent's YAML file → AgentConfig (src/agent/contract.ts). Pure: the caller passes the text,
 * the environment and a `readSecret` that reads a `*-file` or `*-env` (so a missing secret is
 * reported here, at its key, with the file's line). Every problem is collected, and each becomes
 * one line `<file>:<line>: <key path>: <problem>`, so `gantry agent check` shows all at once.
 *
 * App settings that are ssh-deploy inputs keep ssh-deploy's names and go into `AppConfig.inputs`
 * as the text written (the deployer feeds them to ssh-deploy's own settings reader); what only
 * the agent has (image, tags, branch, step-timeout, triggers, notify) is validated here. The
 * common typed inputs (durations, numbers, URLs) are checked here too, so their errors get a line.
 */
import type {
  AgentConfig,
  AppConfig,
  AppTriggers,
  SecretSource,
  TriggerKind
} from '../../agent/contract.js'
import { formatReference, parseImageReference } from '../docker-reference.js'
import { isPlainObject } from '../json.js'
import { INPUTS } from '../deploy/inputs.js'
import { parseTargets } from '../notify/targets.js'
import { ConfigurationError, InputError, errorMessage } from '../../lib/errors.js'
import { InputReader, parseDuration } from '../../lib/inputs.js'
import { parseYaml, validateYaml, YamlPathError, type YamlPath } from '../yaml.js'

export interface ConfigContext {
  /** Reads a secret; throws an Error whose message says why it cannot (never the value). */
  readSecret(source: SecretSource): string
  /** For the default state directory: XDG_STATE_HOME. */
  env: Readonly<Record<string, string | undefined>>
  /** The user's home directory, for `~/` and the default state directory. */
  home: string
}

/** All the problems of one file, one `<file>:<line>: <key path>: <problem>` line each. */
export class AgentConfigError extends ConfigurationError {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

export const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9000 }
export const DEFAULT_MAX_BODY = 1024 * 1024
export const DEFAULT_MAX_PENDING = 32
export const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000
export const APP_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/

const TOP_KEYS = [
  'listen',
  'tls',
  'state-dir',
  'token-file',
  'token-env',
  'log-format',
  'max-body',
  'max-pending',
  'apps'
] as const

/** ssh-deploy inputs an app may set, passed on as written. */
const COMMON_INPUTS = [
  INPUTS.path,
  INPUTS.healthUrl,
  INPUTS.healthTimeout,
  INPUTS.preDeploy,
  INPUTS.postDeploy,
  INPUTS.rollback,
  INPUTS.keepReleases,
  INPUTS.lockTimeout,
  INPUTS.lockStaleAfter
] as const
const COMPOSE_INPUTS = [INPUTS.composeFile, INPUTS.env, INPUTS.registryUsername] as const
const BLUE_GREEN_INPUTS = [
  INPUTS.proxyDriver,
  INPUTS.routeHost,
  INPUTS.routePath,
  INPUTS.proxyOptions,
  INPUTS.drainTimeout,
  INPUTS.postDeployTest
] as const
const GIT_INPUTS = [
  INPUTS.repository,
  INPUTS.repositoryKnownHosts,
  INPUTS.build,
  INPUTS.restart,
  INPUTS.linkedFiles,
  INPUTS.linkedDirs
] as const
/** Secrets an app reads from a file or the environment, by their ssh-deploy input names. */
const SECRET_INPUTS = [INPUTS.registryPassword, INPUTS.repositoryKey] as const
const AGENT_KEYS = [
  'target',
  'strategy',
  'image',
  'tags',
  'branch',
  'step-timeout',
  'triggers',
  'notify'
] as const
const COMPOSE_ONLY = ['image', 'tags', ...COMPOSE_INPUTS, INPUTS.registryPassword] as const
const GIT_ONLY = ['branch', ...GIT_INPUTS, INPUTS.repositoryKey] as const

const APP_KEYS: string[] = [
  ...AGENT_KEYS,
  ...COMMON_INPUTS,
  ...COMPOSE_INPUTS,
  ...BLUE_GREEN_INPUTS,
  ...GIT_INPUTS,
  ...SECRET_INPUTS.flatMap((s) => [`${s}-file`, `${s}-env`])
]
const WEBHOOK_TRIGGERS = ['github', 'gantry', 'registry', 'harbor', 'token'] as const
const TRIGGER_KEYS = [...WEBHOOK_TRIGGERS, 'poll'] as const

/** Keys that would hold a secret in the file itself, and where it belongs instead. */
const LITERAL_SECRETS: Record<string, string> = {
  token: 'token',
  secret: 'secret',
  [INPUTS.registryPassword]: INPUTS.registryPassword,
  [INPUTS.repositoryKey]: INPUTS.repositoryKey
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const here = row[j]!
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = here
    }
  }
  return row[b.length]!
}

export function nearest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const k of known) {
    const d = distance(key.toLowerCase(), k)
    if (d < bestDistance) [best, bestDistance] = [k, d]
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
    ? best
    : undefined
}

const keyPath = (path: YamlPath) => path.join('.')

/** Collects problems instead of stopping at the first. */
class Problems {
  readonly list: YamlPathError[] = []
  add(path: YamlPath, problem: string, at: 'key' | 'value' = 'value'): undefined {
    this.list.push(
      new YamlPathError(path, path.length ? `${keyPath(path)}: ${problem}` : problem, at)
    )
    return undefined
  }
}

function dirname(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash)
}

/** A path in the file: `~/x` is under home, a relative one is relative to the file's directory. */
function pathFrom(file: string, home: string, path: string): string {
  if (path.startsWith('/')) return path
  if (path === '~' || path.startsWith('~/')) return home + path.slice(1)
  const dir = dirname(file)
  return `${dir === '.' ? '.' : dir}/${path.replace(/^\.\//, '')}`
}

class Reader {
  constructor(
    readonly problems: Problems,
    readonly file: string,
    readonly context: ConfigContext
  ) {}

  mapping(
    value: unknown,
    path: YamlPath,
    known: readonly string[]
  ): Record<string, unknown> | undefined {
    if (!isPlainObject(value)) return this.problems.add(path, 'must be a mapping')
    for (const key of Object.keys(value)) {
      if (known.includes(key)) continue
      const secret = LITERAL_SECRETS[key]
      if (secret !== undefined && known.includes(`${secret}-file`)) {
        this.problems.add(
          [...path, key],
          `a secret written in the file is refused (config files are often world-readable): use ${secret}-file or ${secret}-env`,
          'key'
        )
        continue
      }
      const near = nearest(key, known)
      this.problems.add(
        [...path, key],
        `unknown key${near ? ` (did you mean '${near}'?)` : ` (known: ${known.join(', ')})`}`,
        'key'
      )
    }
    return value
  }

  /** A scalar as text; `raw` is the failsafe parse (the text as written). */
  text(value: unknown, raw: unknown, path: YamlPath): string | undefined {
    if (value === null || value === undefined) return undefined
    if (typeof raw === 'string') return raw
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      return String(value)
    return this.problems.add(path, 'must be a single value (text, a number or true/false)')
  }

  /** A list of scalars, or one scalar; for ssh-deploy's list inputs, one per line. */
  list(value: unknown, raw: unknown, path: YamlPath): string[] | undefined {
    if (value === null || value === undefined) return []
    if (Array.isArray(value)) {
      const rawList = Array.isArray(raw) ? raw : []
      const items = value.map((v, i) => this.text(v, rawList[i], [...path, i]))
      return items.every((i) => i !== undefined) ? (items as string[]) : undefined
    }
    const one = this.text(value, raw, path)
    return one === undefined ? undefined : [one]
  }

  /** `<name>-file` or `<name>-env` (exactly one) → the secret's value. */
  secret(
    map: Record<string, unknown>,
    path: YamlPath,
    name: string,
    required: boolean
  ): string | undefined {
    const fileKey = `${name}-file`
    const envKey = `${name}-env`
    const hasFile = map[fileKey] !== undefined && map[fileKey] !== null
    const hasEnv = map[envKey] !== undefined && map[envKey] !== null
    if (hasFile && hasEnv)
      return this.problems.add([...path, envKey], `either ${fileKey} or ${envKey}, not both`, 'key')
    if (!hasFile && !hasEnv) {
      // A secret written in the file was reported already (by mapping()).
      if (required && map[name] === undefined)
        this.problems.add(path, `${fileKey} or ${envKey} is required`, 'key')
      return undefined
    }
    const key = hasFile ? fileKey : envKey
    const where = [...path, key]
    const given = map[key]
    if (typeof given !== 'string' || given.trim() === '')
      return this.problems.add(where, hasFile ? 'must be a file path' : 'must be a variable name')
    if (!hasFile && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(given))
      return this.problems.add(
        where,
        `${JSON.stringify(given)} is not an environment variable name`
      )
    const source: SecretSource = hasFile
      ? { file: pathFrom(this.file, this.context.home, given) }
      : { env: given }
    let value: string
    try {
      value = this.context.readSecret(source)
    } catch (error) {
      return this.problems.add(where, errorMessage(error))
    }
    // A file's trailing newline is not part of the secret (`echo s3cret > file`).
    const secret = value.replace(/\r?\n$/, '')
    if (secret.trim() === '')
      return this.problems.add(
        where,
        'file' in source ? `${source.file} is empty` : `$${given} is empty`
      )
    return secret
  }
}

function parseListen(text: string): { host: string; port: number } | undefined {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(text.trim())
  if (!m) return undefined
  const port = Number(m[2])
  if (port > 65535) return undefined
  return { host: (m[1] ?? DEFAULT_LISTEN.host).replace(/^\[(.*)\]$/, '$1'), port }
}

/** A tag glob: tag characters plus `*` and `?`. */
const TAG_GLOB = /^[A-Za-z0-9_.*?-]{1,128}$/
/** A branch name git accepts, without anything an option or a shell could take. */
function isBranch(name: string): boolean {
  return (
    /^[A-Za-z0-9._/-]{1,255}$/.test(name) &&
    !name.startsWith('-') &&
    !name.startsWith('/') &&
    !name.endsWith('/') &&
    !name.endsWith('.lock') &&
    !name.includes('..') &&
    !name.includes('//')
  )
}

function readTriggers(
  r: Reader,
  value: unknown,
  path: YamlPath,
  app: { target: 'compose' | 'git'; tags: string[] }
): AppTriggers {
  const triggers: AppTriggers = {}
  const map = r.mapping(value, path, TRIGGER_KEYS)
  if (!map) return triggers
  for (const [kind, body] of Object.entries(map)) {
    const at = [...path, kind]
    if (kind === 'poll') {
      const poll = r.mapping(body ?? {}, at, ['interval', 'jitter'])
      if (!poll) continue
      const intervalText = poll.interval === undefined ? '1m' : String(poll.interval)
      const intervalMs = parseDuration(intervalText)
      if (intervalMs === undefined || intervalMs < 5000)
        r.problems.add(
          [...at, 'interval'],
          `${JSON.stringify(intervalText)}: expected a duration of at least 5s, such as \`1m\``
        )
      const jitter = poll.jitter === undefined ? 0.1 : poll.jitter
      if (typeof jitter !== 'number' || jitter < 0 || jitter > 0.5)
        r.problems.add(
          [...at, 'jitter'],
          `${JSON.stringify(jitter)}: expected a fraction from 0 to 0.5`
        )
      if (app.target !== 'compose')
        r.problems.add(
          at,
          'polls a registry: only with `target: compose` (a git app takes a push webhook)',
          'key'
        )
      else if (!app.tags.some((t) => !/[*?]/.test(t)))
        r.problems.add(
          at,
          'polls the tags without wildcards: `tags` has none (add one such as `latest` or `stable`)',
          'key'
        )
      triggers.poll = {
        intervalMs: intervalMs ?? 60_000,
        jitter: typeof jitter === 'number' ? jitter : 0.1
      }
      continue
    }
    if (!(WEBHOOK_TRIGGERS as readonly string[]).includes(kind)) continue
    const keys =
      kind === 'registry' ? ['secret-file', 'secret-env', 'header'] : ['secret-file', 'secret-env']
    const trigger = r.mapping(body ?? {}, at, keys)
    if (!trigger) continue
    const secret = r.secret(trigger, at, 'secret', true)
    if (secret === undefined) continue
    switch (kind as TriggerKind) {
      case 'github':
        triggers.github = { secret }
        break
      case 'gantry':
        triggers.gantry = { secret }
        break
      case 'harbor':
        triggers.harbor = { value: secret }
        break
      case 'token':
        triggers.token = { secret }
        break
      case 'registry': {
        const header = trigger.header === undefined ? 'Authorization' : String(trigger.header)
        if (!/^[A-Za-z0-9-]{1,64}$/.test(header))
          r.problems.add(
            [...at, 'header'],
            `${JSON.stringify(header)}: expected an HTTP header name`
          )
        triggers.registry = { header, value: `Bearer ${secret}` }
        break
      }
    }
  }
  if (Object.keys(map).length === 0)
    r.problems.add(path, `at least one trigger: ${TRIGGER_KEYS.join(', ')}`, 'key')
  return triggers
}

function readApp(
  r: Reader,
  name: string,
  value: unknown,
  raw: unknown,
  path: YamlPath
): AppConfig | undefined {
  if (!APP_NAME.test(name))
    r.problems.add(
      path,
      'an app name is lowercase letters, digits, `_` and `-`, starting with a letter or digit (at most 63): it names the compose project',
      'key'
    )
  const map = r.mapping(value, path, APP_KEYS)
  if (!map) return undefined
  const rawMap = isPlainObject(raw) ? raw : {}
  const at = (key: string) => [...path, key]
  const text = (key: string) => r.text(map[key], rawMap[key], at(key))

  const target = text('target') ?? 'compose'
  if (target !== 'compose' && target !== 'git') {
    r.problems.add(at('target'), `${JSON.stringify(target)}: expected \`compose\` or \`git\``)
    return undefined
  }
  const strategy = text('strategy') ?? 'recreate'
  if (strategy !== 'recreate' && strategy !== 'blue-green')
    r.problems.add(
      at('strategy'),
      `${JSON.stringify(strategy)}: expected \`recreate\` or \`blue-green\``
    )
  if (strategy === 'blue-green' && target === 'git')
    r.problems.add(at('strategy'), '`blue-green` is for `target: compose`')
  for (const key of target === 'git' ? COMPOSE_ONLY : GIT_ONLY) {
    const present = [key, `${key}-file`, `${key}-env`].find((k) => map[k] !== undefined)
    if (present)
      r.problems.add(
        at(present),
        `only with \`target: ${target === 'git' ? 'compose' : 'git'}\``,
        'key'
      )
  }
  if (strategy !== 'blue-green')
    for (const key of BLUE_GREEN_INPUTS)
      if (map[key] !== undefined) r.problems.add(at(key), 'only with `strategy: blue-green`', 'key')

  const inputs: Record<string, string> = {
    [INPUTS.app]: name,
    [INPUTS.target]: target,
    [INPUTS.strategy]: strategy
  }
  for (const key of [...COMMON_INPUTS, ...COMPOSE_INPUTS, ...BLUE_GREEN_INPUTS, ...GIT_INPUTS]) {
    if (map[key] === undefined || map[key] === null) continue
    if (key === INPUTS.env && isPlainObject(map[key])) {
      const env = map[key] as Record<string, unknown>
      const rawEnv = isPlainObject(rawMap[key]) ? (rawMap[key] as Record<string, unknown>) : {}
      inputs[key] = Object.entries(env)
        .map(([k, v]) => `${k}=${r.text(v, rawEnv[k], [...at(key), k]) ?? ''}`)
        .join('\n')
      continue
    }
    const list = r.list(map[key], rawMap[key], at(key))
    if (list !== undefined) inputs[key] = list.join('\n')
  }
  if (inputs[INPUTS.composeFile] !== undefined)
    inputs[INPUTS.composeFile] = pathFrom(r.file, r.context.home, inputs[INPUTS.composeFile]!)
  // `path` stays as written (ssh-deploy's default `~/gantry/<app>` when absent): the engine resolves `~`.
  for (const secret of SECRET_INPUTS) {
    const value = r.secret(map, path, secret, false)
    if (value !== undefined) inputs[secret] = value
  }

  // The typed inputs ssh-deploy reads, checked with its reader so the message is the same.
  const reader = new InputReader((n) => inputs[n] ?? '')
  const checks: [string, () => unknown][] = [
    [INPUTS.healthTimeout, () => reader.duration(INPUTS.healthTimeout, 0)],
    [INPUTS.lockTimeout, () => reader.duration(INPUTS.lockTimeout, 0)],
    [INPUTS.lockStaleAfter, () => reader.duration(INPUTS.lockStaleAfter, 0)],
    [INPUTS.drainTimeout, () => reader.duration(INPUTS.drainTimeout, 0)],
    [INPUTS.keepReleases, () => reader.integer(INPUTS.keepReleases, { min: 1, max: 100 })],
    [
      INPUTS.healthUrl,
      () => reader.url(INPUTS.healthUrl, 'an http(s) URL, checked from this host')
    ],
    [INPUTS.rollback, () => reader.boolean(INPUTS.rollback, true)],
    [
      INPUTS.proxyDriver,
      () => reader.choice(INPUTS.proxyDriver, ['haproxy', 'nginx'] as const, 'haproxy')
    ]
  ]
  for (const [key, check] of checks) {
    try {
      check()
    } catch (error) {
      if (!(error instanceof InputError)) throw error
      r.problems.add(at(key), `${JSON.stringify(error.value)}: expected ${error.expected}`)
    }
  }

  let image: AppConfig['image']
  let tags: string[] = []
  let branch: string | undefined
  if (target === 'compose') {
    const imageText = text('image')
    if (imageText === undefined)
      r.problems.add(
        path,
        'image is required with `target: compose` (e.g. `image: 127.0.0.1:5000/shop`)',
        'key'
      )
    else {
      const parsed = parseImageReference(imageText)
      if ('error' in parsed)
        r.problems.add(at('image'), `${JSON.stringify(imageText)}: expected ${parsed.error}`)
      else if (parsed.reference.tag !== undefined || parsed.reference.digest !== undefined)
        r.problems.add(
          at('image'),
          `${JSON.stringify(imageText)}: expected the repository without a tag or digest (the tags that deploy go in \`tags\`)`
        )
      else
        image = {
          registry: parsed.reference.registry,
          repository: parsed.reference.repository,
          reference: formatReference(parsed.reference)
        }
    }
    if (map.tags === undefined || map.tags === null)
      r.problems.add(
        path,
        "tags is required with `target: compose`: the tag globs that may deploy (e.g. [ 'v*', latest ])",
        'key'
      )
    else {
      tags = r.list(map.tags, rawMap.tags, at('tags')) ?? []
      tags.forEach((tag, i) => {
        if (!TAG_GLOB.test(tag) || /^[.-]/.test(tag))
          r.problems.add(
            Array.isArray(map.tags) ? [...at('tags'), i] : at('tags'),
            `${JSON.stringify(tag)}: expected a tag or a glob of one (\`*\` any characters, \`?\` one)`
          )
      })
      if (tags.length === 0) r.problems.add(at('tags'), 'at least one tag glob')
    }
    if (
      inputs[INPUTS.registryUsername] !== undefined &&
      inputs[INPUTS.registryPassword] === undefined
    )
      r.problems.add(
        at(INPUTS.registryUsername),
        `needs ${INPUTS.registryPassword}-file or ${INPUTS.registryPassword}-env`
      )
    if (
      inputs[INPUTS.registryPassword] !== undefined &&
      inputs[INPUTS.registryUsername] === undefined
    )
      r.problems.add(path, `${INPUTS.registryPassword} needs ${INPUTS.registryUsername}`, 'key')
    if (image && inputs[INPUTS.registryUsername] !== undefined)
      inputs[INPUTS.registry] = image.registry
  } else {
    branch = text('branch') ?? 'main'
    if (!isBranch(branch))
      r.problems.add(at('branch'), `${JSON.stringify(branch)}: expected a branch name`)
    if (inputs[INPUTS.repository] === undefined)
      r.problems.add(path, 'repository is required with `target: git`', 'key')
  }

  const stepText = text('step-timeout')
  const stepTimeoutMs = stepText === undefined ? DEFAULT_STEP_TIMEOUT_MS : parseDuration(stepText)
  if (stepTimeoutMs === undefined || stepTimeoutMs < 1000)
    r.problems.add(
      at('step-timeout'),
      `${JSON.stringify(stepText)}: expected a duration such as \`90s\`, \`10m\` or \`1h\``
    )

  let triggers: AppTriggers = {}
  if (map.triggers === undefined || map.triggers === null)
    r.problems.add(path, `triggers is required: at least one of ${TRIGGER_KEYS.join(', ')}`, 'key')
  else triggers = readTriggers(r, map.triggers, at('triggers'), { target, tags })

  const notify = r.list(map.notify, rawMap.notify, at('notify')) ?? []
  notify.forEach((line, i) => {
    try {
      parseTargets([line], keyPath(at('notify')))
    } catch (error) {
      r.problems.add(
        Array.isArray(map.notify) ? [...at('notify'), i] : at('notify'),
        errorMessage(error).replace(/^Input '[^']*': /, '')
      )
    }
  })

  return {
    name,
    target,
    strategy: strategy === 'blue-green' ? 'blue-green' : 'recreate',
    inputs,
    ...(image ? { image } : {}),
    tags,
    ...(branch !== undefined ? { branch } : {}),
    stepTimeoutMs: stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
    triggers,
    notify
  }
}

function readConfig(
  value: unknown,
  raw: unknown,
  file: string,
  context: ConfigContext,
  problems: Problems
): AgentConfig {
  const r = new Reader(problems, file, context)
  const config: AgentConfig = {
    file,
    listen: { ...DEFAULT_LISTEN },
    stateDir: context.env.XDG_STATE_HOME
      ? `${context.env.XDG_STATE_HOME}/gantry-agent`
      : `${context.home}/.local/state/gantry-agent`,
    token: '',
    logFormat: 'text',
    maxBodyBytes: DEFAULT_MAX_BODY,
    maxPending: DEFAULT_MAX_PENDING,
    apps: []
  }
  const map = r.mapping(value ?? {}, [], TOP_KEYS)
  if (!map) return config
  const rawMap = isPlainObject(raw) ? raw : {}
  const text = (key: string) => r.text(map[key], rawMap[key], [key])

  const listen = text('listen')
  if (listen !== undefined) {
    const parsed = parseListen(listen)
    if (!parsed)
      problems.add(
        ['listen'],
        `${JSON.stringify(listen)}: expected host:port, such as 127.0.0.1:9000`
      )
    else config.listen = parsed
  }
  if (map.tls !== undefined && map.tls !== null) {
    const tls = r.mapping(map.tls, ['tls'], ['cert', 'key'])
    if (tls) {
      const cert = typeof tls.cert === 'string' ? tls.cert : undefined
      const key = typeof tls.key === 'string' ? tls.key : undefined
      for (const [name, value, what] of [
        ['cert', cert, 'the certificate file (PEM)'],
        ['key', key, 'the private key file (PEM)']
      ] as const)
        if (!value)
          problems.add(
            tls[name] === undefined ? ['tls'] : ['tls', name],
            tls[name] === undefined ? `${name} is required: ${what}` : `must be ${what}`,
            'key'
          )
      if (cert && key)
        config.tls = {
          cert: pathFrom(file, context.home, cert),
          key: pathFrom(file, context.home, key)
        }
    }
  }
  const stateDir = text('state-dir')
  if (stateDir !== undefined) config.stateDir = pathFrom(file, context.home, stateDir)
  config.token = r.secret(map, [], 'token', true) ?? ''
  if (config.token !== '' && config.token.length < 16)
    problems.add(
      [map['token-file'] !== undefined ? 'token-file' : 'token-env'],
      'the token is shorter than 16 characters: use a random one (`openssl rand -hex 32`)'
    )
  const logFormat = text('log-format')
  if (logFormat !== undefined) {
    if (logFormat !== 'text' && logFormat !== 'json')
      problems.add(['log-format'], `${JSON.stringify(logFormat)}: expected \`text\` or \`json\``)
    else config.logFormat = logFormat
  }
  for (const [key, field, min, max] of [
    ['max-body', 'maxBodyBytes', 1024, 1024 ** 3],
    ['max-pending', 'maxPending', 1, 100_000]
  ] as const) {
    const v = map[key]
    if (v === undefined || v === null) continue
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      problems.add([key], `${JSON.stringify(v)}: expected a whole number from ${min} to ${max}`)
    else config[field] = v
  }
  if (map.apps === undefined || map.apps === null)
    problems.add([], 'apps is required: at least one app', 'key')
  else {
    const apps = isPlainObject(map.apps)
      ? map.apps
      : problems.add(['apps'], 'must be a mapping of app names to their settings')
    const rawApps = isPlainObject(rawMap.apps) ? rawMap.apps : {}
    if (apps) {
      for (const [name, body] of Object.entries(apps)) {
        const app = readApp(r, name, body, rawApps[name], ['apps', name])
        if (app) config.apps.push(app)
      }
      if (Object.keys(apps).length === 0) problems.add(['apps'], 'at least one app')
    }
  }
  return config
}

/**
 * Parses and validates the file. Throws AgentConfigError listing every problem, each with the
 * file, line and key; a YAML syntax error is a ConfigurationError with its line.
 */
export async function parseAgentConfig(
  text: string,
  file: string,
  context: ConfigContext
): Promise<AgentConfig> {
  const value = parseYaml(text, file)
  const raw = parseYaml(text, file, { strings: true })
  const problems = new Problems()
  const config = readConfig(value, raw, file, context, problems)
  if (problems.list.length === 0) return config
  const lines: string[] = []
  for (const problem of problems.list) {
    // validateYaml turns a YamlPathError into `file:line: message` (the line found lazily).
    try {
      await validateYaml(text, file, () => {
        throw problem
      })
    } catch (error) {
      lines.push(errorMessage(error))
    }
  }
  throw new AgentConfigError(lines)
}

/** The triggers of an app, in the order the file gives them. */
export function triggerNames(app: AppConfig): string[] {
  return Object.keys(app.triggers)
}

/** `ok: <file>: 2 app(s): shop (compose, triggers github, poll); blog (git, triggers github)` */
export function checkSummary(config: AgentConfig): string {
  const apps = config.apps.map(
    (a) =>
      `${a.name} (${a.target}${a.strategy === 'blue-green' ? ' blue-green' : ''}, triggers ${triggerNames(a).join(', ')})`
  )
  return `ok: ${config.file}: ${config.apps.length} app(s): ${apps.join('; ')}`
}
