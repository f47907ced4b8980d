/**
 * One webhook request → a verified delivery, or why not. Pure (HMAC and hashes are computation).
 *
 * The request is matched to the first trigger of the app whose marker it carries (see MARKERS),
 * then verified with that trigger's secret, compared in constant time over equal-length digests.
 * A reason never holds the secret or the expected MAC. Only then is the body read, and what it
 * asks for is a wish: a tag (the deployer resolves it to a digest in the registry itself) or a
 * branch push (the deployer fetches and verifies the commit). Events that ask for nothing this
 * app deploys (a ping, a pull, another repository, a tag no glob matches, another branch) are
 * verified but `ignored`.
 *
 * Delivery ids (the replay guard's keys): gantry's X-Gantry-Delivery (signed); for GitHub the
 * body's sha256, because GitHub signs the body only and a replayer could change the unsigned
 * X-GitHub-Delivery (a redelivery from GitHub's page is byte-identical, a duplicate too; two real
 * events always differ: `after`, the package version's id and time); the registry's event id; for
 * Harbor and tokens the body's sha256. (A static header or URL secret proves nothing about the body:
 * there the guard stops retries from deploying twice.)
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { AppConfig, DeployRequest, HookVerdict, TriggerKind } from '../../agent/contract.js'
import { isValidTag } from '../docker-reference.js'
import { FULL_COMMIT } from '../deploy/git.js'
import { matchesGlob } from '../glob.js'
import { isPlainObject, type JsonObject } from '../json.js'
import {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhook
} from '../signature.js'

export interface HookRequest {
  method: string
  path: string
  query: Readonly<Record<string, string | undefined>>
  headers: Readonly<Record<string, string | string[] | undefined>>
  body: Buffer | string
}

/** What is known of a request before its body is read. */
export type RequestHead = Omit<HookRequest, 'body'>

/** The distribution registry's envelope: `…events.v1+json` up to 2.8, `…events.v2+json` from 3.0. */
export const REGISTRY_EVENTS_TYPE = 'application/vnd.docker.distribution.events.v1+json'
const REGISTRY_EVENTS = /^application\/vnd\.docker\.distribution\.events\.v[12]\+json$/
export const GITHUB_SIGNATURE = 'X-Hub-Signature-256'

function header(request: Pick<HookRequest, 'headers'>, name: string): string | undefined {
  const lower = name.toLowerCase()
  for (const [key, value] of Object.entries(request.headers))
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : value
  return undefined
}

