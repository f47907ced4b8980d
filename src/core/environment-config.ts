/**
 * The per-environment settings file and the `map` input. Pure: the caller reads the file and
 * passes its text. Every error names the source, the line and the key.
 */
import type { BranchRule, EnvironmentSettings, GantryConfig } from './environment.js'
import { HOST_SPEC_EXPECTED, formatHostSpec, parseHostSpec } from './hosts.js'
import { isHttpUrl } from '../lib/inputs.js'
import { isPlainObject } from './json.js'
import { parseYaml, validateYaml, YamlPathError, type YamlPath } from './yaml.js'

const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/
const SETTINGS_KEYS = [
  'hosts',
  'url',
  'requires-approval',
  'compose-file',
  'health-url',
  'slack-channel',
  'vars'
] as const

function mapping(value: unknown, path: YamlPath, what: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw new YamlPathError(path, `${what} must be a mapping`)
  return value
}

function string(value: unknown, path: YamlPath, key: string): string {
  if (typeof value !== 'string' && typeof value !== 'number')
    throw new YamlPathError(path, `'${key}' must be a string`)
  return String(value)
}

function rules(value: unknown, path: YamlPath, what: string): BranchRule[] {
  return Object.entries(mapping(value, path, what)).map(([pattern, target]) => {
    const environment = string(target, [...path, pattern], pattern)
    if (!ENVIRONMENT_NAME.test(environment)) {
      throw new YamlPathError(
        [...path, pattern],
        `'${pattern}' maps to ${JSON.stringify(environment)}: expected an environment name (letters, digits, '_', '.', '-')`
      )
    }
    return { pattern, environment }
  })
}

/** The `map` input: YAML `pattern: environment` lines, first match wins. */
export function parseBranchMap(text: string, source = "input 'map'"): Promise<BranchRule[]> {
  return validateYaml(text, source, (value) =>
    value === null ? [] : rules(value, [], 'the branch map')
  )
}

/**
 * `raw` is the same document read with every scalar as the text written (YAML failsafe), for the
 * values that are text to the user: `vars` (`1.10` stays `1.10`, `0x1F` stays `0x1F`).
 */
function settings(value: unknown, raw: unknown, path: YamlPath, env: string): EnvironmentSettings {
  const result: EnvironmentSettings = {}
  if (value === null) return result
  for (const [key, item] of Object.entries(mapping(value, path, `environment '${env}'`))) {
    const at = [...path, key]
    const known = key as (typeof SETTINGS_KEYS)[number]
    switch (known) {
      case 'hosts': {
        const list = Array.isArray(item) ? item : [item]
        result.hosts = list.map((host, i) => {
          const where = Array.isArray(item) ? [...at, i] : at
          const spec = parseHostSpec(string(host, where, 'hosts'))
          if (!spec)
            throw new YamlPathError(
              where,
              `'hosts' has ${JSON.stringify(String(host))}: expected ${HOST_SPEC_EXPECTED}`
            )
          return formatHostSpec(spec)
        })
        break
      }
      case 'url':
      case 'health-url': {
        const url = string(item, at, key)
        if (!isHttpUrl(url))
          throw new YamlPathError(at, `'${key}' is ${JSON.stringify(url)}: expected an http(s) URL`)
        result[known] = url
        break
      }
      case 'requires-approval':
        if (typeof item !== 'boolean')
          throw new YamlPathError(at, `'requires-approval' must be true or false`)
        result[known] = item
        break
      case 'compose-file':
      case 'slack-channel':
        result[known] = string(item, at, key)
        break
      case 'vars': {
        const vars: Record<string, string> = {}
        const written = isPlainObject(raw) && isPlainObject(raw[key]) ? raw[key] : {}
        for (const [name, v] of Object.entries(
          mapping(item, at, `'vars' of environment '${env}'`)
        )) {
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            throw new YamlPathError(
              [...at, name],
              `'vars' key '${name}' must match [A-Za-z_][A-Za-z0-9_]*`,
              'key'
            )
          }
          if (v === null || typeof v === 'object')
            throw new YamlPathError(
              [...at, name],
              `'vars.${name}' must be a string, number or boolean`
            )
          const text = written[name]
          vars[name] = typeof text === 'string' ? text : String(v)
        }
        result.vars = vars
        break
      }
      default:
        throw new YamlPathError(
          at,
          `unknown key '${key}' in environment '${env}' (known: ${SETTINGS_KEYS.join(', ')})`,
          'key'
        )
    }
  }
  return result
}

/** The settings file (`.github/gantry.yml` by default). */
export function parseConfig(text: string, file: string): Promise<GantryConfig> {
  // Valid YAML here parses both ways; a syntax error is reported by validateYaml below.
  let raw: unknown
  try {
    raw = parseYaml(text, file, { strings: true })
  } catch {
    raw = undefined
  }
  const rawEnvironments =
    isPlainObject(raw) && isPlainObject(raw.environments) ? raw.environments : {}
  return validateYaml(text, file, (value) => {
    const config: GantryConfig = { environments: {} }
    if (value === null) return config
    for (const [key, item] of Object.entries(mapping(value, [], 'the file'))) {
      if (key === 'environments') {
        if (item === null) continue
        for (const [env, body] of Object.entries(mapping(item, [key], "'environments'"))) {
          if (!ENVIRONMENT_NAME.test(env)) {
            throw new YamlPathError(
              [key, env],
              `environment name '${env}' must use letters, digits, '_', '.', '-'`,
              'key'
            )
          }
          config.environments[env] = settings(body, rawEnvironments[env], [key, env], env)
        }
      } else if (key === 'branches') {
        config.branches = rules(item, [key], "'branches'")
      } else {
        throw new YamlPathError(
          [key],
          `unknown key '${key}' (known: environments, branches)`,
          'key'
        )
      }
    }
    return config
  })
}
