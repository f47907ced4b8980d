/**
 * Branch → environment, as GitFlow does it, and the per-environment settings file. Pure: the
 * caller reads the file and passes its text. Every error names the source, the line and the key.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml'
import { ConfigurationError } from '../lib/errors.js'
import { matchesGlob } from './glob.js'
import { HOST_SPEC_EXPECTED, formatHostSpec, parseHostSpec } from './hosts.js'

export interface BranchRule {
  pattern: string
  environment: string
}

export const DEFAULT_BRANCH_MAP: readonly BranchRule[] = [
  { pattern: 'develop', environment: 'sandbox' },
  { pattern: 'preprod', environment: 'staging' },
  { pattern: 'master', environment: 'prod' },
  { pattern: 'main', environment: 'prod' }
]

/** Environments that require approval unless the settings file says otherwise. */
const PRODUCTION_NAMES = new Set(['prod', 'production'])

export interface EnvironmentSettings {
  hosts?: string[]
  url?: string
  'requires-approval'?: boolean
  'compose-file'?: string
  'health-url'?: string
  'slack-channel'?: string
  vars?: Record<string, string>
}

export interface GantryConfig {
  branches?: BranchRule[]
  environments: Record<string, EnvironmentSettings>
}

export interface EnvironmentDecision {
  deploy: boolean
  environment?: string
  /** The rule that matched, for the summary. */
  rule?: BranchRule
  requiresApproval: boolean
  settings: EnvironmentSettings
  reason: string
}

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/

/** A YAML document with its source name, for errors that say `source:line`. */
class YamlSource {
  private readonly lines = new LineCounter()
  readonly root: Node | null
  constructor(
    readonly name: string,
    text: string
  ) {
    const doc = parseDocument(text, {
      lineCounter: this.lines,
      prettyErrors: false,
      uniqueKeys: true
    })
    const problem = doc.errors[0]
    if (problem) {
      const line = problem.linePos?.[0]?.line ?? this.lines.linePos(problem.pos[0]).line
      throw new ConfigurationError(
        `${name}:${line}: invalid YAML: ${problem.message.split('\n')[0]}`
      )
    }
    this.root = doc.contents as Node | null
  }
  fail(node: Node | null | undefined, message: string): never {
    const offset = node?.range?.[0]
    const where =
      offset === undefined ? this.name : `${this.name}:${this.lines.linePos(offset).line}`
    throw new ConfigurationError(`${where}: ${message}`)
  }
  /** The pairs of a mapping with string keys; anything else is an error naming `what`. */
  pairs(
    node: Node | null | undefined,
    what: string
  ): { key: string; keyNode: Node; value: Node | null }[] {
    if (!isMap(node)) this.fail(node, `${what} must be a mapping`)
    return node.items.map((pair: Pair) => {
      const keyNode = pair.key as Node
      if (
        !isScalar(keyNode) ||
        (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')
      ) {
        this.fail(keyNode, `${what} must have plain keys`)
      }
      return { key: String(keyNode.value), keyNode, value: pair.value as Node | null }
    })
  }
  string(node: Node | null, key: string): string {
    if (!isScalar(node) || (typeof node.value !== 'string' && typeof node.value !== 'number')) {
      this.fail(node, `'${key}' must be a string`)
    }
    return String(node.value)
  }
}

function parseRules(src: YamlSource, node: Node | null | undefined, what: string): BranchRule[] {
  return src.pairs(node, what).map(({ key, value }) => {
    const environment = src.string(value, key)
    if (!ENVIRONMENT_NAME.test(environment)) {
      src.fail(
        value,
        `'${key}' maps to ${JSON.stringify(environment)}: expected an environment name (letters, digits, '_', '.', '-')`
      )
    }
    return { pattern: key, environment }
  })
}

/** The `map` input: YAML `pattern: environment` lines, first match wins. */
export function parseBranchMap(text: string, source = "input 'map'"): BranchRule[] {
  const src = new YamlSource(source, text)
  if (src.root === null) return []
  return parseRules(src, src.root, 'the branch map')
}

const SETTINGS_KEYS = [
  'hosts',
  'url',
  'requires-approval',
  'compose-file',
  'health-url',
  'slack-channel',
  'vars'
] as const

function parseSettings(src: YamlSource, node: Node | null, env: string): EnvironmentSettings {
  const settings: EnvironmentSettings = {}
  if (node === null) return settings
  for (const { key, keyNode, value } of src.pairs(node, `environment '${env}'`)) {
    const known = key as (typeof SETTINGS_KEYS)[number]
    switch (known) {
      case 'hosts': {
        const items = isSeq(value) ? value.items : [value]
        settings.hosts = items.map((item) => {
          const spec = parseHostSpec(src.string(item as Node, 'hosts'))
          if (!spec)
            src.fail(
              item as Node,
              `'hosts' has ${JSON.stringify(String((item as { value?: unknown }).value))}: expected ${HOST_SPEC_EXPECTED}`
            )
          return formatHostSpec(spec)
        })
        break
      }
      case 'url':
      case 'health-url': {
        const url = src.string(value, key)
        if (!/^https?:\/\/[^\s]+$/.test(url))
          src.fail(value, `'${key}' is ${JSON.stringify(url)}: expected an http(s) URL`)
        settings[known] = url
        break
      }
      case 'requires-approval':
        if (!isScalar(value) || typeof value.value !== 'boolean')
          src.fail(value ?? keyNode, `'requires-approval' must be true or false`)
        settings['requires-approval'] = value.value as boolean
        break
      case 'compose-file':
      case 'slack-channel':
        settings[known] = src.string(value, key)
        break
      case 'vars': {
        const vars: Record<string, string> = {}
        for (const pair of src.pairs(value, `'vars' of environment '${env}'`)) {
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(pair.key))
            src.fail(pair.keyNode, `'vars' key '${pair.key}' must match [A-Za-z_][A-Za-z0-9_]*`)
          if (
            !isScalar(pair.value) ||
            pair.value.value === null ||
            typeof pair.value.value === 'object'
          ) {
            src.fail(
              pair.value ?? pair.keyNode,
              `'vars.${pair.key}' must be a string, number or boolean`
            )
          }
          vars[pair.key] = String(pair.value.value)
        }
        settings.vars = vars
        break
      }
      default:
        src.fail(
          keyNode,
          `unknown key '${key}' in environment '${env}' (known: ${SETTINGS_KEYS.join(', ')})`
        )
    }
  }
  return settings
}

