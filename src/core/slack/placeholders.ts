/**
 * `{{ name }}` placeholders of custom payloads, filled into the PARSED payload: each string value
 * is filled on its own, so a quote, a backslash or a newline in a commit message stays a
 * character of that string and can never end it, or the JSON around it. Values are escaped
 * for mrkdwn (they are mostly user-controlled text), except in URL fields and plain_text objects,
 * which Slack does not parse.
 */
import type { BuildFacts } from '../message/facts.js'
import { commitUrl, firstLine, shortSha } from '../message/facts.js'
import { ConfigurationError } from '../../lib/errors.js'
import { escapeMrkdwn } from './mrkdwn.js'
import type { Status } from '../message/status.js'
import { STATUS_STYLE } from './status.js'

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g

export interface PlaceholderExtras {
  status?: Status
  title?: string
  text?: string
  /** Normalized mentions that apply, space-separated. */
  mention?: string
}

/** Every name a payload can use (besides `env.NAME`), with its value ('' when unknown). */
export function placeholderValues(
  facts: BuildFacts,
  extras: PlaceholderExtras = {}
): Record<string, string> {
  const style = extras.status ? STATUS_STYLE[extras.status] : undefined
  return {
    status: extras.status ?? '',
    status_emoji: style?.emoji ?? '',
    color: style?.color ?? '',
    title: extras.title ?? '',
    text: extras.text ?? '',
    mention: extras.mention ?? '',
    project: facts.project ?? '',
    repository: facts.repository ?? '',
    repository_url: facts.repositoryUrl ?? '',
    branch: facts.branch ?? '',
    tag: facts.tag ?? '',
    ref: facts.tag ?? facts.branch ?? '',
    sha: facts.sha ?? '',
    short_sha: facts.sha ? shortSha(facts.sha) : '',
    commit_url: commitUrl(facts) ?? '',
    commit_message: facts.commitMessage ? firstLine(facts.commitMessage) : '',
    author: facts.author ?? '',
    actor: facts.actor ?? '',
    run_url: facts.runUrl ?? '',
    run_number: facts.buildNumber ?? '',
    event_name: facts.eventName ?? '',
    pull_request: facts.pullRequest ? String(facts.pullRequest.number) : '',
    pull_request_url: facts.pullRequest?.url ?? '',
    version: facts.version ?? '',
    environment: facts.environment ?? '',
    url: facts.url ?? '',
    duration: facts.duration ?? ''
  }
}

export interface FillOptions {
  values: Readonly<Record<string, string>>
  /** For `{{ env.NAME }}`; a name absent here is ''. */
  env: Readonly<Record<string, string | undefined>>
  /** Where the payload came from, for errors: `input 'payload'` or a file name. */
  source: string
}

type Json = unknown

/** Keys whose values Slack reads as URLs: raw values there (escaping would break `&` in queries). */
const isUrlKey = (key: string | undefined) => key !== undefined && /(^url$|_url$|_link$)/.test(key)

/** A copy of the payload with its placeholders filled; unknown names are a ConfigurationError. */
export function fillPlaceholders<T extends Json>(payload: T, options: FillOptions): T {
  const unknown = new Set<string>()
  const lookup = (name: string): string | undefined => {
    if (name.startsWith('env.')) return options.env[name.slice(4)] ?? ''
    return Object.hasOwn(options.values, name) ? options.values[name] : undefined
  }
  const fillString = (text: string, raw: boolean) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = lookup(name)
      if (value === undefined) {
        unknown.add(name)
        return whole
      }
      return raw ? value : escapeMrkdwn(value)
    })
  const walk = (
    node: Json,
    key: string | undefined,
    parent: Record<string, Json> | undefined
  ): Json => {
    if (typeof node === 'string') {
      const raw = isUrlKey(key) || (key === 'text' && parent?.type === 'plain_text')
      return fillString(node, raw)
    }
    if (Array.isArray(node)) return node.map((item) => walk(item, key, parent))
    if (typeof node === 'object' && node !== null) {
      const object = node as Record<string, Json>
      return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, walk(v, k, object)]))
    }
    return node
  }
  const filled = walk(payload, undefined, undefined) as T
  if (unknown.size > 0) {
    const names = [...unknown].map((n) => `{{ ${n} }}`).join(', ')
    const known = Object.keys(options.values).join(', ')
    throw new ConfigurationError(
      `${options.source}: unknown placeholder ${names}: expected one of ${known}, or env.NAME.`
    )
  }
  return filled
}
