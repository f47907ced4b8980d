/**
 * The exact remote commands, as Kamal's command tests assert them: no SSH here. Their safety
 * with hostile values is proved by running them through /bin/sh in shell.test.ts and the
 * sandbox tests; here, that every value is quoted where it lands.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import {
  breakLockStep,
  healthUrlStep,
  inspectStep,
  lockStep,
  loginStep,
  pruneStep,
  pullStep,
  statusStep,
  switchStep,
  unlockStep,
  upStep,
  writeFileStep
} from '../../../../src/core/deploy/remote.js'

const layout = { dir: '~/gantry/shop', project: 'shop' }
const R = '20261122T153000Z-1.3.57-ab12'

describe('remote commands', () => {
  test('pull and up run in the release directory with a stable project name', () => {
    expect(pullStep(layout, 'docker compose', R).script).toBe(
      `cd "$HOME"/gantry/shop/releases/${R} && docker compose -p shop -f compose.yml pull`
    )
    expect(upStep(layout, 'docker-compose', R).script).toBe(
      `cd "$HOME"/gantry/shop/releases/${R} && docker-compose -p shop -f compose.yml up -d --remove-orphans`
    )
  })

  test('files go through stdin, never the command line', () => {
    const step = writeFileStep(layout, R, 'compose.yml', 'services: {}\n# $(reboot)\n')
    expect(step.script).toBe(
      `mkdir -p "$HOME"/gantry/shop/releases/${R} && cat > "$HOME"/gantry/shop/releases/${R}/compose.yml`
    )
    expect(step.stdin).toBe('services: {}\n# $(reboot)\n')
  })

  test('the registry password goes to --password-stdin and is marked secret', () => {
    const step = loginStep('127.0.0.1:5001', 'ci user', 's3cr3t')
    expect(step.script).toBe("docker login --username 'ci user' --password-stdin 127.0.0.1:5001")
    expect(step.script).not.toContain('s3cr3t')
    expect([step.stdin, step.secretStdin]).toEqual(['s3cr3t', true])
  })

  test('a path with spaces and quotes is one word', () => {
    const step = switchStep({ dir: "/srv/my app's", project: 'shop' }, R)
    const next = `'/srv/my app'\\''s/.current.${R}'`
    expect(step.script).toBe(
      `ln -sfn releases/${R} ${next} && mv -T ${next} '/srv/my app'\\''s/current'`
    )
  })

  test('the switch renames a new symlink over current: a reader never finds it missing', () => {
    const step = switchStep({ dir: '/srv/shop', project: 'shop' }, R)
    expect(step.script).toBe(
      `ln -sfn releases/${R} /srv/shop/.current.${R} && mv -T /srv/shop/.current.${R} /srv/shop/current`
    )
  })

  test('lock: atomic mkdir, owner on stdin; unlock only our own lock; break only the lock seen', () => {
    const lock = lockStep(layout, { token: 'abc', actor: "o'neil", version: '1.2.3' })
    expect(lock.script).toContain('if mkdir "$HOME"/gantry/shop/.lock 2>/dev/null; then')
    expect(lock.stdin).toBe(JSON.stringify({ token: 'abc', actor: "o'neil", version: '1.2.3' }))
    expect(unlockStep(layout, 'abc').script).toBe(
      `if grep -q '"token":"abc"' "$HOME"/gantry/shop/.lock/owner.json 2>/dev/null; then rm -rf "$HOME"/gantry/shop/.lock; fi`
    )
    expect(breakLockStep(layout, '1700000000').script).toBe(
      `if [ "$(cat "$HOME"/gantry/shop/.lock/since 2>/dev/null)" = 1700000000 ]; then rm -rf "$HOME"/gantry/shop/.lock; fi`
    )
  })

  test('status lists the project containers by label', () => {
    expect(statusStep(layout).script).toContain(
      'docker ps -aq --filter label=com.docker.compose.project=shop'
    )
  })

  test('the health URL is one quoted word for curl or wget', () => {
    expect(healthUrlStep('http://127.0.0.1:8080/health?a=1&b=$(id)').script).toBe(
      "if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null -m 5 'http://127.0.0.1:8080/health?a=1&b=$(id)'; else wget -q -O /dev/null -T 5 'http://127.0.0.1:8080/health?a=1&b=$(id)'; fi"
    )
  })

  test('prune removes the given releases, and never runs a host-wide image prune (test/unit/deploy/scripts.test.ts runs it)', () => {
    for (const script of [
      pruneStep(layout, ['a', 'b']).script,
      pruneStep(layout, []).script,
      pruneStep(layout, ['a'], 'docker compose').script
    ])
      expect(script).not.toMatch(/docker (image|system) prune/)
    expect(pruneStep(layout, ['a', 'b']).script.split('\n').at(-1)).toBe(
      'rm -rf "$HOME"/gantry/shop/releases/a "$HOME"/gantry/shop/releases/b'
    )
    expect(pruneStep(layout, ['a'], 'docker compose').script).toContain(
      'docker compose -f compose.yml config'
    )
  })
})

test('inspect is a valid sh script that reports compose, clock, current and releases', () => {
  const script = inspectStep({ dir: '/nonexistent/app', project: 'app' }).script
  const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' })
  expect(out).toMatch(/^compose=.*\nnow=\d+\n$/)
})
