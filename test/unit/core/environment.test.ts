import { describe, expect, test } from '@jest/globals'
import { decideEnvironment } from '../../../src/core/environment.js'
import { parseBranchMap, parseConfig } from '../../../src/core/environment-config.js'

const noConfig = { environments: {} }

describe('decideEnvironment with the GitFlow default', () => {
  test.each([
    ['develop', 'sandbox', false],
    ['preprod', 'staging', false],
    ['master', 'prod', true],
    ['main', 'prod', true]
  ])('%s -> %s', (branch, environment, requiresApproval) => {
    expect(decideEnvironment({ branch, config: noConfig })).toMatchObject({
      deploy: true,
      environment,
      requiresApproval
    })
  })

  test('an unmapped branch does not deploy, and says why', async () => {
    const decision = decideEnvironment({ branch: 'feature/x', config: noConfig })
    expect(decision).toMatchObject({ deploy: false, requiresApproval: false })
    expect(decision.environment).toBeUndefined()
    expect(decision.reason).toBe(
      "Branch 'feature/x' matches no environment (develop, preprod, master, main): nothing to deploy."
    )
  })

  test('no branch (tag build) does not deploy', async () => {
    expect(decideEnvironment({ config: noConfig })).toMatchObject({ deploy: false })
  })
})

const rules = await parseBranchMap('release/*: staging\nhotfix/**: prod\n"*": sandbox\n')

describe('branch maps', () => {
  test('first match wins, globs respect segments', async () => {
    expect(decideEnvironment({ branch: 'release/1.2', rules, config: noConfig }).environment).toBe(
      'staging'
    )
    expect(decideEnvironment({ branch: 'hotfix/a/b', rules, config: noConfig }).environment).toBe(
      'prod'
    )
    expect(
      decideEnvironment({ branch: 'release/1.2/x', rules, config: noConfig }).environment
    ).toBe(undefined)
    expect(decideEnvironment({ branch: 'anything', rules, config: noConfig }).environment).toBe(
      'sandbox'
    )
  })

  test('the file’s branches apply when the input gives none', async () => {
    const config = await parseConfig('branches:\n  trunk: prod\n', 'gantry.yml')
    expect(decideEnvironment({ branch: 'trunk', config }).environment).toBe('prod')
    expect(decideEnvironment({ branch: 'develop', config }).deploy).toBe(false)
  })

  test.each([
    ['- develop\n- main\n', "input 'map':1: the branch map must be a mapping"],
    ['develop: [a, b]\n', "input 'map':1: 'develop' must be a string"],
    [
      'develop: sand box\n',
      `input 'map':1: 'develop' maps to "sand box": expected an environment name (letters, digits, '_', '.', '-')`
    ],
    ['develop: sandbox\ndevelop: prod\n', "input 'map':2: invalid YAML: duplicated mapping key"],
    [
      'develop: "unterminated\n',
      "input 'map':2: invalid YAML: unexpected end of the stream within a double quoted scalar"
    ]
  ])('map %j is refused', async (text, message) => {
    await expect(parseBranchMap(text, "input 'map'")).rejects.toThrow(message)
  })
})

