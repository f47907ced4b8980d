// The mutants `npm run mutation` (scripts/mutation.mjs) applies, one at a time: per module, the unit
// tests that cover it, and bugs a person could write, each an exact snippet of its file (it must
// occur exactly once) and what replaces it (or several such `edits`). A mutant the tests do not
// catch is either killed by a new test or kept here with why it survives (`why`, printed with it).
// `tests` on a mutant replaces its module's list.

const SIGNATURE = 'src/core/signature.ts'
const HOOKS = 'src/core/agent/hooks.ts'
const SHELL = 'src/lib/shell.ts'
const UNTRUSTED = 'src/lib/untrusted.ts'
const RELEASES = 'src/core/deploy/releases.ts'
const REMOTE = 'src/core/deploy/remote.ts'
const SESSION = 'src/deploy/session.ts'
const HAPROXY = 'src/core/deploy/haproxy.ts'
const PROXY = 'src/core/deploy/proxy.ts'
const BLUE_GREEN = 'src/deploy/targets/blue-green.ts'
const CORE_BLUE_GREEN = 'src/core/deploy/blue-green.ts'
const QUEUE = 'src/agent/queue.ts'
const SERVER = 'src/agent/server.ts'
const GIT = 'src/deploy/targets/git.ts'

export const MODULES = [
  {
    name: 'signature',
    tests: [
      'test/unit/notify.test.ts',
      'test/unit/agent/hooks.test.ts',
      'test/unit/agent/hooks-mutants.test.ts'
    ],
    mutants: [
      {
        id: 'truncated-mac',
        file: SIGNATURE,
        bug: 'accepts a correct but truncated MAC (a prefix of the right hex digest)',
        edits: [
          {
            find: "const givenBytes = /^[0-9a-f]{64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32)",
            replace:
              "const givenBytes = /^[0-9a-f]{2,64}$/.test(given) ? Buffer.from(given, 'hex') : Buffer.alloc(32)"
          },
          {
            find: 'if (timingSafeEqual(expected, givenBytes) && given.length === 64) match = true',
            replace:
              'if (given.length > 0 && timingSafeEqual(expected.subarray(0, givenBytes.length), givenBytes)) match = true'
          }
        ]
      },
      {
        id: 'future-timestamp',
        file: SIGNATURE,
        bug: 'a timestamp from the future is never stale (no Math.abs)',
        find: 'if (Math.abs(options.nowSeconds - timestamp) > tolerance)',
        replace: 'if (options.nowSeconds - timestamp > tolerance)'
      },
      {
        id: 'delivery-not-signed',
        file: SIGNATURE,
        bug: 'the delivery id is not in the signed text (a replay under a new id passes)',
        find: 'return `${timestamp}.${deliveryId}.${body}`',
        replace: 'return `${timestamp}.${body}`'
      },
      {
        id: 'replay-window-ms',
        file: SIGNATURE,
        bug: 'the replay guard forgets ids after 2*window milliseconds, not seconds',
        find: 'if (at < nowSeconds - 2 * this.windowSeconds) this.seen.delete(id)',
        replace: 'if (at < nowSeconds - (2 * this.windowSeconds) / 1000) this.seen.delete(id)'
      },
      {
        id: 'rotation-first-secret-only',
        file: SIGNATURE,
        bug: 'only the first secret is tried (the previous one is refused while rotating)',
        find: 'for (const secret of options.secrets) {',
        replace: 'for (const secret of options.secrets.slice(0, 1)) {'
      },
      {
        id: 'headers-case-sensitive',
        file: SIGNATURE,
        bug: "headers looked up case-sensitively (node lowercases them: every delivery 'missing')",
        find: 'find((k) => k.toLowerCase() === name.toLowerCase())',
        replace: 'find((k) => k === name)'
      },
      {
        id: 'replay-ignored',
        file: SIGNATURE,
        bug: 'a replayed delivery is accepted (the guard is consulted but its answer ignored)',
        find: 'if (options.replay && !options.replay.accept(deliveryId, options.nowSeconds))',
        replace:
          'if (options.replay && !options.replay.accept(deliveryId, options.nowSeconds) && false)'
      }
    ]
  },
  {
    name: 'hooks',
    tests: ['test/unit/agent/hooks.test.ts', 'test/unit/agent/hooks-mutants.test.ts'],
    mutants: [
      {
        id: 'github-truncated-mac',
        file: HOOKS,
        bug: 'X-Hub-Signature-256 accepted when it is a correct but truncated MAC',
        edits: [
          {
            find: '/^sha256=([0-9a-f]{64})$/i',
            replace: '/^sha256=([0-9a-f]{2,64})$/i'
          },
          {
            find: 'if (!timingSafeEqual(expected, givenBytes) || !given)',
            replace:
              'if (!timingSafeEqual(expected.subarray(0, givenBytes.length), givenBytes) || !given)'
          }
        ]
      },
      {
        id: 'github-and-for-or',
        file: HOOKS,
        bug: 'any well-formed but wrong GitHub signature passes (&& for ||)',
        find: 'if (!timingSafeEqual(expected, givenBytes) || !given)',
        replace: 'if (!timingSafeEqual(expected, givenBytes) && !given)'
      },
      {
        id: 'github-delivery-header',
        file: HOOKS,
        bug: 'the unsigned X-GitHub-Delivery is the delivery id (a replay under a new one deploys again)',
        find: 'const deliveryId = bodyHash(request.body)\n  const event',
        replace:
          "const deliveryId = header(request, 'X-GitHub-Delivery') ?? bodyHash(request.body)\n  const event"
      },
      {
        id: 'branch-suffix',
        file: HOOKS,
        bug: "a push to any branch ending in the app's branch name deploys (refs/heads/not-main)",
        find: 'if (given !== branchRef) return ignored',
        replace: "if (!given.endsWith(app.branch ?? 'main')) return ignored"
      },
      {
        id: 'short-commit',
        file: HOOKS,
        bug: 'an abbreviated or non-hex commit is accepted',
        find: 'if (commit !== undefined && !FULL_COMMIT.test(commit))',
        replace: 'if (commit !== undefined && commit.length < 7)'
      },
      {
        id: 'oldest-registry-push',
        file: HOOKS,
        bug: "the registry's first push of an envelope wins, not the newest",
        find: 'const push = pushes[pushes.length - 1]',
        replace: 'const push = pushes[0]'
      },
      {
        id: 'repository-suffix',
        file: HOOKS,
        bug: "a package named 'shop' also matches acme/workshop (suffix without the slash)",
        find: "return lastSegment && !theirs.includes('/') && mine.endsWith(`/${theirs}`)",
        replace: 'return mine.endsWith(theirs)'
      },
      {
        id: 'glob-ignored',
        file: HOOKS,
        bug: "a tag none of the app's globs matches is deployed",
        find: 'if (!app.tags.some((glob) => matchesGlob(glob, tag)))',
        replace: 'if (app.tags.length === 0)'
      }
    ]
  },
  {
    name: 'shell',
    tests: ['test/unit/lib/shell.test.ts', 'test/unit/lib/shell-mutants.test.ts'],
    mutants: [
      {
        id: 'tilde-safe',
        file: SHELL,
        bug: '~ is left unquoted (the shell expands ~user)',
        find: 'const SAFE = /^[A-Za-z0-9_/.:=@%+,-]+$/',
        replace: 'const SAFE = /^[A-Za-z0-9_/.:=@%+,~-]+$/'
      },
      {
        id: 'unanchored-safe',
        file: SHELL,
        bug: 'the safe-word pattern is not anchored at the end',
        find: 'const SAFE = /^[A-Za-z0-9_/.:=@%+,-]+$/',
        replace: 'const SAFE = /^[A-Za-z0-9_/.:=@%+,-]+/'
      },
      {
        id: 'backslash-quote',
        file: SHELL,
        bug: "a ' inside single quotes escaped as \\' (which does not work in sh)",
        find: "return `'${value.replace(/'/g, `'\\\\''`)}'`",
        replace: "return `'${value.replace(/'/g, `\\\\'`)}'`"
      },
      {
        id: 'empty-vanishes',
        file: SHELL,
        bug: 'an empty argument is printed as nothing (the word disappears)',
        find: "if (value !== '' && SAFE.test(value)) return value",
        replace: "if (value === '' || SAFE.test(value)) return value"
      },
      {
        id: 'nul-accepted',
        file: SHELL,
        bug: 'a NUL byte is not refused (sh truncates the word silently)',
        find: "if (value.includes('\\0')) throw new Error('A shell argument cannot contain a NUL byte')",
        replace: ''
      },
      {
        id: 'quote-when-spaces',
        file: SHELL,
        bug: 'only words with spaces are quoted',
        find: "return argv.map(quote).join(' ')",
        replace: "return argv.map((a) => (/\\s/.test(a) || a === '' ? quote(a) : a)).join(' ')"
      },
      {
        id: 'remote-path-raw',
        file: SHELL,
        bug: 'the rest of a ~/ path is not quoted',
        find: 'return `"$HOME"/${quote(path.slice(2))}`',
        replace: 'return `"$HOME"/${path.slice(2)}`'
      },
      {
        id: 'remote-path-tilde-quoted',
        file: SHELL,
        bug: "a path that is just ~ is quoted (a directory named '~' instead of home)",
        find: "if (path === '~') return '\"$HOME\"'",
        replace: ''
      }
    ]
  },
  {
    name: 'untrusted',
    tests: ['test/unit/lib/runner.test.ts', 'test/unit/lib/untrusted-mutants.test.ts'],
    mutants: [
      {
        id: 'lone-cr-not-split',
        file: UNTRUSTED,
        bug: 'a lone \\r does not split lines (the runner does)',
        find: 'text.split(/\\r\\n|\\r|\\n/)',
        replace: 'text.split(/\\r?\\n/)'
      },
      {
        id: 'token-retried-once',
        file: UNTRUSTED,
        bug: 'a token that occurs in the text is redrawn once, not until it does not',
        find: 'while (lower.includes(fresh.toLowerCase())) fresh = newToken()',
        replace: 'if (lower.includes(fresh.toLowerCase())) fresh = newToken()'
      },
      {
        id: 'token-case-sensitive',
        file: UNTRUSTED,
        bug: 'the token is compared case-sensitively (the runner ends a region ignoring case)',
        find: 'while (lower.includes(fresh.toLowerCase())) fresh = newToken()',
        replace: 'while (text.includes(fresh)) fresh = newToken()'
      },
      {
        id: 'open-token-in-text',
        file: UNTRUSTED,
        bug: "text naming the open region's token is printed inside it (it would end the region)",
        find: 'if (token !== undefined && lower.includes(token.toLowerCase())) close()',
        replace: ''
      },
      {
        id: 'token-kept-after-close',
        file: UNTRUSTED,
        bug: 'the token is not forgotten on close (the next print opens no region)',
        find: '    token = undefined\n',
        replace: '\n'
      },
      {
        id: 'never-idle-close',
        file: UNTRUSTED,
        bug: 'a region never closes after a pause (what Gantry prints next is ignored)',
        find: 'idle = setTimeout(close, idleMs)',
        replace: 'idle = setTimeout(() => undefined, idleMs)'
      },
      {
        id: 'prefix-first-line',
        file: UNTRUSTED,
        bug: 'the prefix goes on the first line only',
        find: '.map((line) => prefix + line)',
        replace: '.map((line, i) => (i === 0 ? prefix + line : line))'
      }
    ]
  },
  {
    name: 'releases',
    tests: [
      'test/unit/core/deploy/releases.test.ts',
      'test/unit/deploy/compose.test.ts',
      'test/unit/deploy/releases-mutants.test.ts'
    ],
    mutants: [
      {
        id: 'prune-ignores-protect',
        file: RELEASES,
        bug: 'pruning deletes the current or the new release when they are among the oldest',
        find: 'return releases.filter((r) => !protect.includes(r)).slice(0, excess)',
        replace: 'return releases.slice(0, excess)'
      },
      {
        id: 'prune-newest',
        file: RELEASES,
        bug: 'pruning deletes the newest releases instead of the oldest',
        find: 'return releases.filter((r) => !protect.includes(r)).slice(0, excess)',
        replace: 'return releases.filter((r) => !protect.includes(r)).slice(-excess)'
      },
      {
        id: 'releases-unsorted',
        file: RELEASES,
        bug: 'releases kept in the order the host listed them, not by time',
        find: '  state.releases.sort()\n',
        replace: '\n'
      },
      {
        id: 'previous-is-second-newest',
        file: RELEASES,
        bug: 'rollback-to previous takes the second newest release, not the one before current',
        find: 'const previous = index > 0 ? state.releases[index - 1] : undefined',
        replace: 'const previous = index >= 0 ? state.releases.at(-2) : undefined'
      },
      {
        id: 'oldest-of-version',
        file: RELEASES,
        bug: 'rollback-to a version takes its oldest release',
        find: '.filter((r) => versionOfRelease(r) === wanted).at(-1)',
        replace: '.filter((r) => versionOfRelease(r) === wanted)[0]'
      },
      {
        id: 'lock-never-stale',
        file: RELEASES,
        bug: 'a lock is never stale (since and now swapped)',
        find: ': reply.now - reply.since >= staleAfterSeconds',
        replace: ': reply.since - reply.now >= staleAfterSeconds'
      },
      {
        id: 'restarting-waits',
        file: RELEASES,
        bug: 'a restarting container is waited for, not failed',
        find: "['exited', 'dead', 'restarting'].includes(c.state)",
        replace: "['exited', 'dead'].includes(c.state)"
      },
      {
        id: 'session-prunes-current',
        file: SESSION,
        bug: "the deploy's prune may delete the release that was current (the rollback target)",
        find: 'releasesToPrune(kept, keepReleases, [release, state.current])',
        replace: 'releasesToPrune(kept, keepReleases, [release])'
      }
    ]
  },
  {
    name: 'prune',
    tests: [
      'test/unit/agent/deploy-prune.test.ts',
      'test/unit/core/deploy/remote.test.ts',
      'test/unit/deploy/compose.test.ts',
      'test/unit/deploy/scripts.test.ts',
      'test/unit/deploy/prune-mutants.test.ts'
    ],
    mutants: [
      {
        id: 'keep-includes-pruned',
        file: REMOTE,
        bug: "pruned releases' images count as kept (they are never removed: the disk fills)",
        find: '[ -d "$d" ] || continue; ${skipPruned}; imgsof "$d"',
        replace: '[ -d "$d" ] || continue; imgsof "$d"'
      },
      {
        id: 'rmi-kept-image',
        file: REMOTE,
        bug: "a pruned release's image is removed even when a kept release runs it",
        find: 'case "$keep" in *"$id"*) ;; *) docker rmi "$i" >/dev/null 2>&1 || true;; esac',
        replace: 'docker rmi "$i" >/dev/null 2>&1 || true'
      },
      {
        id: 'host-wide-image-prune',
        file: REMOTE,
        bug: "a host-wide `docker image prune -f` after the prune (takes other apps' untagged rollback images)",
        find: '`rm -rf ${releases.map((r) => dirOf(layout, RELEASES, r))',
        replace:
          '`docker image prune -f >/dev/null; rm -rf ${releases.map((r) => dirOf(layout, RELEASES, r))'
      },
      {
        id: 'marker-despite-failed-tag',
        file: REMOTE,
        bug: 'a release is marked tagged even when tagging one of its images failed',
        find: 'if [ "$ok" = 1 ]; then printf',
        replace: 'if true; then printf'
      },
      {
        id: 'pruned-tags-kept',
        file: REMOTE,
        bug: "a pruned release's gantry-<id> tags are not removed",
        find: 'awk -F: -v t="$t" \'$NF == t\'',
        replace: 'awk -F: -v t="$t" \'$NF == "never"\''
      },
      {
        id: 'dirs-kept',
        file: REMOTE,
        bug: "the pruned releases' directories stay",
        find: "`rm -rf ${releases.map((r) => dirOf(layout, RELEASES, r)).join(' ')}`",
        replace: '`true`'
      }
    ]
  },
  {
    name: 'proxy-switch',
    tests: [
      'test/unit/core/deploy/blue-green.test.ts',
      'test/unit/core/deploy/proxy-commit.test.ts',
      'test/unit/deploy/blue-green.test.ts',
      'test/unit/deploy/blue-green-mutants.test.ts'
    ],
    mutants: [
      {
        id: 'no-switch-back',
        file: BLUE_GREEN,
        bug: 'a release that fails its public post-deploy test is not switched back',
        find: 'if (publicFailure) return this.undo(version, from, to, publicFailure)',
        replace: 'if (publicFailure) return this.notLive(version, publicFailure)'
      },
      {
        id: 'switch-back-records-only',
        file: BLUE_GREEN,
        bug: 'the switch back writes the records but sends HAProxy no command',
        find: 'runtime: (r) => haproxyCommands.switch(r, from)',
        replace: 'runtime: () => []'
      },
      {
        id: 'old-slot-recorded-live',
        file: BLUE_GREEN,
        bug: 'the switch records the old slot as live while HAProxy sends traffic to the new one',
        find: 'const live: ProxyApp = { ...this.record, live: to }',
        replace: 'const live: ProxyApp = { ...this.record }'
      },
      {
        id: 'failed-slot-left-running',
        file: BLUE_GREEN,
        bug: 'the new slot keeps running after its switch or its public test failed (traffic back on the old one)',
        find: '    await this.stopSlot(to)\n    if (from && serving === old)',
        replace: '    if (from && serving === old)'
      },
      {
        id: 'retire-new-slot',
        file: BLUE_GREEN,
        bug: 'after the drain the new (live) slot is put in maintenance instead of the old one',
        find: 'runtime: (r) => haproxyCommands.retire(r, from)',
        replace: 'runtime: (r) => haproxyCommands.retire(r, to)'
      },
      {
        id: 'confirm-any-release',
        file: BLUE_GREEN,
        bug: 'any 2xx through the proxy confirms the switch, whichever release answered',
        find: 'probe.status >= 200 && probe.status < 300 && probe.release === release',
        replace: 'probe.status >= 200 && probe.status < 300'
      },
      {
        id: 'switch-back-once',
        file: BLUE_GREEN,
        bug: 'the switch back is not tried again after one failure (a busy lock or socket leaves the failed release live)',
        find: '        if (failure) throw new Error(failure)\n      },\n      {\n        attempts: 2,',
        replace:
          '        if (failure) throw new Error(failure)\n      },\n      {\n        attempts: 1,'
      },
      {
        id: 'stop-the-only-serving-slot',
        file: BLUE_GREEN,
        bug: 'when switching back failed and the new release still serves, its slot is stopped anyway (nothing serves)',
        find: '    if (back && serving === version) {\n',
        replace: '    if (back && serving === version && !back) {\n'
      },
      {
        id: 'records-changed-gives-up',
        file: BLUE_GREEN,
        bug: "another app's deploy changing the proxy meanwhile fails this deploy (no re-read and retry)",
        find: 'if (result?.code === RECORDS_CHANGED_EXIT && attempt < 5)',
        replace: 'if (result?.code === RECORDS_CHANGED_EXIT && attempt < 1)'
      },
      {
        id: 'runtime-before-move',
        file: CORE_BLUE_GREEN,
        bug: "HAProxy's runtime commands run before the record files are moved in (a failed move leaves HAProxy switched, the records saying otherwise)",
        find: "  lines.push(...moveFilesIn(c.files.map(target), discard))\n  if (runtime) lines.push(...runtimeCommands(c.host, c.files.length ? 'restore; ' : ''))\n",
        replace:
          "  if (runtime) lines.push(...runtimeCommands(c.host, ''))\n  lines.push(...moveFilesIn(c.files.map(target), discard))\n"
      },
      {
        id: 'refusal-keeps-records',
        file: CORE_BLUE_GREEN,
        bug: 'HAProxy refusing a runtime command leaves the new records in place (they name a switch that did not happen)',
        find: "runtimeCommands(c.host, c.files.length ? 'restore; ' : '')",
        replace: "runtimeCommands(c.host, '')"
      },
      {
        id: 'old-slot-stays-ready',
        file: HAPROXY,
        bug: 'the switch leaves the old slot ready (both slots take new requests)',
        find: '`set server ${a.app}/${otherSlot(to)} state drain`',
        replace: '`set server ${a.app}/${otherSlot(to)} state ready`'
      },
      {
        id: 'deploy-into-live-slot',
        file: PROXY,
        bug: 'every deploy goes to blue, the live slot included',
        find: "return record.live ? otherSlot(record.live) : 'blue'",
        replace: "return record.live ? record.live : 'blue'"
      }
    ]
  },
  {
    name: 'queue',
    tests: [
      'test/unit/agent/queue.test.ts',
      'test/unit/agent/server.test.ts',
      'test/unit/agent/queue-mutants.test.ts'
    ],
    mutants: [
      {
        id: 'newest-first',
        file: QUEUE,
        bug: 'a job is queued at the front (a waiting rollback is overtaken by a later deploy)',
        find: '    lane.waiting.push(job)\n    this.looking++',
        replace: '    lane.waiting.unshift(job)\n    this.looking++'
      },
      {
        id: 'lifo',
        file: QUEUE,
        bug: 'the newest waiting job runs first',
        find: 'const next = lane.waiting.shift()',
        replace: 'const next = lane.waiting.pop()'
      },
      {
        id: 'deploy-replaces-rollback',
        file: QUEUE,
        bug: 'a deploy supersedes a waiting rollback',
        find: 'lane.waiting.findIndex((j, i) => i < mine && isRollback(j) === isRollback(job))',
        replace: 'lane.waiting.findIndex((j, i) => i < mine)'
      },
      {
        id: 'supersede-keeps-place',
        file: QUEUE,
        bug: "a newer deploy takes the superseded one's place instead of going to the back",
        find: '    lane.waiting.splice(same, 1)\n',
        replace: '    lane.waiting.splice(mine, 1)\n    lane.waiting.splice(same, 1, job)\n'
      },
      {
        id: 'two-at-once',
        file: QUEUE,
        bug: 'a second job of the app starts while one runs',
        find: 'if (lane.running || this.stopped || lane.waiting[0]?.looking) return',
        replace: 'if (this.stopped || lane.waiting[0]?.looking) return'
      },
      {
        id: 'resume-reversed',
        file: QUEUE,
        bug: 'jobs resumed after a restart queue in reverse order',
        find: 'for (const record of this.options.store.jobs()) {',
        replace: 'for (const record of [...this.options.store.jobs()].reverse()) {'
      },
      {
        id: 'place-after-lookup',
        file: QUEUE,
        bug: "a delivery's place is taken when its lookup answers, not on arrival (the slower-looked-up older release runs last and stays live)",
        edits: [
          {
            find: '    lane.waiting.push(job)\n    this.looking++',
            replace: '    this.looking++'
          },
          {
            find: '    if (resolved) Object.assign(job, { version: resolved.version, resolved })\n',
            replace:
              '    lane.waiting.push(job)\n    if (resolved) Object.assign(job, { version: resolved.version, resolved })\n'
          }
        ]
      },
      {
        id: 'looking-not-superseded',
        file: QUEUE,
        bug: 'a later arrival does not supersede an earlier one whose lookup is still going (both run, the older last)',
        find: 'lane.waiting.findIndex((j, i) => i < mine && isRollback(j) === isRollback(job))',
        replace:
          'lane.waiting.findIndex((j, i) => i < mine && !j.looking && isRollback(j) === isRollback(job))'
      },
      {
        id: 'last-answer-wins',
        file: QUEUE,
        bug: 'the delivery whose lookup answers last supersedes the waiting one, whichever arrived first',
        find: 'lane.waiting.findIndex((j, i) => i < mine && isRollback(j) === isRollback(job))',
        replace: 'lane.waiting.findIndex((j, i) => i !== mine && isRollback(j) === isRollback(job))'
      },
      {
        id: 'run-past-looking',
        file: QUEUE,
        bug: 'a job starts ahead of an earlier arrival whose lookup is still going (which then runs after it)',
        edits: [
          {
            find: 'if (lane.running || this.stopped || lane.waiting[0]?.looking) return',
            replace: 'if (lane.running || this.stopped) return'
          },
          {
            find: 'const next = lane.waiting.shift()',
            replace:
              'const at = lane.waiting.findIndex((j) => !j.looking)\n    const next = at < 0 ? undefined : lane.waiting.splice(at, 1)[0]'
          }
        ]
      },
      {
        id: 'server-looks-up-first',
        file: SERVER,
        bug: 'the webhook takes its place in the queue after the registry lookup, not on arrival',
        find: '    const reserved = queue.reserve(app, via, request)\n    if (!reserved.ok) throw refused(reserved.reason, reserved.retryAfterSeconds)\n    let resolved: Resolved\n    try {\n      resolved = await resolve(app, request)\n    } catch (error) {\n      reserved.place.cancel()\n      throw error\n    }\n    const result = await reserved.place.fill(resolved)\n',
        replace:
          '    const resolved: Resolved = await resolve(app, request)\n    const result = await queue.submit(app, via, request, resolved)\n'
      },
      {
        id: 'failed-lookup-keeps-place',
        file: SERVER,
        bug: "a delivery whose lookup failed (422, 502) keeps its place: the app's queue waits for it forever",
        find: '      reserved.place.cancel()\n',
        replace: ''
      },
      {
        id: 'refuse-superseding',
        file: QUEUE,
        bug: 'a full queue refuses a delivery that would only supersede a waiting one',
        find: 'return !replaces && this.pending >= this.options.maxPending',
        replace: 'return this.pending >= this.options.maxPending'
      }
    ]
  },
  {
    name: 'git-target',
    tests: ['test/unit/deploy/git.test.ts', 'test/unit/deploy/git-mutants.test.ts'],
    mutants: [
      {
        id: 'rollback-to-not-marked-bad',
        file: GIT,
        bug: 'a rollback-to whose release is unhealthy does not mark it bad',
        find: '      if (live.release !== false)\n        await session.run([markBadStep(layout, target.release)], { quiet: true })\n',
        replace: ''
      },
      {
        id: 'rollback-to-stays-unhealthy',
        file: GIT,
        bug: 'a rollback-to whose release is unhealthy tries it again instead of going back to the current one',
        find: 'const again = await goLive(session, current)',
        replace: 'const again = await goLive(session, target.release)'
      },
      {
        id: 'failed-deploy-not-marked-bad',
        file: GIT,
        bug: 'a deploy that failed its health check is not marked bad',
        find: '      await session.run(failed(live.reason), { quiet: true })\n',
        replace: '\n'
      },
      {
        id: 'prune-previous',
        file: GIT,
        bug: "the deploy's prune may delete the release that was current",
        find: '          release,\n          previous,\n          rollbackCandidate(state)',
        replace: '          release,\n          rollbackCandidate(state)'
      },
      {
        id: 'no-rollback-after-failure',
        file: GIT,
        bug: 'a failed deploy is not rolled back',
        find: 'const back = rollback ? rollbackCandidate(state, commit) : undefined',
        replace: 'const back = rollback && false ? rollbackCandidate(state, commit) : undefined'
      },
      {
        id: 'rollback-to-failed-commit',
        file: GIT,
        bug: 'the automatic rollback may go to a release of the commit that just failed',
        find: 'const back = rollback ? rollbackCandidate(state, commit) : undefined',
        replace: 'const back = rollback ? rollbackCandidate(state) : undefined'
      },
      {
        id: 'rolled-back-release-kept',
        file: GIT,
        bug: 'a failed release rolled back from keeps its directory (failing deploys fill the disk)',
        find: '          discardGitReleaseStep(layout, release)\n        ],',
        replace: '        ],'
      },
      {
        id: 'failed-build-kept',
        file: GIT,
        bug: 'a release whose build failed keeps its directory (failing builds fill the disk)',
        find: 'await session.run([...failed(reason), discardGitReleaseStep(layout, release)], {',
        replace: 'await session.run([...failed(reason)], {'
      },
      {
        id: 'failed-switch-marked-bad',
        file: GIT,
        bug: 'a rollback-to whose switch failed marks the release bad (it never ran; rollback-to previous then skips a good release)',
        find: '      if (live.release !== false)\n',
        replace: '      if (live.ok === false)\n'
      }
    ]
  }
]
