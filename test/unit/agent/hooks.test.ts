/**
 * Each provider's deliveries, in the shapes the providers send (GitHub's documented payloads,
 * signed as GitHub documents it; the distribution registry's envelope as the sandbox registry
 * sends it for one `docker push`; Harbor's and Docker Hub's documented payloads): verified ones
 * ask for a tag or a push, forged, missing and stale ones get 401 with a reason that never holds
 * the secret or the expected MAC.
 */
import { describe, expect, test } from '@jest/globals'
import { createHash, createHmac } from 'node:crypto'
import type { AppConfig, HookVerdict } from '../../../src/agent/contract.js'
import { verifyBeforeBody, verifyHook, type HookRequest } from '../../../src/core/agent/hooks.js'
import { signWebhook } from '../../../src/core/signature.js'
import {
  GANTRY_SECRET,
  GITHUB_SECRET,
  HARBOR_SECRET,
  REGISTRY_SECRET,
  TOKEN_SECRET,
  composeApp,
  gitApp
} from './fixtures.js'

const NOW = 1_795_791_845
const REGISTRY_TYPE = 'application/vnd.docker.distribution.events.v1+json'
const COMMIT = 'd6fde92930d4715a2b49857d24b940956b26d2d3'

function request(
  body: string,
  headers: Record<string, string> = {},
  query: Record<string, string> = {}
): HookRequest {
  return { method: 'POST', path: '/hooks/x', query, headers, body: Buffer.from(body) }
}

/** As GitHub signs: HMAC-SHA256 of the raw body with the webhook's secret, hex, `sha256=`. */
function githubSigned(event: string, payload: unknown, secret = GITHUB_SECRET): HookRequest {
  const body = JSON.stringify(payload)
  return request(body, {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
    'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    'user-agent': 'GitHub-Hookshot/044aadd'
  })
}

function expectRejected(verdict: HookVerdict, reason: string | RegExp, secrets: string[]) {
  expect(verdict.ok).toBe(false)
  if (verdict.ok) return
  expect(verdict.status).toBe(401)
  expect(verdict.reason).toMatch(reason)
  for (const s of secrets) expect(verdict.reason).not.toContain(s)
}

// GitHub's push payload (fields as documented; lists trimmed).
const push = (ref: string, extra: Record<string, unknown> = {}) => ({
  ref,
  before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  after: COMMIT,
  created: false,
  deleted: false,
  forced: false,
  base_ref: null,
  compare: 'https://github.com/acme/blog/compare/6113728f27ae...d6fde92930d4',
  commits: [{ id: COMMIT, message: 'Update README.md', distinct: true }],
  head_commit: { id: COMMIT, message: 'Update README.md', timestamp: '2026-12-01T20:00:00Z' },
  repository: { id: 186853002, name: 'blog', full_name: 'acme/blog', default_branch: 'main' },
  pusher: { name: 'Codertocat', email: '21031067+Codertocat@users.noreply.github.com' },
  sender: { login: 'Codertocat', id: 21031067, type: 'User' },
  ...extra
})

// GitHub's package / registry_package `published` payload for a container (octokit's example).
const containerPackage = (key: 'package' | 'registry_package', name: string, tag: string) => ({
  action: 'published',
  [key]: {
    id: 10696,
    name,
    namespace: 'acme',
    ecosystem: 'docker',
    package_type: 'container',
    html_url: `https://github.com/orgs/acme/packages/container/package/${name}`,
    package_version: {
      id: 57755790,
      version: 'sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498',
      name: 'sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498',
      container_metadata: {
        tag: {
          name: tag,
          digest: 'sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498'
        },
        labels: { description: '', source: 'https://github.com/acme/shop' },
        manifest: {
          digest: 'sha256:3da1996a8115d7616457760d9920b815241d0a03b34cf5f04e9a0e9d8de37498',
          media_type: 'application/vnd.oci.image.manifest.v1+json',
          size: 1782
        }
      },
      package_url: `ghcr.io/acme/${name}:${tag}`
    },
    registry: { name: 'GitHub CONTAINER registry', type: 'CONTAINER', url: 'https://ghcr.io/acme' }
  },
  repository: { id: 185882436, name: 'shop', full_name: 'acme/shop' },
  sender: { login: 'Codertocat', id: 21031067 }
})

