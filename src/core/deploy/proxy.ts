/**
 * Blue-green behind a proxy, the data: each app has two slots (blue, green) on two ports of the
 * host, one of them live; the proxy's configuration is generated from these records and the
 * host's settings (haproxy.ts, nginx.ts), never by pasting an input into text. Everything that
 * reaches a configuration file is validated here first. Pure.
 */
import { sanitizeTag } from '../docker-reference.js'

export type ProxyDriver = 'haproxy' | 'nginx'
export type Slot = 'blue' | 'green'
export const SLOTS: readonly Slot[] = ['blue', 'green']
export const otherSlot = (slot: Slot): Slot => (slot === 'blue' ? 'green' : 'blue')

/** Where Gantry keeps the proxy's files on a host (relative to the home of the SSH user). */
export const PROXY_DIR = 'gantry-proxy'
/** The header the proxy adds to every response: the version the answering slot runs. */
export const RELEASE_HEADER = 'X-Gantry-Release'
/** The header that reaches the idle slot before the switch; its value is a one-deploy secret. */
export const PREVIEW_HEADER = 'X-Gantry-Preview'
/** First port Gantry hands out to slots (two per app: blue, then green). */
export const FIRST_SLOT_PORT = 20000

/** How requests reach an app: by host name, by path prefix, both (both must match), or neither (the default app). */
export interface Route {
  host?: string
  path?: string
}

/** One app's record on a host (`~/gantry-proxy/apps/<app>.json`). */
export interface ProxyApp {
  app: string
  /** The proxy that serves it: configurations are generated from the records of their driver. */
  proxy: ProxyDriver
  route: Route
  /** The user's own lines for the app's section (HAProxy backend, nginx location), as given. */
  options?: string[]
  ports: Record<Slot, number>
  /** The slot the public route sends requests to; none before the first switch. */
  live?: Slot
  /** The version each slot runs (the release header's value). */
  releases: Partial<Record<Slot, string>>
}

/** What the host says about its proxy (`~/gantry-proxy/host.json`, with defaults) and its home. */
export interface ProxyHost {
  /** Absolute, validated: `/home/deploy/gantry-proxy`. */
  dir: string
  /** The address slots bind and the proxy reaches them at (127.0.0.1 unless host.json says otherwise). */
  upstreamHost: string
  listen: Record<ProxyDriver, string>
}

export const DEFAULT_LISTEN: Record<ProxyDriver, string> = { haproxy: ':80', nginx: '80' }

const APP = /^[a-z0-9][a-z0-9_-]{0,62}$/
const HOSTNAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/
const PATH = /^(?:\/[A-Za-z0-9._~-]+)+$/
const ABSOLUTE_DIR = /^\/[A-Za-z0-9._/-]*$/
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/
const LISTEN = /^(?:(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))?:?(\d{1,5})$/
const TOKEN = /^[0-9a-f]{32}$/

export const ROUTE_HOST_EXPECTED =
  'a host name such as `shop.example.com` (letters, digits, dots, hyphens)'
export const ROUTE_PATH_EXPECTED =
  'a path prefix such as `/shop` (segments of letters, digits, `.`, `_`, `~`, `-`; no trailing slash)'

/** The route's host, lowercased, or an error text. */
export function parseRouteHost(text: string): { host: string } | { error: string } {
  const host = text.trim().toLowerCase()
  return HOSTNAME.test(host) ? { host } : { error: ROUTE_HOST_EXPECTED }
}

export function parseRoutePath(text: string): { path: string } | { error: string } {
  const path = text.trim()
  return PATH.test(path) ? { path } : { error: ROUTE_PATH_EXPECTED }
}

/** The release header's value for a version: a docker-tag-safe form, never raw input. */
export function releaseLabel(version: string): string {
  return sanitizeTag(version) ?? 'release'
}

const HAPROXY_SECTIONS =
  /^(?:global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)$/i

/**
 * Why a line of `proxy-options` cannot go into the app's section, or undefined. The lines are
 * the user's own configuration (validated whole by the proxy before anything goes live); these
 * checks only keep each inside the app's own section: one line each, no new section (HAProxy),
 * no block and balanced quotes (nginx).
 */
export function optionProblem(driver: ProxyDriver, line: string): string | undefined {
  if (/[\r\n\0]/.test(line)) return 'one directive per line'
  const trimmed = line.trim()
  if (!trimmed) return 'a directive, not an empty line'
  if (driver === 'haproxy') {
    const word = trimmed.split(/\s+/)[0] ?? ''
    if (HAPROXY_SECTIONS.test(word))
      return `a directive of the app's backend, not a new section (${word})`
    return undefined
  }
  if (/[{}]/.test(trimmed)) return "a directive of the app's location, without { or }"
  if (!trimmed.endsWith(';')) return 'an nginx directive ending with ;'
  for (const q of ['"', "'"]) if ((trimmed.split(q).length - 1) % 2) return `balanced ${q} quotes`
  return undefined
}

