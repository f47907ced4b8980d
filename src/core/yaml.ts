/**
 * YAML for settings files and inputs. Parsing uses js-yaml (about 5 ms to load); a validation
 * error points at a path, and only then is the `yaml` package (about 20 ms to load, but it keeps
 * source positions) loaded to turn that path into a line number. So a valid file costs little,
 * and an invalid one still says `file:line`. Both parse with the YAML 1.2 core schema.
 */
import { CORE_SCHEMA, FAILSAFE_SCHEMA, YAMLException, load } from 'js-yaml'
import { ConfigurationError } from '../lib/errors.js'

export type YamlPath = (string | number)[]

/** A problem at a place in a document; `at: 'key'` points at the key rather than its value. */
export class YamlPathError extends Error {
  constructor(
    readonly path: YamlPath,
    message: string,
    readonly at: 'key' | 'value' = 'value'
  ) {
    super(message)
  }
}

/** `strings: true` keeps every scalar as written (`1.10` stays `1.10`, `yes` stays `yes`). */
export interface YamlOptions {
  strings?: boolean
}

export function parseYaml(text: string, source: string, options: YamlOptions = {}): unknown {
  try {
    return load(text, { schema: options.strings ? FAILSAFE_SCHEMA : CORE_SCHEMA }) ?? null
  } catch (error) {
    if (error instanceof YAMLException) {
      throw new ConfigurationError(
        `${source}:${error.mark.line + 1}: invalid YAML: ${error.reason}`
      )
    }
    throw error
  }
}

/** Runs a validator over parsed YAML; its YamlPathError becomes `source:line: message`. */
export async function validateYaml<T>(
  text: string,
  source: string,
  validate: (value: unknown) => T,
  options: YamlOptions = {}
): Promise<T> {
  const value = parseYaml(text, source, options)
  try {
    return validate(value)
  } catch (error) {
    if (!(error instanceof YamlPathError)) throw error
    const line = await lineOf(text, error.path, error.at)
    throw new ConfigurationError(
      `${line === undefined ? source : `${source}:${line}`}: ${error.message}`
    )
  }
}

async function lineOf(
  text: string,
  path: YamlPath,
  at: 'key' | 'value'
): Promise<number | undefined> {
  const { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar } = await import('yaml')
  const lines = new LineCounter()
  const doc = parseDocument(text, { lineCounter: lines })
  let node: unknown = doc.contents
  let keyNode: unknown
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step)
      )
      keyNode = pair?.key
      node = pair?.value ?? keyNode
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step]
      keyNode = node
    } else break
  }
  const target = (at === 'key' ? keyNode : node) ?? keyNode ?? node
  const offset = (target as { range?: [number, number, number] } | undefined)?.range?.[0]
  return offset === undefined ? undefined : lines.linePos(offset).line
}