describe('GitHub', () => {
  test("GitHub's documented test vector verifies (and one changed digit does not)", () => {
    const secret = "It's a Secret to Everybody"
    const app = composeApp({ triggers: { github: { secret } } })
    const good = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'
    const signed = request('Hello, World!', {
      'x-hub-signature-256': good,
      'x-github-event': 'ping'
    })
    // The signature passes; only then is the body read (it is not JSON: 400, not 401).
    expect(verifyHook(app, signed, NOW)).toEqual({
      ok: false,
      status: 400,
      reason: 'the body is not a JSON object'
    })
    const forged = request('Hello, World!', { 'x-hub-signature-256': good.replace(/7$/, '8') })
    expectRejected(verifyHook(app, forged, NOW), 'X-Hub-Signature-256 does not match', [
      secret,
      good.slice(7)
    ])
  })

  test('a correct but truncated MAC, or one with more after it, does not match', () => {
    const secret = "It's a Secret to Everybody"
    const app = composeApp({ triggers: { github: { secret } } })
    const mac = '757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17'
    for (const signature of [
      `sha256=${mac.slice(0, 8)}`,
      `sha256=${mac.slice(0, 63)}`,
      `sha256=${mac}0`,
      `sha256=`
    ]) {
      const given = request('Hello, World!', {
        'x-hub-signature-256': signature,
        'x-github-event': 'ping'
      })
      expectRejected(verifyHook(app, given, NOW), 'X-Hub-Signature-256 does not match', [secret])
      // Refused before the body is read, too.
      expect(verifyBeforeBody(app, given, NOW)).toMatchObject({ ok: false, status: 401 })
    }
  })

  test('a push to the branch asks for that commit; another branch or a deletion is ignored', () => {
    const app = gitApp()
    const request = githubSigned('push', push('refs/heads/main'))
    expect(verifyHook(app, request, NOW)).toEqual({
      ok: true,
      via: 'github',
      // The signed body, not the unsigned X-GitHub-Delivery a replayer could change.
      deliveryId: `sha256:${createHash('sha256').update(request.body).digest('hex')}`,
      request: { kind: 'git', ref: 'refs/heads/main', commit: COMMIT }
    })
    expect(verifyHook(app, githubSigned('push', push('refs/heads/feature')), NOW)).toMatchObject({
      ok: true,
      request: null,
      ignored: 'refs/heads/feature is not refs/heads/main'
    })
    const deleted = push('refs/heads/main', { deleted: true, after: '0'.repeat(40) })
    expect(verifyHook(app, githubSigned('push', deleted), NOW)).toMatchObject({
      ok: true,
      request: null,
      ignored: 'refs/heads/main was deleted'
    })
    // A compose app deploys images: a push asks it for nothing.
    expect(
      verifyHook(composeApp(), githubSigned('push', push('refs/heads/main')), NOW)
    ).toMatchObject({
      ok: true,
      request: null
    })
  })

  test('a captured delivery replayed under a new X-GitHub-Delivery keeps its delivery id', () => {
    const captured = githubSigned('push', push('refs/heads/main'))
    const replayed = {
      ...captured,
      headers: { ...captured.headers, 'x-github-delivery': 'ffffffff-0000-4000-8000-000000000000' }
    }
    const first = verifyHook(gitApp(), captured, NOW)
    const again = verifyHook(gitApp(), replayed, NOW)
    expect(again.ok && first.ok && again.deliveryId === first.deliveryId).toBe(true)
    // A different event (another commit) is another delivery.
    const next = verifyHook(
      gitApp(),
      githubSigned('push', push('refs/heads/main', { after: 'b'.repeat(40) })),
      NOW
    )
    expect(next.ok && first.ok && next.deliveryId !== first.deliveryId).toBe(true)
  })

  test('ping is verified and ignored', () => {
    const ping = {
      zen: 'Keep it logically awesome.',
      hook_id: 109948940,
      hook: { type: 'Repository' }
    }
    expect(verifyHook(gitApp(), githubSigned('ping', ping), NOW)).toMatchObject({
      ok: true,
      request: null,
      ignored: 'GitHub ping (hook 109948940)'
    })
  })

  test.each(['package', 'registry_package'] as const)(
    '%s published asks for its tag, if a glob matches',
    (event) => {
      const app = composeApp()
      expect(
        verifyHook(app, githubSigned(event, containerPackage(event, 'shop', 'v2')), NOW)
      ).toMatchObject({
        ok: true,
        request: { kind: 'image', tag: 'v2' }
      })
      expect(
        verifyHook(app, githubSigned(event, containerPackage(event, 'shop', 'nightly')), NOW)
      ).toMatchObject({
        ok: true,
        request: null,
        ignored: 'tag nightly matches none of v*, latest'
      })
      // An org-wide hook also reports other packages: never this app's image.
      expect(
        verifyHook(app, githubSigned(event, containerPackage(event, 'billing', 'v2')), NOW)
      ).toMatchObject({
        ok: true,
        request: null,
        ignored: 'package billing is not 127.0.0.1:5000/shop'
      })
    }
  )

  test('missing or forged signatures: 401, the reason without secret or MAC', () => {
    const app = composeApp()
    const good = githubSigned('package', containerPackage('package', 'shop', 'v2'))
    const unsigned = { ...good, headers: { ...good.headers, 'x-hub-signature-256': undefined } }
    expectRejected(verifyHook(app, unsigned, NOW), /^missing X-Hub-Signature-256/, [GITHUB_SECRET])
    const other = githubSigned(
      'package',
      containerPackage('package', 'shop', 'v2'),
      'not-the-secret'
    )
    const expectedMac = (good.headers['x-hub-signature-256'] as string).slice(7)
    expectRejected(verifyHook(app, other, NOW), 'X-Hub-Signature-256 does not match', [
      GITHUB_SECRET,
      expectedMac
    ])
    // The body changed after signing.
    const tampered = {
      ...good,
      body: Buffer.from((good.body as Buffer).toString().replace('"v2"', '"v3"'))
    }
    expectRejected(verifyHook(app, tampered, NOW), 'X-Hub-Signature-256 does not match', [
      GITHUB_SECRET
    ])
  })
})

