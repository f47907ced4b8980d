import { describe, expect, test } from '@jest/globals'
import {
  formatReference,
  isValidTag,
  parseImageReference,
  sameRepository,
  sanitizeTag,
  tagOf,
  withoutDigest,
  type ImageReference
} from '../../../src/core/docker-reference.js'
import { HOSTILE_VALUES } from '../../fixtures/hostile.js'

const D256 = `sha256:${'a1'.repeat(32)}`
const D512 = `sha512:${'b2'.repeat(64)}`
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'

describe('sanitizeTag', () => {
  test.each([
    ['develop', 'develop'],
    ['feature/login-page', 'feature-login-page'],
    ['Feature/ÜBER cool!!', 'Feature-BER-cool'],
    ['-leading.dots', 'leading.dots'],
    ['.hidden', 'hidden'],
    ['a'.repeat(200), 'a'.repeat(128)],
    ['$(rm -rf /)', 'rm--rf'],
    ['日本語', undefined],
    ['///', undefined]
  ])('%j -> %j', (branch, tag) => {
    const result = sanitizeTag(branch)
    expect(result).toBe(tag)
    if (result !== undefined) expect(isValidTag(result)).toBe(true)
  })
})

describe('parseImageReference: Docker’s normalisation', () => {
  // text → the reference, and the name as written (what `version` outputs)
  test.each<[string, ImageReference, string]>([
    // Docker Hub: the default registry, and `library/` for official images
    ['nginx', { registry: 'docker.io', repository: 'library/nginx' }, 'nginx'],
    ['nginx:1.27', { registry: 'docker.io', repository: 'library/nginx', tag: '1.27' }, 'nginx'],
    ['acme/shop:v1', { registry: 'docker.io', repository: 'acme/shop', tag: 'v1' }, 'acme/shop'],
    [
      'docker.io/nginx:1',
      { registry: 'docker.io', repository: 'library/nginx', tag: '1' },
      'docker.io/nginx'
    ],
    [
      'docker.io/library/nginx',
      { registry: 'docker.io', repository: 'library/nginx' },
      'docker.io/library/nginx'
    ],
    [
      'index.docker.io/acme/app:2',
      { registry: 'docker.io', repository: 'acme/app', tag: '2' },
      'index.docker.io/acme/app'
    ],
    // other registries: a first component with a dot, a port, or localhost
    [
      'ghcr.io/acme/shop:1.4.2',
      { registry: 'ghcr.io', repository: 'acme/shop', tag: '1.4.2' },
      'ghcr.io/acme/shop'
    ],
    [
      `${ECR}/team/app:1.0.0`,
      { registry: ECR, repository: 'team/app', tag: '1.0.0' },
      `${ECR}/team/app`
    ],
    [
      '127.0.0.1:5000/demo-app:v1',
      { registry: '127.0.0.1:5000', repository: 'demo-app', tag: 'v1' },
      '127.0.0.1:5000/demo-app'
    ],
    ['localhost/app', { registry: 'localhost', repository: 'app' }, 'localhost/app'],
    [
      'localhost:5000/a/b/c:x_y',
      { registry: 'localhost:5000', repository: 'a/b/c', tag: 'x_y' },
      'localhost:5000/a/b/c'
    ],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }, '[::1]:5000/app'],
    ['registry:5000/app', { registry: 'registry:5000', repository: 'app' }, 'registry:5000/app'],
    // a first component without dot, port or localhost is a Docker Hub namespace
    ['myregistry/app', { registry: 'docker.io', repository: 'myregistry/app' }, 'myregistry/app'],
    // the host keeps its case (host names are case-insensitive); a port colon is no tag
    ['GHCR.io/acme/app', { registry: 'GHCR.io', repository: 'acme/app' }, 'GHCR.io/acme/app'],
    [
      'localhost:5000',
      { registry: 'docker.io', repository: 'library/localhost', tag: '5000' },
      'localhost'
    ],
    // digests, with and without a tag
    [
      `127.0.0.1:5000/app@${D256}`,
      { registry: '127.0.0.1:5000', repository: 'app', digest: D256 },
      '127.0.0.1:5000/app'
    ],
    [
      `ghcr.io/a/b:v1@${D256}`,
      { registry: 'ghcr.io', repository: 'a/b', tag: 'v1', digest: D256 },
      'ghcr.io/a/b'
    ],
    [
      `ghcr.io/a/b@${D512}`,
      { registry: 'ghcr.io', repository: 'a/b', digest: D512 },
      'ghcr.io/a/b'
    ],
    // separators the grammar allows
    [
      'ghcr.io/a/b.c_d__e---f:v',
      { registry: 'ghcr.io', repository: 'a/b.c_d__e---f', tag: 'v' },
      'ghcr.io/a/b.c_d__e---f'
    ],
    // tags: 128 characters, upper case and `_` first are fine
    [
      `app:${'x'.repeat(128)}`,
      { registry: 'docker.io', repository: 'library/app', tag: 'x'.repeat(128) },
      'app'
    ],
    [
      'app:_Latest-1.0',
      { registry: 'docker.io', repository: 'library/app', tag: '_Latest-1.0' },
      'app'
    ],
    // surrounding white space (a list item) is not part of it
    ['  ghcr.io/a/b:v1 ', { registry: 'ghcr.io', repository: 'a/b', tag: 'v1' }, 'ghcr.io/a/b']
  ])('%j', (text, reference, name) => {
    expect(parseImageReference(text)).toEqual({ reference, name })
    // folding changes nothing that is lower case already
    expect(parseImageReference(text, { foldCase: true })).toEqual({ reference, name })
  })

  test.each([
    ['ghcr.io/Acme/Shop:1.4.2', 'ghcr.io', 'acme/shop', 'ghcr.io/acme/shop'],
    ['Acme/Shop', 'docker.io', 'acme/shop', 'acme/shop'],
    ['NGINX', 'docker.io', 'library/nginx', 'nginx'],
    [`${ECR}/Team/App:v1`, ECR, 'team/app', `${ECR}/team/app`]
  ])('%j: upper case is refused, or lowered with foldCase', (text, registry, repository, name) => {
    const strict = parseImageReference(text)
    expect(strict).toEqual({
      error: `an image reference such as \`ghcr.io/acme/shop:1.4.2\` or \`shop@sha256:…\`; repository names are lower case (\`${name}\`)`,
      part: 'name'
    })
    const folded = parseImageReference(text, { foldCase: true })
    expect(folded).toMatchObject({ reference: { registry, repository }, name })
  })
})

