/**
 * The exact remote commands of `target: swarm`, as Kamal's command tests assert them, and the two
 * that carry data run through a real /bin/sh with a stand-in `docker`: the env values reach
 * `docker stack deploy` verbatim and nothing in them runs.
 */
import { afterAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  readReleaseFileStep,
  readStackRecordsStep,
  serviceRollbackStep,
  stackDeployStep,
  stackStatusStep,
  swarmInspectStep
} from '../../../../src/core/deploy/remote.js'
import { parseStackRecords } from '../../../../src/core/deploy/swarm.js'
import { HOSTILE_VALUES } from '../../../fixtures/hostile.js'

const layout = { dir: '~/gantry/shop', project: 'shop' }
const R = '20261122T153000Z-1.3.57-ab12'
const scratch = mkdtempSync(join(tmpdir(), 'gantry-swarm-remote-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('swarm commands', () => {
  test('inspect: swarm state, whether stack deploy can detach, clock, current, releases', () => {
    expect(swarmInspectStep(layout).script).toBe(
      [
        `echo "swarm=$(docker info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>&1 | tail -n 1)"`,
        'if docker stack deploy --help 2>/dev/null | grep -q -e --detach; then echo detach=yes; fi',
        'echo "now=$(date +%s)"',
        'if [ -L "$HOME"/gantry/shop/current ]; then echo "current=$(basename "$(readlink "$HOME"/gantry/shop/current)")"; fi',
        `if [ -d "$HOME"/gantry/shop/releases ]; then ls -1 "$HOME"/gantry/shop/releases | sed 's/^/release=/'; fi`
      ].join('\n')
    )
  })

  test('stack deploy: from the release directory, env exported from stdin, registry auth handed on', () => {
    const step = stackDeployStep(layout, R, 'shop', { detach: true, env: 'IMAGE=r/shop:1\n' })
    expect(step.script).toBe(
      `cd "$HOME"/gantry/shop/releases/${R} && ` +
        'while IFS= read -r kv || [ -n "$kv" ]; do if [ -n "$kv" ]; then export "$kv" || exit 2; fi; done && ' +
        'docker stack deploy --detach=true --prune --with-registry-auth -c compose.yml shop'
    )
    expect(step.stdin).toBe('IMAGE=r/shop:1\n')
    expect(step.secretStdin).toBeUndefined()
    expect(
      stackDeployStep(layout, R, 'shop', { detach: false, env: '' }).script.endsWith(
        'docker stack deploy --prune --with-registry-auth -c compose.yml shop'
      )
    ).toBe(true)
  })

  test("status: service ls, then inspect and stack ps of the stack's services, in sections", () => {
    expect(stackStatusStep('shop').script).toBe(
      [
        'set -e',
        'echo "#services"',
        "docker service ls --filter label=com.docker.stack.namespace=shop --format '{{.Name}} {{.Replicas}}'",
        'ids=$(docker service ls -q --filter label=com.docker.stack.namespace=shop)',
        'echo "#inspect"',
        `if [ -n "$ids" ]; then docker service inspect --format '{{json .}}' $ids; fi`,
        'echo "#tasks"',
        `if [ -n "$ids" ]; then docker stack ps --no-trunc --format '{"id":{{json .ID}},"name":{{json .Name}},"image":{{json .Image}},"node":{{json .Node}},"desired":{{json .DesiredState}},"current":{{json .CurrentState}},"error":{{json .Error}}}' shop || true; fi`
      ].join('\n')
    )
  })

  test('rollback: each service to its previous spec, detached (Gantry follows it)', () => {
    expect(serviceRollbackStep(['shop_web', 'shop_worker']).script).toBe(
      'docker service rollback --detach --quiet shop_web && docker service rollback --detach --quiet shop_worker'
    )
  })

  test('a kept release file is read back, empty when missing', () => {
    expect(readReleaseFileStep(layout, R, '.env').script).toBe(
      `cat "$HOME"/gantry/shop/releases/${R}/.env 2>/dev/null || true`
    )
  })
})

