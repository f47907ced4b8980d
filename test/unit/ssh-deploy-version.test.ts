/**
 * The version ssh-deploy records when no `version` input is given: IMAGE_TAG, VERSION, else the
 * tag of the IMAGE line, read with the one image-reference parser (a digest is no tag).
 */
import { afterAll, expect, test } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSettings } from '../../src/actions/ssh-deploy/settings.js'
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
