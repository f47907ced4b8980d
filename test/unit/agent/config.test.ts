/**
 * The agent's YAML file: a valid one becomes the AgentConfig the server and the deployer read
 * (ssh-deploy's input names kept), and every mistake is reported as `file:line: key path: problem`,
 * all at once, with secrets refused in the file and never printed.
 */
import { describe, expect, test } from '@jest/globals'
import type { SecretSource } from '../../../src/agent/contract.js'
import { INPUTS as SSH_DEPLOY_INPUTS } from '../../../src/actions/ssh-deploy/settings.js'
import { AgentConfigError, checkSummary, parseAgentConfig } from '../../../src/core/agent/config.js'

const FILE = '/etc/gantry/agent.yml'
const SECRETS: Record<string, string> = {
  '/etc/gantry/agent.token': 'token-0123456789abcdef\n',
  '/etc/gantry/github.secret': 'gh-s3cret-value',
  '/etc/gantry/registry.secret': 'reg-s3cret-value',
  '/etc/gantry/registry.pass': 'pull-pass-value',
  'env:HARBOR_SECRET': 'harbor-s3cret-value'
}

function readSecret(source: SecretSource): string {
  const key = 'file' in source ? source.file : `env:${source.env}`
  const value = SECRETS[key]
  if (value === undefined)
    throw new Error(
      'file' in source ? `cannot read ${source.file} (ENOENT)` : `$${source.env} is not set`
    )
  return value
}
const context = { readSecret, env: {}, home: '/home/deploy' }

const VALID = `listen: 127.0.0.1:9100
token-file: agent.token
log-format: json
max-pending: 4
apps:
  shop:
    image: 127.0.0.1:5000/shop
    tags: [ 'v*', latest ]
    compose-file: shop/docker-compose.yml
    env: |
      LOG_LEVEL=info
    registry-username: puller
    registry-password-file: /etc/gantry/registry.pass
    health-url: http://127.0.0.1:8080/health
    health-timeout: 60s
    keep-releases: 5
    step-timeout: 2m
    triggers:
      github: { secret-file: github.secret }
      registry: { secret-file: registry.secret }
      harbor: { secret-env: HARBOR_SECRET }
      poll: { interval: 30s, jitter: 0.2 }
    notify:
      - ntfys://ntfy.sh/shop-deploys
  blog:
    target: git
    repository: /srv/git/blog.git
    branch: release
    linked-files: [ .env ]
    triggers:
      github: { secret-file: github.secret }
`

async function problems(text: string): Promise<string[]> {
  try {
    await parseAgentConfig(text, FILE, context)
  } catch (error) {
    if (error instanceof AgentConfigError) return error.problems
    return [(error as Error).message]
  }
  throw new Error('the file was accepted')
}

