/**
 * What a forged, replayed or misdirected delivery must not get, for the bugs `npm run mutation`
 * seeds into webhook verification (src/core/agent/hooks.ts, src/core/signature.ts) that the
 * provider tests in hooks.test.ts did not notice.
 */
import { describe, expect, test } from '@jest/globals'
import { createHmac } from 'node:crypto'
import type { HookVerdict } from '../../../src/agent/contract.js'
import { verifyHook, type HookRequest } from '../../../src/core/agent/hooks.js'
import { ReplayGuard, signWebhook, verifyWebhook } from '../../../src/core/signature.js'
import { GANTRY_SECRET, GITHUB_SECRET, REGISTRY_SECRET, composeApp, gitApp } from './fixtures.js'

const NOW = 1_795_791_845
const COMMIT = 'd6fde92930d4715a2b49857d24b940956b26d2d3'
/** Cut to these many hex digits, a correct MAC is still refused. */
const TRUNCATIONS = [2, 8, 32, 62]

function request(body: string, headers: Record<string, string>): HookRequest {
  return { method: 'POST', path: '/hooks/x', query: {}, headers, body: Buffer.from(body) }
}

const githubMac = (body: string) => createHmac('sha256', GITHUB_SECRET).update(body).digest('hex')

function github(event: string, payload: unknown, mac = githubMac(JSON.stringify(payload))) {
  return request(JSON.stringify(payload), {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-hub-signature-256': `sha256=${mac}`
  })
}

function gantry(payload: unknown, timestamp = NOW) {
  const body = JSON.stringify(payload)
  return request(body, {
    'content-type': 'application/json',
    ...signWebhook({ secret: GANTRY_SECRET, body, timestamp, deliveryId: 'ci-run-7-1' })
  })
}

const asked = (verdict: HookVerdict) => (verdict.ok ? verdict.request : undefined)

describe('a correct MAC cut short is a forgery', () => {
  test('GitHub: X-Hub-Signature-256 with the first digits of the right MAC gets 401', () => {
    const payload = { ref: 'refs/heads/main', after: COMMIT }
    const mac = githubMac(JSON.stringify(payload))
    expect(asked(verifyHook(gitApp(), github('push', payload, mac), NOW))).toEqual({
      kind: 'git',
      ref: 'refs/heads/main',
      commit: COMMIT
    })
    for (const digits of TRUNCATIONS)
      expect(verifyHook(gitApp(), github('push', payload, mac.slice(0, digits)), NOW)).toEqual({
        ok: false,
        status: 401,
        reason: 'X-Hub-Signature-256 does not match'
      })
  })

  test('gantry: X-Gantry-Signature with the first digits of the right MAC is refused', () => {
    const body = '{"tag":"v2"}'
    const headers = signWebhook({ secret: 's3', body, timestamp: 1000, deliveryId: 'd-1' })
    const full = headers['X-Gantry-Signature']!
    const verify = (signature: string) =>
      verifyWebhook({
        secrets: ['s3'],
        headers: { ...headers, 'X-Gantry-Signature': signature },
        body,
        nowSeconds: 1000
      })
    expect(verify(full)).toMatchObject({ ok: true })
    for (const digits of TRUNCATIONS)
      expect(verify(full.slice(0, 'sha256='.length + digits))).toMatchObject({
        ok: false,
        reason: 'bad-signature'
      })
  })
})

describe('a captured delivery is good once for as long as its timestamp is', () => {
  test.each([1, 10, 299])('replayed %i s later (inside the tolerance): refused', (later) => {
    const body = '{"tag":"v2"}'
    const headers = signWebhook({ secret: 's3', body, timestamp: 1000, deliveryId: 'd-1' })
    const guard = new ReplayGuard()
    const at = (nowSeconds: number) =>
      verifyWebhook({ secrets: ['s3'], headers, body, nowSeconds, replay: guard })
    expect(at(1000)).toMatchObject({ ok: true })
    expect(at(1000 + later)).toMatchObject({ ok: false, reason: 'replayed' })
  })
})

describe('only what the app deploys is asked for', () => {
  test.each(['refs/heads/not-main', 'refs/heads/domain', 'refs/tags/main', 'feature/main'])(
    'a push to %s is not a push to main',
    (ref) => {
      const verdict = verifyHook(gitApp(), github('push', { ref, after: COMMIT }), NOW)
      expect(verdict).toMatchObject({ ok: true, request: null })
    }
  )

  test.each([COMMIT.slice(0, 7), COMMIT.slice(0, 12), `${COMMIT.slice(0, 39)}g`, 'HEAD~1'])(
    'a commit that is not a full id (%s): 400, nothing asked',
    (commit) => {
      const app = gitApp({ triggers: { gantry: { secret: GANTRY_SECRET } } })
      expect(verifyHook(app, gantry({ ref: 'refs/heads/main', commit }), NOW)).toEqual({
        ok: false,
        status: 400,
        reason: `the commit ${JSON.stringify(commit.toLowerCase())} is not a full commit id`
      })
    }
  )

  test('of two tag pushes in one registry envelope, the later one is asked for', () => {
    const manifest = (tag: string) => ({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      digest: `sha256:${tag === 'v1' ? 'a'.repeat(64) : 'b'.repeat(64)}`,
      repository: 'shop',
      tag
    })
    const body = JSON.stringify({
      events: [
        { id: 'e1', action: 'push', target: manifest('v1') },
        { id: 'e2', action: 'push', target: manifest('v2') }
      ]
    })
    const verdict = verifyHook(
      composeApp(),
      request(body, {
        'content-type': 'application/vnd.docker.distribution.events.v1+json',
        authorization: `Bearer ${REGISTRY_SECRET}`
      }),
      NOW
    )
    expect(verdict).toEqual({
      ok: true,
      via: 'registry',
      deliveryId: 'e2',
      request: { kind: 'image', tag: 'v2' }
    })
  })

  test("a repository whose name only ends like the app's image is another repository", () => {
    const app = composeApp({
      image: { registry: 'ghcr.io', repository: 'acme/shop', reference: 'ghcr.io/acme/shop' }
    })
    const published = (name: string) => ({
      action: 'published',
      package: {
        name,
        package_version: { container_metadata: { tag: { name: 'v2' } } }
      }
    })
    // GitHub names a package without its owner: `shop` is ghcr.io/acme/shop, `hop` is not.
    expect(asked(verifyHook(app, github('package', published('shop')), NOW))).toEqual({
      kind: 'image',
      tag: 'v2'
    })
    expect(verifyHook(app, github('package', published('hop')), NOW)).toMatchObject({
      ok: true,
      request: null,
      ignored: 'package hop is not ghcr.io/acme/shop'
    })
    // The registry names the whole repository: `shop` alone is not acme/shop.
    const pushed = JSON.stringify({
      events: [
        {
          id: 'e1',
          action: 'push',
          target: {
            mediaType: 'application/vnd.oci.image.manifest.v1+json',
            repository: 'shop',
            tag: 'v2'
          }
        }
      ]
    })
    const fromRegistry = request(pushed, {
      'content-type': 'application/vnd.docker.distribution.events.v1+json',
      authorization: `Bearer ${REGISTRY_SECRET}`
    })
    expect(verifyHook(app, fromRegistry, NOW)).toMatchObject({ ok: true, request: null })
  })
})