describe('gantry (signed JSON)', () => {
  const signed = (payload: unknown, timestamp = NOW, secret = GANTRY_SECRET) => {
    const body = JSON.stringify(payload)
    return request(body, {
      'content-type': 'application/json',
      ...signWebhook({ secret, body, timestamp, deliveryId: 'ci-run-42-1' })
    })
  }

  test('a tag for a compose app, a branch and commit for a git app', () => {
    expect(verifyHook(composeApp(), signed({ tag: 'v2' }), NOW)).toEqual({
      ok: true,
      via: 'gantry',
      deliveryId: 'ci-run-42-1',
      request: { kind: 'image', tag: 'v2' }
    })
    const app = gitApp({ triggers: { gantry: { secret: GANTRY_SECRET } } })
    expect(verifyHook(app, signed({ ref: 'refs/heads/main', commit: COMMIT }), NOW)).toMatchObject({
      ok: true,
      request: { kind: 'git', ref: 'refs/heads/main', commit: COMMIT }
    })
  })

  test("notify's json:// message for a successful run asks for its version", () => {
    const message = {
      version: '1.0',
      title: 'shop: v2 deployed',
      message: '…',
      type: 'success',
      status: 'succeeded',
      facts: {
        provider: 'github',
        repository: 'acme/shop',
        branch: 'main',
        sha: COMMIT,
        version: 'v2'
      }
    }
    expect(verifyHook(composeApp(), signed(message), NOW)).toMatchObject({
      ok: true,
      request: { kind: 'image', tag: 'v2' }
    })
    expect(verifyHook(composeApp(), signed({ ...message, status: 'failed' }), NOW)).toMatchObject({
      ok: true,
      request: null,
      ignored: 'a notification with status failed asks for nothing'
    })
  })

  test('stale, forged and unsigned: 401 with why', () => {
    expectRejected(
      verifyHook(composeApp(), signed({ tag: 'v2' }, NOW - 412), NOW),
      'X-Gantry-Timestamp is 412 s old (tolerance 300 s)',
      [GANTRY_SECRET]
    )
    expectRejected(
      verifyHook(composeApp(), signed({ tag: 'v2' }, NOW, 'wrong'), NOW),
      'X-Gantry-Signature does not match',
      [GANTRY_SECRET]
    )
    const unsigned = request('{"tag":"v2"}', { 'x-gantry-signature': 'sha256=00' })
    expectRejected(
      verifyHook(composeApp(), unsigned, NOW),
      'missing X-Gantry-Timestamp, X-Gantry-Delivery',
      []
    )
  })
})

