import { describe, expect, test } from '@jest/globals'
import {
  basicAuthorization,
  decodeBase64,
  encodeBase64,
  mergeScopes,
  parseChallenges,
  parseTokenResponse,
  pickChallenge,
  planTokenRequest,
  scopesCover
} from '../../../src/core/registry/auth.js'
import {
  credentialSources,
  hostnameOfKey,
  parseDockerConfig,
  parseHelperResponse,
  withAuthEntry,
  withoutAuthEntry
} from '../../../src/core/registry/docker-config.js'
import {
  decodeAuthorizationToken,
  isAccountId,
  isImmutableTagRefusal,
  isRepositoryName,
  outputSuffix,
  registryHost,
  untaggedExpiryPolicy
} from '../../../src/core/registry/ecr.js'
import { describeRegistryErrors, parseRegistryErrors } from '../../../src/core/registry/errors.js'
import {
  MANIFEST_ACCEPT,
  blobsOf,
  parseManifest,
  platformsOf
} from '../../../src/core/registry/manifest.js'
import { planPromotion, targetProblem } from '../../../src/core/registry/promotion.js'
import {
  formatReference,
  parseImageReference,
  type ImageReference
} from '../../../src/core/docker-reference.js'
import { manifestReference, registryBaseUrl } from '../../../src/core/registry/reference.js'
import { ConfigurationError } from '../../../src/lib/errors.js'

const D1 = `sha256:${'a'.repeat(64)}`
const D2 = `sha256:${'b'.repeat(64)}`
const D3 = `sha256:${'c'.repeat(64)}`

const ref = (text: string): ImageReference => {
  const parsed = parseImageReference(text, { foldCase: true })
  if ('error' in parsed) throw new Error(parsed.error)
  return parsed.reference
}

describe('references at the registry', () => {
  test('formats back with the registry, and asks for the digest before the tag', () => {
    expect(formatReference(ref('nginx:1'))).toBe('docker.io/library/nginx:1')
    expect(formatReference(ref(`ghcr.io/a/b:v1@${D1}`))).toBe(`ghcr.io/a/b:v1@${D1}`)
    expect(manifestReference(ref(`ghcr.io/a/b:v1@${D1}`))).toBe(D1)
    expect(manifestReference(ref('ghcr.io/a/b:v1'))).toBe('v1')
    expect(manifestReference(ref('ghcr.io/a/b'))).toBe('latest')
  })

  test.each([
    ['docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['127.12.0.5:443', 'http://127.12.0.5:443'],
    ['localhost:5000', 'http://localhost:5000'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['128.0.0.1:5000', 'https://128.0.0.1:5000'],
    ['registry.local:5000', 'https://registry.local:5000']
  ])('registry %s is reached at %s', (registry, url) => expect(registryBaseUrl(registry)).toBe(url))
})

describe('parseManifest', () => {
  const image = {
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 1469, digest: D1 },
    layers: [
      { mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', size: 100, digest: D2 },
      {
        mediaType: 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip',
        size: 5,
        digest: D3,
        urls: ['https://example.com/layer']
      }
    ]
  }
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 500,
        digest: D1,
        platform: { os: 'linux', architecture: 'amd64' }
      },
      {
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        size: 501,
        digest: D2,
        platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
      }
    ]
  }

  test('an image: config and distributable layers are its blobs', () => {
    const m = parseManifest(
      JSON.stringify(image),
      'application/vnd.docker.distribution.manifest.v2+json'
    )
    expect(m.kind).toBe('image')
    expect(blobsOf(m).map((b) => b.digest)).toEqual([D1, D2])
  })

  test('an OCI index: its platforms, no blobs of its own', () => {
    const m = parseManifest(
      JSON.stringify(index),
      'application/vnd.oci.image.index.v1+json; charset=utf-8'
    )
    expect(m).toMatchObject({ kind: 'index', mediaType: 'application/vnd.oci.image.index.v1+json' })
    expect(platformsOf(m)).toEqual(['linux/amd64', 'linux/arm64/v8'])
    expect(blobsOf(m)).toEqual([])
  })

  test('an OCI manifest without a mediaType field takes it from Content-Type', () => {
    const bare: Partial<typeof image> = { ...image }
    delete bare.mediaType
    const m = parseManifest(JSON.stringify(bare), 'application/vnd.oci.image.manifest.v1+json')
    expect(m).toMatchObject({
      kind: 'image',
      mediaType: 'application/vnd.oci.image.manifest.v1+json'
    })
    const i = parseManifest(JSON.stringify({ schemaVersion: 2, manifests: [] }), undefined)
    expect(i.kind).toBe('index')
  })

  test.each([
    [
      '{"schemaVersion":1,"name":"x"}',
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
      /schema1/
    ],
    ['{"schemaVersion":1}', 'application/json', /schema1/],
    ['not json', 'application/vnd.oci.image.manifest.v1+json', /not JSON/],
    [
      '{"mediaType":"application/vnd.example+json","layers":[]}',
      undefined,
      /unsupported manifest type/
    ],
    [
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{},"layers":[]}',
      undefined,
      /config is not a descriptor/
    ]
  ])('refuses %s', (text, type, message) =>
    expect(() => parseManifest(text, type)).toThrow(message)
  )

  test('Accept names all four manifest types, lists included', () => {
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([
      'application/vnd.docker.distribution.manifest.v2+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.oci.image.index.v1+json'
    ])
  })
})

