import { expect, test } from '@jest/globals'
import { healthProbeStep, statusStep } from '../../../../src/core/deploy/remote.js'
import { evaluateWithProbes, parseStatus } from '../../../../src/core/deploy/releases.js'

const ID = 'e'.repeat(64)

test('status reads each container’s state and, where it has one, its health check as argv', () => {
  expect(
    parseStatus(
      [
        `web running starting 0 ${ID} ["CMD-SHELL","curl -f http://localhost/ || exit 1"]`,
        `api running healthy 0 ${ID} ["CMD","/bin/check","--fast"]`,
        `none running none 0 ${ID} null`,
        `off running none 0 ${ID} ["NONE"]`,
        `junk running starting 0 ${ID} ["CMD-SHELL"`,
        'old exited none 1',
        ''
      ].join('\n')
    )
  ).toEqual([
    {
      service: 'web',
      state: 'running',
      health: 'starting',
      exitCode: 0,
      id: ID,
      check: ['/bin/sh', '-c', 'curl -f http://localhost/ || exit 1']
    },
    {
      service: 'api',
      state: 'running',
      health: 'healthy',
      exitCode: 0,
      id: ID,
      check: ['/bin/check', '--fast']
    },
    { service: 'none', state: 'running', health: 'none', exitCode: 0, id: ID },
    { service: 'off', state: 'running', health: 'none', exitCode: 0, id: ID },
    { service: 'junk', state: 'running', health: 'starting', exitCode: 0, id: ID },
    { service: 'old', state: 'exited', health: 'none', exitCode: 1 }
  ])
})

test('one docker inspect gives the state and the checks, a container without a check as null', () => {
  expect(statusStep({ dir: '~/gantry/shop', project: 'shop' }).script).toBe(
    `ids=$(docker ps -aq --filter label=com.docker.compose.project=shop) && if [ -n "$ids" ]; then docker inspect --format '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}} {{.Id}} {{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{else}}null{{end}}' $ids; fi`
  )
})

test('a health check runs in its container, quoted, at most 10 s, its exit code the answer', () => {
  const step = healthProbeStep({
    id: ID,
    service: 'web',
    argv: ['/bin/sh', '-c', 'curl -f "$URL" || exit 1']
  })
  const exec = `docker exec ${ID} /bin/sh -c 'curl -f "$URL" || exit 1'`
  expect(step).toEqual({
    name: 'health check web',
    script: `if command -v timeout >/dev/null 2>&1; then timeout 10 ${exec}; else ${exec}; fi`,
    mayFail: true
  })
})

test('early health: every starting container must pass its check; a failure is still Docker’s to call', () => {
  const c = (service: string, state: string, health: string) => ({
    service,
    state,
    health,
    exitCode: 0
  })
  const both = [c('web', 'running', 'starting'), c('db', 'running', 'healthy')]
  expect(evaluateWithProbes(both, new Set(['web']))).toEqual({
    health: 'up',
    detail: 'web answers its health check, db healthy'
  })
  expect(evaluateWithProbes(both, new Set()).health).toBe('waiting')
  expect(
    evaluateWithProbes(
      [c('web', 'running', 'starting'), c('db', 'restarting', 'none')],
      new Set(['web'])
    ).health
  ).toBe('failed')
  expect(
    evaluateWithProbes(
      [c('web', 'running', 'starting'), c('db', 'created', 'none')],
      new Set(['web'])
    ).health
  ).toBe('waiting')
})
