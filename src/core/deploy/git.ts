/**
 * `target: git`, as data: every command a git release runs on a host, and the decisions taken
 * from what the host printed. Pure; src/deploy/targets/git.ts runs these steps.
 *
 * On the host, beside the shared layout (releases/<id>, current, .lock):
 *   repo/            a bare cache of the repository: each deploy fetches only what it lacks
 *   releases/<id>/   one exact commit, extracted from the cache (`git archive`): never a pull or a
 *                    merge in a live tree; REVISION holds the full commit id (as Capistrano's does)
 *   shared/          linked files and directories (`.env`, uploads, logs), symlinked into each release
 *   bad/<id>         a release that failed: automatic rollbacks and `rollback-to: previous` skip it
 *   revisions.log    the history, one JSON object per line: what ran, which commit, who, when
 *
 * The deploy key reaches the host on stdin only, is written to a file in a fresh 0700 temp dir
 * (umask 077), used by the fetch alone through GIT_SSH_COMMAND with the git server's host key
 * checked against the known_hosts given, and removed when the step ends, however it ends.
 */
import { quote, shellCommand } from '../../lib/shell.js'
import { parseInspect, type HostState } from './releases.js'
import { dirOf, switchStep, type AppLayout, type RemoteStep } from './remote.js'

export const REPO_CACHE = 'repo'
export const SHARED = 'shared'
export const BAD = 'bad'
export const HISTORY = 'revisions.log'
export const REVISION = 'REVISION'

const at = dirOf

/** Where the repository is and how to reach it. */
export interface GitSource {
  /** Any URL the host's git can fetch: `git@host:org/app.git`, `ssh://…`, `https://…`, a path. */
  repository: string
  /** known_hosts lines for the git server (SSH URLs): its host key is checked against these only. */
  knownHosts?: string
  /** A read-only deploy key (the private key's content): on stdin, for the fetch only. */
  key?: string
}

/** The short form of a commit id, as `version` and the outputs show it. */
export const shortCommit = (commit: string) => commit.slice(0, 7)

