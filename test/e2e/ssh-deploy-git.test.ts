/**
 * ssh-deploy with `target: git` through the real bundle: its inputs checked before anything
 * connects, and the dry run (the real sequence against a printed host). The deploys themselves
 * run against the sandbox in test/integration/ssh-deploy-git.test.ts.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction, secretLeaks } from '../harness/run-action.js'

const dir = mkdtempSync(join(tmpdir(), 'gantry-git-e2e-'))
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'e2e', '-f', join(dir, 'id')])
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'deploy', '-f', join(dir, 'dk')])
const KEY = readFileSync(join(dir, 'id'), 'utf8')
const DEPLOY_KEY = readFileSync(join(dir, 'dk'), 'utf8')
const COMMIT = '66137efb7757a0350fd41662a32c100b5327d087'
// Port 1 on loopback: nothing listens, so any attempt to connect would fail loudly, not hang.
const base = {
  hosts: 'deploy@127.0.0.1:1',
  key: KEY,
  fingerprint: 'SHA256:' + 'A'.repeat(43),
  app: 'blog',
  target: 'git',
  repository: 'git@github.com:acme/blog.git',
  'repository-known-hosts':
    'github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl',
  'repository-key': DEPLOY_KEY,
  commit: COMMIT
}
const run = (inputs: Record<string, string>) =>
  runAction('ssh-deploy', {
    cwd: dir,
    env: { GITHUB_WORKSPACE: dir },
    inputs: { ...base, ...inputs }
  })

describe('ssh-deploy target git', () => {
  test.each([
    [
      { repository: '' },
      'Input \'repository\' is "": expected a git URL the hosts can fetch: `git@host:org/app.git`, `ssh://…`, `https://…`, `git://…`, `file://…` or an absolute path.'
    ],
    [
      { repository: 'ext::sh -c touch% /tmp/pwned' },
      'Input \'repository\' is "ext::sh -c touch% /tmp/pwned": expected a git URL the hosts can fetch: `git@host:org/app.git`, `ssh://…`, `https://…`, `git://…`, `file://…` or an absolute path.'
    ],
    [
      { 'repository-known-hosts': '' },
      "Input 'repository-known-hosts' is \"\": expected the git server's known_hosts lines (e.g. the verified output of `ssh-keyscan github.com`): its host key is checked like a deploy host's."
    ],
    [
      { 'repository-key': 'not a key' },
      'Input \'repository-key\' is "***": expected a private key in PEM or OpenSSH format (the content of a read-only deploy key, not a path).'
    ],
    [
      { repository: 'https://example.org/blog.git' },
      'Input \'repository-key\' is "***": expected a deploy key only with an SSH repository (`repository` is https://example.org/blog.git).'
    ],
    [
      { commit: '--upload-pack=touch /tmp/x' },
      'Input \'commit\' is "--upload-pack=touch /tmp/x": expected a full commit id, a branch or a tag name.'
    ],
    [
      { 'linked-files': '../../.ssh/authorized_keys' },
      'Input \'linked-files\' is "../../.ssh/authorized_keys": expected paths relative to the release, inside it (no leading `/`, no `..`), e.g. `.env` or `public/uploads`.'
    ],
    [
      { env: 'A=1' },
      "Input 'env' is \"A=1\": expected nothing with `target: git` (the release is the repository's commit; shared files such as `.env` go in `linked-files`)."
    ],
    [
      { 'rollback-to': 'v1.2' },
      'Input \'rollback-to\' is "v1.2": expected `previous` or a commit id (at least its first 4 characters) of a release kept on the hosts.'
    ]
  ])('%j stops the step before connecting', async (override, message) => {
    const r = await run(override)
    expect(r.exitCode).toBe(1)
    expect(r.annotations).toEqual([{ level: 'error', message, properties: {} }])
    expect(r.stdout).not.toContain('Deploying')
    expect(secretLeaks(r, [DEPLOY_KEY.split('\n')[1] as string])).toEqual([])
  })

  test('dry run: fetch with the key on stdin, checkout, link, build, atomic switch, restart, health', async () => {
    const r = await run({
      'dry-run': 'true',
      build: 'npm ci --omit=dev',
      restart: 'supervisorctl restart blog',
      'linked-files': '.env',
      'health-url': 'http://{host}:8080/health'
    })
    expect(r.exitCode).toBe(0)
    const out = r.stdout
    expect(out).toContain('# fetch 66137ef')
    expect(out).toMatch(/cat > "\$k\/key"/)
    expect(out).toContain('<<< (secret on stdin)')
    expect(out).toContain(
      `git --git-dir="$HOME"/gantry/blog/repo archive --format=tar -o "$t" ${COMMIT}`
    )
    expect(out).toContain(`cd "$HOME"/'gantry/blog/releases/<release-id>' && npm ci --omit=dev`)
    expect(out).toContain(
      `ln -sfn 'releases/<release-id>' "$HOME"/'gantry/blog/.current.<release-id>' && mv -T "$HOME"/'gantry/blog/.current.<release-id>' "$HOME"/gantry/blog/current`
    )
    expect(out).toContain('cd "$HOME"/gantry/blog/current && supervisorctl restart blog')
    expect(out).toContain('curl -fsS -o /dev/null -m 5 http://127.0.0.1:8080/health')
    expect(r.outputs.version).toBe('66137ef')
    expect(
      secretLeaks(r, [DEPLOY_KEY.split('\n')[1] as string, KEY.split('\n')[1] as string])
    ).toEqual([])
  })
})
