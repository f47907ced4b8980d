// The git server for `target: git`: its own sshd on its own loopback address and host key, a unix
// user `gantrygit` whose home holds bare repositories, and two client keys. The deploy key is
// read-only (a forced command lets through only git-upload-pack / git-upload-archive), as a
// GitHub deploy key without write access is; the push key may push (tests push to race a deploy
// or to add hostile refs). The demo repository `blog.git` holds the commits v1, v2 and broken of
// git-app/, built with fixed dates so their ids are the same on every machine.
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { GIT_HOST, SOURCE_DIR } from './config.js'
import { ensureSshd, fingerprint, knownHostsLine, layoutOf } from './hosts.js'
import { cleanEnv, run, stopProcess } from './lib/proc.js'
import { readJson, sha256, writeIfChanged, writeJsonAtomic } from './lib/util.js'

export const GIT_REPOSITORY = 'blog'
const GENERATOR = 2 // bump when the commits below change shape

export function gitLayout(L) {
  const base = layoutOf(GIT_HOST, L.git)
  return {
    ...base,
    repos: join(base.home, 'repos'),
    accessLog: join(base.home, 'access.log'),
    serveScript: join(L.git, 'serve'),
    deployKey: join(L.git, 'deploy_key'),
    pushKey: join(L.git, 'push_key'),
    work: join(L.git, 'work'),
    marker: join(L.git, 'repositories.json')
  }
}

// Run as the git user by sshd for every key (its forced command); `read` refuses pushes.
const SERVE = `#!/bin/sh
# Gantry sandbox git server (written by test/sandbox/git.js): $1 is read or write.
printf '%s %s %s\\n' "$(date +%s)" "$1" "$SSH_ORIGINAL_COMMAND" >> "$HOME/access.log"
case "$1:$SSH_ORIGINAL_COMMAND" in
  read:"git-upload-pack "*|read:"git-upload-archive "*|write:"git-"*) exec git-shell -c "$SSH_ORIGINAL_COMMAND" ;;
esac
echo "gantry sandbox: this key may not run: $SSH_ORIGINAL_COMMAND" >&2
exit 1
`

function sshdConfig(g) {
  return [
    `# Gantry sandbox git server (written by test/sandbox/git.js)`,
    `ListenAddress ${g.address}:${g.port}`,
    `HostKey ${g.hostKey}`,
    `PidFile ${g.sshdPid}`,
    `AuthorizedKeysFile ${g.authorizedKeys}`,
    `AllowUsers ${g.user}`,
    'PermitRootLogin no',
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'UsePAM no',
    'StrictModes no',
    'MaxStartups 100:30:200',
    'DisableForwarding yes',
    'PermitTTY no',
    'PrintMotd no',
    ''
  ].join('\n')
}

async function ensureKey(path, comment) {
  const pub = await readFile(`${path}.pub`, 'utf8').catch(() => null)
  if (pub) return pub
  await rm(path, { force: true })
  await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path])
  return readFile(`${path}.pub`, 'utf8')
}

async function userIds(user) {
  const { stdout } = await run('getent', ['passwd', user])
  const [, , uid, gid] = stdout.trim().split(':')
  return { uid: Number(uid), gid: Number(gid) }
}

/** Brings the git server up; `pids` holds and receives `git.sshd`. Its user exists already. */
export async function ensureGitServer(g, { pids, log, savePids }) {
  await mkdir(g.root, { recursive: true })
  await chmod(g.root, 0o755)
  await ensureKey(g.hostKey, `${g.name}.gantry-sandbox`)
  const deployPub = await ensureKey(g.deployKey, 'gantry-sandbox-deploy-key (read-only)')
  const pushPub = await ensureKey(g.pushKey, 'gantry-sandbox-push-key')
  await writeIfChanged(g.serveScript, SERVE, 0o755)
  await writeIfChanged(
    g.authorizedKeys,
    `restrict,command="${g.serveScript} read" ${deployPub.trim()}\n` +
      `restrict,command="${g.serveScript} write" ${pushPub.trim()}\n`
  )
  const hostPub = await readFile(`${g.hostKey}.pub`, 'utf8')
  await writeIfChanged(g.knownHostsFile, knownHostsLine(g, hostPub) + '\n')
  const ids = await userIds(g.user)
  await mkdir(g.repos, { recursive: true })
  await chown(g.repos, ids.uid, ids.gid)
  const commits = await ensureDemoRepository(g, ids, log)
  pids['git.sshd'] = await ensureSshd(g, pids['git.sshd'], {
    log,
    savePids,
    config: sshdConfig(g)
  })
  return commits
}

export const stopGitServer = (g, pids) => stopProcess(pids['git.sshd'], g.sshdConfig)

