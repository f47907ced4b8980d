/**
 * `gantry agent` as a user runs it: `check` on a real config file (secrets from files), `install`
 * writing the systemd unit into a directory, the log line formats; and `gantry agent` serving
 * for real on loopback until told to stop.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { identify } from '../../../src/agent/processes.js'
import { agentMain, eventLogger, secretReader } from '../../../src/agent/main.js'
import { systemdWord, unitFile } from '../../../src/agent/install.js'

let dir: string
let config: string
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const never = new Promise<string>(() => {})

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-agent-main-'))
  await writeFile(join(dir, 'agent.token'), 'token-0123456789abcdef\n')
  await writeFile(join(dir, 'hook.secret'), 'hook-secret-value\n')
  await writeFile(join(dir, 'compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
  config = join(dir, 'agent.yml')
  await writeFile(
    config,
    `listen: 127.0.0.1:0
state-dir: ${join(dir, 'state')}
token-file: agent.token
apps:
  shop:
    path: ${join(dir, 'srv', 'shop')}
    image: 127.0.0.1:5000/shop
    tags: [ 'v*' ]
    compose-file: compose.yml
    triggers:
      token: { secret-file: hook.secret }
`
  )
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function capture() {
  const out: string[] = []
  const err: string[] = []
  return { out, err, write: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) } }
}

describe('gantry agent check', () => {
  test('a valid file: one ok line, exit 0', async () => {
    const c = capture()
    expect(await agentMain(['check', '--config', config], {}, c.write)).toBe(0)
    expect(c.out.join('')).toBe(`ok: ${config}: 1 app(s): shop (compose, triggers token)\n`)
  })

  test('a missing secret file: named, exit 1, no value printed', async () => {
    const bad = join(dir, 'bad.yml')
    await writeFile(bad, (await readFile(config, 'utf8')).replace('hook.secret', 'missing.secret'))
    const c = capture()
    expect(await agentMain(['check', '--config', bad], {}, c.write)).toBe(1)
    expect(c.err.join('')).toContain('missing.secret does not exist')
    expect(c.err.join('')).not.toContain('token-0123456789abcdef')
  })

  test('an unknown flag is refused with the usage', async () => {
    const c = capture()
    expect(await agentMain(['check', '--confg', config], {}, c.write)).toBe(1)
    expect(c.err.join('')).toContain('Usage:')
  })

  test('secrets: one trailing newline dropped; an unset variable named', () => {
    const read = secretReader({ TOKEN: 'abc' })
    expect(read({ env: 'TOKEN' })).toBe('abc')
    expect(() => read({ env: 'NOPE' })).toThrow('the environment variable NOPE is not set')
  })
})

describe('gantry agent install', () => {
  test('writes gantry-agent.service as the spec says and prints what to run', async () => {
    const c = capture()
    const units = join(dir, 'units')
    const code = await agentMain(
      [
        'install',
        '--config',
        config,
        '--user',
        'deploy',
        '--unit-dir',
        units,
        '--bin',
        '/opt/gantry/cli.js'
      ],
      {},
      c.write
    )
    expect(code).toBe(0)
    const unit = await readFile(join(units, 'gantry-agent.service'), 'utf8')
    const lines = unit.split('\n')
    expect(lines).toEqual(
      expect.arrayContaining([
        'Type=simple',
        'User=deploy',
        'Group=docker',
        `ExecStart=${process.execPath} /opt/gantry/cli.js agent --config ${config}`,
        'Restart=on-failure',
        'ProtectSystem=strict',
        `ReadWritePaths=${join(dir, 'state')} ${join(dir, 'srv', 'shop')}`,
        'KillMode=mixed',
        'TimeoutStopSec=45'
      ])
    )
    const said = c.out.join('')
    expect(said).toContain(`wrote ${join(units, 'gantry-agent.service')}`)
    expect(said).toContain('systemctl daemon-reload && systemctl enable --now gantry-agent')
  })

  test('a user name that is not one is refused', async () => {
    const c = capture()
    expect(await agentMain(['install', '--config', config, '--user', 'a b'], {}, c.write)).toBe(1)
    expect(c.err.join('')).toContain('--user "a b"')
  })

  test('ExecStart words are quoted for systemd', () => {
    expect(systemdWord('/opt/my app/cli.js')).toBe('"/opt/my app/cli.js"')
    expect(systemdWord('100%')).toBe('100%%')
    const unit = unitFile({
      configFile: '/etc/gantry/agent.yml',
      config: { stateDir: '/var/lib/gantry agent', apps: [] },
      user: 'deploy',
      node: '/usr/bin/node',
      bin: '/usr/lib/gantry/cli.js'
    })
    expect(unit).toContain('ReadWritePaths="/var/lib/gantry agent"\n')
  })
})

describe('event log lines', () => {
  const at = Date.parse('2026-12-01T20:00:00.000Z')
  test('text: time, app, job, event, version, fields', () => {
    const lines: string[] = []
    const log = eventLogger(
      'text',
      (l) => lines.push(l),
      () => at
    )
    log({ event: 'running', app: 'shop', job: '3f2a', version: 'v2@sha256:ab12cd34ef56' })
    log({
      event: 'rejected',
      level: 'warn',
      app: 'shop',
      via: 'github',
      reason: 'signature does not match'
    })
    expect(lines).toEqual([
      '2026-12-01T20:00:00.000Z shop job 3f2a running v2@sha256:ab12cd34ef56\n',
      '2026-12-01T20:00:00.000Z WARN shop rejected via=github reason="signature does not match"\n'
    ])
  })
  test('json: one object per line', () => {
    const lines: string[] = []
    eventLogger(
      'json',
      (l) => lines.push(l),
      () => at
    )({ event: 'queued', app: 'shop', job: 'j' })
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      time: '2026-12-01T20:00:00.000Z',
      level: 'info',
      event: 'queued',
      app: 'shop',
      job: 'j'
    })
  })
})

describe('gantry agent (serving)', () => {
  test('listens on loopback, answers /healthz, stops on the signal with exit 0', async () => {
    const c = capture()
    let stop: (name: string) => void = () => {}
    let listening: (url: string) => void = () => {}
    const url = new Promise<string>((resolve) => (listening = resolve))
    const done = agentMain(['--config', config], {}, c.write, {
      stopSignal: new Promise((resolve) => (stop = resolve)),
      onListening: (u) => listening(u)
    })
    const base = await url
    const res = await fetch(`${base}/healthz`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', apps: 1 })
    const denied = await fetch(`${base}/apps`)
    expect(denied.status).toBe(401)
    stop('SIGTERM')
    expect(await done).toBe(0)
    const log = c.err.join('')
    expect(log).toMatch(/ listening /)
    expect(log).toMatch(/ stopping signal=SIGTERM /)
  })
})

describe('one agent per state directory', () => {
  /** A live process that is not this one, in its own group (as a step would be). */
  function otherProcess(ignoreTerm = false) {
    const child = spawn('sh', ['-c', `${ignoreTerm ? 'trap "" TERM; ' : ''}sleep 100 & wait`], {
      detached: true,
      stdio: 'ignore'
    })
    return child
  }

  test('a state directory another live agent holds: refused, the holder named, nothing touched', async () => {
    const state = join(dir, 'state')
    await mkdir(join(state, 'runs'), { recursive: true })
    const holder = otherProcess()
    try {
      const id = identify(holder.pid as number)
      await writeFile(join(state, 'agent.pid'), JSON.stringify(id) + '\n')
      const run = JSON.stringify({ job: 'aaaabbbbccccdddd', token: 't', startedAt: '', pid: 1 })
      await writeFile(join(state, 'runs', 'shop.json'), run)
      const before = (await readdir(state)).sort()
      const c = capture()
      expect(await agentMain(['--config', config], {}, c.write, { stopSignal: never })).toBe(1)
      expect(c.err.join('')).toContain(
        `another gantry agent (pid ${holder.pid}) is using the state directory ${state}`
      )
      expect((await readdir(state)).sort()).toEqual(before)
      expect(await readFile(join(state, 'runs', 'shop.json'), 'utf8')).toBe(run)
    } finally {
      holder.kill('SIGKILL')
      await rm(state, { recursive: true, force: true })
    }
  })

  test('the pid file of an agent that is gone does not block; the file goes when the agent stops', async () => {
    const state = join(dir, 'state')
    const gone = otherProcess()
    const id = identify(gone.pid as number)
    gone.kill('SIGKILL')
    await new Promise((r) => gone.once('exit', r))
    await mkdir(state, { recursive: true })
    await writeFile(join(state, 'agent.pid'), JSON.stringify(id) + '\n')
    const c = capture()
    let stop: (name: string) => void = () => {}
    let listening: (url: string) => void = () => {}
    const url = new Promise<string>((resolve) => (listening = resolve))
    const done = agentMain(['--config', config], {}, c.write, {
      stopSignal: new Promise((resolve) => (stop = resolve)),
      onListening: (u) => listening(u)
    })
    await url
    const held = JSON.parse(await readFile(join(state, 'agent.pid'), 'utf8')) as { pid: number }
    expect(held.pid).toBe(process.pid)
    stop('SIGTERM')
    expect(await done).toBe(0)
    expect(existsSync(join(state, 'agent.pid'))).toBe(false)
    await rm(state, { recursive: true, force: true })
  })
})

