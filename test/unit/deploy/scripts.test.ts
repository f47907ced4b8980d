/**
 * The generated scripts that decide something on the host, run under /bin/sh in a temp dir (the
 * app's directory under its $HOME) with recording fakes of docker and git on PATH: what they
 * removed, moved and ran, and their exit codes. Not their text.
 */
import { afterEach, beforeEach, describe, expect, test } from '@jest/globals'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkoutStep, fetchStep } from '../../../src/core/deploy/git.js'
import {
  breakLockStep,
  discardReleaseStep,
  lockStep,
  pruneStep,
  unlockStep,
  type AppLayout
} from '../../../src/core/deploy/remote.js'
import { describeLockHolder, isStale, parseLockReply } from '../../../src/core/deploy/releases.js'
import { fakeBin, type FakeBin } from '../../harness/fake-bin.js'

const layout: AppLayout = { dir: '~/gantry/shop', project: 'shop' }
const OLD = '20261122T160000Z-v0-aaaa'
const PREV = '20261122T161000Z-v1-bbbb'
const NEW = '20261122T162000Z-v2-cccc'
const DIGEST = 'sha256:' + 'd'.repeat(64)
const OTHER = `127.0.0.1:5000/other-app@sha256:${'e'.repeat(64)}`

/** A docker that answers as the engine would, from $FAKE/ids (`<reference> <image id>` lines). */
const DOCKER = `case "$1 $2" in
  "compose -f") printf 'services:\\n  web:\\n    image: %s\\n' "$(sed -n 's/^IMAGE=//p' .env)" ;;
  "images --format") cat "$FAKE/tags" 2>/dev/null ;;
  "image inspect") shift 4; ok=1; for ref in "$@"; do id=$(awk -v r="$ref" '$1 == r { print $2 }' "$FAKE/ids"); [ -n "$id" ] && echo "$id" || ok=0; done; [ "$ok" = 1 ] ;;
esac
exit 0`

let bin: FakeBin
const app = (...parts: string[]) => join(bin.dir, 'gantry', 'shop', ...parts)
afterEach(() => bin.remove())

