/**
 * Registry authentication as data: the `WWW-Authenticate` challenge a registry answers 401 with,
 * the token request the Bearer scheme asks for (Docker Hub, GHCR, Harbor, …), and the header
 * Basic registries (ECR's token, htpasswd) take. The io layer sends what is planned here.
 */
import { asObject } from '../json.js'
import { isLoopback } from './reference.js'

export interface Challenge {
  /** Lower case: `basic`, `bearer`. */
  scheme: string
  /** Parameter names in lower case: `realm`, `service`, `scope`, `error`. */
  params: Record<string, string>
}

/** A username and password (htpasswd, ECR's `AWS` + token), or an OAuth2 refresh token. */
export type Credentials = { username: string; password: string } | { identityToken: string }

export class AuthError extends Error {
  override name = 'AuthError'
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y

/** RFC 7235 challenges; several may share one header (`Basic realm="x", Bearer realm="y"`). */
export function parseChallenges(header: string | null | undefined): Challenge[] {
  const text = header ?? ''
  const challenges: Challenge[] = []
  let i = 0
  const skip = (chars: RegExp) => {
    while (i < text.length && chars.test(text[i] as string)) i++
  }
  const token = (): string | undefined => {
    TOKEN.lastIndex = i
    const match = TOKEN.exec(text)
    if (!match) return undefined
    i = TOKEN.lastIndex
    return match[0]
  }
  const quoted = (): string => {
    let value = ''
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\' && i + 1 < text.length) i++
      value += text[i]
    }
    i++
    return value
  }
  while (i < text.length) {
    skip(/[\s,]/)
    const scheme = token()
    if (!scheme) {
      i++
      continue
    }
    const params: Record<string, string> = {}
    challenges.push({ scheme: scheme.toLowerCase(), params })
    for (;;) {
      skip(/[ \t]/)
      const start = i
      const name = token()
      if (!name) break
      skip(/[ \t]/)
      if (text[i] !== '=') {
        i = start // the scheme of the next challenge
        break
      }
      i++
      skip(/[ \t]/)
      params[name.toLowerCase()] = text[i] === '"' ? quoted() : (token() ?? '')
      skip(/[ \t]/)
      if (text[i] !== ',') break
      i++
    }
  }
  return challenges
}

/** The challenge we can answer: Bearer before Basic, as Docker does. */
export function pickChallenge(challenges: Challenge[]): Challenge | undefined {
  return (
    challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic')
  )
}

export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${actions.join(',')}`
}

interface ParsedScope {
  resource: string
  actions: Set<string>
}

/** `type:name:actions`; names may hold colons (`registry:catalog:*` has none, ports do). */
function parseScope(scope: string): ParsedScope | undefined {
  const last = scope.lastIndexOf(':')
  if (last <= 0) return undefined
  return { resource: scope.slice(0, last), actions: new Set(scope.slice(last + 1).split(',')) }
}

/** One scope per resource, actions merged and sorted: a stable key and a short token request. */
export function mergeScopes(scopes: readonly string[]): string[] {
  const byResource = new Map<string, Set<string>>()
  for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
    const parsed = parseScope(scope)
    if (!parsed) continue
    const actions = byResource.get(parsed.resource) ?? new Set<string>()
    parsed.actions.forEach((a) => actions.add(a))
    byResource.set(parsed.resource, actions)
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`)
}

export function scopesCover(granted: readonly string[], needed: readonly string[]): boolean {
  const have = new Map(
    mergeScopes(granted).map((s) => [parseScope(s)?.resource, parseScope(s)?.actions])
  )
  return mergeScopes(needed).every((scope) => {
    const want = parseScope(scope)
    const actions = want && have.get(want.resource)
    return !!want && !!actions && [...want.actions].every((a) => actions.has(a) || actions.has('*'))
  })
}

export interface TokenRequest {
  url: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
}

/**
 * The token request a Bearer challenge asks for: GET with Basic credentials (or anonymous), or,
 * for an identity token, the OAuth2 refresh-token POST. Credentials go to the realm only over
 * HTTPS (or to a loopback realm): a registry cannot make us send a password in clear text.
 */
export function planTokenRequest(
  challenge: Challenge,
  scopes: readonly string[],
  credentials: Credentials | undefined,
  clientId: string
): TokenRequest {
  const realm = challenge.params.realm
  let url: URL
  try {
    url = new URL(realm ?? '')
  } catch {
    throw new AuthError(
      `the registry's Bearer challenge has no valid realm (${JSON.stringify(realm ?? '')})`
    )
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.host))
  if (!secure) {
    throw new AuthError(
      `the registry's token service ${url.origin} is not HTTPS; refusing to use it`
    )
  }
  const service = challenge.params.service
  const merged = mergeScopes(scopes)
  if (credentials && 'identityToken' in credentials) {
    const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId })
    form.set('refresh_token', credentials.identityToken)
    if (service) form.set('service', service)
    if (merged.length) form.set('scope', merged.join(' '))
    return {
      url: url.toString(),
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString()
    }
  }
  if (service) url.searchParams.set('service', service)
  for (const scope of merged) url.searchParams.append('scope', scope)
  const headers: Record<string, string> = {}
  if (credentials) {
    url.searchParams.set('account', credentials.username)
    headers.authorization = basicAuthorization(credentials.username, credentials.password)
  }
  return { url: url.toString(), method: 'GET', headers }
}

/** The token service's answer: `token` or `access_token`, valid `expires_in` seconds (default 60). */
export function parseTokenResponse(
  json: unknown,
  nowMs: number
): { token: string; expiresAtMs: number } {
  const body = asObject(json)
  const token = [body.token, body.access_token].find(
    (t): t is string => typeof t === 'string' && t !== ''
  )
  if (!token) throw new AuthError('the token service answered without a token')
  const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60
  const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN
  const start = Number.isNaN(issued) ? nowMs : Math.min(issued, nowMs)
  return { token, expiresAtMs: start + seconds * 1000 }
}

export function basicAuthorization(username: string, password: string): string {
  return `Basic ${encodeBase64(`${username}:${password}`)}`
}

/** UTF-8 base64 without Buffer, so the core stays free of Node. */
export function encodeBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

export function decodeBase64(base64: string): string | undefined {
  try {
    const binary = atob(base64.trim())
    return new TextDecoder('utf-8', { fatal: true }).decode(
      Uint8Array.from(binary, (c) => c.charCodeAt(0))
    )
  } catch {
    return undefined
  }
}
