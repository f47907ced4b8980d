/**
 * The systemd unit `gantry agent install` writes, read back as systemd reads it: its ExecStart
 * words by systemd's quoting, specifier and variable rules (and, where this machine has
 * systemd-analyze, by systemd itself: `verify` with its debug dump of the parsed unit), its
 * stop semantics, and what a git app's build may write.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig } from '../../../src/agent/contract.js'
import { installUnit, unitFile, type UnitOptions } from '../../../src/agent/install.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-install-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const app = (name: string, target: AppConfig['target'], inputs: Record<string, string> = {}) =>
  ({ name, target, inputs }) as AppConfig

const options = (extra: Partial<UnitOptions> = {}): UnitOptions => ({
  configFile: '/etc/gantry/agent.yml',
  config: { stateDir: '/var/lib/gantry', apps: [app('shop', 'compose')] },
  user: 'deploy',
  node: process.execPath,
  bin: '/usr/lib/gantry/cli.js',
  home: '/home/deploy',
  ...extra
})

const setting = (unit: string, key: string) =>
  unit
    .split('\n')
    .filter((l) => l.startsWith(`${key}=`))
    .map((l) => l.slice(key.length + 1))

/**
 * ExecStart= as systemd reads it: words split on spaces, "…" and '…' quoted, backslash escapes, `%%` a `%` (any other `%x` a specifier), `$$` a `$` (any other `$` a variable).
 */
function execStartArgv(value: string): string[] {
  const words: string[] = []
  let word: string | undefined
  let quote: string | undefined
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string
    if (c === '\\') word = (word ?? '') + (value[++i] ?? '')
    else if (quote !== undefined && c === quote) quote = undefined
    else if (quote === undefined && (c === '"' || c === "'")) {
      quote = c
      word ??= ''
    } else if (quote === undefined && c === ' ') {
      if (word !== undefined) words.push(word)
      word = undefined
    } else word = (word ?? '') + c
  }
  if (quote !== undefined) throw new Error(`unbalanced quoting in ${value}`)
  if (word !== undefined) words.push(word)
  return words.map((w) => resolveDollars(resolvePercents(w)))
}
const resolvePercents = (w: string) =>
  w.replace(/%(.)/g, (_, c: string) => {
    if (c === '%') return '%'
    throw new Error(`specifier %${c} in ${w}`)
  })
const resolveDollars = (w: string) =>
  w.replace(/\$(\$|[A-Za-z_{])/g, (_, c: string) => {
    if (c === '$') return '$'
    throw new Error(`variable $${c}… in ${w}`)
  })

const hasAnalyze = spawnSync('systemd-analyze', ['--version']).status === 0

/** The unit as systemd loads it: the parsed ExecStart argv and ReadWritePaths from its dump. */
async function loadedBySystemd(unit: string) {
  const file = join(dir, 'gantry-agent.service')
  await writeFile(file, unit)
  const run = spawnSync('systemd-analyze', ['verify', file], {
    encoding: 'utf8',
    env: { ...process.env, SYSTEMD_LOG_LEVEL: 'debug' }
  })
  const output = `${run.stdout}${run.stderr}`
  const commandLine = /Command Line: (.*)/.exec(output)?.[1] ?? ''
  // The dump prints each word C-quoted, a `$` as `\$`; `$$` is still to be read as one `$`.
  const argv = execStartArgv(commandLine.replaceAll('%', '%%'))
  return {
    status: run.status,
    problems: output.split('\n').filter((l) => l.startsWith(`${file}:`)),
    argv,
    readWritePaths: /ReadWritePaths: (.*)/.exec(output)?.[1]
  }
}

describe('the unit file', () => {
  const odd = '/etc/gantry/100% $HOME "agent".yml'

  test('a config path with %, $, a space and quotes reaches the agent as it is', () => {
    const unit = unitFile(options({ configFile: odd, bin: '/opt/my $app/cli.js' }))
    const [execStart] = setting(unit, 'ExecStart')
    expect(execStartArgv(execStart ?? '')).toEqual([
      process.execPath,
      '/opt/my $app/cli.js',
      'agent',
      '--config',
      odd
    ])
  })

  ;(hasAnalyze ? test : test.skip)(
    'systemd-analyze verify accepts it and parses the same argv (systemd on this machine)',
    async () => {
      const unit = unitFile(
        options({
          configFile: odd,
          config: {
            stateDir: '/var/lib/gantry 100%',
            apps: [app('blog', 'git', { path: '/srv/blog' })]
          }
        })
      )
      const loaded = await loadedBySystemd(unit)
      expect(loaded.problems).toEqual([])
      expect(loaded.status).toBe(0)
      expect(loaded.argv).toEqual([
        process.execPath,
        '/usr/lib/gantry/cli.js',
        'agent',
        '--config',
        odd
      ])
      expect(loaded.readWritePaths).toBe(
        '/var/lib/gantry 100% /srv/blog -/home/deploy/.npm -/home/deploy/.cache'
      )
    }
  )

  test('a stop signals the agent alone, for longer than the running step’s grace', () => {
    const unit = unitFile(options())
    expect(setting(unit, 'KillMode')).toEqual(['mixed'])
    const timeout = Number(setting(unit, 'TimeoutStopSec')[0])
    // 30 s for the running step, 5 s between the agent's SIGTERM and SIGKILL to its group.
    expect(timeout).toBeGreaterThan(35)
    expect(timeout).toBeLessThanOrEqual(60)
  })

  test('sudo works in a restart command: no NoNewPrivileges', () => {
    expect(setting(unitFile(options()), 'NoNewPrivileges')).toEqual([])
  })

  test("a git app's build may write npm's and other tools' caches; a compose-only host needs none", () => {
    const git = unitFile(
      options({ config: { stateDir: '/var/lib/gantry', apps: [app('blog', 'git')] } })
    )
    expect(setting(git, 'ReadWritePaths')).toEqual([
      '/var/lib/gantry /home/deploy/gantry/blog -/home/deploy/.npm -/home/deploy/.cache'
    ])
    expect(setting(unitFile(options()), 'ReadWritePaths')).toEqual([
      '/var/lib/gantry /home/deploy/gantry/shop'
    ])
  })

  test('the printed install -d command makes every directory, each one a shell word', async () => {
    const lines = await installUnit({
      ...options({
        config: { stateDir: '/var/lib/gantry agent', apps: [app('blog', 'git')] }
      }),
      unitDir: join(dir, 'units')
    })
    const command = lines.find((l) => l.includes('install -d'))?.trim() ?? ''
    const words = execFileSync('sh', ['-c', `set -- ${command}; printf '%s\\n' "$@"`], {
      encoding: 'utf8'
    })
    expect(words.split('\n').slice(8, -1)).toEqual([
      '/var/lib/gantry agent',
      '/home/deploy/gantry/blog',
      '/home/deploy/.npm',
      '/home/deploy/.cache'
    ])
  })
})