/** Refuses anything that could break out of a configuration file: a bug or a tampered record. */
function assertApp(a: ProxyApp): void {
  const bad = (what: string, value: unknown) => {
    throw new Error(`proxy record of ${a.app}: invalid ${what} ${JSON.stringify(value)}`)
  }
  if (!APP.test(a.app)) bad('app name', a.app)
  if (a.route.host !== undefined && !HOSTNAME.test(a.route.host)) bad('route host', a.route.host)
  if (a.route.path !== undefined && !PATH.test(a.route.path)) bad('route path', a.route.path)
  for (const slot of SLOTS) {
    const port = a.ports[slot]
    if (!Number.isInteger(port) || port < 1024 || port > 65535) bad(`${slot} port`, port)
    const release = a.releases[slot]
    if (release !== undefined && releaseLabel(release) !== release) bad(`${slot} release`, release)
  }
  if (a.live !== undefined && !SLOTS.includes(a.live)) bad('live slot', a.live)
  if (a.proxy !== 'haproxy' && a.proxy !== 'nginx') bad('proxy', a.proxy)
  for (const line of a.options ?? []) if (optionProblem(a.proxy, line)) bad('proxy option', line)
}

export function assertHost(h: ProxyHost): void {
  if (!ABSOLUTE_DIR.test(h.dir) || h.dir.includes('//') || h.dir.includes('/../'))
    throw new Error(`proxy directory ${JSON.stringify(h.dir)} is not a plain absolute path`)
  if (!IPV4.test(h.upstreamHost))
    throw new Error(
      `upstreamHost ${JSON.stringify(h.upstreamHost)} in host.json is not an IPv4 address`
    )
  for (const driver of ['haproxy', 'nginx'] as const)
    if (!LISTEN.test(h.listen[driver]))
      throw new Error(
        `${driver}.listen ${JSON.stringify(h.listen[driver])} in host.json is not [address]:port`
      )
}

export function assertToken(token: string): void {
  if (!TOKEN.test(token)) throw new Error('the preview token must be 32 hex digits')
}

/** Checks every record and that no two apps claim the same route or the same port. */
export function assertApps(apps: ProxyApp[]): void {
  apps.forEach(assertApp)
  const routes = new Map<string, string>()
  const ports = new Map<number, string>()
  for (const a of apps) {
    const key = `${a.proxy} ${a.route.host ?? '*'} ${a.route.path ?? '/'}`
    const other = routes.get(key)
    if (other)
      throw new Error(
        `apps ${other} and ${a.app} have the same route (${describeRoute(a.route)}): give one a route-host or route-path of its own`
      )
    routes.set(key, a.app)
    for (const slot of SLOTS) {
      const owner = ports.get(a.ports[slot])
      if (owner) throw new Error(`apps ${owner} and ${a.app} both use port ${a.ports[slot]}`)
      ports.set(a.ports[slot], a.app)
    }
  }
}

export function describeRoute(route: Route): string {
  if (route.host && route.path) return `host ${route.host}, path ${route.path}`
  if (route.host) return `host ${route.host}`
  if (route.path) return `path ${route.path}`
  return 'the default route (no host, no path)'
}

/**
 * Routes most specific first (host and path, host, then path, longer paths first), the default
 * app (no route) last: proxies take the first rule that matches.
 */
export function routeOrder(apps: ProxyApp[]): ProxyApp[] {
  const rank = (a: ProxyApp) => (a.route.host ? 0 : 2) + (a.route.path ? 0 : 1)
  return [...apps].sort(
    (x, y) =>
      rank(x) - rank(y) ||
      (y.route.path?.length ?? 0) - (x.route.path?.length ?? 0) ||
      x.app.localeCompare(y.app)
  )
}

/**
 * The app's record for this deploy: its ports kept if it had a record, else the lowest free
 * pair from FIRST_SLOT_PORT; the route as the inputs give it now.
 */
export function appRecord(
  existing: ProxyApp[],
  app: string,
  settings: { proxy: ProxyDriver; route: Route; options?: string[] }
): ProxyApp {
  const own = existing.find((a) => a.app === app)
  const options = settings.options?.length ? { options: settings.options } : {}
  if (own) {
    const { options: _old, ...kept } = own
    // Another proxy does not know which slot is live: the app starts there as on a first deploy.
    const fresh = own.proxy === settings.proxy ? {} : { live: undefined, releases: {} }
    return { ...kept, ...fresh, proxy: settings.proxy, route: settings.route, ...options }
  }
  const used = new Set(existing.flatMap((a) => SLOTS.map((s) => a.ports[s])))
  let port = FIRST_SLOT_PORT
  while (used.has(port) || used.has(port + 1)) port += 2
  return {
    app,
    proxy: settings.proxy,
    route: settings.route,
    ...options,
    ports: { blue: port, green: port + 1 },
    releases: {}
  }
}