describe('parseImageReference: refusals', () => {
  const NAME = /^an image reference such as/
  const TAG = /^a tag of 1 to 128 letters/
  const DIGEST = /^a digest such as `@sha256:`/
  test.each<[string, 'name' | 'tag' | 'digest', RegExp]>([
    ['', 'name', NAME],
    ['   ', 'name', NAME],
    ['ghcr.io//app', 'name', NAME],
    ['ghcr.io/app/', 'name', NAME],
    ['/app', 'name', NAME],
    ['-rf:v1', 'name', NAME],
    ['ghcr.io/-app', 'name', NAME],
    ['ghcr.io/app-', 'name', NAME],
    ['ghcr.io/a..b', 'name', NAME],
    ['ghcr.io/a___b', 'name', NAME],
    ['ghcr.io/a b:v1', 'name', NAME],
    ['ghcr.io/acme/app name', 'name', NAME],
    ['https://ghcr.io/acme/shop:1', 'name', NAME],
    ['-registry.io/app', 'name', NAME],
    ['registry_x.io/app', 'name', NAME],
    ['ghcr.io:port/app', 'name', NAME],
    ['[zz::1]:5000/app', 'name', NAME],
    ['ghcr.io/ünïcødé', 'name', NAME],
    ['a'.repeat(64), 'name', NAME], // looks like an image ID
    [`ghcr.io/${'a'.repeat(248)}`, 'name', NAME], // 256 characters in the name
    ['ghcr.io/a/b:', 'tag', TAG],
    ['ghcr.io/a/b:bad tag!', 'tag', TAG],
    ['ghcr.io/a/b:.hidden', 'tag', TAG],
    ['ghcr.io/a/b:-x', 'tag', TAG],
    [`ghcr.io/a/b:${'x'.repeat(129)}`, 'tag', TAG],
    ['ghcr.io/a/b:v1:v2', 'tag', TAG],
    ['ghcr.io/a/b:$(id)', 'tag', TAG],
    ['ghcr.io/a/b@sha256:abc', 'digest', DIGEST],
    [`ghcr.io/a/b@sha256:${'A'.repeat(64)}`, 'digest', DIGEST],
    [`ghcr.io/a/b@sha256:${'a'.repeat(65)}`, 'digest', DIGEST],
    [`ghcr.io/a/b@md5:${'a'.repeat(32)}`, 'digest', DIGEST],
    [`ghcr.io/a/b@${D256}@${D256}`, 'digest', DIGEST],
    ['ghcr.io/a/b@', 'digest', DIGEST],
    [`ghcr.io/a/b@${D256} ; rm -rf /`, 'digest', DIGEST]
  ])('%j: the %s is wrong', (text, part, message) => {
    const parsed = parseImageReference(text)
    expect(parsed).toMatchObject({ part })
    expect('error' in parsed && parsed.error).toMatch(message)
    expect(parseImageReference(text, { foldCase: true })).toMatchObject({ part })
  })

  test.each(HOSTILE_VALUES)('hostile %j is no reference', (text) => {
    expect(parseImageReference(text)).toHaveProperty('error')
    expect(parseImageReference(`ghcr.io/acme/shop:${text}`)).toHaveProperty('error')
    expect(parseImageReference(`ghcr.io/acme/${text}:v1`)).toHaveProperty('error')
  })
})