describe('auth challenges', () => {
  test.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull'
          }
        }
      ]
    ],
    ['Basic realm="gantry-sandbox"', [{ scheme: 'basic', params: { realm: 'gantry-sandbox' } }]],
    [
      'Basic realm="https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/",service="ecr.amazonaws.com"',
      [
        {
          scheme: 'basic',
          params: {
            realm: 'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com/',
            service: 'ecr.amazonaws.com'
          }
        }
      ]
    ],
    [
      'Basic realm="x", Bearer realm="https://t/token", service=reg , scope="repository:a:pull,push"',
      [
        { scheme: 'basic', params: { realm: 'x' } },
        {
          scheme: 'bearer',
          params: { realm: 'https://t/token', service: 'reg', scope: 'repository:a:pull,push' }
        }
      ]
    ],
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:a/b:pull",error="insufficient_scope"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://ghcr.io/token',
            service: 'ghcr.io',
            scope: 'repository:a/b:pull',
            error: 'insufficient_scope'
          }
        }
      ]
    ],
    ['Bearer realm="a\\"b"', [{ scheme: 'bearer', params: { realm: 'a"b' } }]],
    ['', []]
  ])('%s', (header, expected) => expect(parseChallenges(header)).toEqual(expected))

  test('Bearer is answered before Basic', () => {
    expect(
      pickChallenge(parseChallenges('Basic realm="x", Bearer realm="https://t"'))?.scheme
    ).toBe('bearer')
    expect(pickChallenge(parseChallenges('Negotiate abc'))).toBeUndefined()
  })

  const bearer = parseChallenges(
    'Bearer realm="https://auth.example.com/token",service="registry.example.com"'
  )[0]!

  test('token request: scopes merged, credentials as Basic, account named', () => {
    const plan = planTokenRequest(
      bearer,
      ['repository:a:push', 'repository:a:pull', 'repository:b:pull'],
      { username: 'ci', password: 'pa:ss' },
      'gantry'
    )
    const url = new URL(plan.url)
    expect(plan.method).toBe('GET')
    expect(url.origin + url.pathname).toBe('https://auth.example.com/token')
    expect(url.searchParams.get('service')).toBe('registry.example.com')
    expect(url.searchParams.getAll('scope')).toEqual([
      'repository:a:pull,push',
      'repository:b:pull'
    ])
    expect(url.searchParams.get('account')).toBe('ci')
    expect(plan.headers.authorization).toBe(basicAuthorization('ci', 'pa:ss'))
    expect(decodeBase64(plan.headers.authorization!.slice(6))).toBe('ci:pa:ss')
  })

  test('anonymous token request: no header, no account', () => {
    const plan = planTokenRequest(bearer, ['repository:a:pull'], undefined, 'gantry')
    expect(plan.headers).toEqual({})
    expect(new URL(plan.url).searchParams.has('account')).toBe(false)
  })

  test('identity token: the OAuth2 refresh-token POST', () => {
    const plan = planTokenRequest(
      bearer,
      ['repository:a:pull'],
      { identityToken: 'refresh-me' },
      'gantry'
    )
    expect(plan.method).toBe('POST')
    expect(Object.fromEntries(new URLSearchParams(plan.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'gantry',
      refresh_token: 'refresh-me',
      service: 'registry.example.com',
      scope: 'repository:a:pull'
    })
  })

  test.each([
    ['Bearer service="x"', /no valid realm/],
    ['Bearer realm="http://auth.example.com/token"', /not HTTPS/],
    ['Bearer realm="ftp://auth.example.com/token"', /not HTTPS/]
  ])('refuses the realm of %s', (header, message) => {
    expect(() =>
      planTokenRequest(parseChallenges(header)[0]!, [], { username: 'u', password: 'p' }, 'g')
    ).toThrow(message)
  })

  test('a loopback realm may be plain HTTP', () => {
    const c = parseChallenges('Bearer realm="http://127.0.0.1:5999/token"')[0]!
    expect(planTokenRequest(c, [], undefined, 'g').url).toBe('http://127.0.0.1:5999/token')
  })

  test('token responses: token or access_token, expires_in or 60 s', () => {
    expect(parseTokenResponse({ token: 't', expires_in: 300 }, 1000)).toEqual({
      token: 't',
      expiresAtMs: 301_000
    })
    expect(parseTokenResponse({ access_token: 'a' }, 0)).toEqual({
      token: 'a',
      expiresAtMs: 60_000
    })
    expect(
      parseTokenResponse({ token: 't', expires_in: 100, issued_at: '1970-01-01T00:00:10Z' }, 20_000)
    ).toEqual({ token: 't', expiresAtMs: 110_000 })
    expect(() => parseTokenResponse({ details: 'no' }, 0)).toThrow(/without a token/)
  })

  test('scopes: merged per repository, coverage by action', () => {
    expect(
      mergeScopes([
        'repository:b:pull',
        'repository:a:push',
        'repository:a:pull',
        'repository:b:pull'
      ])
    ).toEqual(['repository:a:pull,push', 'repository:b:pull'])
    expect(scopesCover(['repository:a:pull,push'], ['repository:a:pull'])).toBe(true)
    expect(scopesCover(['repository:a:pull'], ['repository:a:push'])).toBe(false)
    expect(scopesCover(['repository:a:*'], ['repository:a:push'])).toBe(true)
    expect(scopesCover(['repository:a:pull'], ['repository:b:pull'])).toBe(false)
  })

  test('base64 is UTF-8 both ways', () => {
    expect(encodeBase64('AWS:pässwörd')).toBe(Buffer.from('AWS:pässwörd').toString('base64'))
    expect(decodeBase64(Buffer.from('ü:ß').toString('base64'))).toBe('ü:ß')
    expect(decodeBase64('!!!')).toBeUndefined()
  })
})