export const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/** Whether the repository is reached over SSH (`ssh://…` or scp-like `user@host:path`). */
export function isSshRepository(repository: string): boolean {
  if (/^(?:ssh|git\+ssh|ssh\+git):\/\//.test(repository)) return true
  // scp-like `[user@]host:path`: a colon before any slash, and no `scheme://`
  return !repository.includes('://') && /^[^/]+:/.test(repository)
}

/**
 * The git server's SSH options, for GIT_SSH_COMMAND: the key from the temp dir only (no agent,
 * no other identity), batch mode, the host key checked against the given known_hosts and no
 * other file. Git runs this through sh; $k is the temp dir.
 */
const SSH_COMMAND =
  'ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=\\"$k/known_hosts\\" ' +
  '-o GlobalKnownHostsFile=/dev/null -o IdentityAgent=none'

/**
 * A script running `commands` (git commands that reach the repository) with its credentials:
 * the known_hosts and the key (stdin) in a private temp dir, removed on exit, on a signal too.
 */
function withCredentials(
  source: GitSource,
  name: string,
  body: string[]
): Pick<RemoteStep, 'name' | 'script' | 'stdin' | 'secretStdin'> {
  const ssh = isSshRepository(source.repository)
  if (!ssh && source.key === undefined)
    return { name, script: ['export GIT_TERMINAL_PROMPT=0', ...body].join('\n') }
  const setup = [
    'umask 077',
    'k=$(mktemp -d "${TMPDIR:-/tmp}/gantry-git.XXXXXXXX") || exit 1',
    `trap 'rm -rf "$k"' EXIT`,
    `trap 'exit 129' HUP INT TERM`,
    'export GIT_TERMINAL_PROMPT=0'
  ]
  if (ssh) {
    const lines = (source.knownHosts ?? '').split('\n').filter((l) => l.trim())
    setup.push(`printf '%s\\n' ${lines.map(quote).join(' ')} > "$k/known_hosts"`)
  }
  const identity = source.key !== undefined ? ' -o IdentitiesOnly=yes -i \\"$k/key\\"' : ''
  if (source.key !== undefined) setup.push('cat > "$k/key"')
  if (ssh) setup.push(`export GIT_SSH_COMMAND="${SSH_COMMAND}${identity}"`)
  return {
    name,
    script: [...setup, ...body].join('\n'),
    ...(source.key !== undefined
      ? { stdin: source.key.endsWith('\n') ? source.key : `${source.key}\n`, secretStdin: true }
      : {})
  }
}

/** The refs `ref` may name, the way git itself prefers them: a tag before a branch. */
export function refCandidates(ref: string): string[] {
  return ref.startsWith('refs/') ? [ref] : [`refs/tags/${ref}`, `refs/heads/${ref}`]
}

/** Resolves a branch or tag to its commit, once, at the start: what every host then deploys. */
export function resolveStep(source: GitSource, ref: string): RemoteStep {
  return withCredentials(source, `resolve ${ref}`, [
    shellCommand(['git', 'ls-remote', '--', source.repository, ...refCandidates(ref)])
  ])
}

/** The commit `ref` names in `git ls-remote` output (an annotated tag's peeled commit). */
export function parseResolve(stdout: string, ref: string): { commit: string } | { error: string } {
  const refs = new Map<string, string>()
  for (const line of stdout.split('\n')) {
    const [sha, name] = line.trim().split('\t')
    if (sha && name && FULL_COMMIT.test(sha)) refs.set(name, sha)
  }
  for (const candidate of refCandidates(ref)) {
    const commit = refs.get(`${candidate}^{}`) ?? refs.get(candidate)
    if (commit) return { commit }
  }
  return { error: `no branch or tag named ${ref}` }
}

/**
 * Brings the commit into the host's cache: nothing to fetch when it is there already; else that
 * commit alone (protocol v2 servers serve any commit), else every branch and tag. Ends with the
 * commit in the cache, or fails saying it is not in the repository. A new cache is made beside
 * and renamed into place, so a failed first fetch leaves no half cache.
 */
export function fetchStep(layout: AppLayout, source: GitSource, commit: string): RemoteStep {
  const repo = at(layout, REPO_CACHE)
  const partial = at(layout, `.${REPO_CACHE}.partial`)
  const cmd = (...args: string[]) => `git --git-dir=${repo} ${shellCommand(args)}`
  const has = cmd('cat-file', '-e', `${commit}^{commit}`)
  const url = source.repository
  return {
    ...withCredentials(source, `fetch ${shortCommit(commit)}`, [
      'set -e',
      `mkdir -p ${at(layout)}`,
      `if [ ! -f ${repo}/HEAD ]; then rm -rf ${partial}; git init -q --bare ${partial}; mv -T ${partial} ${repo}; fi`,
      `if ! ${has} 2>/dev/null; then`,
      `  ${cmd('fetch', '-q', '--no-tags', '--', url, `+${commit}:refs/gantry/${commit}`)} 2>/dev/null ||`,
      `  ${cmd('fetch', '-q', '--prune', '--', url, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*')}`,
      'fi',
      `${has} 2>/dev/null || { echo ${quote(`commit ${commit} is not in ${url}`)} >&2; exit 1; }`
    ])
  }
}

/**
 * The release directory: the commit's tree from the cache (`git archive`, no .git, no local
 * changes possible), its REVISION, built beside and renamed into place in one step, so a
 * release directory is either complete or absent.
 */
export function checkoutStep(layout: AppLayout, release: string, commit: string): RemoteStep {
  const releases = at(layout, 'releases')
  const partial = at(layout, 'releases', `.${release}.partial`)
  const tar = at(layout, 'releases', `.${release}.tar`)
  return {
    name: `checkout ${shortCommit(commit)}`,
    script: [
      'set -e',
      `p=${partial}`,
      `t=${tar}`,
      `trap 'rm -rf "$p" "$t"' EXIT`,
      `mkdir -p ${releases}`,
      'rm -rf "$p" && mkdir "$p"',
      `git --git-dir=${at(layout, REPO_CACHE)} archive --format=tar -o "$t" ${quote(commit)}`,
      'tar -x -f "$t" -C "$p"',
      `printf '%s\\n' ${quote(commit)} > "$p"/${REVISION}`,
      `mv -T "$p" ${at(layout, 'releases', release)}`
    ].join('\n')
  }
}

/** A relative path inside the release: no `..`, not absolute, one line. */
export function isLinkablePath(path: string): boolean {
  const clean = path.replace(/\/+$/, '')
  return (
    clean !== '' &&
    !clean.startsWith('/') &&
    !/[\0\n\r]/.test(clean) &&
    clean.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  )
}

/**
 * Linked files and directories (Capistrano's linked_files / linked_dirs): each replaced in the
 * release by a symlink into shared/. A linked directory is created in shared/ when missing; a
 * linked file must exist there already (it holds what only the host has, such as `.env`).
 */
export function linkStep(
  layout: AppLayout,
  release: string,
  linked: { files: readonly string[]; dirs: readonly string[] }
): RemoteStep {
  const lines: string[] = ['set -e']
  const link = (path: string) => {
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.'
    const target = at(layout, 'releases', release, path)
    if (parent !== '.') lines.push(`mkdir -p ${at(layout, 'releases', release, parent)}`)
    lines.push(`rm -rf ${target}`, `ln -s ${at(layout, SHARED, path)} ${target}`)
  }
  for (const dir of linked.dirs.map((d) => d.replace(/\/+$/, ''))) {
    lines.push(`mkdir -p ${at(layout, SHARED, dir)}`)
    link(dir)
  }
  for (const file of linked.files) {
    const message = `linked file ${SHARED}/${file} is missing on the host: create it in ${layout.dir}/${SHARED}/ first`
    lines.push(`[ -e ${at(layout, SHARED, file)} ] || { echo ${quote(message)} >&2; exit 1; }`)
    link(file)
  }
  return { name: 'link shared files', script: lines.join('\n') }
}

/** The user's build command (their own shell), in the new release, before it goes live. */
export function buildStep(layout: AppLayout, release: string, command: string): RemoteStep {
  return { name: 'build', script: `cd ${at(layout, 'releases', release)} && ${command}` }
}

/** The compose target's atomic switch (remote.ts), named for the release it goes to. */
export function atomicSwitchStep(layout: AppLayout, release: string): RemoteStep {
  return { ...switchStep(layout, release), name: `switch current to ${release}` }
}

/** The user's restart command (their own shell), run in `current`. */
export function restartStep(layout: AppLayout, command: string): RemoteStep {
  return { name: 'restart', script: `cd ${at(layout, 'current')} && ${command}` }
}

/** Marks a release bad: automatic rollbacks and `rollback-to: previous` skip it from now on. */
export function markBadStep(layout: AppLayout, release: string): RemoteStep {
  return {
    name: `mark ${release} bad`,
    script: `mkdir -p ${at(layout, BAD)} && : > ${at(layout, BAD, release)}`,
    mayFail: true
  }
}

export interface HistoryEntry {
  /** ISO time. */
  at: string
  event: 'deployed' | 'failed' | 'rolled-back' | 'rollback'
  release: string
  commit: string
  /** The release `current` pointed at before. */
  previous?: string
  actor?: string
  runUrl?: string
  message?: string
}

/** Appends one line to the history (on stdin: data, never evaluated). */
export function historyStep(layout: AppLayout, entry: HistoryEntry): RemoteStep {
  return {
    name: `record ${entry.event}`,
    script: `mkdir -p ${at(layout)} && cat >> ${at(layout, HISTORY)}`,
    stdin: JSON.stringify(entry) + '\n',
    mayFail: true
  }
}

/** Removes old release directories and their bad marks. */
export function pruneGitStep(layout: AppLayout, releases: readonly string[]): RemoteStep {
  const paths = releases.flatMap((r) => [at(layout, 'releases', r), at(layout, BAD, r)])
  return {
    name: `prune ${releases.length} old release(s)`,
    script: releases.length ? `rm -rf ${paths.join(' ')}` : 'true',
    mayFail: true
  }
}

/**
 * A failed release that is not live: its directory goes at once (pruning runs only after a
 * success, and a host whose builds keep failing would fill its disk); its bad mark stays.
 */
export function discardGitReleaseStep(layout: AppLayout, release: string): RemoteStep {
  return {
    name: `discard the failed release ${release}`,
    script: `rm -rf ${at(layout, 'releases', release)}`,
    mayFail: true
  }
}

// ---------------------------------------------------------------------------------------------
// reading the host

/** Prints the clock, whether git is there, `current`, the releases with their commits, bad marks. */
export function gitInspectStep(layout: AppLayout): RemoteStep {
  const releases = at(layout, 'releases')
  return {
    name: 'inspect git releases',
    script: [
      `echo "now=$(date +%s)"`,
      `if command -v git >/dev/null 2>&1; then echo git=yes; fi`,
      `if [ -L ${at(layout, 'current')} ]; then echo "current=$(basename "$(readlink ${at(layout, 'current')})")"; fi`,
      `if [ -d ${releases} ]; then for d in ${releases}/*/; do [ -d "$d" ] || continue; r=$(basename "$d"); echo "release=$r"; ` +
        `if [ -f "$d"${REVISION} ]; then echo "revision=$r $(head -c 64 "$d"${REVISION})"; fi; done; fi`,
      `if [ -d ${at(layout, BAD)} ]; then for f in ${at(layout, BAD)}/*; do if [ -e "$f" ]; then echo "bad=$(basename "$f")"; fi; done; fi`
    ].join('\n')
  }
}

export interface GitHostState extends HostState {
  /** Release id → its full commit. */
  revisions: Record<string, string>
  /** Releases marked bad. */
  bad: string[]
}

export function parseGitInspect(stdout: string): GitHostState | { problem: string } {
  const base = parseInspect(stdout)
  const lines = stdout.split('\n').map((l) => l.trim())
  if (!lines.includes('git=yes')) return { problem: 'git is not installed on the host.' }
  const revisions: Record<string, string> = {}
  const bad: string[] = []
  for (const line of lines) {
    const revision = /^revision=(\S+) ([0-9a-f]{40,64})$/.exec(line)
    if (revision && base.releases.includes(revision[1] as string))
      revisions[revision[1] as string] = revision[2] as string
    const mark = /^bad=(\S+)$/.exec(line)
    if (mark) bad.push(mark[1] as string)
  }
  return { ...base, revisions, bad }
}

/**
 * The release to fall back on: the newest release older than `than` (default: the current one)
 * that is not marked bad. With `than` the new release, `current` itself comes first when good.
 */
export function previousGood(state: GitHostState, than?: string): string | undefined {
  const limit = than ?? state.current
  const index = limit ? state.releases.indexOf(limit) : state.releases.length
  const older = index < 0 ? state.releases : state.releases.slice(0, index)
  return older.filter((r) => !state.bad.includes(r)).at(-1)
}

/**
 * For an automatic rollback: `current` as it was if good, else the newest good one; never a
 * release of the commit that just failed (a deploy cut off midway may have left one current,
 * never found healthy).
 */
export function rollbackCandidate(state: GitHostState, failed?: string): string | undefined {
  const good = (r: string) => !state.bad.includes(r) && (!failed || state.revisions[r] !== failed)
  if (state.current && good(state.current)) return state.current
  const index = state.current ? state.releases.indexOf(state.current) : state.releases.length
  const older = index < 0 ? state.releases : state.releases.slice(0, index)
  return older.filter(good).at(-1)
}

/** `rollback-to: previous | <commit>`: a kept release, never a missing one. */
export function gitRollbackTarget(
  state: GitHostState,
  to: string
): { release: string } | { error: string } {
  if (to === 'previous') {
    if (!state.current) return { error: 'no current release on the host' }
    const release = previousGood(state)
    return release
      ? { release }
      : { error: `no good release before ${state.current} is kept on the host` }
  }
  const prefix = to.toLowerCase()
  const kept = state.releases.filter((r) => state.revisions[r]?.startsWith(prefix))
  const release = kept.at(-1)
  if (release) return { release }
  const have = state.releases
    .map((r) => state.revisions[r])
    .filter((c): c is string => Boolean(c))
    .map(shortCommit)
  return {
    error: `no release of commit ${to} is kept on the host (kept: ${have.join(', ') || 'none'})`
  }
}

/**
 * Whether `commit` is on the branch whose head is `head`, in the host's cache (fetchStep(head)
 * brought the head's whole history): exit 0 yes, 1 no. For a pushed commit the payload named:
 * the agent deploys the branch's head, never a commit only the payload vouches for.
 */
export function ancestorStep(layout: AppLayout, commit: string, head: string): RemoteStep {
  const git = (...args: string[]) => `git --git-dir=${at(layout, REPO_CACHE)} ${shellCommand(args)}`
  return {
    name: `verify ${shortCommit(commit)} is on the branch`,
    script: `${git('cat-file', '-e', `${commit}^{commit}`)} 2>/dev/null && ${git('merge-base', '--is-ancestor', commit, head)}`,
    mayFail: true
  }
}