/** The records one driver's configuration is generated from. */
export const servedBy = (apps: ProxyApp[], driver: ProxyDriver): ProxyApp[] =>
  apps.filter((a) => a.proxy === driver)

/** The slot a new release goes to: the one not live (blue on the first deploy). */
export function idleSlot(record: ProxyApp): Slot {
  return record.live ? otherSlot(record.live) : 'blue'
}

/** The compose project of a slot: `<project>-blue`, stable across releases. */
export const slotProject = (project: string, slot: Slot): string => `${project}-${slot}`

/**
 * The documented variables a slot's compose file gets: GANTRY_SLOT, GANTRY_HOST, GANTRY_PORT
 * and GANTRY_ADDR (`host:port`, where the app must listen).
 */
export function slotEnv(host: ProxyHost, record: ProxyApp, slot: Slot): Record<string, string> {
  const port = String(record.ports[slot])
  return {
    GANTRY_SLOT: slot,
    GANTRY_HOST: host.upstreamHost,
    GANTRY_PORT: port,
    GANTRY_ADDR: `${host.upstreamHost}:${port}`
  }
}

/** `health-url` aimed at a slot: its scheme, path and query, the slot's address and port. */
export function slotHealthUrl(url: string, host: ProxyHost, record: ProxyApp, slot: Slot): string {
  const u = new URL(url)
  u.hostname = host.upstreamHost
  u.port = String(record.ports[slot])
  return u.toString()
}

/** A URL that reaches the app through the proxy: the proxy's own address, the app's path. */
export function proxyUrl(host: ProxyHost, driver: ProxyDriver, route: Route): string {
  const m = LISTEN.exec(host.listen[driver])
  const address = host.listen[driver].includes(':') ? host.listen[driver].split(':')[0] : ''
  const target = !address || address === '0.0.0.0' ? '127.0.0.1' : address
  return `http://${target}:${m?.[1] ?? '80'}${route.path ?? '/'}`
}

/** Parses a record read from the host; undefined when it is not one (a foreign file, half written). */
export function parseRecord(text: string): ProxyApp | undefined {
  try {
    const r = JSON.parse(text) as Partial<ProxyApp>
    if (typeof r.app !== 'string' || typeof r.ports !== 'object' || r.ports === null)
      return undefined
    const record: ProxyApp = {
      app: r.app,
      proxy: r.proxy === 'nginx' ? 'nginx' : 'haproxy',
      ...(Array.isArray(r.options) ? { options: r.options.map(String) } : {}),
      route: {
        ...(typeof r.route?.host === 'string' ? { host: r.route.host } : {}),
        ...(typeof r.route?.path === 'string' ? { path: r.route.path } : {})
      },
      ports: { blue: Number(r.ports.blue), green: Number(r.ports.green) },
      releases: {
        ...(typeof r.releases?.blue === 'string' ? { blue: r.releases.blue } : {}),
        ...(typeof r.releases?.green === 'string' ? { green: r.releases.green } : {})
      },
      ...(r.live === 'blue' || r.live === 'green' ? { live: r.live } : {})
    }
    assertApp(record)
    return record
  } catch {
    return undefined
  }
}

export const recordText = (r: ProxyApp): string => JSON.stringify(r, null, 2) + '\n'

/** host.json as the host has it, with defaults for what it does not say. */
export function parseHostSettings(home: string, text: string): ProxyHost {
  let raw: {
    upstreamHost?: unknown
    haproxy?: { listen?: unknown }
    nginx?: { listen?: unknown }
  } = {}
  if (text.trim()) {
    try {
      raw = JSON.parse(text) as typeof raw
    } catch {
      throw new Error(`~/${PROXY_DIR}/host.json is not JSON`)
    }
  }
  const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback)
  const host: ProxyHost = {
    dir: `${home.replace(/\/+$/, '')}/${PROXY_DIR}`,
    upstreamHost: str(raw.upstreamHost, '127.0.0.1'),
    listen: {
      haproxy: str(raw.haproxy?.listen, DEFAULT_LISTEN.haproxy),
      nginx: str(raw.nginx?.listen, DEFAULT_LISTEN.nginx)
    }
  }
  assertHost(host)
  return host
}
