/**
 * Custom payloads (`payload`, `payload-file`: JSON or YAML, parsed once) and the `fields` input
 * (YAML `Label: value` lines). Parsing uses src/core/yaml.ts, so errors say `source:line`.
 */
import { ConfigurationError } from '../../lib/errors.js'
import { isPlainObject } from '../json.js'
import { YamlPathError, parseYaml, validateYaml } from '../yaml.js'
import type { SlackMessage } from './message.js'

/** The payload as parsed data (JSON is YAML, so one parser serves both). */
export function parsePayload(text: string, source: string): Record<string, unknown> {
  const value = parseYaml(text, source)
  if (!isPlainObject(value)) {
    throw new ConfigurationError(
      `${source}: expected a JSON or YAML object (with \`text\`, \`blocks\` or \`attachments\`), got ${describe(value)}.`
    )
  }
  return value
}

const describe = (value: unknown) =>
  value === null ? 'nothing' : Array.isArray(value) ? 'a list' : `a ${typeof value}`

/** Slack refuses a message with nothing to show (`no_text`); say so before sending. */
export function checkPayloadContent(
  payload: Record<string, unknown>,
  source: string
): SlackMessage {
  const has = (key: string) =>
    key === 'text'
      ? typeof payload.text === 'string' && payload.text.trim() !== ''
      : Array.isArray(payload[key]) && (payload[key] as unknown[]).length > 0
  if (!has('text') && !has('blocks') && !has('attachments')) {
    throw new ConfigurationError(
      `${source}: the payload has no \`text\`, \`blocks\` or \`attachments\`: Slack would refuse it (no_text).`
    )
  }
  for (const key of ['blocks', 'attachments'] as const) {
    if (payload[key] !== undefined && !Array.isArray(payload[key])) {
      throw new ConfigurationError(`${source}: \`${key}\` must be a list.`)
    }
  }
  return payload as SlackMessage
}

/** `fields`: a YAML mapping of labels to scalar values, in order. */
export async function parseFields(text: string, source: string): Promise<[string, string][]> {
  return validateYaml(
    text,
    source,
    (value) => {
      if (value === null) return []
      if (!isPlainObject(value)) throw new YamlPathError([], 'expected `Label: value` lines')
      return Object.entries(value).map(([label, v]): [string, string] => {
        if (v !== null && typeof v === 'object') {
          const kind = Array.isArray(v) ? 'list' : 'mapping'
          throw new YamlPathError([label], `the value of '${label}' must be text, not a ${kind}`)
        }
        if (v === null) return [label, '']
        return [label, String(v)]
      })
    },
    { strings: true }
  )
}
