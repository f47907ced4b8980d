/**
 * The prune script run under /bin/sh against a recording docker that keeps its tags
 * (test/harness/fake-bin.ts), where `docker tag` fails once (a full disk, a daemon restarting):
 * what the host is left with after it and after the next deploy's prune. Kills the mutant
 * prune/marker-despite-failed-tag of scripts/mutations.mjs.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pruneStep, type AppLayout } from '../../../src/core/deploy/remote.js'
import { fakeBin, type FakeBin } from '../../harness/fake-bin.js'

const layout: AppLayout = { dir: '~/gantry/shop', project: 'shop' }
const PREV = '20261122T161000Z-v1-bbbb'
const NEW = '20261122T162000Z-v2-cccc'
const DIGEST = 'sha256:' + 'd'.repeat(64)
const IMAGES: [string, string][] = [
  [PREV, `127.0.0.1:5000/shop@${DIGEST}`],
  [NEW, '127.0.0.1:5000/shop:v2']
]

/**
 * A docker whose tags live in $FAKE/tags; `tag` fails while $FAKE/tag-fails exists, and removes
 * it (fails once). Compose prints the release's image from its .env.
 */
const DOCKER = `case "$1" in
  compose) printf 'services:\\n  web:\\n    image: %s\\n' "$(sed -n 's/^IMAGE=//p' .env)" ;;
  tag) if [ -f "$FAKE/tag-fails" ]; then rm "$FAKE/tag-fails"; echo 'no space left on device' >&2; exit 1; fi
       echo "$3" >> "$FAKE/tags" ;;
  images) cat "$FAKE/tags" 2>/dev/null ;;
esac
exit 0`

let bin: FakeBin
const release = (...parts: string[]) => join(bin.dir, 'gantry', 'shop', 'releases', ...parts)
const tags = () =>
  existsSync(join(bin.dir, 'tags'))
    ? readFileSync(join(bin.dir, 'tags'), 'utf8').split('\n').filter(Boolean)
    : []

beforeEach(() => {
  bin = fakeBin({ docker: DOCKER })
  for (const [id, image] of IMAGES) {
    mkdirSync(release(id), { recursive: true })
    writeFileSync(release(id, 'compose.yml'), 'services: {}\n')
    writeFileSync(release(id, '.env'), `IMAGE=${image}\n`)
  }
})
afterEach(() => bin.remove())

describe('a kept release whose image could not be tagged', () => {
  test('is tagged at the next prune: every kept image ends up holding its gantry tag', () => {
    writeFileSync(join(bin.dir, 'tag-fails'), '')
    const prune = pruneStep(layout, [], 'docker compose').script
    // The failed tag fails nothing (a prune never fails a deploy).
    expect(bin.run(prune).code).toBe(0)
    expect(tags()).toEqual([`127.0.0.1:5000/shop:gantry-${NEW}`])
    // The next deploy's prune.
    expect(bin.run(prune).code).toBe(0)
    expect(tags().sort()).toEqual([
      `127.0.0.1:5000/shop:gantry-${PREV}`,
      `127.0.0.1:5000/shop:gantry-${NEW}`
    ])
    // Each tagged once: once marked, a release is not tagged again.
    expect(bin.run(prune).code).toBe(0)
    expect(tags()).toHaveLength(2)
  })
})
