/**
 * `target: git` acceptance, through the real ssh-deploy bundle against the sandbox: its git
 * server over SSH (host key checked, read-only deploy key), the demo repository blog.git (v1, v2,
 * broken), and each host's own supervisord running the app from `current`. No mocks.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readSandbox } from '../sandbox/description.js'
import type { SandboxDeployHost } from '../sandbox/description.js'
import { onHost as onHostAs } from '../harness/hosts.js'
import { runAction, secretLeaks, type RunResult } from '../harness/run-action.js'
import { atomicSwitchStep } from '../../src/core/deploy/git.js'

const sandbox = readSandbox()
const hosts = sandbox.hosts.slice(0, 3)
const KEY = readFileSync(sandbox.ssh.privateKeyPath, 'utf8')
const DEPLOY_KEY = readFileSync(sandbox.git.deployKey.privateKeyPath, 'utf8')
const repo = sandbox.git.repositories.blog
const { v1, v2, broken } = repo.commits
const short = (c: string) => c.slice(0, 7)
const workspace = mkdtempSync(join(tmpdir(), 'gantry-git-deploy-'))
const shq = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`
const onHost = (host: SandboxDeployHost, script: string) => onHostAs(sandbox, host, script)
const ctl = (h: SandboxDeployHost) => h.supervisor?.ctl as string

function deploy(inputs: Record<string, string>, list = hosts): Promise<RunResult> {
  return runAction('ssh-deploy', {
    cwd: workspace,
    timeoutMs: 170_000,
    actor: 'octocat',
    inputs: {
      hosts: list.map((h) => `${h.user}@${h.address}`).join('\n'),
      key: KEY,
      'known-hosts': list.map((h) => h.knownHosts).join('\n'),
      app: 'blog',
      target: 'git',
      repository: repo.url,
      'repository-key': DEPLOY_KEY,
      'repository-known-hosts': sandbox.git.host.knownHosts,
      build: 'sh build.sh',
      restart: hosts[0]?.supervisor?.restart as string,
      'linked-files': '.env',
      'linked-dirs': 'log',
      'health-url': 'http://{host}:8080/health',
      'health-timeout': '15s',
      ...inputs
    }
  })
}

function expectExit(r: RunResult, code: number) {
  if (r.exitCode !== code)
    throw new Error(`exit code ${r.exitCode}, expected ${code}; log:\n${r.stdout}\n${r.stderr}`)
}

async function get(host: SandboxDeployHost, path: string): Promise<string> {
  try {
    const res = await fetch(`${host.appUrl}${path}`, { signal: AbortSignal.timeout(3000) })
    return `${res.status} ${await res.text()}`
  } catch (error) {
    return `unreachable (${(error as Error).message})`
  }
}

/** The app binds each host's APP_ADDR, as the compose demo does: nothing else may hold it. */
function clearHosts() {
  for (const h of hosts)
    onHost(
      h,
      `${ctl(h)} stop blog >/dev/null 2>&1; ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; rm -rf ~/gantry/blog; ` +
        `mkdir -p ~/gantry/blog/shared && printf 'GREETING=hello from %s\\n' "$GANTRY_SANDBOX_HOST" > ~/gantry/blog/shared/.env`
    )
}

afterAll(() => {
  for (const h of hosts) onHost(h, `${ctl(h)} stop blog >/dev/null 2>&1; rm -rf ~/gantry/blog`)
  rmSync(workspace, { recursive: true, force: true })
})

