/**
 * ssh-deploy's fast path through the real bundle: validation before anything connects, and the
 * dry run. The deploys themselves are tested against the sandbox in test/integration.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction, secretLeaks } from '../harness/run-action.js'

const dir = mkdtempSync(join(tmpdir(), 'gantry-ssh-e2e-'))
execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'e2e', '-f', join(dir, 'id')])
const KEY = readFileSync(join(dir, 'id'), 'utf8')
writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
const FP = 'SHA256:' + 'A'.repeat(43)
// Port 1 on loopback: nothing listens, so any attempt to connect would fail loudly, not hang.
const base = {
  hosts: 'deploy@127.0.0.1:1',
  key: KEY,
  fingerprint: FP,
  app: 'shop',
  env: 'IMAGE=127.0.0.1:5000/shop:1.2.3'
}

describe.each(NODES)('ssh-deploy on $name', ({ path: node }) => {
  test.each([
    [
      { hosts: 'deploy@' },
      'Input \'hosts\' is "deploy@": expected `user@host` or `user@host:port`, e.g. `deploy@10.0.1.5:22`.'
    ],
    [
      { hosts: '["a@b", 3]' },
      'Input \'hosts\' is "[\\"a@b\\", 3]": expected a JSON array of strings.'
    ],
    [
      { fingerprint: 'md5:aa' },
      'Input \'fingerprint\' is "md5:aa": expected a fingerprint such as `SHA256:` + 43 base64 characters (as `ssh-keygen -lf` prints it).'
    ],
    [
      { env: 'IMAGE=x\nrm -rf /=1' },
      'Input \'env\' is "rm -rf /=1": expected KEY=VALUE lines with keys matching [A-Za-z_][A-Za-z0-9_]*.'
    ],
    [
      { app: 'Shop App' },
      'Input \'app\' is "Shop App": expected a name of lowercase letters, digits, `_` and `-` (it names the compose project).'
    ],
    [
      { 'health-timeout': 'soon' },
      'Input \'health-timeout\' is "soon": expected a duration such as `90s`, `5m` or `1h` (a bare number is seconds).'
    ],
    [
      { 'on-host-failure': 'halt' },
      'Input \'on-host-failure\' is "halt": expected one of `continue`, `stop`.'
    ],
    [
      { 'compose-file': 'missing.yml' },
      `Input 'compose-file' is "missing.yml": expected a compose file in the workspace (${dir}/missing.yml cannot be read).`
    ],
    [
      { fingerprint: '' },
      "Host-key checking is on: set input 'known-hosts' (e.g. the output of `ssh-keyscan -H host`, verified) or 'fingerprint' (SHA256:…), or turn checking off with 'insecure-skip-host-key-check: true'."
    ],
    [
      { key: 'not a key' },
      'Input \'key\' is "***": expected a private key in PEM or OpenSSH format (the content, not a path).'
    ],
    [
      { target: 'kubernetes' },
      'Input \'target\' is "kubernetes": expected one of `compose`, `swarm`, `git`.'
    ],
    [
      { target: 'swarm', hosts: 'deploy@127.0.0.1:1\ndeploy@127.0.0.2:1' },
      'Input \'hosts\' is "deploy@127.0.0.1:1, deploy@127.0.0.2:1": expected one swarm manager with `target: swarm` (the swarm places the services on its nodes).'
    ],
    [
      { repository: 'git@github.com:acme/shop.git' },
      'Input \'repository\' is "git@github.com:acme/shop.git": expected nothing with `target: compose` (it is an input of `target: git`).'
    ],
    [
      { stack: 'shop' },
      'Input \'stack\' is "shop": expected a stack name only with `target: swarm`.'
    ],
    [
      { target: 'swarm', stack: 'shop.prod' },
      'Input \'stack\' is "shop.prod": expected a stack name of letters, digits, `_` and `-`, starting with a letter or digit (at most 63).'
    ]
  ])('%j stops the step before connecting', async (override, message) => {
    const r = await runAction('ssh-deploy', {
      node,
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
      inputs: { ...base, ...override }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations).toEqual([{ level: 'error', message, properties: {} }])
    expect(r.stdout).not.toContain('Deploying')
    expect(secretLeaks(r, [KEY.split('\n')[1] as string])).toEqual([])
  })

  test('dry run: the exact commands, secrets only as "on stdin", nothing connected', async () => {
    const r = await runAction('ssh-deploy', {
      node,
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
      inputs: {
        ...base,
        hosts: 'deploy@127.0.0.1:1, deploy@127.0.0.2:1',
        'dry-run': 'true',
        registry: '127.0.0.1:5001',
        'registry-username': 'ci',
        'registry-password': 'pa55-w0rd!',
        'health-url': 'http://127.0.0.1:8080/health'
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain(
      'Dry run: nothing is run. Hosts: deploy@127.0.0.1:1, deploy@127.0.0.2:1'
    )
    expect(r.stdout).toContain(
      'docker login --username ci --password-stdin 127.0.0.1:5001  <<< (secret on stdin)'
    )
    expect(r.stdout).toContain(
      'cd "$HOME"/\'gantry/shop/releases/<release-id>\' && docker compose -p shop -f compose.yml up -d --remove-orphans'
    )
    expect(r.outputs.version).toBe('1.2.3')
    expect(secretLeaks(r, ['pa55-w0rd!', KEY.split('\n')[1] as string])).toEqual([])
  })

  test('dry run: the same sequence as a deploy, every step shown, the release record and the prune included', async () => {
    const r = await runAction('ssh-deploy', {
      node,
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
      inputs: { ...base, 'dry-run': 'true', 'keep-releases': '3', 'post-deploy': 'echo done' }
    })
    expect(r.exitCode).toBe(0)
    const host = '[deploy@127.0.0.1:1]'
    const steps = r.stdout
      .split('\n')
      .filter((l) => l.startsWith(`${host}   # `))
      .map((l) => l.slice(`${host}   # `.length))
    expect(steps).toEqual([
      'inspect',
      'read current release',
      'lock',
      'upload compose.yml, .env, release.json',
      'pull',
      'up',
      'status',
      'switch current',
      'post-deploy',
      'prune 1 old release(s)',
      'unlock'
    ])
    // The one destructive command, exactly: the oldest of the kept releases and the images only
    // it used, after the kept releases' images got their `gantry-<release>` tags (a rollback
    // needs them); never a host-wide image prune (another app's images are not Gantry's).
    expect(r.stdout).toMatch(
      /rm -rf "\$HOME"\/gantry\/shop\/releases\/19700101T000000Z-older-1-0000$/m
    )
    expect(r.stdout).toMatch(/docker tag "\$i" "\$repo:\$t"/)
    expect(r.stdout).not.toMatch(/docker (image|system) prune/)
    expect(r.stdout).toContain(
      `head -c 32 > "$HOME"/'gantry/shop/releases/<release-id>'/.env && head -c`
    )
  })

  test('swarm dry run: stack deploy with env on stdin, registry login on stdin, the rollout followed', async () => {
    const r = await runAction('ssh-deploy', {
      node,
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
      inputs: {
        ...base,
        target: 'swarm',
        stack: 'shop-prod',
        env: 'IMAGE=127.0.0.1:5000/shop:1.2.3\nDB_PASSWORD=hunter2-$(id)',
        'dry-run': 'true',
        registry: '127.0.0.1:5001',
        'registry-username': 'ci',
        'registry-password': 'pa55-w0rd!'
      }
    })
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain(
      'docker login --username ci --password-stdin 127.0.0.1:5001  <<< (secret on stdin)'
    )
    expect(r.stdout).toContain(
      `cd "$HOME"/'gantry/shop/releases/<release-id>' && while IFS= read -r kv || [ -n "$kv" ]; do if [ -n "$kv" ]; then export "$kv" || exit 2; fi; done && docker stack deploy --detach=true --prune --with-registry-auth -c compose.yml shop-prod  <<< (58 bytes on stdin)`
    )
    expect(r.stdout).toContain(
      'docker service ls --filter label=com.docker.stack.namespace=shop-prod'
    )
    expect(r.stdout).not.toContain('hunter2')
    expect(r.stdout).not.toContain('docker compose')
    expect(r.summary).toContain('(stack shop-prod)')
    expect(r.outputs.version).toBe('1.2.3')
    expect(secretLeaks(r, ['pa55-w0rd!', KEY.split('\n')[1] as string])).toEqual([])
  })

  test('insecure mode warns loudly', async () => {
    const r = await runAction('ssh-deploy', {
      node,
      cwd: dir,
      env: { GITHUB_WORKSPACE: dir },
      inputs: {
        ...base,
        fingerprint: '',
        'insecure-skip-host-key-check': 'true',
        'dry-run': 'true'
      }
    })
    expect(r.annotations[0]).toMatchObject({
      level: 'warning',
      message: expect.stringContaining('Host-key checking is OFF')
    })
  })
})