describe('the distribution registry', () => {
  // What the sandbox's registry (docker-registry 2.8) sent for one `docker push` of one tag.
  const event = (id: string, action: string, target: Record<string, unknown>) => ({
    id,
    timestamp: '2026-12-01T20:01:02.123456789Z',
    action,
    target: {
      size: 1234,
      length: 1234,
      url: `http://127.0.0.1:5000/v2/shop/blobs/${target.digest}`,
      ...target
    },
    request: {
      id: 'b1f4c1c2',
      addr: '127.0.0.1:50622',
      host: '127.0.0.1:5000',
      method: 'PUT',
      useragent: 'docker/24.0.7'
    },
    actor: {},
    source: { addr: 'registry:5000', instanceID: '118c3da3-a375-4d70-bfc3-cde02eb28ecd' }
  })
  const blob = {
    mediaType: 'application/octet-stream',
    digest: `sha256:${'a'.repeat(64)}`,
    repository: 'shop'
  }
  const manifest = {
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    digest: `sha256:${'b'.repeat(64)}`,
    repository: 'shop',
    tag: 'v2'
  }
  const envelope = (...events: unknown[]) =>
    request(JSON.stringify({ events }), {
      'content-type': 'application/vnd.docker.distribution.events.v1+json',
      authorization: `Bearer ${REGISTRY_SECRET}`
    })

  test('only the push of a tagged manifest asks for a deploy; its event id is the delivery id', () => {
    const app = composeApp()
    const pushed = envelope(
      event('e1', 'push', blob),
      event('e2', 'pull', blob),
      event('e3', 'push', manifest)
    )
    expect(verifyHook(app, pushed, NOW)).toEqual({
      ok: true,
      via: 'registry',
      deliveryId: 'e3',
      request: { kind: 'image', tag: 'v2' }
    })
    expect(verifyHook(app, envelope(event('e1', 'push', blob)), NOW)).toMatchObject({
      ok: true,
      deliveryId: 'e1',
      request: null
    })
    expect(
      verifyHook(app, envelope(event('e4', 'push', { ...manifest, repository: 'billing' })), NOW)
    ).toMatchObject({
      ok: true,
      request: null
    })
  })

  test("distribution 3's envelope type (events.v2+json) is the registry's too", () => {
    const pushed = envelope(event('e3', 'push', manifest))
    const v3 = {
      ...pushed,
      headers: {
        ...pushed.headers,
        'content-type': 'application/vnd.docker.distribution.events.v2+json'
      }
    }
    expect(verifyHook(composeApp(), v3, NOW)).toMatchObject({
      ok: true,
      via: 'registry',
      request: { kind: 'image', tag: 'v2' }
    })
  })

  test('the header secret is the only proof: wrong or missing, 401', () => {
    const app = composeApp()
    const good = envelope(event('e3', 'push', manifest))
    const wrong = { ...good, headers: { ...good.headers, authorization: 'Bearer guess' } }
    expectRejected(verifyHook(app, wrong, NOW), 'Authorization does not match', [REGISTRY_SECRET])
    const none = {
      ...good,
      headers: { 'content-type': 'application/vnd.docker.distribution.events.v1+json' }
    }
    expectRejected(verifyHook(app, none, NOW), 'missing Authorization header', [REGISTRY_SECRET])
  })
})

