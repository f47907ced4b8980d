/**
 * Notification targets as URLs, one per line, in apprise's forms (https://github.com/caronc/apprise/wiki),
 * so a user who knows apprise writes the same lines: bark:// barks://, ntfy:// ntfys://,
 * discord://, workflow:// workflows:// (Teams through a Workflows webhook), json:// jsons://,
 * slack://, and the services' own https URLs. Parsing is pure; each target says which parts of
 * its URL are secrets (to mask) and how to show it without them.
 */
import { ConfigurationError } from '../../lib/errors.js'

export type Service = 'bark' | 'ntfy' | 'discord' | 'teams' | 'json' | 'slack'

interface Basic {
  user: string
  password: string
}

export type Target = {
  /** The line as given (a secret as a whole). */
  raw: string
  /** The URL with every secret part replaced by `****`: for logs, summaries and errors. */
  display: string
  /** Values to mask and redact: passwords, tokens, keys, signatures. */
  secrets: string[]
  /** Query options this form does not know (apprise ignores them too; we say so). */
  ignored: string[]
} & (
  | {
      service: 'bark'
      /** `https://host:port/push` */
      endpoint: string
      deviceKeys: string[]
      auth?: Basic
      sound?: string
      group?: string
      level?: string
    }
  | {
      service: 'ntfy'
      /** `https://ntfy.sh` or the server's base URL. */
      endpoint: string
      topics: string[]
      auth?: Basic | { token: string }
      priority?: number
      tags?: string[]
    }
  | {
      service: 'discord'
      /** `https://discord.com/api` or a Discord-compatible server's API base. */
      apiBase: string
      webhookId: string
      webhookToken: string
      threadId?: string
      username?: string
      avatarUrl?: string
    }
  | { service: 'teams'; url: string }
  | {
      service: 'json'
      url: string
      method: 'POST' | 'PUT'
      auth?: Basic
      headers: Record<string, string>
    }
  | { service: 'slack'; kind: 'webhook'; url: string; channel?: string }
  | { service: 'slack'; kind: 'api'; token: string; channel: string }
)

export const SCHEMES = [
  'bark',
  'barks',
  'ntfy',
  'ntfys',
  'discord',
  'workflow',
  'workflows',
  'json',
  'jsons',
  'slack'
] as const

/** One example per service, for the README and error messages. */
export const EXAMPLES: Readonly<Record<Service, string>> = {
  bark: 'barks://api.day.app/DEVICE_KEY',
  ntfy: 'ntfys://ntfy.sh/TOPIC (or ntfys://user:password@ntfy.example.com/TOPIC)',
  discord: 'discord://WEBHOOK_ID/WEBHOOK_TOKEN',
  teams: 'workflows://HOST:443/WORKFLOW_ID/SIGNATURE (or the https URL Teams gives)',
  json: 'jsons://hooks.example.com/deploy',
  slack: 'slack://TOKEN_A/TOKEN_B/TOKEN_C (or https://hooks.slack.com/services/…)'
}

const EXPECTED = `one URL per line: ${SCHEMES.map((s) => `${s}://`).join(', ')}, or a Discord, Teams, Slack or ntfy.sh https URL`

const MASK = '****'
const decode = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
const segments = (path: string) => path.split('/').filter(Boolean).map(decode)
const isTrue = (v: string | null) => v !== null && /^(1|y|yes|true|on)$/i.test(v)