describe('a stop during recovery', () => {
  test('SIGTERM while recovery ends what a killed run left: the step finishes, the agent exits 0, the run file stays', async () => {
    const state = join(dir, 'state-stop')
    const conf = join(dir, 'agent-stop.yml')
    await writeFile(conf, (await readFile(config, 'utf8')).replace(join(dir, 'state'), state))
    // What a killed agent left running: a step that ignores SIGTERM (recovery waits, then kills).
    const left = spawn('sh', ['-c', 'trap "" TERM; sleep 100 & wait'], {
      detached: true,
      stdio: 'ignore'
    })
    try {
      await mkdir(join(state, 'runs'), { recursive: true })
      const runFile = join(state, 'runs', 'shop.json')
      await writeFile(
        runFile,
        JSON.stringify({
          job: 'aaaabbbbccccdddd',
          token: 'tok',
          before: 'v1',
          version: 'v2',
          startedAt: new Date().toISOString(),
          pid: 1,
          groups: [identify(left.pid as number)]
        })
      )
      const agent = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli/index.ts'), 'agent', '--config', conf],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] }
      )
      let log = ''
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        agent.once('exit', (code, signal) => resolve([code, signal]))
      )
      await new Promise<void>((resolve) =>
        agent.stderr.on('data', (d: Buffer) => {
          log += d.toString()
          if (log.includes('was interrupted')) resolve()
        })
      )
      agent.kill('SIGTERM')
      expect(await exited).toEqual([0, null])
      expect(log).toMatch(/stopping signal=SIGTERM during recovery/)
      expect(log).not.toMatch(/ listening /)
      expect(existsSync(runFile)).toBe(true)
      expect(existsSync(join(state, 'agent.pid'))).toBe(false)
    } finally {
      try {
        process.kill(-(left.pid as number), 'SIGKILL')
      } catch {
        // ended by the recovery
      }
      await rm(state, { recursive: true, force: true })
    }
  }, 30_000)
})