describe('a valid file', () => {
  test('becomes the AgentConfig, ssh-deploy inputs under their own names', async () => {
    const config = await parseAgentConfig(VALID, FILE, context)
    expect(config).toMatchObject({
      file: FILE,
      listen: { host: '127.0.0.1', port: 9100 },
      stateDir: '/home/deploy/.local/state/gantry-agent',
      token: 'token-0123456789abcdef',
      logFormat: 'json',
      maxBodyBytes: 1024 * 1024,
      maxPending: 4
    })
    const [shop, blog] = config.apps
    expect(shop).toEqual({
      name: 'shop',
      target: 'compose',
      strategy: 'recreate',
      image: { registry: '127.0.0.1:5000', repository: 'shop', reference: '127.0.0.1:5000/shop' },
      tags: ['v*', 'latest'],
      stepTimeoutMs: 120_000,
      triggers: {
        github: { secret: 'gh-s3cret-value' },
        registry: { header: 'Authorization', value: 'Bearer reg-s3cret-value' },
        harbor: { value: 'harbor-s3cret-value' },
        poll: { intervalMs: 30_000, jitter: 0.2 }
      },
      notify: ['ntfys://ntfy.sh/shop-deploys'],
      inputs: {
        app: 'shop',
        target: 'compose',
        strategy: 'recreate',
        'compose-file': '/etc/gantry/shop/docker-compose.yml',
        env: 'LOG_LEVEL=info\n',
        registry: '127.0.0.1:5000',
        'registry-username': 'puller',
        'registry-password': 'pull-pass-value',
        'health-url': 'http://127.0.0.1:8080/health',
        'health-timeout': '60s',
        'keep-releases': '5'
      }
    })
    expect(blog).toMatchObject({
      target: 'git',
      branch: 'release',
      tags: [],
      stepTimeoutMs: 600_000,
      inputs: { repository: '/srv/git/blog.git', 'linked-files': '.env', target: 'git' }
    })
    expect(checkSummary(config)).toBe(
      `ok: ${FILE}: 2 app(s): shop (compose, triggers github, registry, harbor, poll); blog (git, triggers github)`
    )
  })

  test("every setting passed on to the deploy is named as ssh-deploy's input", async () => {
    const known = new Set<string>(Object.values(SSH_DEPLOY_INPUTS))
    const config = await parseAgentConfig(VALID, FILE, context)
    const names = config.apps.flatMap((a) => Object.keys(a.inputs))
    expect(names.length).toBeGreaterThan(5)
    expect(names.filter((n) => !known.has(n))).toEqual([])
  })

  test('the state directory follows XDG_STATE_HOME; values are kept as written', async () => {
    const config = await parseAgentConfig(
      VALID.replace('keep-releases: 5', 'keep-releases: 05').replace(
        'health-timeout: 60s',
        'health-timeout: 1.10'
      ),
      FILE,
      { ...context, env: { XDG_STATE_HOME: '/var/state' } }
    ).catch((e: Error) => e.message)
    // 1.10 is not a duration: the error says so with the value as written, not `1.1`.
    expect(config).toContain('"1.10"')
    const ok = await parseAgentConfig(VALID, FILE, {
      ...context,
      env: { XDG_STATE_HOME: '/var/state' }
    })
    expect(ok.stateDir).toBe('/var/state/gantry-agent')
  })
})