/** A stand-in `docker` that prints its arguments and the HOSTILE_* / IMAGE variables it got. */
function fakeDocker(): string {
  const bin = join(scratch, 'bin')
  mkdirSync(bin, { recursive: true })
  writeFileSync(
    join(bin, 'docker'),
    '#!/usr/bin/env node\n' +
      'const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(HOSTILE_|IMAGE$|WITH_)/.test(k)))\n' +
      'console.log(JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd(), env }))\n'
  )
  chmodSync(join(bin, 'docker'), 0o755)
  return bin
}

describe('through /bin/sh', () => {
  const bin = fakeDocker()
  const dir = join(scratch, 'app')
  mkdirSync(join(dir, 'releases', R), { recursive: true })
  const sh = (script: string, input: string) =>
    spawnSync('/bin/sh', ['-c', script], {
      input,
      encoding: 'utf8',
      env: { PATH: `${bin}:${process.env.PATH}`, HOME: scratch }
    })

  test('hostile env values reach docker stack deploy verbatim, and run nothing', () => {
    const marker = '/tmp/gantry-pwned'
    rmSync(marker, { force: true })
    const values = HOSTILE_VALUES.filter((v) => !/\n/.test(v))
    const env =
      ['IMAGE=r/shop:1', 'WITH_EQUALS=a=b==c', ...values.map((v, i) => `HOSTILE_${i}=${v}`)].join(
        '\n'
      ) + '\n'
    const step = stackDeployStep({ dir, project: 'shop' }, R, 'shop', { detach: true, env })
    const result = sh(step.script, env)
    expect(result.stderr).toBe('')
    const seen = JSON.parse(result.stdout) as { args: string[]; cwd: string; env: object }
    expect(seen.args).toEqual([
      'stack',
      'deploy',
      '--detach=true',
      '--prune',
      '--with-registry-auth',
      '-c',
      'compose.yml',
      'shop'
    ])
    expect(seen.cwd).toBe(join(dir, 'releases', R))
    expect(seen.env).toEqual({
      IMAGE: 'r/shop:1',
      WITH_EQUALS: 'a=b==c',
      ...Object.fromEntries(values.map((v, i) => [`HOSTILE_${i}`, v]))
    })
    expect(existsSync(marker)).toBe(false)
  })

  test('a last line without a newline still counts; a bad name stops before docker runs', () => {
    const step = (env: string) =>
      stackDeployStep({ dir, project: 'shop' }, R, 'shop', { detach: false, env })
    const last = sh(step('IMAGE=r/shop:2').script, 'IMAGE=r/shop:2')
    expect((JSON.parse(last.stdout) as { env: object }).env).toEqual({ IMAGE: 'r/shop:2' })
    const bad = sh(step('').script, 'IMAGE=x\n1BAD=$(id)\n')
    expect(bad.status).not.toBe(0)
    expect(bad.stdout).toBe('')
  })

  test('stack records: one line per release that has a stack.json, read back by parseStackRecords', () => {
    const app = join(scratch, 'records')
    for (const [release, json] of [
      ['20261122T150000Z-1-aaaa', '{\n  "services": {"shop_web": "r/shop:1"}\n}\n'],
      ['20261122T160000Z-2-bbbb', undefined],
      ['20261122T170000Z-3-cccc', '{"services":{"shop_web":"r/shop:3"}}\n']
    ] as const) {
      mkdirSync(join(app, 'releases', release), { recursive: true })
      if (json) writeFileSync(join(app, 'releases', release, 'stack.json'), json)
    }
    const out = execFileSync(
      '/bin/sh',
      ['-c', readStackRecordsStep({ dir: app, project: 'shop' }).script],
      {
        encoding: 'utf8'
      }
    )
    expect(parseStackRecords(out)).toEqual([
      { release: '20261122T150000Z-1-aaaa', services: { shop_web: 'r/shop:1' } },
      { release: '20261122T170000Z-3-cccc', services: { shop_web: 'r/shop:3' } }
    ])
    const none = execFileSync(
      '/bin/sh',
      ['-c', readStackRecordsStep({ dir: join(scratch, 'nothing'), project: 'x' }).script],
      { encoding: 'utf8' }
    )
    expect(none).toBe('')
  })
})