describe('prune and discard', () => {
  beforeEach(() => {
    bin = fakeBin({ docker: DOCKER })
    const images: [string, string][] = [
      [OLD, '127.0.0.1:5000/shop:v0'],
      [PREV, `127.0.0.1:5000/shop@${DIGEST}`],
      [NEW, '127.0.0.1:5000/shop:v2']
    ]
    for (const [release, image] of images) {
      mkdirSync(app('releases', release), { recursive: true })
      writeFileSync(app('releases', release, 'compose.yml'), 'services: {}\n')
      writeFileSync(app('releases', release, '.env'), `IMAGE=${image}\n`)
      writeFileSync(
        app('releases', release, 'stack.json'),
        JSON.stringify({ services: { shop_web: image } }) + '\n'
      )
    }
    writeFileSync(
      join(bin.dir, 'ids'),
      [
        `127.0.0.1:5000/shop:v0 sha256:${'0'.repeat(64)}`,
        `127.0.0.1:5000/shop@${DIGEST} sha256:${'1'.repeat(64)}`,
        `127.0.0.1:5000/shop:v2 sha256:${'2'.repeat(64)}`,
        `${OTHER} sha256:${'9'.repeat(64)}`
      ].join('\n') + '\n'
    )
    writeFileSync(join(bin.dir, 'tags'), `127.0.0.1:5000/shop:gantry-${OLD}\n`)
  })

  const removedImages = () =>
    bin
      .calls('docker')
      .filter((c) => c.startsWith('docker rmi '))
      .map((c) => c.slice('docker rmi '.length))

  test('compose: the old release and the images only it used go; kept releases tagged first; nothing host-wide', () => {
    const { code } = bin.run(pruneStep(layout, [OLD], 'docker compose').script)
    expect(code).toBe(0)
    expect(readdirSync(app('releases')).sort()).toEqual([PREV, NEW])
    expect(removedImages()).toEqual(['127.0.0.1:5000/shop:v0', `127.0.0.1:5000/shop:gantry-${OLD}`])
    const calls = bin.calls('docker')
    const tagged = calls.filter((c) => c.startsWith('docker tag '))
    expect(tagged).toEqual([
      `docker tag 127.0.0.1:5000/shop@${DIGEST} 127.0.0.1:5000/shop:gantry-${PREV}`,
      `docker tag 127.0.0.1:5000/shop:v2 127.0.0.1:5000/shop:gantry-${NEW}`
    ])
    expect(calls.findIndex((c) => c.startsWith('docker rmi '))).toBeGreaterThan(
      calls.indexOf(tagged[1] as string)
    )
    // Another app's untagged image (its rollback image) is not Gantry's to remove.
    expect(calls.filter((c) => /prune/.test(c) || c.includes('other-app'))).toEqual([])
    expect(readFileSync(app('releases', PREV, '.images-tagged'), 'utf8')).toBe(
      `127.0.0.1:5000/shop@${DIGEST}\n`
    )
  })

  test('compose: an image a kept release runs stays, whichever release pulled it', () => {
    writeFileSync(app('releases', OLD, '.env'), `IMAGE=127.0.0.1:5000/shop@${DIGEST}\n`)
    expect(bin.run(pruneStep(layout, [OLD], 'docker compose').script).code).toBe(0)
    expect(removedImages()).toEqual([`127.0.0.1:5000/shop:gantry-${OLD}`])
  })

  test('nothing to prune: only tags are added, nothing removed', () => {
    expect(bin.run(pruneStep(layout, [], 'docker compose').script).code).toBe(0)
    expect(readdirSync(app('releases')).sort()).toEqual([OLD, PREV, NEW])
    expect(removedImages()).toEqual([])
    expect(bin.calls().filter((c) => /prune/.test(c))).toEqual([])
  })

  test('swarm: the old release and its recorded images go; nothing host-wide', () => {
    expect(bin.run(pruneStep(layout, [OLD]).script).code).toBe(0)
    expect(readdirSync(app('releases')).sort()).toEqual([PREV, NEW])
    expect(removedImages()).toEqual(['127.0.0.1:5000/shop:v0'])
    expect(bin.calls().filter((c) => /prune|tag |other-app/.test(c))).toEqual([])
  })

  test('a failed release is discarded with the image only it pulled; the one before stays', () => {
    const { code } = bin.run(discardReleaseStep(layout, NEW, 'docker compose').script)
    expect(code).toBe(0)
    expect(readdirSync(app('releases')).sort()).toEqual([OLD, PREV])
    expect(removedImages()).toEqual(['127.0.0.1:5000/shop:v2'])
  })

  test('a release whose images the host no longer has: its directory goes all the same', () => {
    writeFileSync(join(bin.dir, 'ids'), '')
    expect(bin.run(pruneStep(layout, [OLD], 'docker compose').script).code).toBe(0)
    expect(existsSync(app('releases', OLD))).toBe(false)
    expect(removedImages()).toEqual([`127.0.0.1:5000/shop:gantry-${OLD}`])
  })
})