describe('Docker config', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64')

  test.each([
    ['https://index.docker.io/v1/', 'docker.io'],
    ['index.docker.io', 'docker.io'],
    ['http://127.0.0.1:5001/v2/', '127.0.0.1:5001'],
    ['127.0.0.1:5001', '127.0.0.1:5001'],
    [
      'https://123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
    ]
  ])('key %s is host %s', (key, host) => expect(hostnameOfKey(key)).toBe(host))

  test('the registry helper, then the default store, then auths (as fallback)', () => {
    const config = {
      auths: {
        'https://ghcr.io': { auth: b64('me:tok') },
        '127.0.0.1:5001': { auth: b64('ci:pw') }
      },
      credHelpers: { '123456789012.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' },
      credsStore: 'desktop'
    }
    expect(credentialSources(config, '123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual([
      {
        kind: 'helper',
        helper: 'ecr-login',
        serverUrl: '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
      }
    ])
    expect(credentialSources(config, 'ghcr.io')).toEqual([
      { kind: 'helper', helper: 'desktop', serverUrl: 'ghcr.io' },
      { kind: 'inline', key: 'https://ghcr.io', credentials: { username: 'me', password: 'tok' } }
    ])
    const noStore: Partial<typeof config> = { ...config }
    delete noStore.credsStore
    expect(credentialSources(noStore, '127.0.0.1:5001')).toEqual([
      { kind: 'inline', key: '127.0.0.1:5001', credentials: { username: 'ci', password: 'pw' } }
    ])
    expect(credentialSources(noStore, 'quay.io')).toEqual([])
  })

  test('Docker Hub under its legacy key; identity tokens and username/password entries', () => {
    const config = {
      auths: {
        'https://index.docker.io/v1/': { auth: b64('hub:pw') },
        'acr.example.io': {
          identitytoken: 'refresh',
          auth: b64('00000000-0000-0000-0000-000000000000:')
        },
        'quay.io': { username: 'q', password: 'p:w' }
      }
    }
    expect(credentialSources(config, 'docker.io')[0]).toMatchObject({
      credentials: { username: 'hub', password: 'pw' }
    })
    expect(credentialSources(config, 'acr.example.io')[0]).toMatchObject({
      credentials: { identityToken: 'refresh' }
    })
    expect(credentialSources(config, 'quay.io')[0]).toMatchObject({
      credentials: { username: 'q', password: 'p:w' }
    })
  })

  test('a helper name that could leave docker-credential-* is refused', () => {
    expect(() => credentialSources({ credsStore: '../../bin/sh' }, 'ghcr.io')).toThrow(
      ConfigurationError
    )
  })

  test('helper answers: username and secret, <token> for identity tokens, nothing otherwise', () => {
    expect(parseHelperResponse('{"ServerURL":"x","Username":"u","Secret":"s"}')).toEqual({
      username: 'u',
      password: 's'
    })
    expect(parseHelperResponse('{"ServerURL":"x","Username":"<token>","Secret":"r"}')).toEqual({
      identityToken: 'r'
    })
    expect(parseHelperResponse('credentials not found in native keychain')).toBeUndefined()
    expect(parseHelperResponse('{"Username":"u","Secret":""}')).toBeUndefined()
  })

  test('login and logout edits keep everything else', () => {
    const config = {
      auths: { 'https://ghcr.io': { auth: 'x' }, 'http://127.0.0.1:5001/v2/': { auth: 'old' } },
      psFormat: 'table'
    }
    const after = withAuthEntry(config, '127.0.0.1:5001', 'AWS', 'pw')
    expect(after).toEqual({
      auths: { 'https://ghcr.io': { auth: 'x' }, '127.0.0.1:5001': { auth: b64('AWS:pw') } },
      psFormat: 'table'
    })
    expect(withoutAuthEntry(after, '127.0.0.1:5001')).toEqual({
      auths: { 'https://ghcr.io': { auth: 'x' } },
      psFormat: 'table'
    })
  })

  test('a broken file names itself', () => {
    expect(() => parseDockerConfig('{"auths":', '/home/u/.docker/config.json')).toThrow(
      /\/home\/u\/\.docker\/config\.json is not valid JSON/
    )
    expect(() => parseDockerConfig('[]', '/c.json')).toThrow(/not a JSON object/)
  })
})