describe('Harbor', () => {
  const payload = (type: string, tag: string) =>
    JSON.stringify({
      type,
      occur_at: 1737446601,
      operator: 'admin',
      event_data: {
        resources: [
          {
            digest: 'sha256:76525f02955aec223342400a080c73024c995c9db1ba2eabf7505cf3bdf3f1f0',
            tag,
            resource_url: `harbor.example.com/library/shop:${tag}`
          }
        ],
        repository: {
          date_created: 1737446600,
          name: 'shop',
          namespace: 'library',
          repo_full_name: 'library/shop',
          repo_type: 'public'
        }
      }
    })
  const app = composeApp({
    image: {
      registry: 'harbor.example.com',
      repository: 'library/shop',
      reference: 'harbor.example.com/library/shop'
    }
  })

  test('PUSH_ARTIFACT asks for its tag; other events are ignored; the body hash is the delivery id', () => {
    const body = payload('PUSH_ARTIFACT', 'v7')
    expect(
      verifyHook(
        app,
        request(body, { 'content-type': 'application/json', authorization: HARBOR_SECRET }),
        NOW
      )
    ).toEqual({
      ok: true,
      via: 'harbor',
      deliveryId: `sha256:${createHash('sha256').update(body).digest('hex')}`,
      request: { kind: 'image', tag: 'v7' }
    })
    expect(
      verifyHook(
        app,
        request(payload('PULL_ARTIFACT', 'v7'), {
          'content-type': 'application/json',
          authorization: HARBOR_SECRET
        }),
        NOW
      )
    ).toMatchObject({
      ok: true,
      request: null,
      ignored: 'Harbor event PULL_ARTIFACT asks for nothing'
    })
  })

  test('a wrong Authorization: 401', () => {
    const wrong = request(payload('PUSH_ARTIFACT', 'v7'), {
      'content-type': 'application/json',
      authorization: 'guess'
    })
    expectRejected(verifyHook(app, wrong, NOW), 'Authorization does not match', [HARBOR_SECRET])
  })
})

describe('a token in the URL (Docker Hub, simple triggers)', () => {
  // Docker Hub's documented payload.
  const dockerHub = JSON.stringify({
    callback_url:
      'https://registry.hub.docker.com/u/acme/shop/hook/2141b5bi5i5b02bec211i4eeih0242eg11000a/',
    push_data: { pushed_at: 1417566161, pusher: 'trustedbuilder', tag: 'latest' },
    repository: {
      comment_count: 0,
      date_created: 1417494799,
      description: '',
      is_official: false,
      is_private: true,
      is_trusted: true,
      name: 'shop',
      namespace: 'acme',
      owner: 'acme',
      repo_name: 'acme/shop',
      repo_url: 'https://registry.hub.docker.com/u/acme/shop/',
      star_count: 0,
      status: 'Active'
    }
  })
  const app = composeApp({
    image: { registry: 'docker.io', repository: 'acme/shop', reference: 'docker.io/acme/shop' }
  })

  test("Docker Hub's push asks for its tag", () => {
    expect(
      verifyHook(
        app,
        request(dockerHub, { 'content-type': 'application/json' }, { token: TOKEN_SECRET }),
        NOW
      )
    ).toMatchObject({
      ok: true,
      via: 'token',
      request: { kind: 'image', tag: 'latest' }
    })
  })

  test('a wrong token: 401; an empty one the same', () => {
    expectRejected(
      verifyHook(app, request(dockerHub, {}, { token: 'guess' }), NOW),
      '?token= does not match',
      [TOKEN_SECRET]
    )
    expectRejected(
      verifyHook(app, request(dockerHub, {}, { token: '' }), NOW),
      '?token= does not match',
      [TOKEN_SECRET]
    )
  })

  test('an empty body for a git app asks for the branch', () => {
    expect(verifyHook(gitApp(), request('', {}, { token: TOKEN_SECRET }), NOW)).toMatchObject({
      ok: true,
      request: { kind: 'git', ref: 'refs/heads/main' }
    })
  })
})

