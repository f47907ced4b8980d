// The sandbox's parts for `target: git`, used as a deploy would use them: the git server over SSH
// (host key checked, the deploy key read-only), the demo repository's commits, and each host's
// own supervisord running the demo app from `current`. Real sshd, git, supervisord; no mocks.
import { afterAll, describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readSandbox } from '../sandbox/description.js'
import type { SandboxHost } from '../sandbox/description.js'
import { onHost } from '../harness/hosts.js'

const sandbox = readSandbox()
const git = sandbox.git
const repo = git.repositories.blog
const shq = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`

/** A script on the host that gets the deploy key on stdin into a private temp dir, then runs `body`. */
function withDeployKey(knownHosts: string, body: string): string {
  return [
    'set -e',
    'umask 077',
    't=$(mktemp -d)',
    'trap \'rm -rf "$t"\' EXIT',
    'cat > "$t/key"',
    `printf '%s\\n' ${shq(knownHosts)} > "$t/known_hosts"`,
    'export GIT_SSH_COMMAND="ssh -i $t/key -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$t/known_hosts"',
    body
  ].join('\n')
}

function onHostWithKey(host: SandboxHost, script: string): { code: number; output: string } {
  try {
    return {
      code: 0,
      output: onHost(sandbox, host, script, readFileSync(git.deployKey.privateKeyPath, 'utf8'))
    }
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string }
    return { code: e.status, output: `${e.stdout}${e.stderr}` }
  }
}

const first = sandbox.hosts[0] as SandboxHost

describe('sandbox git server', () => {
  test('a host lists the demo commits over SSH with the read-only deploy key', () => {
    const { code, output } = onHostWithKey(
      first,
      withDeployKey(git.host.knownHosts, `git ls-remote ${shq(repo.url)}`)
    )
    expect(code).toBe(0)
    const refs = Object.fromEntries(
      output
        .trim()
        .split('\n')
        .map((l) => l.split('\t').reverse())
    )
    expect(refs).toMatchObject({
      'refs/heads/main': repo.commits.v2,
      'refs/heads/broken': repo.commits.broken,
      'refs/tags/v1': repo.commits.v1
    })
  })

  test('the deploy key cannot push, and a wrong git host key is refused', () => {
    const push = onHostWithKey(
      first,
      withDeployKey(
        git.host.knownHosts,
        `git init -q --bare "$t/r" && git --git-dir "$t/r" fetch -q ${shq(repo.url)} main && ` +
          `git --git-dir "$t/r" push ${shq(repo.url)} FETCH_HEAD:refs/heads/not-allowed`
      )
    )
    expect(push.code).not.toBe(0)
    expect(push.output).toContain('this key may not run: git-receive-pack')

    const wrongKey = first.knownHosts.replace(first.address, git.host.address) // another host's key
    const spoofed = onHostWithKey(first, withDeployKey(wrongKey, `git ls-remote ${shq(repo.url)}`))
    expect(spoofed.code).not.toBe(0)
    expect(spoofed.output).toMatch(
      /REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/
    )
  })
})

describe('sandbox supervisord', () => {
  const host = sandbox.hosts.at(-1) as SandboxHost
  afterAll(() => {
    onHost(sandbox, host, `${host.supervisor?.ctl} stop blog >/dev/null 2>&1; rm -rf ~/gantry/blog`)
  })

  test("runs as the host's user, and its socket is that user's only", () => {
    const s = host.supervisor!
    const out = onHost(sandbox, host, `${s.ctl} pid && id -un && stat -c '%U %a' ${s.socket}`)
    const [pid, user, socket] = out.trim().split('\n')
    expect(user).toBe(host.user)
    expect(socket).toBe(`${host.user} 700`)
    const owner = execFileSync('ps', ['-o', 'user=', '-p', String(pid)], { encoding: 'utf8' })
    expect(owner.trim()).toBe(host.user)
    const other = sandbox.hosts[0] as SandboxHost
    if (other.name !== host.name) {
      expect(() =>
        onHost(sandbox, other, `supervisorctl -c ${s.config} pid 2>&1; exit 1`)
      ).toThrow()
    }
  })

  test('restarts the demo app from whatever `current` points at', async () => {
    const s = host.supervisor!
    // The program runs ~/gantry/blog/current; point it at a tree of v1 then v2.
    const script = (version: 'v1' | 'v2') =>
      withDeployKey(
        git.host.knownHosts,
        [
          `mkdir -p ~/gantry/blog/releases && r=~/gantry/blog/releases/sandbox-${version}`,
          `rm -rf "$r" && mkdir "$r"`,
          `git archive --remote=${shq(repo.url)} ${version} | tar -x -C "$r"`,
          `ln -sfn "$r" ~/gantry/blog/current.tmp && mv -T ~/gantry/blog/current.tmp ~/gantry/blog/current`,
          s.restart
        ].join('\n')
      )
    try {
      for (const version of ['v1', 'v2'] as const) {
        expect(onHostWithKey(host, script(version)).code).toBe(0)
        const res = await fetch(`${host.appUrl}/version`)
        expect(await res.text()).toBe(version)
        expect((await fetch(`${host.appUrl}/health`)).status).toBe(200)
      }
    } finally {
      onHost(sandbox, host, `${s.ctl} stop blog; rm -rf ~/gantry/blog`)
    }
  }, 60000)
})