describe('ECR', () => {
  test.each([
    ['123456789012', true],
    ['012345678901', true],
    ['12345678901', false],
    ['1234567890123', false],
    ['12345678901a', false]
  ])('account %s: %s', (id, ok) => expect(isAccountId(id)).toBe(ok))

  test.each([
    ['shop', true],
    ['team/shop-api', true],
    ['a', false],
    ['Shop', false],
    ['team//x', false],
    ['-x', false]
  ])('repository %s: %s', (name, ok) => expect(isRepositoryName(name)).toBe(ok))

  test('the authorization token is base64 AWS:<password>', () => {
    const token = Buffer.from('AWS:eyJwYXlsb2FkIjoi').toString('base64')
    expect(decodeAuthorizationToken(token)).toEqual({
      username: 'AWS',
      password: 'eyJwYXlsb2FkIjoi'
    })
    expect(decodeAuthorizationToken(Buffer.from('AWS:').toString('base64'))).toBeUndefined()
    expect(decodeAuthorizationToken('***')).toBeUndefined()
  })

  test('registry host and the output names amazon-ecr-login users know', () => {
    const host = registryHost('https://123456789012.dkr.ecr.us-east-1.amazonaws.com')
    expect(host).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com')
    expect(`docker_password_${outputSuffix(host)}`).toBe(
      'docker_password_123456789012_dkr_ecr_us_east_1_amazonaws_com'
    )
  })

  test('the lifecycle policy expires untagged images only', () => {
    expect(JSON.parse(untaggedExpiryPolicy(14))).toEqual({
      rules: [
        {
          rulePriority: 1,
          description: 'Expire untagged images 14 days after push',
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14
          },
          action: { type: 'expire' }
        }
      ]
    })
  })

  test.each([
    [
      400,
      'TAG_INVALID',
      "The image tag 'v1' already exists in the 'app' repository and cannot be overwritten because the repository is immutable.",
      true
    ],
    [
      400,
      'TAG_INVALID',
      "The image tag 'v1' already exists in the 'app' repository and cannot be overwritten because the tag is immutable.",
      true
    ],
    [400, 'TAG_INVALID', 'invalid tag', false],
    [400, 'MANIFEST_INVALID', 'manifest invalid', false],
    [500, 'TAG_INVALID', 'immutable', false]
  ])('%i %s %j → immutable refusal: %s', (status, codeName, message, expected) =>
    expect(isImmutableTagRefusal(status, [{ code: codeName, message }])).toBe(expected)
  )
})