describe('the settings file', () => {
  const file = `
environments:
  prod:
    hosts:
      - deploy@10.0.1.5
      - deploy@10.0.1.6:2222
    url: https://shop.example.com
    compose-file: docker-compose.prod.yml
    health-url: http://127.0.0.1:8080/health
    slack-channel: "#deploys"
    vars:
      REPLICAS: 3
      DEBUG: false
  sandbox:
    hosts: ec2-user@sandbox.internal
    requires-approval: true
`
  test('settings of the chosen environment', async () => {
    const config = await parseConfig(file, '.github/gantry.yml')
    expect(decideEnvironment({ branch: 'master', config })).toMatchObject({
      environment: 'prod',
      requiresApproval: true,
      settings: {
        hosts: ['deploy@10.0.1.5', 'deploy@10.0.1.6:2222'],
        url: 'https://shop.example.com',
        'compose-file': 'docker-compose.prod.yml',
        'health-url': 'http://127.0.0.1:8080/health',
        'slack-channel': '#deploys',
        vars: { REPLICAS: '3', DEBUG: 'false' }
      }
    })
    expect(decideEnvironment({ branch: 'develop', config })).toMatchObject({
      environment: 'sandbox',
      requiresApproval: true,
      settings: { hosts: ['ec2-user@sandbox.internal'] }
    })
  })

  test('requires-approval: false overrides the production default', async () => {
    const config = await parseConfig(
      'environments:\n  prod:\n    requires-approval: false\n',
      'f.yml'
    )
    expect(decideEnvironment({ branch: 'main', config }).requiresApproval).toBe(false)
  })

  test.each([
    [
      'environments:\n  prod:\n    hostz: [a@b]\n',
      "f.yml:3: unknown key 'hostz' in environment 'prod' (known: hosts, url, requires-approval, compose-file, health-url, slack-channel, vars)"
    ],
    [
      'environment:\n  prod: {}\n',
      "f.yml:1: unknown key 'environment' (known: environments, branches)"
    ],
    [
      'environments:\n  prod:\n    hosts: [10.0.0.1]\n',
      `f.yml:3: 'hosts' has "10.0.0.1": expected \`user@host\` or \`user@host:port\`, e.g. \`deploy@10.0.1.5:22\``
    ],
    [
      'environments:\n  prod:\n    requires-approval: "yes"\n',
      "f.yml:3: 'requires-approval' must be true or false"
    ],
    [
      'environments:\n  prod:\n    url: shop.example.com\n',
      `f.yml:3: 'url' is "shop.example.com": expected an http(s) URL`
    ],
    [
      'environments:\n  prod:\n    vars:\n      bad-key: 1\n',
      "f.yml:4: 'vars' key 'bad-key' must match [A-Za-z_][A-Za-z0-9_]*"
    ],
    [
      'environments:\n  prod:\n    vars:\n      NESTED: {a: 1}\n',
      "f.yml:4: 'vars.NESTED' must be a string, number or boolean"
    ],
    ['environments:\n  - prod\n', "f.yml:2: 'environments' must be a mapping"],
    [
      'environments:\n  prod:\n    slack-channel: [a]\n',
      "f.yml:3: 'slack-channel' must be a string"
    ]
  ])('%j is refused with file, line and key', async (text, message) => {
    await expect(parseConfig(text, 'f.yml')).rejects.toThrow(message)
  })

  // Issue 18 case 8: every `vars` scalar is the text the user wrote, as slack `fields` are.
  test.each([
    ['1.10', '1.10'],
    ['3', '3'],
    ['010', '010'],
    ['0x1F', '0x1F'],
    ['1e3', '1e3'],
    ['.inf', '.inf'],
    ['true', 'true'],
    ['True', 'True'],
    ['yes', 'yes'],
    ['"1.10"', '1.10'],
    ["'quoted: yes'", 'quoted: yes'],
    ['2026-11-22', '2026-11-22'],
    ['a # comment', 'a']
  ])('vars value %s is read as %j', async (written, expected) => {
    const config = await parseConfig(
      `environments:\n  prod:\n    vars:\n      V: ${written}\n`,
      'f.yml'
    )
    expect(config.environments.prod?.vars).toEqual({ V: expected })
  })

  test.each([
    ['V:', "f.yml:4: 'vars.V' must be a string, number or boolean"],
    ['V: ~', "f.yml:4: 'vars.V' must be a string, number or boolean"],
    ['V: [1]', "f.yml:4: 'vars.V' must be a string, number or boolean"]
  ])('vars %j is refused', async (line, message) => {
    await expect(
      parseConfig(`environments:\n  prod:\n    vars:\n      ${line}\n`, 'f.yml')
    ).rejects.toThrow(message)
  })

  test('an empty file is no settings', async () => {
    expect(await parseConfig('', 'f.yml')).toEqual({ environments: {} })
  })
})