const contentType = (request: Pick<HookRequest, 'headers'>) =>
  (header(request, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase()

/** What marks a request as meant for each trigger. */
const MARKERS: Record<TriggerKind, (request: RequestHead, app: AppConfig) => boolean> = {
  github: (r) =>
    header(r, GITHUB_SIGNATURE) !== undefined || header(r, 'X-GitHub-Event') !== undefined,
  gantry: (r) => header(r, SIGNATURE_HEADER) !== undefined,
  registry: (r) => REGISTRY_EVENTS.test(contentType(r)),
  harbor: (r) => header(r, 'Authorization') !== undefined && !REGISTRY_EVENTS.test(contentType(r)),
  token: (r) => r.query.token !== undefined
}

/** How each trigger proves itself, for the 401 that names what the app accepts. */
function credentialName(kind: TriggerKind, app: AppConfig): string {
  switch (kind) {
    case 'github':
      return `github: ${GITHUB_SIGNATURE}`
    case 'gantry':
      return `gantry: ${SIGNATURE_HEADER}`
    case 'registry':
      return `registry: ${app.triggers.registry?.header ?? 'Authorization'} with Content-Type ${REGISTRY_EVENTS_TYPE}`
    case 'harbor':
      return 'harbor: Authorization'
    case 'token':
      return 'token: ?token='
  }
}

export const WEBHOOK_KINDS: readonly TriggerKind[] = [
  'github',
  'gantry',
  'registry',
  'harbor',
  'token'
]

/** The app's webhook triggers in the order the file gives them (poll is not one). */
export function webhookTriggers(app: AppConfig): TriggerKind[] {
  return Object.keys(app.triggers).filter((k): k is TriggerKind =>
    (WEBHOOK_KINDS as readonly string[]).includes(k)
  )
}

/** The first configured trigger whose marker the request carries. */
export function matchTrigger(app: AppConfig, request: RequestHead): TriggerKind | undefined {
  return webhookTriggers(app).find((kind) => MARKERS[kind](request, app))
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest()

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(sha256(given), sha256(expected))
}

const bodyBuffer = (body: Buffer | string) =>
  typeof body === 'string' ? Buffer.from(body, 'utf8') : body
const bodyHash = (body: Buffer | string) => `sha256:${sha256(bodyBuffer(body)).toString('hex')}`

type Verdict = HookVerdict
const reject = (reason: string, status: 401 | 400 = 401): Verdict => ({ ok: false, status, reason })
const ignored = (via: TriggerKind, deliveryId: string, why: string): Verdict => ({
  ok: true,
  via,
  deliveryId,
  request: null,
  ignored: why
})
const asks = (via: TriggerKind, deliveryId: string, request: DeployRequest): Verdict => ({
  ok: true,
  via,
  deliveryId,
  request
})

function parseJson(body: Buffer | string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(bodyBuffer(body).toString('utf8'))
    return isPlainObject(value) ? value : undefined
  } catch {
    return undefined
  }
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const obj = (value: unknown): JsonObject => (isPlainObject(value) ? value : {})

/** A tag this app deploys: a compose app, a valid tag, one of its globs. */
function imageTag(
  app: AppConfig,
  via: TriggerKind,
  deliveryId: string,
  tag: string | undefined
): Verdict {
  if (app.target !== 'compose')
    return ignored(via, deliveryId, `an image tag, but app '${app.name}' deploys from git`)
  if (tag === undefined) return ignored(via, deliveryId, 'the event names no tag')
  if (!isValidTag(tag))
    return reject(`the tag ${JSON.stringify(tag.slice(0, 130))} is not a valid tag`, 400)
  if (!app.tags.some((glob) => matchesGlob(glob, tag)))
    return ignored(via, deliveryId, `tag ${tag} matches none of ${app.tags.join(', ')}`)
  return asks(via, deliveryId, { kind: 'image', tag })
}

/** A push to this app's branch. */
function gitPush(
  app: AppConfig,
  via: TriggerKind,
  deliveryId: string,
  ref: string | undefined,
  commit: string | undefined
): Verdict {
  if (app.target !== 'git')
    return ignored(via, deliveryId, `a git push, but app '${app.name}' deploys images`)
  const branchRef = `refs/heads/${app.branch ?? 'main'}`
  const given = ref === undefined ? branchRef : ref.startsWith('refs/') ? ref : `refs/heads/${ref}`
  if (given !== branchRef) return ignored(via, deliveryId, `${given} is not ${branchRef}`)
  if (commit !== undefined && !FULL_COMMIT.test(commit))
    return reject(`the commit ${JSON.stringify(commit.slice(0, 70))} is not a full commit id`, 400)
  return asks(via, deliveryId, { kind: 'git', ref: given, ...(commit ? { commit } : {}) })
}

/** `owner/name`, `name`, `library/name`: does the event's repository name this app's image? */
function sameRepository(app: AppConfig, name: string | undefined, lastSegment = false): boolean {
  if (name === undefined || !app.image) return true
  const mine = app.image.repository.toLowerCase()
  const theirs = name.toLowerCase().replace(/^\/+/, '')
  if (theirs === mine || `library/${theirs}` === mine) return true
  // A GitHub package is named without its owner: `shop` for ghcr.io/acme/shop.
  return lastSegment && !theirs.includes('/') && mine.endsWith(`/${theirs}`)
}

// -------------------------------------------------------------------------------------------
// GitHub: X-Hub-Signature-256 = "sha256=" + HMAC-SHA256(secret, raw body), hex.

/** The whole MAC, never a prefix of it: a truncated one does not match. */
const GITHUB_SIGNATURE_SHAPE = /^sha256=([0-9a-f]{64})$/i

function github(app: AppConfig, request: HookRequest, secret: string): Verdict {
  const signature = header(request, GITHUB_SIGNATURE)
  if (signature === undefined)
    return reject(`missing ${GITHUB_SIGNATURE} (set the webhook's secret in GitHub)`)
  const given = GITHUB_SIGNATURE_SHAPE.exec(signature.trim())?.[1]
  const expected = createHmac('sha256', secret).update(bodyBuffer(request.body)).digest()
  const givenBytes = given ? Buffer.from(given, 'hex') : Buffer.alloc(32)
  if (!timingSafeEqual(expected, givenBytes) || !given)
    return reject(`${GITHUB_SIGNATURE} does not match`)
  // GitHub signs the body only: a replayer of a captured request could change X-GitHub-Delivery,
  // so the signed body's hash is the delivery id (see the file's opening comment).
  const deliveryId = bodyHash(request.body)
  const event = header(request, 'X-GitHub-Event') ?? ''
  // A webhook set to `application/x-www-form-urlencoded` sends the JSON as `payload=`.
  let payload: JsonObject | undefined
  if (contentType(request) === 'application/x-www-form-urlencoded') {
    const text = new URLSearchParams(bodyBuffer(request.body).toString('utf8')).get('payload')
    payload = text === null ? undefined : parseJson(text)
  } else payload = parseJson(request.body)
  if (payload === undefined) return reject('the body is not a JSON object', 400)
  switch (event) {
    case 'ping':
      return ignored('github', deliveryId, `GitHub ping (hook ${String(payload.hook_id ?? '?')})`)
    case 'push': {
      if (payload.deleted === true)
        return ignored('github', deliveryId, `${str(payload.ref) ?? 'the ref'} was deleted`)
      const ref = str(payload.ref)
      if (ref === undefined) return reject('a push event without `ref`', 400)
      return gitPush(app, 'github', deliveryId, ref, str(payload.after))
    }
    case 'package':
    case 'registry_package': {
      if (payload.action !== 'published')
        return ignored('github', deliveryId, `${event} ${String(payload.action)} asks for nothing`)
      const pkg = obj(payload[event])
      const tag = str(obj(obj(obj(pkg.package_version).container_metadata).tag).name)
      const name = str(pkg.name)
      if (app.image && name !== undefined && !sameRepository(app, name, true))
        return ignored('github', deliveryId, `package ${name} is not ${app.image.reference}`)
      return imageTag(app, 'github', deliveryId, tag)
    }
    default:
      return ignored('github', deliveryId, `GitHub event ${JSON.stringify(event)} asks for nothing`)
  }
}

// -------------------------------------------------------------------------------------------
// Gantry: src/core/signature.ts (timestamped, delivery id signed). The body is `{"tag":"v2"}`,
// `{"ref":"refs/heads/main","commit":"…"}`, or what notify's json:// sink sends for a run.

function gantryRejection(
  result: Extract<ReturnType<typeof verifyWebhook>, { ok: false }>,
  request: Pick<HookRequest, 'headers'>,
  nowSeconds: number
): Verdict {
  if (result.reason !== 'stale') return reject(result.detail)
  const age = nowSeconds - Number(header(request, TIMESTAMP_HEADER))
  return reject(
    `${TIMESTAMP_HEADER} is ${Math.abs(age)} s ${age > 0 ? 'old' : 'in the future'} (tolerance ${DEFAULT_TOLERANCE_SECONDS} s)`
  )
}

function gantry(app: AppConfig, request: HookRequest, secret: string, nowSeconds: number): Verdict {
  const body = bodyBuffer(request.body).toString('utf8')
  const result = verifyWebhook({
    secrets: [secret],
    headers: request.headers,
    body,
    nowSeconds
  })
  if (!result.ok) return gantryRejection(result, request, nowSeconds)
  const payload = parseJson(body)
  if (payload === undefined) return reject('the body is not a JSON object', 400)
  const id = result.deliveryId
  if (str(payload.tag) !== undefined) return imageTag(app, 'gantry', id, str(payload.tag))
  if (str(payload.ref) !== undefined || str(payload.commit) !== undefined)
    return gitPush(app, 'gantry', id, str(payload.ref), str(payload.commit)?.toLowerCase())
  if (isPlainObject(payload.facts)) {
    // notify's JSON: a successful run names what it built.
    const status = str(payload.status)
    if (status !== 'succeeded' && status !== 'deployed')
      return ignored(
        'gantry',
        id,
        `a notification with status ${status ?? 'none'} asks for nothing`
      )
    const facts = payload.facts
    if (app.target === 'compose')
      return imageTag(app, 'gantry', id, str(facts.version) ?? str(facts.tag))
    return gitPush(app, 'gantry', id, str(facts.branch), str(facts.sha)?.toLowerCase())
  }
  return reject('the body names no `tag`, `ref` or `commit`', 400)
}

// -------------------------------------------------------------------------------------------
// The distribution registry: `{"events":[…]}`, no signature, the configured header is the proof.
// Only a push whose target is a manifest with a tag means "a tag now points here".

const MANIFEST_TYPE = /manifest|image\.index/i

function registry(
  app: AppConfig,
  request: HookRequest,
  expected: { header: string; value: string }
): Verdict {
  const given = header(request, expected.header)
  if (given === undefined) return reject(`missing ${expected.header} header`)
  if (!sameSecret(given, expected.value)) return reject(`${expected.header} does not match`)
  const payload = parseJson(request.body)
  const events = payload && Array.isArray(payload.events) ? payload.events.map(obj) : undefined
  if (events === undefined)
    return reject('the body is not a notification envelope ({"events":[…]})', 400)
  const pushes = events.filter((e) => {
    const target = obj(e.target)
    return (
      e.action === 'push' &&
      MANIFEST_TYPE.test(str(target.mediaType) ?? '') &&
      str(target.tag) !== undefined &&
      sameRepository(app, str(target.repository))
    )
  })
  // The newest push wins: the registry sends events in order.
  const push = pushes[pushes.length - 1]
  if (push === undefined) {
    const first = events[0]
    const id = str(first?.id) ?? bodyHash(request.body)
    const what = events.map((e) => `${String(e.action)} ${str(obj(e.target).mediaType) ?? '?'}`)
    return ignored(
      'registry',
      id,
      `no tag push for ${app.image?.reference ?? app.name} (${what.join(', ') || 'no events'})`
    )
  }
  return imageTag(
    app,
    'registry',
    str(push.id) ?? bodyHash(request.body),
    str(obj(push.target).tag)
  )
}

// -------------------------------------------------------------------------------------------
// Harbor: the policy's auth header value as `Authorization`; `type: PUSH_ARTIFACT`.

function harbor(app: AppConfig, request: HookRequest, value: string): Verdict {
  const given = header(request, 'Authorization')
  if (given === undefined) return reject('missing Authorization header')
  if (!sameSecret(given, value)) return reject('Authorization does not match')
  const id = bodyHash(request.body)
  const payload = parseJson(request.body)
  if (payload === undefined) return reject('the body is not a JSON object', 400)
  if (payload.type !== 'PUSH_ARTIFACT')
    return ignored('harbor', id, `Harbor event ${String(payload.type)} asks for nothing`)
  const data = obj(payload.event_data)
  const repository = obj(data.repository)
  const name = str(repository.repo_full_name) ?? str(repository.name)
  if (!sameRepository(app, name))
    return ignored('harbor', id, `repository ${name} is not ${app.image?.reference ?? app.name}`)
  const tags = (Array.isArray(data.resources) ? data.resources : [])
    .map((r) => str(obj(r).tag))
    .filter((t): t is string => t !== undefined)
  const tag = tags.find((t) => app.tags.some((glob) => matchesGlob(glob, t))) ?? tags[0]
  return imageTag(app, 'harbor', id, tag)
}

// -------------------------------------------------------------------------------------------
// A token in the URL, for senders that cannot sign: Docker Hub (`push_data.tag`,
// `repository.repo_name`), registries' simple triggers, or a plain `{"tag":"v2"}`.

function token(app: AppConfig, request: HookRequest, secret: string): Verdict {
  if (!sameSecret(request.query.token ?? '', secret)) return reject('?token= does not match')
  const id = bodyHash(request.body)
  const text = bodyBuffer(request.body).toString('utf8').trim()
  if (text === '') {
    if (app.target === 'git') return gitPush(app, 'token', id, undefined, undefined)
    return reject('the body names no tag', 400)
  }
  const payload = parseJson(request.body)
  if (payload === undefined) return reject('the body is not a JSON object', 400)
  if (isPlainObject(payload.push_data)) {
    const repository = obj(payload.repository)
    const name = str(repository.repo_name) ?? str(repository.repo_full_name)
    if (!sameRepository(app, name))
      return ignored('token', id, `repository ${name} is not ${app.image?.reference ?? app.name}`)
    return imageTag(app, 'token', id, str(payload.push_data.tag))
  }
  if (str(payload.tag) !== undefined) return imageTag(app, 'token', id, str(payload.tag))
  if (str(payload.ref) !== undefined || str(payload.commit) !== undefined)
    return gitPush(app, 'token', id, str(payload.ref), str(payload.commit)?.toLowerCase())
  return reject('the body names no tag (`push_data.tag` or `tag`)', 400)
}

/**
 * The rejection that needs no body, or undefined (then read the body and call verifyHook): no
 * credentials the app accepts; a GitHub signature missing or not 64 hex digits; a Gantry
 * signature's headers missing or its timestamp out of the window; a registry, Harbor or URL
 * token that does not match (those prove themselves without the body). So a stranger's body is
 * never read.
 */
export function verifyBeforeBody(
  app: AppConfig,
  request: RequestHead,
  nowSeconds: number
): HookVerdict | undefined {
  const t = app.triggers
  const kind = matchTrigger(app, request)
  switch (kind) {
    case undefined:
      return verifyHook(app, { ...request, body: '' }, nowSeconds)
    case 'github': {
      const signature = header(request, GITHUB_SIGNATURE)
      if (signature === undefined) return github(app, { ...request, body: '' }, '')
      return GITHUB_SIGNATURE_SHAPE.test(signature.trim())
        ? undefined
        : reject(`${GITHUB_SIGNATURE} does not match`)
    }
    case 'gantry': {
      const result = verifyWebhook({
        secrets: [''],
        headers: request.headers,
        body: '',
        nowSeconds
      })
      return result.ok || result.reason === 'bad-signature'
        ? undefined
        : gantryRejection(result, request, nowSeconds)
    }
    case 'registry': {
      const given = header(request, t.registry!.header)
      if (given === undefined) return reject(`missing ${t.registry!.header} header`)
      return sameSecret(given, t.registry!.value)
        ? undefined
        : reject(`${t.registry!.header} does not match`)
    }
    case 'harbor':
      return sameSecret(header(request, 'Authorization') ?? '', t.harbor!.value)
        ? undefined
        : reject('Authorization does not match')
    case 'token':
      return sameSecret(request.query.token ?? '', t.token!.secret)
        ? undefined
        : reject('?token= does not match')
  }
}

/**
 * Verifies one request for `app` (already matched by path). `nowSeconds` is Unix time, for the
 * gantry trigger's timestamp window. Replays are the caller's (it keeps delivery ids on disk).
 */
export function verifyHook(app: AppConfig, request: HookRequest, nowSeconds: number): HookVerdict {
  const kind = matchTrigger(app, request)
  const t = app.triggers
  switch (kind) {
    case 'github':
      return github(app, request, t.github!.secret)
    case 'gantry':
      return gantry(app, request, t.gantry!.secret, nowSeconds)
    case 'registry':
      return registry(app, request, t.registry!)
    case 'harbor':
      return harbor(app, request, t.harbor!.value)
    case 'token':
      return token(app, request, t.token!.secret)
    case undefined: {
      const accepted = webhookTriggers(app).map((k) => credentialName(k, app))
      return reject(
        accepted.length
          ? `no credentials this app accepts (${accepted.join(', ')})`
          : `app '${app.name}' takes no webhooks (its only trigger is poll)`
      )
    }
  }
}