describe('registry errors', () => {
  test('the error body, described', () => {
    const errors = parseRegistryErrors(
      '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]}'
    )
    expect(errors).toEqual([{ code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' }])
    expect(describeRegistryErrors(errors)).toBe('MANIFEST_UNKNOWN: manifest unknown')
    expect(parseRegistryErrors('<html>502</html>')).toEqual([])
  })
})

describe('planPromotion', () => {
  test('same repository: only manifests move; another repository mounts; another registry copies', () => {
    const plan = planPromotion(ref('127.0.0.1:5000/app:rc'), [
      ref('127.0.0.1:5000/app:1.4.2'),
      ref('127.0.0.1:5000/app:latest'),
      ref('127.0.0.1:5000/app:1.4.2'),
      ref('127.0.0.1:5000/prod/app:1.4.2'),
      ref('127.0.0.1:5001/app:1.4.2')
    ])
    expect(plan.steps).toEqual([
      {
        registry: '127.0.0.1:5000',
        repository: 'app',
        transfer: 'none',
        tags: ['1.4.2', 'latest']
      },
      { registry: '127.0.0.1:5000', repository: 'prod/app', transfer: 'mount', tags: ['1.4.2'] },
      { registry: '127.0.0.1:5001', repository: 'app', transfer: 'copy', tags: ['1.4.2'] }
    ])
    expect(plan.scopes).toEqual({
      '127.0.0.1:5000': ['repository:app:pull,push', 'repository:prod/app:pull,push'],
      '127.0.0.1:5001': ['repository:app:pull,push']
    })
  })

  test('a cross-registry source needs pull only', () => {
    const plan = planPromotion(ref(`ghcr.io/acme/app@${D1}`), [
      ref('123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:v1')
    ])
    expect(plan.scopes['ghcr.io']).toEqual(['repository:acme/app:pull'])
  })

  test.each([
    ['ghcr.io/a/b', /with a tag/],
    [`ghcr.io/a/b:v1@${D1}`, /no digest/]
  ])('target %s is refused', (text, message) => {
    expect(targetProblem(ref(text))).toMatch(message)
    expect(() => planPromotion(ref('ghcr.io/a/b:v0'), [ref(text)])).toThrow(message)
  })
})
