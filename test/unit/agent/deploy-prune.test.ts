/**
 * The prune step keeps what rollback needs: its script run by a real sh against a recording
 * `docker` on PATH (the real engine: the agent-tests helper's integration test). Each kept
 * release's images get `<repository>:gantry-<release>`, so an image pulled by digest (untagged)
 * survives any prune (a nightly `docker system prune`); a pruned release's tags go with it.
 * Gantry itself runs no host-wide image prune (another app's images are not its own).
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pruneStep } from '../../../src/core/deploy/remote.js'

const DIGEST = 'sha256:' + 'd'.repeat(64)
const OLD = '20261122T160000Z-v0-aaaa'
const PREV = '20261122T161000Z-v1-bbbb'
const NEW = '20261122T162000Z-v2-cccc'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-prune-'))
  await mkdir(join(dir, 'bin'))
  // A docker that records each call and answers as the engine would.
  await writeFile(
    join(dir, 'bin', 'docker'),
    `#!/bin/sh
echo "$*" >> "${dir}/calls"
case "$1 $2" in
  "compose -f") printf 'services:\\n  web:\\n    image: %s\\n' "$(sed -n 's/^IMAGE=//p' .env)" ;;
  "images --format") cat "${dir}/tags" 2>/dev/null ;;
  "image inspect") shift 4; for ref in "$@"; do awk -v r="$ref" '$1 == r { print $2 }' "${dir}/ids" 2>/dev/null; done ;;
esac
exit 0
`
  )
  await chmod(join(dir, 'bin', 'docker'), 0o755)
  for (const [release, image] of [
    [OLD, `127.0.0.1:5000/shop@${DIGEST}`],
    [PREV, `127.0.0.1:5000/shop@${DIGEST}`],
    [NEW, '127.0.0.1:5000/shop:v2']
  ] as const) {
    await mkdir(join(dir, 'app', 'releases', release), { recursive: true })
    await writeFile(join(dir, 'app', 'releases', release, 'compose.yml'), 'services: {}\n')
    await writeFile(join(dir, 'app', 'releases', release, '.env'), `IMAGE=${image}\n`)
  }
  await writeFile(join(dir, 'tags'), `127.0.0.1:5000/shop:gantry-${OLD}\nother/app:latest\n`)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const run = (releases: string[]) =>
  execFileSync(
    'sh',
    [
      '-c',
      pruneStep({ dir: join(dir, 'app'), project: 'shop' }, releases, 'docker compose').script
    ],
    {
      env: { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}` }
    }
  )
const calls = async () => (await readFile(join(dir, 'calls'), 'utf8')).trim().split('\n')

describe('prune keeps the images of kept releases', () => {
  test('kept releases tagged gantry-<release> before anything is removed; the pruned one untagged and removed', async () => {
    run([OLD])
    const said = await calls()
    expect(existsSync(join(dir, 'app', 'releases', OLD))).toBe(false)
    expect(said).toContain(`rmi 127.0.0.1:5000/shop:gantry-${OLD}`)
    expect(said).not.toContain('rmi other/app:latest')
    const tagPrev = said.indexOf(
      `tag 127.0.0.1:5000/shop@${DIGEST} 127.0.0.1:5000/shop:gantry-${PREV}`
    )
    const tagNew = said.indexOf(`tag 127.0.0.1:5000/shop:v2 127.0.0.1:5000/shop:gantry-${NEW}`)
    const removed = said.findIndex((c) => c.startsWith('rmi '))
    expect(tagPrev).toBeGreaterThan(-1)
    expect(tagNew).toBeGreaterThan(-1)
    expect(removed).toBeGreaterThan(Math.max(tagPrev, tagNew))
    expect(said.filter((c) => c.includes('prune'))).toEqual([])
  })

  test('a release is tagged once, while its images are the ones it pulled', async () => {
    run([])
    await writeFile(join(dir, 'calls'), '')
    run([])
    const said = await calls()
    expect(said.filter((c) => c.startsWith('tag ') || c.includes('prune'))).toEqual([])
  })

  test("a pruned release's own image is removed; one a kept release runs is not", async () => {
    // OLD ran v0, an image no kept release uses; PREV and NEW run others (PREV the digest).
    await writeFile(join(dir, 'app', 'releases', OLD, '.env'), 'IMAGE=127.0.0.1:5000/shop:v0\n')
    await writeFile(
      join(dir, 'ids'),
      [
        `127.0.0.1:5000/shop:v0 sha256:${'0'.repeat(64)}`,
        `127.0.0.1:5000/shop@${DIGEST} sha256:${'1'.repeat(64)}`,
        `127.0.0.1:5000/shop:v2 sha256:${'2'.repeat(64)}`
      ].join('\n') + '\n'
    )
    run([OLD])
    const said = await calls()
    expect(said).toContain('rmi 127.0.0.1:5000/shop:v0')
    expect(said.filter((c) => c.startsWith('rmi ') && !c.includes('gantry-'))).toEqual([
      'rmi 127.0.0.1:5000/shop:v0'
    ])
  })

  test('a pruned release sharing its image with a kept one leaves it in place', async () => {
    // OLD and PREV both ran the digest (as after v1 → v2 → v1): only OLD's own tag goes.
    await writeFile(
      join(dir, 'ids'),
      [
        `127.0.0.1:5000/shop@${DIGEST} sha256:${'1'.repeat(64)}`,
        `127.0.0.1:5000/shop:v2 sha256:${'2'.repeat(64)}`
      ].join('\n') + '\n'
    )
    run([OLD])
    const said = await calls()
    expect(said.filter((c) => c.startsWith('rmi '))).toEqual([
      `rmi 127.0.0.1:5000/shop:gantry-${OLD}`
    ])
  })
})