describe('the deploy lock', () => {
  beforeEach(() => {
    bin = fakeBin({})
  })
  const owner = (token: string) => ({ token, actor: 'mona', version: 'v2' })

  test('taken when free: the owner and the time recorded; held: exit 75 naming the holder', () => {
    const first = bin.run(lockStep(layout, owner('t1')).script, {
      stdin: JSON.stringify(owner('t1'))
    })
    expect([first.code, first.stdout]).toEqual([0, 'acquired\n'])
    expect(JSON.parse(readFileSync(app('.lock', 'owner.json'), 'utf8'))).toEqual(owner('t1'))
    const since = readFileSync(app('.lock', 'since'), 'utf8').trim()
    expect(since).toMatch(/^\d+$/)
    const second = bin.run(lockStep(layout, owner('t2')).script, {
      stdin: JSON.stringify(owner('t2'))
    })
    expect(second.code).toBe(75)
    expect(second.stdout).toContain(`since=${since}\n`)
    expect(second.stdout).toContain(`owner=${JSON.stringify(owner('t1'))}`)
    expect(JSON.parse(readFileSync(app('.lock', 'owner.json'), 'utf8'))).toEqual(owner('t1'))
  })

  test('a lock taken before the host last booted is stale at once; one of this boot is not', () => {
    const take = () =>
      parseLockReply(
        bin.run(lockStep(layout, owner('t2')).script, { stdin: JSON.stringify(owner('t2')) }).stdout
      )
    bin.run(lockStep(layout, owner('t1')).script, { stdin: JSON.stringify(owner('t1')) })
    const thisBoot = take()
    expect(thisBoot.acquired).toBe(false)
    if (thisBoot.acquired) return
    expect(isStale(thisBoot, 1800)).toBe(false)
    // As a power cut leaves it: the lock's boot id is another boot's.
    writeFileSync(app('.lock', 'boot'), '00000000-0000-4000-8000-000000000000\n')
    const rebooted = take()
    if (rebooted.acquired) throw new Error('taken')
    expect(rebooted.earlierBoot).toBe(true)
    expect(isStale(rebooted, 1800)).toBe(true)
    expect(describeLockHolder(rebooted)).toMatch(/, before the host last booted$/)
    // A lock written before Gantry recorded the boot: its age alone decides.
    rmSync(app('.lock', 'boot'))
    const older = take()
    if (older.acquired) throw new Error('taken')
    expect(isStale(older, 1800)).toBe(false)
  })

  test('a stale lock is broken only if it is still the one seen', () => {
    bin.run(lockStep(layout, owner('t1')).script, { stdin: JSON.stringify(owner('t1')) })
    writeFileSync(app('.lock', 'since'), '1700000000\n')
    // Taken again meanwhile (another since): left alone.
    expect(bin.run(breakLockStep(layout, '1600000000').script).code).toBe(0)
    expect(existsSync(app('.lock'))).toBe(true)
    expect(bin.run(breakLockStep(layout, '1700000000').script).code).toBe(0)
    expect(existsSync(app('.lock'))).toBe(false)
  })

  test('unlock removes the lock only when it is ours', () => {
    bin.run(lockStep(layout, owner('t1')).script, { stdin: JSON.stringify(owner('t1')) })
    expect(bin.run(unlockStep(layout, 't2').script).code).toBe(0)
    expect(existsSync(app('.lock', 'owner.json'))).toBe(true)
    expect(bin.run(unlockStep(layout, 't1').script).code).toBe(0)
    expect(existsSync(app('.lock'))).toBe(false)
    // Unlocking a lock that is gone is not an error.
    expect(bin.run(unlockStep(layout, 't1').script).code).toBe(0)
  })
})