/** The settings file (`.github/gantry.yml` by default). */
export function parseConfig(text: string, file: string): GantryConfig {
  const src = new YamlSource(file, text)
  const config: GantryConfig = { environments: {} }
  if (src.root === null) return config
  for (const { key, keyNode, value } of src.pairs(src.root, 'the file')) {
    if (key === 'environments') {
      if (value === null) continue
      for (const env of src.pairs(value, "'environments'")) {
        if (!ENVIRONMENT_NAME.test(env.key))
          src.fail(
            env.keyNode,
            `environment name '${env.key}' must use letters, digits, '_', '.', '-'`
          )
        config.environments[env.key] = parseSettings(src, env.value, env.key)
      }
    } else if (key === 'branches') {
      config.branches = parseRules(src, value, "'branches'")
    } else {
      src.fail(keyNode, `unknown key '${key}' (known: environments, branches)`)
    }
  }
  return config
}

export function decideEnvironment(input: {
  branch?: string
  /** Why there is no branch, when the caller knows better than "a tag or a detached commit". */
  noBranchReason?: string
  /** The `map` input's rules; else the file's `branches`; else the GitFlow default. */
  rules?: BranchRule[]
  config: GantryConfig
}): EnvironmentDecision {
  const rules = input.rules?.length
    ? input.rules
    : input.config.branches?.length
      ? input.config.branches
      : DEFAULT_BRANCH_MAP
  const none = (reason: string): EnvironmentDecision => ({
    deploy: false,
    requiresApproval: false,
    settings: {},
    reason
  })
  if (input.branch === undefined) {
    return none(
      input.noBranchReason ??
        'This build is not on a branch (a tag or a detached commit): nothing to deploy.'
    )
  }
  const branch = input.branch
  const rule = rules.find((r) => matchesGlob(r.pattern, branch))
  if (!rule) {
    return none(
      `Branch '${branch}' matches no environment (${rules.map((r) => r.pattern).join(', ')}): nothing to deploy.`
    )
  }
  const settings = input.config.environments[rule.environment] ?? {}
  const requiresApproval = settings['requires-approval'] ?? PRODUCTION_NAMES.has(rule.environment)
  return {
    deploy: true,
    environment: rule.environment,
    rule,
    requiresApproval,
    settings,
    reason: `Branch '${branch}' matches '${rule.pattern}': deploy to ${rule.environment}.`
  }
}