describe('git releases on three hosts', () => {
  beforeAll(clearHosts)

  test('1. v1, then v2 (a tag, resolved once): every host serves the new commit', async () => {
    const first = await deploy({ commit: v1 })
    expectExit(first, 0)
    expect(first.outputs).toMatchObject({ version: short(v1), 'previous-version': '' })
    for (const h of hosts) {
      expect(await get(h, '/version')).toBe('200 v1')
      expect(await get(h, '/greeting')).toBe(`200 hello from ${h.name}`) // the linked .env
    }

    const second = await deploy({ commit: 'v2' })
    expectExit(second, 0)
    expect(second.stdout).toContain(`v2 is commit ${v2} (resolved once`)
    expect(second.outputs).toMatchObject({
      version: short(v2),
      'previous-version': short(v1),
      'rolled-back': 'false'
    })
    expect(second.summary).toContain(`| ${short(v1)} → ${short(v2)} |`)
    for (const h of hosts) {
      expect(await get(h, '/version')).toBe('200 v2')
      expect(await get(h, '/revision')).toBe(`200 ${v2}`)
      expect(await get(h, '/build')).toBe('200 built v2')
    }
  }, 180_000)

  test('2. broken: every host is back on v2 and healthy, the step fails, the summary says rolled back', async () => {
    const r = await deploy({ commit: 'broken', 'health-timeout': '6s' })
    expectExit(r, 1)
    expect(r.outputs).toMatchObject({ version: short(v2), 'rolled-back': 'true' })
    expect(JSON.parse(r.outputs['hosts-failed'] as string)).toHaveLength(3)
    expect(r.summary).toContain('rolled back')
    expect(r.summary).toContain(`${short(v2)} → ${short(broken)} ↩ ${short(v2)}`)
    for (const h of hosts) {
      expect(await get(h, '/version')).toBe('200 v2')
      expect(await get(h, '/health')).toBe('200 ok v2')
      // the failed release is marked bad
      expect(onHost(h, 'ls ~/gantry/blog/bad').trim()).toMatch(new RegExp(`-${short(broken)}-`))
    }
  }, 180_000)

  test('3. rollback-to: previous brings v1 back (past the bad release); the history shows who and when', async () => {
    const r = await deploy({ 'rollback-to': 'previous' })
    expectExit(r, 0)
    expect(r.outputs).toMatchObject({ version: short(v1), 'previous-version': short(v2) })
    for (const h of hosts) expect(await get(h, '/version')).toBe('200 v1')
    const history = onHost(hosts[0] as SandboxDeployHost, 'cat ~/gantry/blog/revisions.log')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>)
    expect(history.map((e) => [e.event, e.commit])).toEqual([
      ['deployed', v1],
      ['deployed', v2],
      ['failed', broken],
      ['rolled-back', v2],
      ['rollback', v1]
    ])
    for (const e of history) {
      expect(e.actor).toBe('octocat')
      expect(Date.now() - Date.parse(e.at as string)).toBeLessThan(600_000)
    }
    // and by commit id (a prefix), forward again
    const again = await deploy({ 'rollback-to': short(v2) })
    expectExit(again, 0)
    for (const h of hosts) expect(await get(h, '/version')).toBe('200 v2')
  }, 180_000)

  test('6. the deploy key never appears in the log and is gone from the hosts afterwards', async () => {
    // A fresh cache, so this run fetches over SSH with the key.
    for (const h of hosts) onHost(h, 'rm -rf ~/gantry/blog/repo')
    const before = readFileSync(sandbox.git.accessLog, 'utf8').length
    const r = await deploy({ commit: v2 })
    expectExit(r, 0)
    const keyLines = DEPLOY_KEY.trim().split('\n').slice(1, -1)
    expect(secretLeaks(r, keyLines)).toEqual([])
    const fetched = readFileSync(sandbox.git.accessLog, 'utf8').slice(before).trim().split('\n')
    expect(fetched.length).toBeGreaterThanOrEqual(hosts.length)
    expect(fetched.every((l) => / read git-upload-pack 'repos\/blog\.git'$/.test(l))).toBe(true)
    const probe = keyLines[1] as string
    for (const h of hosts) {
      const left = onHost(
        h,
        `ls -d "\${TMPDIR:-/tmp}"/gantry-git.* 2>/dev/null; grep -rlF -e ${shq(probe)} ~ 2>/dev/null; true`
      )
      expect(left.trim()).toBe('')
    }
  }, 180_000)
})

