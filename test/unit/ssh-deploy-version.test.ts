/**
 * The version ssh-deploy records when no `version` input is given: IMAGE_TAG, VERSION, else the
 * tag of the IMAGE line, read with the one image-reference parser (a digest is no tag).
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../../src/actions/ssh-deploy/settings.js'
import { InputError } from '../../src/lib/errors.js'
import { InputReader } from '../../src/lib/inputs.js'

const dir = mkdtempSync(join(tmpdir(), 'gantry-ssh-version-'))
writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n'
const D = `sha256:${'c3'.repeat(32)}`

test.each([
  ['IMAGE=127.0.0.1:5000/shop:1.2.3', '1.2.3'],
  ['IMAGE=ghcr.io/Acme/Shop:2.0.0', '2.0.0'],
  ['IMAGE=localhost:5000/shop', 'unversioned'],
  [`IMAGE=ghcr.io/acme/shop@${D}`, 'unversioned'],
  [`IMAGE=ghcr.io/acme/shop:3.1@${D}`, '3.1'],
  ['IMAGE=ghcr.io/acme/shop:1.0\nIMAGE_TAG=1.0-rc1', '1.0-rc1'],
  ['IMAGE=ghcr.io/acme/shop:1.0\nVERSION=7', '7']
])('env %j records version %s', (env, version) => {
  const inputs: Record<string, string> = {
    hosts: 'deploy@127.0.0.1:1',
    key: KEY,
    fingerprint: 'SHA256:' + 'A'.repeat(43),
    app: 'shop',
    env
  }
  const settings = readSettings(new InputReader((name) => inputs[name] ?? ''), dir)
  expect(settings.version).toBe(version)
})

describe('image: the repository, its tag the version', () => {
  const read = (extra: Record<string, string>) => {
    const inputs: Record<string, string> = {
      hosts: 'deploy@127.0.0.1:1',
      key: KEY,
      fingerprint: 'SHA256:' + 'A'.repeat(43),
      app: 'shop',
      ...extra
    }
    return readSettings(new InputReader((name) => inputs[name] ?? ''), dir)
  }

  test('the release env gets IMAGE=<image>:<version> and IMAGE_TAG beside the env lines', () => {
    const s = read({
      image: 'registry.example.com/acme/shop',
      version: '1.3.1-develop.57',
      env: 'LOG=info'
    })
    expect(s.version).toBe('1.3.1-develop.57')
    expect(s.env).toBe(
      'LOG=info\nIMAGE=registry.example.com/acme/shop:1.3.1-develop.57\nIMAGE_TAG=1.3.1-develop.57\n'
    )
  })

  test.each([
    [{ image: 'shop:1.0', version: '1.0' }, 'image', 'shop:1.0', 'without a tag or digest'],
    [{ image: `shop@${D}`, version: '1.0' }, 'image', `shop@${D}`, 'without a tag or digest'],
    [{ image: 'Shop', version: '1.0' }, 'image', 'Shop', 'lower case'],
    [{ image: 'shop' }, 'version', '', 'the image tag to deploy'],
    [
      { image: 'shop', version: '1.0+build.5' },
      'version',
      '1.0+build.5',
      'the image tag to deploy'
    ],
    [
      { image: 'shop', version: '1.0', env: 'IMAGE=shop:0.9' },
      'env',
      'IMAGE=shop:0.9',
      'no IMAGE line'
    ],
    [
      { image: 'shop', version: '1.0', env: 'IMAGE_TAG=0.9' },
      'env',
      'IMAGE_TAG=0.9',
      'no IMAGE_TAG line'
    ]
  ])('%j is refused, naming %s', (extra, input, value, expected) => {
    let error: unknown
    try {
      read(extra)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect(error).toMatchObject({ input, value })
    expect((error as Error).message).toContain(expected)
  })

  test('a rollback needs no version: the kept release has its own .env', () => {
    const s = read({ image: 'shop', 'rollback-to': 'previous' })
    expect(s.rollbackTo).toBe('previous')
    expect(s.env).not.toContain('IMAGE=')
  })
})