/** Parses one target line; `input` names the input for errors. */
export function parseTarget(raw: string, input: string): Target {
  const line = raw.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(line)?.[1]?.toLowerCase()
  let url: URL
  try {
    url = new URL(line)
  } catch {
    url = undefined as unknown as URL
  }
  const fail = (why: string): never => {
    throw new ConfigurationError(
      `Input '${input}': ${maskForError(line)} ${why}; expected ${EXPECTED}.`
    )
  }
  if (!scheme || !url) return fail('is not a URL')
  const secure = scheme.endsWith('s') && scheme !== 'discord'
  const query = url.searchParams
  const known = new Set<string>()
  const opt = (name: string) => {
    known.add(name)
    const v = query.get(name)
    return v === null || v.trim() === '' ? undefined : v.trim()
  }
  const auth = (): Basic | undefined =>
    url.username ? { user: decode(url.username), password: decode(url.password) } : undefined
  const hostPort = () => `${url.hostname}${url.port ? `:${url.port}` : ''}`
  const base = (s: boolean) => `${s ? 'https' : 'http'}://${hostPort()}`
  const common = (secrets: (string | undefined)[], display: string) => {
    const parts = secrets.filter((s): s is string => Boolean(s && s.length >= 3))
    return {
      raw: line,
      display,
      // The whole line is a secret only when it holds one (else it would mask its own display).
      secrets: parts.length > 0 ? [line, ...parts] : [],
      ignored: [...query.keys()].filter(
        (k) => !known.has(k) && !k.startsWith('+') && !k.startsWith(' ')
      )
    }
  }
  const userPart = (a?: Basic) => (a ? `${a.user}${a.password ? `:${MASK}` : ''}@` : '')

  switch (scheme) {
    case 'bark':
    case 'barks': {
      const keys = segments(url.pathname)
      if (!url.hostname) fail('has no host')
      if (keys.length === 0) fail('has no device key (bark://host/DEVICE_KEY)')
      const a = auth()
      const level = opt('level')
      if (level && !['active', 'timeSensitive', 'passive', 'critical'].includes(level))
        fail(`has level=${level}: expected active, timeSensitive, passive or critical`)
      return {
        service: 'bark',
        endpoint: `${base(secure)}/push`,
        deviceKeys: keys,
        auth: a,
        sound: opt('sound'),
        group: opt('group'),
        level,
        ...common(
          [...keys, a?.password],
          `${scheme}://${userPart(a)}${hostPort()}/${keys.map(() => MASK).join('/')}`
        )
      }
    }
    case 'ntfy':
    case 'ntfys': {
      const path = segments(url.pathname)
      // `ntfy://topic` is ntfy.sh's topic; `ntfy://host/topic` a server of one's own (as apprise).
      const cloud = path.length === 0 || /^ntfy\.sh$/i.test(url.hostname)
      const topics =
        cloud && !/^ntfy\.sh$/i.test(url.hostname) ? [decode(url.hostname), ...path] : path
      if (topics.length === 0) fail('has no topic')
      const token = opt('token')
      const a = auth()
      const priority = opt('priority')
      const p = priority === undefined ? undefined : ntfyPriority(priority)
      if (priority !== undefined && p === undefined)
        fail(`has priority=${priority}: expected 1-5 or min, low, default, high, max`)
      const tags = opt('tags')
      // On ntfy.sh anyone who knows a topic can read it: the topic is the secret.
      const shownTopics = cloud ? topics.map(() => MASK) : topics
      return {
        service: 'ntfy',
        endpoint: cloud ? 'https://ntfy.sh' : base(secure),
        topics,
        auth: token ? { token } : a,
        priority: p,
        tags: tags ? tags.split(/[,\s]+/).filter(Boolean) : undefined,
        ...common(
          [token, a?.password, ...(cloud ? topics : [])],
          `${scheme}://${userPart(a)}${cloud ? 'ntfy.sh' : hostPort()}/${shownTopics.join('/')}${token ? `?token=${MASK}` : ''}`
        )
      }
    }
    case 'discord': {
      const [token] = segments(url.pathname)
      const id = decode(url.hostname)
      if (!/^\d+$/.test(id)) fail('has no webhook ID (discord://WEBHOOK_ID/WEBHOOK_TOKEN)')
      if (!token) fail('has no webhook token (discord://WEBHOOK_ID/WEBHOOK_TOKEN)')
      return discordTarget('https://discord.com/api', id, token!, url, opt, (s, d) => common(s, d))
    }
    case 'workflow':
    case 'workflows': {
      const [workflow, signature] = segments(url.pathname)
      if (!url.hostname || !workflow || !signature)
        fail('is not workflows://HOST:PORT/WORKFLOW_ID/SIGNATURE')
      const pa = isTrue(query.get('pa') ?? query.get('powerautomate'))
      known.add('pa').add('powerautomate')
      const version = opt('ver') ?? opt('api-version') ?? (pa ? '2022-03-01-preview' : '2016-06-01')
      // Both schemes are https, as in apprise: Teams' endpoints have no plain-HTTP form.
      const invoke = new URL(
        `https://${hostPort()}${pa ? '/powerautomate/automations/direct' : ''}/workflows/${encodeURIComponent(workflow!)}/triggers/manual/paths/invoke`
      )
      invoke.search = new URLSearchParams({
        'api-version': version,
        sp: '/triggers/manual/run',
        sv: '1.0',
        sig: signature!
      }).toString()
      return {
        service: 'teams',
        url: invoke.toString(),
        ...common([signature], `${scheme}://${hostPort()}/${workflow}/${MASK}`)
      }
    }
    case 'json':
    case 'jsons': {
      if (!url.hostname) fail('has no host')
      const method = (opt('method') ?? 'POST').toUpperCase()
      if (method !== 'POST' && method !== 'PUT') fail(`has method=${method}: expected POST or PUT`)
      // `+Name=value` is a header (apprise's form); URLSearchParams would read the `+` as a space.
      const headers: Record<string, string> = {}
      const target = new URL(`${base(secure)}${url.pathname}`)
      for (const pair of url.search.slice(1).split('&').filter(Boolean)) {
        const [k = '', v = ''] = pair.split(/=(.*)/s)
        const key = decode(k)
        if (key.startsWith('+') && key.length > 1) headers[key.slice(1)] = decode(v)
        else if (!known.has(key)) target.searchParams.append(key, decode(v.replace(/\+/g, ' ')))
      }
      const a = auth()
      const c = common([a?.password, ...Object.values(headers)], '')
      return {
        service: 'json',
        url: target.toString(),
        method: method as 'POST' | 'PUT',
        auth: a,
        headers,
        ...c,
        // Other query keys go on to the endpoint, as apprise sends them.
        ignored: [],
        display: `${scheme}://${userPart(a)}${hostPort()}${url.pathname}${
          [...target.searchParams.keys(), ...Object.keys(headers).map((h) => `+${h}`)].length
            ? `?${[...[...target.searchParams.keys()].map((k) => `${k}=${MASK}`), ...Object.keys(headers).map((h) => `+${h}=${MASK}`)].join('&')}`
            : ''
        }`
      }
    }
    case 'slack': {
      const parts = [decode(url.hostname), ...segments(url.pathname)]
      const channel = url.hash ? decode(url.hash) : parts.find((p) => /^[#@]/.test(p))
      const tokens = parts.filter((p) => !/^[#@]/.test(p))
      if (/^xox[bp]-/.test(tokens[0] ?? '')) {
        if (!channel) fail('has a bot token but no channel (slack://xoxb-…/#channel)')
        return {
          service: 'slack',
          kind: 'api',
          token: tokens[0]!,
          channel: channel!,
          ...common([tokens[0]], `slack://${MASK}/${channel}`)
        }
      }
      if (tokens.length < 3)
        fail('is not slack://TOKEN_A/TOKEN_B/TOKEN_C or slack://xoxb-…/#channel')
      const [a, b, c] = tokens as [string, string, string]
      return {
        service: 'slack',
        kind: 'webhook',
        url: `https://hooks.slack.com/services/${a}/${b}/${c}`,
        channel,
        ...common(
          [c, `${a}/${b}/${c}`],
          `slack://${a}/${MASK}/${MASK}${channel ? `/${channel}` : ''}`
        )
      }
    }
    case 'http':
    case 'https':
      return nativeTarget(line, url, opt, (s, d) => common(s, d), fail)
    default:
      return fail(`has the scheme ${scheme}://, which is not supported`)
  }
}

type Opt = (name: string) => string | undefined
type Common = (
  secrets: (string | undefined)[],
  display: string
) => Pick<Target, 'raw' | 'display' | 'secrets' | 'ignored'>

function discordTarget(
  apiBase: string,
  id: string,
  token: string,
  url: URL,
  opt: Opt,
  common: Common
): Target {
  const botname = url.username ? decode(url.username) : opt('botname')
  const threadId = opt('thread')
  return {
    service: 'discord',
    apiBase,
    webhookId: id,
    webhookToken: token,
    threadId,
    username: botname,
    avatarUrl: opt('avatar_url'),
    ...common([token], `discord://${id}/${MASK}${threadId ? `?thread=${threadId}` : ''}`)
  }
}

/** The services' own URLs, as apprise recognizes them (and compatible servers of the same shape). */
function nativeTarget(
  line: string,
  url: URL,
  opt: Opt,
  common: Common,
  fail: (why: string) => never
): Target {
  const origin = url.origin
  // Discord and servers speaking its webhook API: /api[/vN]/webhooks/{id}/{token}
  const discord = /^(\/api(?:\/v\d+)?)\/webhooks\/(\d+)\/([\w-]+)\/?$/.exec(url.pathname)
  if (discord)
    return discordTarget(`${origin}${discord[1]}`, discord[2]!, discord[3]!, url, opt, common)
  // A Teams Workflows (Power Automate) trigger: …/workflows/{id}/triggers/manual/paths/invoke?…&sig=…
  if (/\/workflows\/[^/]+\/triggers\/[^/]+\/paths\/invoke\/?$/.test(url.pathname)) {
    const sig = url.searchParams.get('sig')
    if (!sig) fail('is a Workflows URL without its `sig` parameter')
    const shown = new URL(url.toString())
    shown.searchParams.set('sig', MASK)
    return { service: 'teams', url: line, ...common([sig!], decodeURIComponent(shown.toString())) }
  }
  // Slack incoming webhooks (and Slack-compatible servers): /services/T…/B…/secret
  const slack = /^\/services\/([A-Z0-9]+)\/([A-Z0-9]+)\/([\w-]+)\/?$/.exec(url.pathname)
  if (slack)
    return {
      service: 'slack',
      kind: 'webhook',
      url: line,
      ...common(
        [slack[3], `${slack[1]}/${slack[2]}/${slack[3]}`],
        `${origin}/services/${slack[1]}/****/****`
      )
    }
  if (/^ntfy\.sh$/i.test(url.hostname)) {
    const topics = segments(url.pathname)
    if (topics.length === 0) fail('has no topic')
    return {
      service: 'ntfy',
      endpoint: 'https://ntfy.sh',
      topics,
      ...common(topics, `https://ntfy.sh/${topics.map(() => '****').join('/')}`)
    }
  }
  return fail('is an https URL of no service this action knows: use jsons:// for a JSON webhook')
}

const NTFY_PRIORITIES: Record<string, number> = {
  min: 1,
  low: 2,
  default: 3,
  normal: 3,
  high: 4,
  max: 5,
  urgent: 5
}
function ntfyPriority(text: string): number | undefined {
  if (/^[1-5]$/.test(text)) return Number(text)
  return NTFY_PRIORITIES[text.toLowerCase()]
}

/** A line as an error may show it: only its scheme and host, never a path or query. */
export function maskForError(line: string): string {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?([^/?#@\s]*@)?([^/?#\s]*)/i.exec(line.trim())
  if (!m || !m[1]) return 'a line'
  // ntfy://TOPIC: the host is the topic, which is the secret on ntfy.sh.
  if (/^ntfys?:/i.test(m[1])) return `${m[1]}****`
  return `${m[1]}${m[2] ? '****@' : ''}${m[3]}/…`
}

/** Every target of the input; a bad line stops the step before anything is sent. */
export function parseTargets(lines: string[], input: string): Target[] {
  return lines.map((line) => parseTarget(line, input))
}