describe('git: fetch and checkout', () => {
  const C = '8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2'
  const URL = 'https://git.example/blog.git'
  /** A git whose remote has the commits in $FAKE/remote, its cache those in $FAKE/cache. */
  const GIT = `[ "$1" = init ] && { for a; do d=$a; done; mkdir -p "$d" && : > "$d/HEAD"; exit 0; }
case "$2" in
  cat-file) c=\${4%%^*}; grep -qx "$c" "$FAKE/cache" 2>/dev/null ;;
  fetch) case "$*" in
      *--no-tags*) [ -f "$FAKE/no-single-commit" ] && exit 1; c=\${7#+}; c=\${c%%:*}; grep -qx "$c" "$FAKE/remote" || exit 1; echo "$c" >> "$FAKE/cache" ;;
      *) cat "$FAKE/remote" >> "$FAKE/cache" ;;
    esac ;;
  archive) grep -qx "$6" "$FAKE/cache" || { echo "fatal: not a valid object name $6" >&2; exit 128; }; tar -cf "$5" -C "$FAKE/tree" . ;;
esac`
  const source = { repository: URL }
  beforeEach(() => {
    bin = fakeBin({ git: GIT })
    writeFileSync(join(bin.dir, 'remote'), `${C}\n`)
    mkdirSync(join(bin.dir, 'tree'))
    writeFileSync(join(bin.dir, 'tree', 'index.php'), '<?php echo 1;\n')
  })
  const fetches = () => bin.calls('git').filter((c) => / fetch /.test(c))

  test('a first fetch makes the cache beside and renames it into place, then fetches the commit alone', () => {
    const { code } = bin.run(fetchStep(layout, source, C).script)
    expect(code).toBe(0)
    expect(existsSync(app('repo', 'HEAD'))).toBe(true)
    expect(existsSync(app('.repo.partial'))).toBe(false)
    expect(fetches()).toEqual([
      `git --git-dir=${app('repo')} fetch -q --no-tags -- ${URL} +${C}:refs/gantry/${C}`
    ])
  })

  test('a commit already in the cache fetches nothing', () => {
    mkdirSync(app('repo'), { recursive: true })
    writeFileSync(app('repo', 'HEAD'), '')
    writeFileSync(join(bin.dir, 'cache'), `${C}\n`)
    expect(bin.run(fetchStep(layout, source, C).script).code).toBe(0)
    expect(fetches()).toEqual([])
  })

  test('a server that will not serve one commit: every branch and tag is fetched instead', () => {
    writeFileSync(join(bin.dir, 'no-single-commit'), '')
    expect(bin.run(fetchStep(layout, source, C).script).code).toBe(0)
    expect(fetches().map((c) => c.includes('--prune'))).toEqual([false, true])
  })

  test('a commit the repository does not have: exit 1, saying so', () => {
    writeFileSync(join(bin.dir, 'remote'), '')
    const { code, stderr } = bin.run(fetchStep(layout, source, C).script)
    expect(code).toBe(1)
    expect(stderr).toContain(`commit ${C} is not in ${URL}`)
  })

  test('a deploy key lives in a private temp dir for the fetch only, removed after', () => {
    writeFileSync(
      join(bin.dir, '.bin', 'git'),
      `#!/bin/sh\necho "git $*" >> "$FAKE/.calls"\necho "$GIT_SSH_COMMAND" >> "$FAKE/ssh"\nk=$(ls -d "$TMPDIR"/gantry-git.* 2>/dev/null); [ -n "$k" ] && cat "$k/key" >> "$FAKE/keys"\n${GIT}\n`
    )
    const step = fetchStep(
      layout,
      {
        repository: 'git@git.example:blog.git',
        knownHosts: 'git.example ssh-ed25519 AAAA',
        key: 'KEY'
      },
      C
    )
    writeFileSync(join(bin.dir, 'remote'), `${C}\n`)
    expect(bin.run(step.script, { stdin: step.stdin }).code).toBe(0)
    expect(readFileSync(join(bin.dir, 'keys'), 'utf8')).toContain('KEY\n')
    expect(readFileSync(join(bin.dir, 'ssh'), 'utf8')).toContain('StrictHostKeyChecking=yes')
    expect(readdirSync(bin.dir).filter((f) => f.startsWith('gantry-git.'))).toEqual([])
  })

  test('checkout: the commit’s tree and its REVISION, renamed into place; nothing left beside', () => {
    writeFileSync(join(bin.dir, 'cache'), `${C}\n`)
    const { code } = bin.run(checkoutStep(layout, NEW, C).script)
    expect(code).toBe(0)
    expect(readFileSync(app('releases', NEW, 'index.php'), 'utf8')).toBe('<?php echo 1;\n')
    expect(readFileSync(app('releases', NEW, 'REVISION'), 'utf8')).toBe(`${C}\n`)
    expect(readdirSync(app('releases'))).toEqual([NEW])
  })

  test('a checkout that fails leaves no release directory and nothing beside', () => {
    const { code } = bin.run(checkoutStep(layout, NEW, C).script)
    expect(code).not.toBe(0)
    expect(readdirSync(app('releases'))).toEqual([])
  })
})
