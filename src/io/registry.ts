/**
 * An OCI distribution client on Node's fetch: manifests (GET, HEAD, PUT with the full Accept
 * list), blob existence, cross-repository mounts and registry-to-registry blob copies. Auth
 * follows the registry's challenge: Basic (ECR, htpasswd) or the Bearer token flow (Docker Hub,
 * GHCR), with credentials asked for only when a registry wants them. Transient failures (network,
 * 429, 5xx) are retried through src/lib/retry.ts, honouring `Retry-After`.
 */
import { createHash } from 'node:crypto'
import {
  AuthError,
  basicAuthorization,
  mergeScopes,
  parseChallenges,
  parseTokenResponse,
  pickChallenge,
  planTokenRequest,
  repositoryScope,
  scopesCover,
  type Challenge,
  type Credentials
} from '../core/registry/auth.js'
import {
  describeRegistryErrors,
  parseRegistryErrors,
  type RegistryErrorEntry
} from '../core/registry/errors.js'
import { MANIFEST_ACCEPT, baseMediaType, type Descriptor } from '../core/registry/manifest.js'
import { registryBaseUrl } from '../core/registry/reference.js'
import {
  httpRetryDecision,
  parseRetryAfter,
  realSleep,
  retry,
  type RetryDecision
} from '../lib/retry.js'

/** A registry's answer we did not want; `errors` is its error body. */
export class RegistryError extends Error {
  override name = 'RegistryError'
  constructor(
    readonly status: number,
    readonly method: string,
    readonly url: string,
    readonly errors: RegistryErrorEntry[],
    readonly retryAfterMs?: number
  ) {
    const detail = describeRegistryErrors(errors)
    super(`${method} ${url} answered ${status}${detail ? ` (${detail})` : ''}`)
  }
}

/** The registry or its token service refused us; the message says with which credentials. */
export class RegistryAuthError extends Error {
  override name = 'RegistryAuthError'
}

/** Credentials for a registry and where they came from, or where we looked (`from`). */
export interface FoundCredentials {
  credentials?: Credentials
  from: string
}

export interface RegistryClientOptions {
  /** `ghcr.io`, `127.0.0.1:5000`, `docker.io` */
  registry: string
  /** Asked once, on the first challenge: open registries never trigger a lookup. */
  credentials?: () => Promise<FoundCredentials>
  /** Scopes every Bearer token should carry (all the repositories this run touches). */
  scopes?: readonly string[]
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  timeoutMs?: number
  debug?: (message: string) => void
  onRetry?: (message: string) => void
}

export interface FetchedManifest {
  bytes: Uint8Array
  text: string
  mediaType: string | undefined
  /** sha256 of the bytes: what the manifest's digest is, whatever a header says. */
  digest: string
  headerDigest: string | undefined
}

interface RequestOptions {
  headers?: Record<string, string>
  body?: Uint8Array | ReadableStream<Uint8Array>
  scopes: string[]
  /** Statuses returned to the caller instead of thrown. */
  allow?: number[]
  /** Streams cannot be sent twice. */
  retry?: boolean
  timeoutMs?: number | null
}

const USER_AGENT = 'gantry-image-push'