describe('matching a request to a trigger', () => {
  test('no marker of any trigger: 401 naming what the app accepts', () => {
    const app: AppConfig = composeApp()
    expectRejected(
      verifyHook(app, request('{"tag":"v2"}', { 'content-type': 'application/json' }), NOW),
      'no credentials this app accepts (github: X-Hub-Signature-256, gantry: X-Gantry-Signature, registry: Authorization with Content-Type application/vnd.docker.distribution.events.v1+json, harbor: Authorization, token: ?token=)',
      []
    )
  })

  test('the first configured trigger whose marker the request carries verifies it', () => {
    const app = gitApp({
      triggers: { token: { secret: TOKEN_SECRET }, github: { secret: GITHUB_SECRET } }
    })
    const both = githubSigned('push', push('refs/heads/main'))
    // Carries `?token=` (wrong) and a good GitHub signature: token comes first in the file.
    expectRejected(
      verifyHook(app, { ...both, query: { token: 'x' } }, NOW),
      '?token= does not match',
      [TOKEN_SECRET]
    )
    const githubFirst = gitApp({
      triggers: { github: { secret: GITHUB_SECRET }, token: { secret: TOKEN_SECRET } }
    })
    expect(verifyHook(githubFirst, { ...both, query: { token: 'x' } }, NOW)).toMatchObject({
      ok: true,
      via: 'github'
    })
  })
})

describe('before the body', () => {
  const head = (headers: Record<string, string>, query: Record<string, string> = {}) => ({
    method: 'POST',
    path: '/hooks/shop',
    query,
    headers
  })
  const app = composeApp()

  test('credentials that prove themselves without the body are checked without it', () => {
    const refused: [Record<string, string>, Record<string, string>, string | RegExp][] = [
      [{ 'content-type': 'application/json' }, {}, /^no credentials this app accepts/],
      [{ 'x-github-event': 'ping' }, {}, /^missing X-Hub-Signature-256/],
      [{ 'x-hub-signature-256': 'sha1=abc' }, {}, 'X-Hub-Signature-256 does not match'],
      [{ 'x-gantry-signature': 'sha256=00' }, {}, /^missing X-Gantry-Timestamp/],
      [
        { authorization: 'Bearer nope', 'content-type': REGISTRY_TYPE },
        {},
        'Authorization does not match'
      ],
      [{ authorization: 'nope' }, {}, 'Authorization does not match'],
      [{}, { token: 'nope' }, '?token= does not match']
    ]
    for (const [headers, query, reason] of refused)
      expectRejected(verifyBeforeBody(app, head(headers, query), NOW)!, reason, [
        GITHUB_SECRET,
        GANTRY_SECRET,
        REGISTRY_SECRET,
        HARBOR_SECRET,
        TOKEN_SECRET
      ])
  })

  test('what needs the body, or passes, is left to verifyHook', () => {
    const passing: [Record<string, string>, Record<string, string>][] = [
      [{ 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }, {}],
      [{ authorization: `Bearer ${REGISTRY_SECRET}`, 'content-type': REGISTRY_TYPE }, {}],
      [{ authorization: HARBOR_SECRET }, {}],
      [{}, { token: TOKEN_SECRET }]
    ]
    for (const [headers, query] of passing)
      expect(verifyBeforeBody(app, head(headers, query), NOW)).toBeUndefined()
  })
})