// ---------------------------------------------------------------------------------------------
// the demo repository

const gitEnv = (extra = {}) =>
  cleanEnv({
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Gantry Sandbox',
    GIT_AUTHOR_EMAIL: 'sandbox@gantry.invalid',
    GIT_COMMITTER_NAME: 'Gantry Sandbox',
    GIT_COMMITTER_EMAIL: 'sandbox@gantry.invalid',
    ...extra
  })

/** v1 and v2 on main, broken on its own branch after v2 (its /health answers 500). */
function demoCommits(app, build) {
  const files = (version, healthy) => ({
    'app.py': healthy ? app : app.replace('HEALTHY = True', 'HEALTHY = False'),
    'build.sh': build,
    VERSION: `${version}\n`
  })
  return [
    { name: 'v1', branch: 'main', message: 'v1: first release', files: files('v1', true) },
    { name: 'v2', branch: 'main', message: 'v2: second release', files: files('v2', true) },
    {
      name: 'broken',
      branch: 'broken',
      message: 'broken: /health answers 500',
      files: files('broken', false)
    }
  ]
}

/**
 * Builds `blog.git` unless the marker says the same sources were already built into it; returns
 * `{ v1, v2, broken }` commit ids. Refs tests pushed are kept when nothing changed.
 */
async function ensureDemoRepository(g, ids, log) {
  const app = await readFile(join(SOURCE_DIR, 'git-app', 'app.py'), 'utf8')
  const build = await readFile(join(SOURCE_DIR, 'git-app', 'build.sh'), 'utf8')
  const hash = sha256(JSON.stringify({ GENERATOR, app, build }))
  const bare = join(g.repos, `${GIT_REPOSITORY}.git`)
  const marker = await readJson(g.marker, null)
  const head = await run('git', ['--git-dir', bare, 'rev-parse', '--verify', 'refs/tags/v2'], {
    env: gitEnv(),
    allowFail: true
  })
  if (marker?.hash === hash && head.stdout.trim() === marker.commits?.v2) return marker.commits

  log(`git server: building ${GIT_REPOSITORY}.git (v1, v2, broken)`)
  const work = join(g.work, GIT_REPOSITORY)
  await rm(work, { recursive: true, force: true })
  await rm(bare, { recursive: true, force: true })
  await mkdir(work, { recursive: true })
  const git = (args, extra) => run('git', args, { cwd: work, env: gitEnv(extra) })
  await git(['init', '-q', '-b', 'main'])
  const commits = {}
  let time = Date.UTC(2026, 0, 1, 12) / 1000
  for (const c of demoCommits(app, build)) {
    if (c.branch !== 'main') await git(['checkout', '-q', '-B', c.branch])
    for (const [file, content] of Object.entries(c.files))
      await writeFile(join(work, file), content, { mode: file.endsWith('.sh') ? 0o755 : 0o644 })
    await git(['add', '-A'])
    const date = `@${(time += 3600)} +0000`
    await git(['commit', '-q', '-m', c.message], {
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date
    })
    commits[c.name] = (await git(['rev-parse', 'HEAD'])).stdout.trim()
    await git(['tag', c.name])
  }
  await git(['checkout', '-q', 'main'])
  await run('git', ['clone', '-q', '--bare', '--no-local', work, bare], { env: gitEnv() })
  await run('git', ['--git-dir', bare, 'remote', 'remove', 'origin'], { env: gitEnv() })
  await run('chown', ['-R', `${ids.uid}:${ids.gid}`, bare])
  await rm(work, { recursive: true, force: true })
  await writeJsonAtomic(g.marker, { hash, commits })
  return commits
}

/** The `git` entry of the description. */
export async function describeGit(g, commits) {
  const hostPub = await readFile(`${g.hostKey}.pub`, 'utf8')
  const url = `${g.user}@${g.address}:repos/${GIT_REPOSITORY}.git`
  return {
    host: {
      name: g.name,
      address: g.address,
      port: g.port,
      user: g.user,
      knownHosts: knownHostsLine(g, hostPub),
      knownHostsFile: g.knownHostsFile,
      fingerprint: fingerprint(hostPub)
    },
    deployKey: {
      privateKeyPath: g.deployKey,
      publicKey: (await readFile(`${g.deployKey}.pub`, 'utf8')).trim()
    },
    pushKey: { privateKeyPath: g.pushKey },
    accessLog: g.accessLog,
    repositories: {
      [GIT_REPOSITORY]: {
        url,
        sshUrl: `ssh://${g.user}@${g.address}/~/repos/${GIT_REPOSITORY}.git`,
        path: join(g.repos, `${GIT_REPOSITORY}.git`),
        defaultBranch: 'main',
        commits
      }
    }
  }
}