export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`
}

const pull = (repository: string) => [repositoryScope(repository, ['pull'])]
const push = (repository: string) => [repositoryScope(repository, ['pull', 'push'])]

export class RegistryClient {
  readonly registry: string
  readonly baseUrl: string
  private readonly options: RegistryClientOptions
  private readonly fetchImpl: typeof fetch
  private readonly now: () => number
  private scopes: string[]
  private basic: string | undefined
  private challenge: Challenge | undefined
  private bearer: { token: string; scopes: string[]; expiresAtMs: number } | undefined
  private found: Promise<FoundCredentials> | undefined
  private pendingToken: Promise<void> | undefined

  constructor(options: RegistryClientOptions) {
    this.options = options
    this.registry = options.registry
    this.baseUrl = registryBaseUrl(options.registry)
    this.fetchImpl = options.fetch ?? globalThis.fetch
    this.now = options.now ?? Date.now
    this.scopes = mergeScopes(options.scopes ?? [])
  }

  /** GET with every manifest type accepted; throws RegistryError (404 when missing). */
  async getManifest(repository: string, reference: string): Promise<FetchedManifest> {
    const res = await this.request('GET', this.url(`/v2/${repository}/manifests/${reference}`), {
      headers: { accept: MANIFEST_ACCEPT },
      scopes: pull(repository)
    })
    const bytes = new Uint8Array(await res.arrayBuffer())
    return {
      bytes,
      text: new TextDecoder().decode(bytes),
      mediaType: baseMediaType(res.headers.get('content-type')),
      digest: sha256Digest(bytes),
      headerDigest: res.headers.get('docker-content-digest') ?? undefined
    }
  }

  /** HEAD: the digest a tag points at, or undefined when the registry has no such manifest. */
  async headManifest(
    repository: string,
    reference: string
  ): Promise<{ digest: string | undefined; mediaType: string | undefined } | undefined> {
    const res = await this.request('HEAD', this.url(`/v2/${repository}/manifests/${reference}`), {
      headers: { accept: MANIFEST_ACCEPT },
      scopes: pull(repository),
      allow: [404]
    })
    if (res.status === 404) return undefined
    return {
      digest: res.headers.get('docker-content-digest') ?? undefined,
      mediaType: baseMediaType(res.headers.get('content-type'))
    }
  }

  /** PUT the bytes as they are, under their own media type; returns the registry's digest. */
  async putManifest(
    repository: string,
    reference: string,
    bytes: Uint8Array,
    mediaType: string
  ): Promise<string | undefined> {
    const res = await this.request('PUT', this.url(`/v2/${repository}/manifests/${reference}`), {
      headers: { 'content-type': mediaType },
      body: bytes,
      scopes: push(repository)
    })
    await discard(res)
    return res.headers.get('docker-content-digest') ?? undefined
  }

  async blobExists(repository: string, digest: string): Promise<boolean> {
    const res = await this.request('HEAD', this.url(`/v2/${repository}/blobs/${digest}`), {
      scopes: pull(repository),
      allow: [404]
    })
    return res.status !== 404
  }

  /**
   * Cross-repository mount: the registry links a blob it already has, no bytes travel. False when
   * the registry declined (it then opened an ordinary upload, which we cancel).
   */
  async mountBlob(repository: string, digest: string, fromRepository: string): Promise<boolean> {
    const url = this.url(`/v2/${repository}/blobs/uploads/`)
    url.searchParams.set('mount', digest)
    url.searchParams.set('from', fromRepository)
    const res = await this.request('POST', url, {
      scopes: [...push(repository), ...pull(fromRepository)]
    })
    await discard(res)
    if (res.status === 201) return true
    const location = res.headers.get('location')
    if (location) {
      await this.request('DELETE', new URL(location, this.baseUrl), {
        scopes: push(repository),
        allow: [404, 405]
      })
        .then(discard)
        .catch(() => undefined) // an abandoned upload expires by itself
    }
    return false
  }

  /** Streams a blob from another registry (or repository) into this one, as `docker push` does. */
  async copyBlobFrom(
    source: RegistryClient,
    sourceRepository: string,
    repository: string,
    blob: Descriptor
  ): Promise<void> {
    await retry(() => this.copyBlobOnce(source, sourceRepository, repository, blob), {
      ...this.retryOptions(),
      attempts: Math.min(3, this.options.attempts ?? 4)
    })
  }

  private async copyBlobOnce(
    source: RegistryClient,
    sourceRepository: string,
    repository: string,
    blob: Descriptor
  ): Promise<void> {
    const started = await this.request('POST', this.url(`/v2/${repository}/blobs/uploads/`), {
      scopes: push(repository),
      retry: false
    })
    await discard(started)
    const download = await source.openBlob(sourceRepository, blob.digest)
    const patched = await this.request('PATCH', this.location(started), {
      headers: { 'content-type': 'application/octet-stream' },
      body: download.body ?? new Uint8Array(),
      scopes: push(repository),
      retry: false,
      timeoutMs: null
    })
    await discard(patched)
    const done = this.location(patched)
    done.searchParams.set('digest', blob.digest)
    const put = await this.request('PUT', done, { scopes: push(repository), retry: false })
    await discard(put)
  }

  /** GET a blob (following the registry's redirect to storage); the caller reads the body. */
  async openBlob(repository: string, digest: string): Promise<Response> {
    return this.request('GET', this.url(`/v2/${repository}/blobs/${digest}`), {
      scopes: pull(repository),
      timeoutMs: null
    })
  }

  private location(res: Response): URL {
    const location = res.headers.get('location')
    if (!location) {
      throw new RegistryError(res.status, 'upload', res.url, [
        { message: 'the registry answered an upload without a Location' }
      ])
    }
    return new URL(location, this.baseUrl)
  }

  private url(path: string): URL {
    return new URL(path, this.baseUrl)
  }

  private retryOptions() {
    const maxDelayMs = this.options.maxDelayMs ?? 15_000
    return {
      attempts: this.options.attempts ?? 4,
      baseDelayMs: this.options.baseDelayMs ?? 500,
      maxDelayMs,
      sleep: this.options.sleep ?? realSleep,
      retryable: (error: unknown) => retryDecision(error, maxDelayMs),
      onRetry: (error: unknown, attempt: number, delayMs: number) =>
        this.options.onRetry?.(
          `${this.registry}: ${(error as Error).message}; attempt ${attempt + 1} in ${delayMs} ms`
        )
    }
  }

  private async request(method: string, url: URL, options: RequestOptions): Promise<Response> {
    const attempt = () => this.authorizedRequest(method, url, options)
    return options.retry === false ? attempt() : retry(attempt, this.retryOptions())
  }

  private async authorizedRequest(
    method: string,
    url: URL,
    options: RequestOptions
  ): Promise<Response> {
    const sent = await this.authorization(options.scopes)
    let res = await this.send(method, url, options, sent)
    if (res.status === 401) {
      const offered = pickChallenge(parseChallenges(res.headers.get('www-authenticate')))
      const detail = describeRegistryErrors(parseRegistryErrors(await res.text()))
      if (!offered || options.body instanceof ReadableStream) {
        throw await this.refused(method, url, detail, offered)
      }
      // Another request may have authenticated meanwhile; else authenticate now, once.
      let next = await this.authorization(options.scopes)
      if (next === undefined || next === sent) {
        if (sent !== undefined && offered.scheme === 'basic') {
          throw await this.refused(method, url, detail, offered)
        }
        await this.authenticate(offered, options.scopes)
        next = await this.authorization(options.scopes)
      }
      res = await this.send(method, url, options, next)
      if (res.status === 401) {
        const again = describeRegistryErrors(parseRegistryErrors(await res.text()))
        throw await this.refused(method, url, again, offered)
      }
    }
    if ((res.status >= 200 && res.status < 300) || options.allow?.includes(res.status)) return res
    const text = await res.text().catch(() => '')
    throw new RegistryError(
      res.status,
      method,
      url.toString(),
      parseRegistryErrors(text),
      parseRetryAfter(res.headers.get('retry-after'), this.now())
    )
  }

  private send(
    method: string,
    url: URL,
    options: RequestOptions,
    authorization: string | undefined
  ): Promise<Response> {
    const timeoutMs =
      options.timeoutMs === undefined ? (this.options.timeoutMs ?? 30_000) : options.timeoutMs
    this.options.debug?.(`${method} ${url}`)
    return this.fetchImpl(url, {
      method,
      headers: {
        'user-agent': USER_AGENT,
        ...options.headers,
        ...(authorization ? { authorization } : {})
      },
      body: options.body,
      redirect: 'follow',
      ...(options.body instanceof ReadableStream ? { duplex: 'half' } : {}),
      ...(timeoutMs === null ? {} : { signal: AbortSignal.timeout(timeoutMs) })
    } as RequestInit)
  }

  private bearerCovers(scopes: readonly string[]): boolean {
    return this.bearer !== undefined && scopesCover(this.bearer.scopes, scopes)
  }

  /** The header for a request, fetching a (new) token when the current one lacks a scope. */
  private async authorization(scopes: readonly string[]): Promise<string | undefined> {
    if (this.basic) return this.basic
    if (this.challenge === undefined) return undefined
    const fresh = this.bearer && this.bearer.expiresAtMs - 10_000 > this.now()
    if (!fresh || !this.bearerCovers(scopes)) await this.fetchToken(scopes)
    return this.bearer ? `Bearer ${this.bearer.token}` : undefined
  }

  private credentials(): Promise<FoundCredentials> {
    this.found ??= this.options.credentials?.() ?? Promise.resolve({ from: 'no credentials given' })
    return this.found
  }

  private async authenticate(challenge: Challenge, scopes: readonly string[]): Promise<void> {
    if (challenge.scheme === 'basic') {
      const found = await this.credentials()
      const credentials = found.credentials
      if (!credentials) {
        throw new RegistryAuthError(
          `${this.registry} asks for credentials and none were found (${found.from}). ${LOGIN_HINT}`
        )
      }
      if ('identityToken' in credentials) {
        throw new RegistryAuthError(
          `${this.registry} asks for a username and password, but ${found.from} holds an identity token.`
        )
      }
      this.basic = basicAuthorization(credentials.username, credentials.password)
      return
    }
    this.challenge = challenge
    // The challenge names what this request needs; it joins the scopes we asked for.
    if (challenge.params.scope) this.scopes = mergeScopes([...this.scopes, challenge.params.scope])
    this.bearer = undefined
    await this.fetchToken(scopes)
  }

  /** Concurrent requests share one token request. */
  private async fetchToken(scopes: readonly string[]): Promise<void> {
    while (this.pendingToken) await this.pendingToken
    if (this.bearerCovers(scopes) && (this.bearer?.expiresAtMs ?? 0) - 10_000 > this.now()) return
    this.pendingToken = this.requestToken(scopes).finally(() => (this.pendingToken = undefined))
    await this.pendingToken
  }

  private async requestToken(scopes: readonly string[]): Promise<void> {
    const challenge = this.challenge as Challenge
    this.scopes = mergeScopes([...this.scopes, ...scopes])
    const found = await this.credentials()
    let plan
    try {
      plan = planTokenRequest(challenge, this.scopes, found.credentials, USER_AGENT)
    } catch (error) {
      if (error instanceof AuthError)
        throw new RegistryAuthError(`${this.registry}: ${error.message}`)
      throw error
    }
    const realm = new URL(plan.url).origin
    this.options.debug?.(`token ${plan.method} ${realm} for ${this.scopes.join(' ')}`)
    const res = await this.fetchImpl(plan.url, {
      method: plan.method,
      headers: { 'user-agent': USER_AGENT, ...plan.headers },
      body: plan.body,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
    })
    if (res.status === 401 || res.status === 403) {
      const detail = describeRegistryErrors(parseRegistryErrors(await res.text().catch(() => '')))
      throw new RegistryAuthError(
        `The token service of ${this.registry} (${realm}) refused ` +
          `${found.credentials ? `the credentials from ${found.from}` : 'an anonymous token'} ` +
          `(${res.status}${detail ? ` ${detail}` : ''}).` +
          (found.credentials ? '' : ` ${LOGIN_HINT}`)
      )
    }
    if (!res.ok) {
      throw new RegistryError(
        res.status,
        plan.method,
        realm,
        [],
        parseRetryAfter(res.headers.get('retry-after'), this.now())
      )
    }
    let json: unknown
    try {
      json = await res.json()
    } catch {
      throw new RegistryAuthError(
        `The token service of ${this.registry} (${realm}) answered no JSON.`
      )
    }
    try {
      this.bearer = { ...parseTokenResponse(json, this.now()), scopes: [...this.scopes] }
    } catch (error) {
      throw new RegistryAuthError(`${this.registry} (${realm}): ${(error as Error).message}`)
    }
  }

  private async refused(
    method: string,
    url: URL,
    detail: string,
    challenge: Challenge | undefined
  ): Promise<RegistryAuthError> {
    const found = await this.credentials()
    const who = found.credentials
      ? `the credentials from ${found.from}`
      : `no credentials (${found.from})`
    const scheme = challenge ? ` ${challenge.scheme === 'bearer' ? 'Bearer' : 'Basic'}` : ''
    return new RegistryAuthError(
      `${this.registry} refused ${method} ${url.pathname} with ${who}:${scheme} 401` +
        `${detail ? ` ${detail}` : ''}.` +
        (found.credentials ? '' : ` ${LOGIN_HINT}`)
    )
  }
}

const LOGIN_HINT =
  'Log in first (`docker login`, the `ecr-login` action) or give the `username` and `password` inputs.'

function retryDecision(error: unknown, maxDelayMs: number): RetryDecision {
  if (error instanceof RegistryError) {
    return httpRetryDecision(error.status, error.retryAfterMs, maxDelayMs)
  }
  if (error instanceof RegistryAuthError) return false
  // fetch rejects with a TypeError on network failures and a TimeoutError on our deadline.
  const name = (error as Error | undefined)?.name
  return name === 'TypeError' || name === 'TimeoutError' || name === 'AbortError'
}

async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => undefined)
}
