/**
 * `target: git` commands and decisions: the exact scripts (as Kamal's command tests assert
 * them), then the scripts themselves run by /bin/sh against a real local repository (git, tar,
 * symlinks: no SSH, no sandbox), hostile values included.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { mkdirSync, readdirSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  atomicSwitchStep,
  buildStep,
  checkoutStep,
  fetchStep,
  gitInspectStep,
  gitRollbackTarget,
  historyStep,
  isLinkablePath,
  isSshRepository,
  linkStep,
  markBadStep,
  parseGitInspect,
  parseResolve,
  previousGood,
  pruneGitStep,
  resolveStep,
  restartStep,
  rollbackCandidate,
  type GitHostState
} from '../../../../src/core/deploy/git.js'
import type { RemoteStep } from '../../../../src/core/deploy/remote.js'

const layout = { dir: '~/gantry/blog', project: 'blog' }
const C1 = '8c07984e97d66bc056cbc85a4b53d7acfa0b6d21'
const C2 = '66137efb7757a0350fd41662a32c100b5327d087'
const R1 = '20261201T100000Z-8c07984-ab12'
const R2 = '20261201T110000Z-66137ef-ab12'
const R3 = '20261201T120000Z-8fa9a9a-ab12'
const KEY =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----'
const KNOWN = '127.0.0.230 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGaZ'

describe('git release commands', () => {
  test('current is switched by renaming a new symlink over it', () => {
    expect(atomicSwitchStep(layout, R2).script).toBe(
      `ln -sfn releases/${R2} "$HOME"/gantry/blog/.current.${R2} && mv -T "$HOME"/gantry/blog/.current.${R2} "$HOME"/gantry/blog/current`
    )
  })

  test("build runs in the new release, restart in current: the user's own shell", () => {
    expect(buildStep(layout, R2, 'npm ci --omit=dev').script).toBe(
      `cd "$HOME"/gantry/blog/releases/${R2} && npm ci --omit=dev`
    )
    expect(restartStep(layout, 'supervisorctl restart blog').script).toBe(
      'cd "$HOME"/gantry/blog/current && supervisorctl restart blog'
    )
  })

  test('a bad mark is a file named after the release; pruning removes releases and marks', () => {
    expect(markBadStep(layout, R3).script).toBe(
      `mkdir -p "$HOME"/gantry/blog/bad && : > "$HOME"/gantry/blog/bad/${R3}`
    )
    expect(pruneGitStep(layout, [R1]).script).toBe(
      `rm -rf "$HOME"/gantry/blog/releases/${R1} "$HOME"/gantry/blog/bad/${R1}`
    )
    expect(pruneGitStep(layout, []).script).toBe('true')
  })

  test('the history is a JSON line on stdin, never part of the script', () => {
    const step = historyStep(layout, {
      at: '2026-12-01T12:00:00.000Z',
      event: 'deployed',
      release: R2,
      commit: C2,
      actor: "o'neil $(reboot)"
    })
    expect(step.script).toBe(
      'mkdir -p "$HOME"/gantry/blog && cat >> "$HOME"/gantry/blog/revisions.log'
    )
    expect(JSON.parse(step.stdin ?? '')).toMatchObject({ actor: "o'neil $(reboot)", commit: C2 })
  })

  test('resolve: ls-remote of the tag and branch names, the key on stdin only', () => {
    const step = resolveStep(
      { repository: 'git@github.com:acme/blog.git', knownHosts: KNOWN, key: KEY },
      'main'
    )
    expect(step.script).toBe(
      [
        'umask 077',
        'k=$(mktemp -d "${TMPDIR:-/tmp}/gantry-git.XXXXXXXX") || exit 1',
        `trap 'rm -rf "$k"' EXIT`,
        `trap 'exit 129' HUP INT TERM`,
        'export GIT_TERMINAL_PROMPT=0',
        `printf '%s\\n' '${KNOWN}' > "$k/known_hosts"`,
        'cat > "$k/key"',
        'export GIT_SSH_COMMAND="ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=\\"$k/known_hosts\\" -o GlobalKnownHostsFile=/dev/null -o IdentityAgent=none -o IdentitiesOnly=yes -i \\"$k/key\\""',
        'git ls-remote -- git@github.com:acme/blog.git refs/tags/main refs/heads/main'
      ].join('\n')
    )
    expect(step.script).not.toContain('BEGIN OPENSSH')
    expect([step.stdin, step.secretStdin]).toEqual([`${KEY}\n`, true])
  })

  test('a public https repository needs no key and no known_hosts', () => {
    const step = resolveStep({ repository: 'https://example.org/blog.git' }, 'v1.2')
    expect(step.script).toBe(
      'export GIT_TERMINAL_PROMPT=0\ngit ls-remote -- https://example.org/blog.git refs/tags/v1.2 refs/heads/v1.2'
    )
    expect(step.stdin).toBeUndefined()
  })

  test('fetch: nothing when the cache has the commit, else that commit, else every ref', () => {
    const step = fetchStep(
      layout,
      { repository: 'git@h:blog.git', knownHosts: KNOWN, key: KEY },
      C2
    )
    const body = step.script.split('\n').slice(8)
    const git = 'git --git-dir="$HOME"/gantry/blog/repo'
    expect(body).toEqual([
      'set -e',
      'mkdir -p "$HOME"/gantry/blog',
      'if [ ! -f "$HOME"/gantry/blog/repo/HEAD ]; then rm -rf "$HOME"/gantry/blog/.repo.partial; git init -q --bare "$HOME"/gantry/blog/.repo.partial; mv -T "$HOME"/gantry/blog/.repo.partial "$HOME"/gantry/blog/repo; fi',
      `if ! ${git} cat-file -e '${C2}^{commit}' 2>/dev/null; then`,
      `  ${git} fetch -q --no-tags -- git@h:blog.git +${C2}:refs/gantry/${C2} 2>/dev/null ||`,
      `  ${git} fetch -q --prune -- git@h:blog.git '+refs/heads/*:refs/heads/*' '+refs/tags/*:refs/tags/*'`,
      'fi',
      `${git} cat-file -e '${C2}^{commit}' 2>/dev/null || { echo 'commit ${C2} is not in git@h:blog.git' >&2; exit 1; }`
    ])
    expect(step.name).toBe('fetch 66137ef')
  })

  test('linked files must exist in shared/, linked directories are created', () => {
    const step = linkStep(layout, R2, { files: ['.env', 'config/db.yml'], dirs: ['log/'] })
    const rel = `"$HOME"/gantry/blog/releases/${R2}`
    expect(step.script.split('\n')).toEqual([
      'set -e',
      'mkdir -p "$HOME"/gantry/blog/shared/log',
      `rm -rf ${rel}/log`,
      `ln -s "$HOME"/gantry/blog/shared/log ${rel}/log`,
      `[ -e "$HOME"/gantry/blog/shared/.env ] || { echo 'linked file shared/.env is missing on the host: create it in ~/gantry/blog/shared/ first' >&2; exit 1; }`,
      `rm -rf ${rel}/.env`,
      `ln -s "$HOME"/gantry/blog/shared/.env ${rel}/.env`,
      `[ -e "$HOME"/gantry/blog/shared/config/db.yml ] || { echo 'linked file shared/config/db.yml is missing on the host: create it in ~/gantry/blog/shared/ first' >&2; exit 1; }`,
      `mkdir -p ${rel}/config`,
      `rm -rf ${rel}/config/db.yml`,
      `ln -s "$HOME"/gantry/blog/shared/config/db.yml ${rel}/config/db.yml`
    ])
  })

  test('paths to link stay inside the release', () => {
    expect(['.env', 'public/uploads', 'log/'].every(isLinkablePath)).toBe(true)
    expect(['../x', '/etc/passwd', 'a/../../b', '', 'a\nb', './x'].some(isLinkablePath)).toBe(false)
  })

  test('SSH repositories are told from the others', () => {
    expect(
      ['git@github.com:a/b.git', 'ssh://git@h:2222/a.git', 'h:repo.git'].map(isSshRepository)
    ).toEqual([true, true, true])
    expect(['https://h/a.git', '/srv/git/a.git', 'file:///srv/a.git'].map(isSshRepository)).toEqual(
      [false, false, false]
    )
  })
})

describe('git release decisions', () => {
  const inspect = [
    'now=1796140000',
    'git=yes',
    `current=${R2}`,
    `release=${R1}`,
    `revision=${R1} ${C1}`,
    `release=${R2}`,
    `revision=${R2} ${C2}`,
    `release=${R3}`,
    `revision=${R3} 8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2`,
    `bad=${R3}`,
    'release=.not-a-release',
    ''
  ].join('\n')
  const state = parseGitInspect(inspect) as GitHostState

  test('inspect: releases with their commits, the current one, the bad ones', () => {
    expect(state).toEqual({
      now: 1796140000,
      current: R2,
      releases: [R1, R2, R3],
      revisions: { [R1]: C1, [R2]: C2, [R3]: '8fa9a9a63a8c7af2f160ba51dbeeac3166bc97e2' },
      bad: [R3]
    })
    expect(parseGitInspect('now=1\n')).toEqual({ problem: 'git is not installed on the host.' })
  })

  test('previous good release skips bad ones; the automatic rollback keeps a good current', () => {
    expect(previousGood(state)).toBe(R1)
    expect(rollbackCandidate(state)).toBe(R2)
    const currentBad = { ...state, current: R3, bad: [R3, R2] }
    expect(rollbackCandidate(currentBad)).toBe(R1)
    expect(rollbackCandidate({ ...state, current: undefined, releases: [], bad: [] })).toBe(
      undefined
    )
  })

  test('rollback-to: previous, a commit or its prefix, or an error naming what is kept', () => {
    expect(gitRollbackTarget(state, 'previous')).toEqual({ release: R1 })
    expect(gitRollbackTarget(state, C1.slice(0, 7))).toEqual({ release: R1 })
    expect(gitRollbackTarget(state, C2.toUpperCase())).toEqual({ release: R2 })
    expect(gitRollbackTarget(state, 'deadbeef')).toEqual({
      error: 'no release of commit deadbeef is kept on the host (kept: 8c07984, 66137ef, 8fa9a9a)'
    })
    expect(gitRollbackTarget({ ...state, current: R1 }, 'previous')).toEqual({
      error: `no good release before ${R1} is kept on the host`
    })
  })

  test('resolve: a tag (peeled) before a branch; full refs as given', () => {
    const out = [
      `${C1}\trefs/heads/v1`,
      `${C2}\trefs/tags/v1`,
      `${C1}\trefs/tags/v1^{}`,
      `${C2}\trefs/heads/main`
    ].join('\n')
    expect(parseResolve(out, 'v1')).toEqual({ commit: C1 })
    expect(parseResolve(out, 'main')).toEqual({ commit: C2 })
    expect(parseResolve(out, 'refs/heads/v1')).toEqual({ commit: C1 })
    expect(parseResolve(out, 'nope')).toEqual({ error: 'no branch or tag named nope' })
  })
})

// ---------------------------------------------------------------------------------------------
// the scripts, run

describe('git release scripts under /bin/sh', () => {
  let root: string
  let bare: string
  let commits: string[]
  const gitEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 't',
    GIT_AUTHOR_EMAIL: 't@t',
    GIT_COMMITTER_NAME: 't',
    GIT_COMMITTER_EMAIL: 't@t'
  }
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim()
  const sh = (step: Pick<RemoteStep, 'script' | 'stdin'>) =>
    execFileSync('/bin/sh', ['-c', step.script], {
      input: step.stdin ?? '',
      env: gitEnv,
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe']
    })

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "gantry git 'unit' "))
    const work = join(root, 'work')
    mkdirSync(work)
    git(work, 'init', '-q', '-b', 'main')
    commits = []
    for (const version of ['v1', 'v2']) {
      writeFileSync(join(work, 'VERSION'), `${version}\n`)
      writeFileSync(join(work, '.env'), 'FROM_REPO=1\n')
      git(work, 'add', '-A')
      git(work, 'commit', '-q', '-m', `$(touch ${root}/pwned) \`reboot\` ${version}`)
      commits.push(git(work, 'rev-parse', 'HEAD'))
    }
    bare = join(root, 'origin.git')
    git(root, 'clone', '-q', '--bare', work, bare)
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  test('fetch, checkout, link, switch: a complete release, current renamed into place', () => {
    const app = { dir: join(root, "app's dir"), project: 'blog' }
    const source = { repository: bare }
    sh(fetchStep(app, source, commits[0] as string))
    sh(checkoutStep(app, R1, commits[0] as string))
    mkdirSync(join(app.dir, 'shared'))
    writeFileSync(join(app.dir, 'shared', '.env'), 'GREETING=hi\n')
    sh(linkStep(app, R1, { files: ['.env'], dirs: ['log'] }))
    sh(atomicSwitchStep(app, R1))
    const release = join(app.dir, 'releases', R1)
    expect(readFileSync(join(release, 'VERSION'), 'utf8')).toBe('v1\n')
    expect(readFileSync(join(release, 'REVISION'), 'utf8')).toBe(`${commits[0]}\n`)
    expect(readFileSync(join(release, '.env'), 'utf8')).toBe('GREETING=hi\n')
    expect(lstatSync(join(release, 'log')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(app.dir, 'current'))).toBe(`releases/${R1}`)
    expect(existsSync(join(release, '.git'))).toBe(false)

    // The second release comes from the cache; current moves over in one rename.
    sh(fetchStep(app, source, commits[1] as string))
    sh(checkoutStep(app, R2, commits[1] as string))
    sh(atomicSwitchStep(app, R2))
    expect(readFileSync(join(app.dir, 'current', 'VERSION'), 'utf8')).toBe('v2\n')
    expect(readdirSync(app.dir).sort()).toEqual(['current', 'releases', 'repo', 'shared'])
    expect(readdirSync(join(app.dir, 'releases')).sort()).toEqual([R1, R2])
    expect(existsSync(join(root, 'pwned'))).toBe(false)
  })

  test('a missing linked file fails naming it; a missing commit fails and leaves no release', () => {
    const app = { dir: join(root, 'app2'), project: 'blog' }
    sh(fetchStep(app, { repository: bare }, commits[0] as string))
    sh(checkoutStep(app, R1, commits[0] as string))
    expect(() => sh(linkStep(app, R1, { files: ['.env'], dirs: [] }))).toThrow(
      /linked file shared\/.env is missing on the host/
    )
    const missing = 'f'.repeat(40)
    expect(() => sh(fetchStep(app, { repository: bare }, missing))).toThrow(
      new RegExp(`commit ${missing} is not in`)
    )
    expect(() => sh(checkoutStep(app, R2, missing))).toThrow()
    expect(readdirSync(join(app.dir, 'releases'))).toEqual([R1])
  })

  test('the key file is private while the fetch runs and gone afterwards', () => {
    const app = { dir: join(root, 'app3'), project: 'blog' }
    // A repository "over SSH" whose ssh is a script reporting what it was given (GIT_SSH_COMMAND
    // is a shell command: its path has no spaces).
    const plain = mkdtempSync(join(tmpdir(), 'gantry-git-unit-'))
    const probe = join(plain, 'probe')
    const fakeSsh = join(plain, 'fake-ssh')
    writeFileSync(
      fakeSsh,
      `#!/bin/sh\nfor a; do case "$a" in */key) stat -c '%a %s' "$a" > ${JSON.stringify(probe)}; stat -c '%a' "$(dirname "$a")" >> ${JSON.stringify(probe)};; esac; done\nexit 1\n`,
      { mode: 0o755 }
    )
    const step = fetchStep(
      app,
      { repository: 'git@example.invalid:blog.git', knownHosts: KNOWN, key: KEY },
      commits[0] as string
    )
    const script = step.script.replace(
      'export GIT_SSH_COMMAND="ssh ',
      `export GIT_SSH_COMMAND="${fakeSsh} `
    )
    const tmp = join(root, 'tmp')
    mkdirSync(tmp)
    expect(() =>
      execFileSync('/bin/sh', ['-c', script], {
        input: step.stdin,
        env: { ...gitEnv, TMPDIR: tmp },
        stdio: ['pipe', 'pipe', 'pipe']
      })
    ).toThrow()
    const [file, dir] = readFileSync(probe, 'utf8').trim().split('\n')
    expect(file).toBe(`600 ${Buffer.byteLength(KEY) + 1}`)
    expect(dir).toBe('700')
    expect(readdirSync(tmp)).toEqual([])
    rmSync(plain, { recursive: true, force: true })
  })

  test('inspect prints what parseGitInspect reads', () => {
    const app = { dir: join(root, "app's dir"), project: 'blog' }
    sh(markBadStep(app, R1))
    const state = parseGitInspect(sh(gitInspectStep(app))) as GitHostState
    expect(state).toMatchObject({
      current: R2,
      releases: [R1, R2],
      revisions: { [R1]: commits[0], [R2]: commits[1] },
      bad: [R1]
    })
  })
})
