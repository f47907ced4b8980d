/**
 * A git app deployed by the agent for real on this machine: a real repository (file://), the
 * local step runner, git itself. The branch's head is what deploys; a pushed commit must be on
 * the branch, else the job fails before anything changes.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readlinkSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppConfig, JobRecord } from '../../../src/agent/contract.js'
import { createDeployer } from '../../../src/agent/deployer.js'

let dir: string
let first: string
let head: string
let side: string

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com'
    }
  }).trim()

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gantry-agent-git-'))
  const work = join(dir, 'work')
  execFileSync('git', ['init', '-q', '-b', 'main', work])
  execFileSync('sh', ['-c', 'echo one > index.html'], { cwd: work })
  git(work, 'add', '.')
  git(work, 'commit', '-qm', 'one')
  first = git(work, 'rev-parse', 'HEAD')
  execFileSync('sh', ['-c', 'echo two > index.html'], { cwd: work })
  git(work, 'commit', '-qam', 'two')
  head = git(work, 'rev-parse', 'HEAD')
  git(work, 'checkout', '-qb', 'side', first)
  execFileSync('sh', ['-c', 'echo side > index.html'], { cwd: work })
  git(work, 'commit', '-qam', 'side')
  side = git(work, 'rev-parse', 'HEAD')
  execFileSync('git', ['clone', '-q', '--bare', work, join(dir, 'shop.git')])
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const app = (): AppConfig => ({
  name: 'blog',
  target: 'git',
  strategy: 'recreate',
  inputs: {
    path: join(dir, 'srv', 'blog'),
    repository: `file://${join(dir, 'shop.git')}`,
    restart: 'true'
  },
  tags: [],
  branch: 'main',
  stepTimeoutMs: 60_000,
  triggers: { github: { secret: 'github-hook-secret' } },
  notify: []
})

const job = (commit: string): JobRecord => ({
  id: 'aaaa0000bbbb1111',
  app: 'blog',
  via: 'github',
  request: { kind: 'git', ref: 'refs/heads/main', commit },
  state: 'running',
  queuedAt: new Date().toISOString(),
  log: []
})

describe('git app on this machine', () => {
  const deployer = () =>
    createDeployer({ stateDir: join(dir, 'state'), configDir: dir, pollMs: 50 })

  test('resolve: the branch is its head, asked of the repository', async () => {
    expect(await deployer().resolve(app(), { kind: 'git', ref: 'refs/heads/main' })).toEqual({
      version: head.slice(0, 7),
      ref: head
    })
  })

  test('a pushed commit of another branch: the job fails, nothing is released', async () => {
    const result = await deployer().run(job(side), app(), () => {})
    expect(result).toMatchObject({
      state: 'failed',
      message: `commit ${side} is not on branch main (its head is ${head.slice(0, 7)})`
    })
    expect(existsSync(join(dir, 'srv', 'blog', 'current'))).toBe(false)
  })

  test('a pushed commit on the branch: the head deploys, current points at it', async () => {
    const d = deployer()
    // The build prints the run file: written before the run, with the step's process group.
    const withBuild = app()
    withBuild.inputs = {
      ...withBuild.inputs,
      // The agent names the group right after the spawn, while the step may already run: wait
      // (bounded) until it has.
      build:
        `f=${join(dir, 'state', 'runs', 'blog.json')}; for i in $(seq 50); do ` +
        `grep -q '"groups":\\[{' "$f" && break; sleep 0.1; done; cat "$f"; echo`
    }
    const lines: string[] = []
    const result = await d.run(job(first), withBuild, (l) => lines.push(l))
    const printed = lines.find((l) => l.includes('"token"')) ?? ''
    const runFile = JSON.parse(printed.trim()) as { job: string; groups: { pid: number }[] }
    expect(runFile.job).toBe('aaaa0000bbbb1111')
    expect(runFile.groups.length).toBeGreaterThan(0)
    expect(existsSync(join(dir, 'state', 'runs', 'blog.json'))).toBe(false)
    expect(result).toMatchObject({ state: 'succeeded', after: head.slice(0, 7) })
    const current = join(dir, 'srv', 'blog', 'current')
    expect(readlinkSync(current)).toMatch(new RegExp(`^releases/.*-${head.slice(0, 7)}-`))
    expect(readFileSync(join(current, 'index.html'), 'utf8')).toBe('two\n')
    expect((await d.status(app())).current).toBe(head.slice(0, 7))
  })
})
