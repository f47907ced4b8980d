import { describe, expect, test } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, runAction } from '../harness/run-action.js'

function workspace(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-env-'))
  if (config !== undefined) {
    mkdirSync(join(dir, '.github'))
    writeFileSync(join(dir, '.github', 'gantry.yml'), config)
  }
  return dir
}

const CONFIG = `environments:
  sandbox:
    hosts: [deploy@127.0.0.11, deploy@127.0.0.12:2222]
    url: https://sandbox.shop.example.com
  prod:
    hosts:
      - deploy@10.0.1.5
    url: https://shop.example.com
    slack-channel: "#releases"
    vars:
      REPLICAS: 3
`

describe.each(NODES)('environment on $name', ({ path: node }) => {
  test.each([
    ['develop', 'sandbox', 'false'],
    ['preprod', 'staging', 'false'],
    ['master', 'prod', 'true'],
    ['main', 'prod', 'true']
  ])('GitFlow default: %s -> %s', async (branch, environment, approval) => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      event: { kind: 'push', branch }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs).toEqual({
      environment,
      deploy: 'true',
      'requires-approval': approval,
      hosts: '[]',
      url: '',
      config: '{}'
    })
  })

  test('settings of the environment from .github/gantry.yml', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(CONFIG),
      event: { kind: 'push', branch: 'develop' }
    })
    expect(r.outputs.environment).toBe('sandbox')
    expect(JSON.parse(r.outputs.hosts as string)).toEqual([
      'deploy@127.0.0.11',
      'deploy@127.0.0.12:2222'
    ])
    expect(r.outputs.url).toBe('https://sandbox.shop.example.com')
    const prod = await runAction('environment', {
      node,
      cwd: workspace(CONFIG),
      event: { kind: 'push', branch: 'master' }
    })
    expect(JSON.parse(prod.outputs.config as string)).toEqual({
      hosts: ['deploy@10.0.1.5'],
      url: 'https://shop.example.com',
      'slack-channel': '#releases',
      vars: { REPLICAS: '3' }
    })
    expect(prod.summary).toContain('| Environment | prod |')
    expect(prod.summary).toContain('| Settings from | .github/gantry.yml |')
  })

  test('a map with globs, first match wins', async () => {
    const map = 'release/*: staging\nhotfix/**: prod\n'
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      event: { kind: 'push', branch: 'hotfix/pay/fix' },
      inputs: { map }
    })
    expect(r.outputs.environment).toBe('prod')
    const none = await runAction('environment', {
      node,
      cwd: workspace(),
      event: { kind: 'push', branch: 'develop' },
      inputs: { map }
    })
    expect(none.outputs.deploy).toBe('false')
  })

  test('an unmapped branch: deploy=false and a notice, not a failure', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      event: { kind: 'push', branch: 'feature/x' }
    })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.deploy).toBe('false')
    expect(r.outputs.environment).toBe('')
    expect(r.annotations).toEqual([
      {
        level: 'notice',
        message:
          "Branch 'feature/x' matches no environment (develop, preprod, master, main): nothing to deploy.",
        properties: {}
      }
    ])
  })

  test('a pull request from develop does not deploy to sandbox', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      event: { kind: 'pull_request', number: 4, head: 'develop', base: 'master' }
    })
    expect(r.outputs.deploy).toBe('false')
    expect(r.annotations[0]?.message).toBe('Pull request #4 builds do not deploy.')
  })

  test.each([
    [
      'pull_request_target (GITHUB_REF is the base branch)',
      {
        kind: 'raw' as const,
        env: {
          GITHUB_EVENT_NAME: 'pull_request_target',
          GITHUB_REF: 'refs/heads/master',
          GITHUB_HEAD_REF: 'test-pr',
          GITHUB_BASE_REF: 'master'
        },
        payload: { number: 15, pull_request: { number: 15, head: { ref: 'test-pr' } } }
      },
      'Pull request #15 builds do not deploy.'
    ],
    [
      'merge_group into master',
      {
        kind: 'raw' as const,
        env: {
          GITHUB_EVENT_NAME: 'merge_group',
          GITHUB_REF:
            'refs/heads/gh-readonly-queue/master/pr-15-a9c8c5828b91be19d9728548b24759e352367ef1'
        },
        payload: { merge_group: { base_ref: 'refs/heads/master' } }
      },
      'Merge group builds (checks before the merge into master) do not deploy.'
    ]
  ])('%s does not deploy to prod', async (_name, event, message) => {
    const r = await runAction('environment', { node, cwd: workspace(), event })
    expect(r.exitCode).toBe(0)
    expect(r.outputs.deploy).toBe('false')
    expect(r.outputs.environment).toBe('')
    expect(r.annotations[0]?.message).toBe(message)
  })

  test('CircleCI: a push of develop with an open pull request deploys to sandbox', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      circleci: { branch: 'develop' },
      env: { CIRCLE_PULL_REQUEST: 'https://github.com/acme/shop/pull/31' }
    })
    expect(r.outputs.environment).toBe('sandbox')
    expect(r.outputs.deploy).toBe('true')
  })

  test('CircleCI: a forked pull request does not deploy', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      circleci: { branch: 'pull/31' },
      env: { CIRCLE_PR_NUMBER: '31' }
    })
    expect(r.outputs.deploy).toBe('false')
    expect(r.annotations[0]?.message).toBe('Pull request #31 builds do not deploy.')
  })

  test('vars are the text written: 1.10 stays 1.10', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(
        'environments:\n  prod:\n    vars:\n      APP_VERSION: 1.10\n      MODE: 0755\n      ON: True\n'
      ),
      event: { kind: 'push', branch: 'main' }
    })
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.outputs.config as string)).toEqual({
      vars: { APP_VERSION: '1.10', MODE: '0755', ON: 'True' }
    })
  })

  test('CircleCI: CIRCLE_BRANCH decides', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      circleci: { branch: 'preprod' }
    })
    expect(r.outputs.environment).toBe('staging')
  })

  test('a bad settings file fails with its name, line and key', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace('environments:\n  prod:\n    host: [a@b]\n'),
      event: { kind: 'push', branch: 'master' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe(
      ".github/gantry.yml:3: unknown key 'host' in environment 'prod' (known: hosts, url, requires-approval, compose-file, health-url, slack-channel, vars)"
    )
    expect(r.outputs).toEqual({})
  })

  test('a settings file named explicitly must exist', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      inputs: { config: 'deploy/envs.yml' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe('Input \'config\' is "deploy/envs.yml": no such file.')
  })

  test('a bad map fails naming the input and line', async () => {
    const r = await runAction('environment', {
      node,
      cwd: workspace(),
      inputs: { map: 'develop: sandbox\nmain: [prod]\n' }
    })
    expect(r.exitCode).toBe(1)
    expect(r.annotations[0]?.message).toBe("input 'map':2: 'main' must be a string")
  })
})