describe('4. current during 50 switches', () => {
  test('a reader looping on a file of current never finds it missing or mixed', () => {
    const h = hosts[0] as SandboxDeployHost
    const layout = { dir: '~/gantry/switch-test', project: 'switch-test' }
    // Two releases whose file is large enough that a half-written or mixed read would show.
    const setup = [
      'set -e',
      'rm -rf ~/gantry/switch-test && mkdir -p ~/gantry/switch-test/releases/a ~/gantry/switch-test/releases/b',
      "head -c 65536 /dev/zero | tr '\\0' a > ~/gantry/switch-test/releases/a/page",
      "head -c 65536 /dev/zero | tr '\\0' b > ~/gantry/switch-test/releases/b/page",
      'ln -s releases/a ~/gantry/switch-test/current'
    ].join('\n')
    onHost(h, setup)
    const a = atomicSwitchStep(layout, 'a').script
    const b = atomicSwitchStep(layout, 'b').script
    const reader =
      'n=0; bad=0; while [ ! -e ~/gantry/switch-test/done ]; do ' +
      'v=$(cat ~/gantry/switch-test/current/page 2>&1 | md5sum | cut -c1-8); n=$((n+1)); ' +
      'case "$v" in "$A"|"$B") ;; *) bad=$((bad+1));; esac; done; echo "reads=$n bad=$bad"'
    const script = [
      `A=$(head -c 65536 /dev/zero | tr '\\0' a | md5sum | cut -c1-8)`,
      `B=$(head -c 65536 /dev/zero | tr '\\0' b | md5sum | cut -c1-8)`,
      `( ${reader} ) > ~/gantry/switch-test/reader.out &`,
      'sleep 0.2',
      `i=0; while [ $i -lt 25 ]; do ${b}; sleep 0.01; ${a}; sleep 0.01; i=$((i+1)); done`,
      'touch ~/gantry/switch-test/done; wait',
      'cat ~/gantry/switch-test/reader.out; readlink ~/gantry/switch-test/current',
      'rm -rf ~/gantry/switch-test'
    ].join('\n')
    const out = onHost(h, script).trim().split('\n')
    const [, reads, bad] = /reads=(\d+) bad=(\d+)/.exec(out[0] as string) ?? []
    expect(Number(reads)).toBeGreaterThan(20)
    expect(Number(bad)).toBe(0)
    expect(out[1]).toBe('releases/a')
  }, 60_000)
})

describe('5. a push between the start and the fetch', () => {
  const branch = `race-${Date.now()}`
  const marks = mkdtempSync(join(tmpdir(), 'gantry-race-'))
  chmodSync(marks, 0o777)
  const clone = mkdtempSync(join(tmpdir(), 'gantry-race-clone-'))
  const pushEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'racer',
    GIT_AUTHOR_EMAIL: 'r@r',
    GIT_COMMITTER_NAME: 'racer',
    GIT_COMMITTER_EMAIL: 'r@r',
    GIT_SSH_COMMAND: `ssh -i ${sandbox.git.pushKey.privateKeyPath} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${sandbox.git.host.knownHostsFile}`
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: clone, env: pushEnv, encoding: 'utf8' }).trim()
  const commitOnTop = (label: string) => {
    writeFileSync(join(clone, 'RACE'), `${label}\n`)
    git('add', 'RACE')
    git('commit', '-q', '-m', label)
    return git('rev-parse', 'HEAD')
  }
  const two = hosts.slice(0, 2)
  const path = `~/gantry/race-${branch}`
  afterAll(() => {
    git('push', '-q', repo.url, `:refs/heads/${branch}`)
    for (const h of two) onHost(h, `rm -rf ${path}`)
    rmSync(marks, { recursive: true, force: true })
    rmSync(clone, { recursive: true, force: true })
  })

  test('does not change what this run deploys', async () => {
    git('clone', '-q', repo.url, '.')
    const first = commitOnTop('first')
    git('push', '-q', repo.url, `HEAD:refs/heads/${branch}`)
    // Host 1 builds (after its fetch) until told the push landed; host 2 starts after it.
    const build = `touch ${marks}/building; i=0; while [ ! -e ${marks}/pushed ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done`
    const run = deploy(
      {
        commit: branch,
        path,
        build,
        restart: '',
        'linked-files': '',
        'linked-dirs': '',
        'health-url': '',
        'max-parallel': '1'
      },
      two
    )
    const deadline = Date.now() + 60_000
    while (!existsSync(join(marks, 'building')) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100))
    const second = commitOnTop('second')
    git('push', '-q', repo.url, `HEAD:refs/heads/${branch}`)
    writeFileSync(join(marks, 'pushed'), '')
    const r = await run
    expectExit(r, 0)
    expect(second).not.toBe(first)
    expect(r.outputs.version).toBe(short(first))
    for (const h of two)
      expect(onHost(h, `cat ${path}/current/REVISION ${path}/current/RACE`).trim()).toBe(
        `${first}\nfirst`
      )
  }, 180_000)
})