describe('tagOf, withoutDigest, formatReference, sameRepository', () => {
  test.each([
    ['ghcr.io/acme/shop:1.4.2', '1.4.2'],
    ['ghcr.io/Acme/Shop:1.4.2', '1.4.2'],
    ['localhost:5000/app', undefined],
    [`ghcr.io/acme/shop@${D256}`, undefined],
    [`ghcr.io/acme/shop:v2@${D256}`, 'v2'],
    ['ghcr.io/acme/shop:bad tag', undefined],
    ['not a reference', undefined]
  ])('tagOf(%j) is %j', (text, tag) => expect(tagOf(text)).toBe(tag))

  test.each([
    [`127.0.0.1:5000/shop:1.4@${D256}`, '127.0.0.1:5000/shop:1.4'],
    [`shop@${D512}`, 'shop'],
    ['shop:1.4', 'shop:1.4'],
    ['shop@sha256:short', 'shop@sha256:short']
  ])('withoutDigest(%j) is %j', (text, expected) => expect(withoutDigest(text)).toBe(expected))

  test('formats back with the registry, digest last', () => {
    const ref = (text: string) => {
      const parsed = parseImageReference(text)
      if ('error' in parsed) throw new Error(parsed.error)
      return parsed.reference
    }
    expect(formatReference(ref('nginx:1'))).toBe('docker.io/library/nginx:1')
    expect(formatReference(ref(`ghcr.io/a/b:v1@${D256}`))).toBe(`ghcr.io/a/b:v1@${D256}`)
    expect(sameRepository(ref('nginx:1'), ref('docker.io/library/nginx:2'))).toBe(true)
    expect(sameRepository(ref('ghcr.io/a/b'), ref('ghcr.io/a/c'))).toBe(false)
  })
})
