#!/usr/bin/env node
// `target: git` wall time to 1 and 5 sandbox hosts: ssh-deploy (every host in parallel: fetch
// the exact commit into the host's cache, its own release directory, atomic switch, restart
// under supervisord, health checked, locked) against the naive way the reference setups use, a
// sequential loop of OpenSSH `ssh host "cd app && git pull && supervisorctl restart app"` (an
// in-place pull, no health check, no way back). Each timed run is an upgrade v1 → v2 of the
// sandbox's demo repository on hosts already running v1, so both fetch only what is new.
// Needs root and the sandbox; brings it to 5 hosts (if fewer) and back.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { onHost } from '../test/harness/hosts.js'
import { withHosts } from './sandbox.mjs'

const ROOT = join(import.meta.dirname, '..')
const { sandbox: sb, restore } = withHosts(5)
const key = readFileSync(sb.ssh.privateKeyPath, 'utf8')
const deployKey = readFileSync(sb.git.deployKey.privateKeyPath, 'utf8')
const repo = sb.git.repositories.blog
const { v1, v2 } = repo.commits
const work = mkdtempSync(join(tmpdir(), 'gantry-bench-git-'))
const ssh = (h, script, input) => onHost(sb, h, script, input)
const restart = sb.hosts[0].supervisor.restart
const ctl = sb.hosts[0].supervisor.ctl

function gantry(hosts, commit) {
  for (const f of ['out', 'summary']) writeFileSync(join(work, f), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: work,
    GITHUB_OUTPUT: join(work, 'out'),
    GITHUB_STEP_SUMMARY: join(work, 'summary'),
    INPUT_HOSTS: hosts.map((h) => `${h.user}@${h.address}`).join('\n'),
    INPUT_KEY: key,
    'INPUT_KNOWN-HOSTS': hosts.map((h) => h.knownHosts).join('\n'),
    INPUT_APP: 'blog',
    INPUT_TARGET: 'git',
    INPUT_REPOSITORY: repo.url,
    INPUT_COMMIT: commit,
    'INPUT_REPOSITORY-KEY': deployKey,
    'INPUT_REPOSITORY-KNOWN-HOSTS': sb.git.host.knownHosts,
    INPUT_RESTART: restart,
    'INPUT_HEALTH-URL': 'http://{host}:8080/health',
    'INPUT_HEALTH-TIMEOUT': '60s',
    'INPUT_MAX-PARALLEL': '0',
    INPUT_ROLLBACK: 'true',
    'INPUT_KEEP-RELEASES': '3',
    'INPUT_LOCK-TIMEOUT': '60s',
    'INPUT_LOCK-STALE-AFTER': '30m',
    'INPUT_ON-HOST-FAILURE': 'continue'
  }
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/ssh-deploy/index.js')], {
    env,
    encoding: 'utf8'
  })
  const s = Number(process.hrtime.bigint() - t) / 1e9
  if (r.status !== 0) throw new Error(`ssh-deploy failed:\n${r.stdout.slice(-3000)}`)
  return s
}

// The naive setup: a working clone in ~/naive (the deploy key in ~/.ssh, the git server's key
// known), run by the same supervisord program through ~/gantry/blog/current → ~/naive.
const branch = `bench-${Date.now()}`
const pushEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_SSH_COMMAND: `ssh -i ${sb.git.pushKey.privateKeyPath} -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=${sb.git.host.knownHostsFile}`
}
execFileSync('git', ['init', '-q', '--bare', join(work, 'local.git')], { env: pushEnv })
execFileSync('git', ['--git-dir', join(work, 'local.git'), 'fetch', '-q', repo.url, 'main', 'v1'], {
  env: pushEnv
})
const pushFrom = (commit) =>
  execFileSync(
    'git',
    [
      '--git-dir',
      join(work, 'local.git'),
      'push',
      '-q',
      '-f',
      repo.url,
      `${commit}:refs/heads/${branch}`
    ],
    { env: pushEnv }
  )

function prepareNaive(hosts) {
  pushFrom(v1)
  for (const h of hosts)
    ssh(
      h,
      [
        'set -e',
        `${ctl} stop blog >/dev/null 2>&1 || true`,
        'rm -rf ~/naive ~/gantry/blog && mkdir -p ~/.ssh ~/gantry/blog',
        'umask 077 && cat > ~/.ssh/naive_deploy_key',
        `printf '%s\\n' '${sb.git.host.knownHosts}' > ~/.ssh/naive_known_hosts`,
        `git -c core.sshCommand='ssh -i ~/.ssh/naive_deploy_key -o IdentitiesOnly=yes -o UserKnownHostsFile=~/.ssh/naive_known_hosts' clone -q -b ${branch} ${repo.url} ~/naive`,
        `git -C ~/naive config core.sshCommand 'ssh -i ~/.ssh/naive_deploy_key -o IdentitiesOnly=yes -o UserKnownHostsFile=~/.ssh/naive_known_hosts'`,
        'ln -sfn ~/naive ~/gantry/blog/current',
        `${restart} >/dev/null`
      ].join('\n'),
      deployKey
    )
  pushFrom(v2)
}

function naive(hosts) {
  const t = process.hrtime.bigint()
  for (const h of hosts) ssh(h, `cd naive && git pull -q && ${restart} >/dev/null`)
  return Number(process.hrtime.bigint() - t) / 1e9
}

const clear = (hosts) =>
  hosts.forEach((h) =>
    ssh(
      h,
      `${ctl} stop blog >/dev/null 2>&1; ids=$(docker ps -aq); [ -z "$ids" ] || docker rm -f $ids >/dev/null; ` +
        'rm -rf ~/naive ~/.ssh/naive_deploy_key ~/.ssh/naive_known_hosts ~/gantry/blog'
    )
  )

console.log(
  '| hosts | ssh-deploy `target: git` (parallel, exact commit, atomic switch, health-checked) | naive sequential `ssh host "cd app && git pull && supervisorctl restart app"` | naive ÷ ssh-deploy |'
)
console.log('| --- | --- | --- | --- |')
try {
  for (const n of [1, 5]) {
    const hosts = sb.hosts.slice(0, n)
    clear(hosts)
    gantry(hosts, v1) // v1 running, the cache warm: the timed run is an upgrade
    const g = gantry(hosts, v2)
    clear(hosts)
    prepareNaive(hosts)
    const nv = naive(hosts)
    clear(hosts)
    console.log(`| ${n} | ${g.toFixed(2)} s | ${nv.toFixed(2)} s | ${(nv / g).toFixed(2)}x |`)
  }
} finally {
  execFileSync(
    'git',
    ['--git-dir', join(work, 'local.git'), 'push', '-q', repo.url, `:refs/heads/${branch}`],
    { env: pushEnv, stdio: 'ignore' }
  )
  rmSync(work, { recursive: true, force: true })
  restore()
}