describe('7. hostile commit messages, branch names and paths are data', () => {
  const tag = Date.now().toString(36)
  const pwned = `/tmp/gantry-pwned-${tag}`
  const branch = `x$(touch\${IFS}${pwned}-branch)\`touch\${IFS}${pwned}-tick\``
  const clone = mkdtempSync(join(tmpdir(), 'gantry-hostile-clone-'))
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: `$(touch ${pwned}-author)`,
    GIT_AUTHOR_EMAIL: 'a@a',
    GIT_COMMITTER_NAME: "'; touch x; '",
    GIT_COMMITTER_EMAIL: 'c@c',
    GIT_SSH_COMMAND: `ssh -i ${sandbox.git.pushKey.privateKeyPath} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${sandbox.git.host.knownHostsFile}`
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: clone, env, encoding: 'utf8' }).trim()
  const h = hosts[0] as SandboxDeployHost
  const path = `~/gantry/hostile 'app' $(touch ${pwned}-path)`
  const dir = `"$HOME"/${shq(`gantry/hostile 'app' $(touch ${pwned}-path)`)}`
  afterAll(() => {
    git('push', '-q', repo.url, `:refs/heads/${branch}`)
    onHost(h, `rm -rf ${dir}`)
    rmSync(clone, { recursive: true, force: true })
  })

  test('nothing runs that should not', async () => {
    git('clone', '-q', repo.url, '.')
    const file = `we'ird $(touch pwned-${tag}) \`touch pwned-${tag}\`.txt`
    writeFileSync(join(clone, file), 'data\n')
    git('add', '-A')
    git('commit', '-q', '-m', `$(touch ${pwned}-msg) \`touch ${pwned}-msg2\` "; touch ${pwned}-q`)
    const commit = git('rev-parse', 'HEAD')
    git('push', '-q', repo.url, `HEAD:refs/heads/${branch}`)
    const r = await deploy(
      {
        commit: branch,
        path,
        restart: '',
        'linked-files': '',
        'linked-dirs': '',
        'health-url': ''
      },
      [h]
    )
    expectExit(r, 0)
    expect(r.outputs.version).toBe(short(commit))
    expect(onHost(h, `cat ${dir}/current/REVISION`).trim()).toBe(commit)
    expect(onHost(h, `ls ${dir}/current/`)).toContain(file)
    expect(onHost(h, `find ~ -name 'pwned-*'`).trim()).toBe('')
    const marks = execFileSync('sh', ['-c', `ls -d ${pwned}* 2>/dev/null; true`], {
      encoding: 'utf8'
    })
    expect(marks.trim()).toBe('')
  }, 180_000)
})