describe('mistakes name the file, the line and the key', () => {
  test('an unknown key, with a near miss suggested', async () => {
    expect(await problems(VALID.replace('    step-timeout: 2m', '    step-timout: 2m'))).toEqual([
      `${FILE}:17: apps.shop.step-timout: unknown key (did you mean 'step-timeout'?)`
    ])
    expect(await problems(VALID.replace('log-format: json', 'logformat: json'))).toEqual([
      `${FILE}:3: logformat: unknown key (did you mean 'log-format'?)`
    ])
  })

  test('a secret written in the file is refused, and never printed', async () => {
    const found = await problems(
      VALID.replace(
        'registry: { secret-file: registry.secret }',
        'registry: { secret: hunter2-literal }'
      )
    )
    expect(found).toEqual([
      `${FILE}:20: apps.shop.triggers.registry.secret: a secret written in the file is refused (config files are often world-readable): use secret-file or secret-env`
    ])
    expect(found.join('\n')).not.toContain('hunter2')
    expect(await problems(VALID.replace('token-file: agent.token', 'token: abc'))).toEqual([
      `${FILE}:2: token: a secret written in the file is refused (config files are often world-readable): use token-file or token-env`
    ])
  })

  test('a secret file or variable that is missing is named, with its key', async () => {
    expect(
      await problems(
        VALID.replace(
          'github: { secret-file: github.secret }\n      registry',
          'github: { secret-file: gone.secret }\n      registry'
        ).replace('secret-env: HARBOR_SECRET', 'secret-env: NOT_SET')
      )
    ).toEqual([
      `${FILE}:19: apps.shop.triggers.github.secret-file: cannot read /etc/gantry/gone.secret (ENOENT)`,
      `${FILE}:21: apps.shop.triggers.harbor.secret-env: $NOT_SET is not set`
    ])
  })

  test('every app needs a trigger; a poll needs a tag without wildcards', async () => {
    const text = `token-file: agent.token
apps:
  shop:
    image: 127.0.0.1:5000/shop
    tags: [ 'v*' ]
    triggers:
      poll: {}
  blog:
    target: git
    repository: /srv/git/blog.git
`
    expect(await problems(text)).toEqual([
      `${FILE}:7: apps.shop.triggers.poll: polls the tags without wildcards: \`tags\` has none (add one such as \`latest\` or \`stable\`)`,
      `${FILE}:8: apps.blog: triggers is required: at least one of github, gantry, registry, harbor, token, poll`
    ])
  })

  test("ssh-deploy's typed inputs are checked with its reader; agent values with theirs", async () => {
    const found = await problems(
      VALID.replace('health-timeout: 60s', 'health-timeout: soon')
        .replace("tags: [ 'v*', latest ]", "tags: [ 'v*', 'bad tag' ]")
        .replace('- ntfys://ntfy.sh/shop-deploys', '- nope://x')
        .replace('step-timeout: 2m', 'step-timeout: forever')
    )
    expect(found).toEqual([
      `${FILE}:15: apps.shop.health-timeout: "soon": expected a duration such as \`90s\`, \`5m\` or \`1h\` (a bare number is seconds)`,
      `${FILE}:8: apps.shop.tags.1: "bad tag": expected a tag or a glob of one (\`*\` any characters, \`?\` one)`,
      `${FILE}:17: apps.shop.step-timeout: "forever": expected a duration such as \`90s\`, \`10m\` or \`1h\``,
      expect.stringMatching(
        new RegExp(
          `^${FILE}:24: apps.shop.notify.0: nope://x/… has the scheme nope://, which is not supported`
        )
      )
    ])
  })

  test('a setting of the other target is refused; an image names no tag', async () => {
    expect(
      await problems(
        VALID.replace('image: 127.0.0.1:5000/shop', 'image: 127.0.0.1:5000/shop:v1').replace(
          '    branch: release',
          '    branch: release\n    tags: [ x ]'
        )
      )
    ).toEqual([
      `${FILE}:7: apps.shop.image: "127.0.0.1:5000/shop:v1": expected the repository without a tag or digest (the tags that deploy go in \`tags\`)`,
      `${FILE}:29: apps.blog.tags: only with \`target: compose\``
    ])
  })

  test('a bad app name, listen address and YAML syntax', async () => {
    expect(
      await problems(
        VALID.replace('  blog:', '  Blog:').replace('listen: 127.0.0.1:9100', 'listen: here')
      )
    ).toEqual([
      `${FILE}:1: listen: "here": expected host:port, such as 127.0.0.1:9000`,
      `${FILE}:25: apps.Blog: an app name is lowercase letters, digits, \`_\` and \`-\`, starting with a letter or digit (at most 63): it names the compose project`
    ])
    expect(await problems('')).toEqual([
      `${FILE}: token-file or token-env is required`,
      `${FILE}: apps is required: at least one app`
    ])
    expect(await problems('apps: [\n')).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:\\d+: invalid YAML`))
    ])
  })

  test('tls needs both files; listen takes IPv6; limits are whole numbers', async () => {
    const text = VALID.replace(
      'listen: 127.0.0.1:9100',
      'listen: "[::1]:9443"\ntls: { cert: agent.pem }\nmax-body: lots'
    )
    expect(await problems(text)).toEqual([
      `${FILE}:2: tls: key is required: the private key file (PEM)`,
      `${FILE}:3: max-body: "lots": expected a whole number from 1024 to 1073741824`
    ])
    const ok = await parseAgentConfig(
      VALID.replace(
        'listen: 127.0.0.1:9100',
        'listen: "[::1]:9443"\ntls: { cert: agent.pem, key: /etc/ssl/agent.key }'
      ),
      FILE,
      context
    )
    expect(ok.listen).toEqual({ host: '::1', port: 9443 })
    expect(ok.tls).toEqual({ cert: '/etc/gantry/agent.pem', key: '/etc/ssl/agent.key' })
  })

  test('a registry password or a deploy key written in the file is refused', async () => {
    const found = await problems(
      VALID.replace(
        'registry-password-file: /etc/gantry/registry.pass',
        'registry-password: hunter2-literal'
      )
    )
    expect(found).toEqual([
      `${FILE}:13: apps.shop.registry-password: a secret written in the file is refused (config files are often world-readable): use registry-password-file or registry-password-env`,
      `${FILE}:12: apps.shop.registry-username: needs registry-password-file or registry-password-env`
    ])
    expect(found.join('\n')).not.toContain('hunter2')
  })
})
