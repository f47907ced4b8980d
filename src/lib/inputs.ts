/**
 * The one input parser. Each action reads its inputs once, through these functions, into a typed
 * settings object; a bad value throws an InputError naming the input, the value and what was
 * expected, before the action changes anything. Defaults live in action.yml (the runner and the
 * CLI fill them in), so an empty value here means "not given".
 */
import { InputError } from './errors.js'

export type ReadInput = (name: string) => string

/** YAML 1.2 core-schema booleans, as the runner's users write them. */
const TRUE = new Set(['true', 'True', 'TRUE'])
const FALSE = new Set(['false', 'False', 'FALSE'])

export class InputReader {
  constructor(
    private readonly read: ReadInput,
    private readonly onSecret: (value: string) => void = () => {}
  ) {}

  /** The trimmed value, or undefined when empty. */
  optional(name: string): string | undefined {
    const value = this.read(name).trim()
    return value === '' ? undefined : value
  }

  required(name: string, expected: string): string {
    const value = this.optional(name)
    if (value === undefined) throw new InputError(name, '', expected)
    return value
  }

  /** A secret: masked before anything else can print it. Not trimmed (keys end in newlines). */
  secret(name: string): string | undefined {
    const value = this.read(name)
    if (value.trim() === '') return undefined
    this.onSecret(value)
    for (const line of value.split(/\r?\n/)) if (line.trim().length > 3) this.onSecret(line.trim())
    return value
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.optional(name)
    if (value === undefined) return fallback
    if (TRUE.has(value)) return true
    if (FALSE.has(value)) return false
    throw new InputError(name, value, '`true` or `false`')
  }

  integer(name: string, range: { min?: number; max?: number } = {}): number | undefined {
    const value = this.optional(name)
    if (value === undefined) return undefined
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = range
    const n = /^\d+$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InputError(name, value, `a whole number from ${min} to ${max}`)
    }
    return n
  }

  choice<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const value = this.optional(name)
    if (value === undefined) return fallback
    if ((options as readonly string[]).includes(value)) return value as T
    throw new InputError(name, value, `one of ${options.map((o) => `\`${o}\``).join(', ')}`)
  }

  /** A duration: `90` (seconds), `90s`, `5m`, `1h`, `1m30s`; in milliseconds. */
  duration(name: string, fallbackMs: number): number {
    const value = this.optional(name)
    if (value === undefined) return fallbackMs
    const ms = parseDuration(value)
    if (ms === undefined)
      throw new InputError(
        name,
        value,
        'a duration such as `90s`, `5m` or `1h` (a bare number is seconds)'
      )
    return ms
  }

  /** An http(s) URL (`isHttpUrl`), or undefined when empty. */
  url(name: string, expected = 'an http(s) URL'): string | undefined {
    const value = this.optional(name)
    if (value !== undefined && !isHttpUrl(value)) throw new InputError(name, value, expected)
    return value
  }

  /** A list, one item per line or separated by commas; blank items and `#` comments dropped. */
  list(name: string): string[] {
    return splitList(this.read(name))
  }
}

/** `http://` or `https://`, a host, no white space, and a URL that parses (a port in range). */
export function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s/?#]+\S*$/.test(text) || !URL.canParse(text)) return false
  return new URL(text).hostname !== ''
}

export function splitList(value: string): string[] {
  return value
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return undefined
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNIT_MS[unit as string] ?? 0), 0)
}
