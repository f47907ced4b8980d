/**
 * The `gantry` command (dist/cli/index.js, the package's bin) as CircleCI runs it: CircleCI's
 * variables, inputs from flags and GANTRY_* variables, outputs on stdout and in $BASH_ENV.
 */
import { describe, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionNames } from '../../scripts/action-docs.js'
import { readActionYml } from '../harness/run-action.js'
import { NODES, ROOT } from '../harness/run-action.js'

const CLI = join(ROOT, 'dist', 'cli', 'index.js')
const circle = {
  CIRCLECI: 'true',
  CIRCLE_BRANCH: 'develop',
  CIRCLE_BUILD_NUM: '57',
  CIRCLE_SHA1: '4f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
  CIRCLE_PROJECT_USERNAME: 'acme',
  CIRCLE_PROJECT_REPONAME: 'shop',
  CIRCLE_REPOSITORY_URL: 'git@github.com:acme/shop.git',
  CIRCLE_BUILD_URL: 'https://circleci.com/gh/acme/shop/57',
  CIRCLE_USERNAME: 'dev'
}

function gantry(node: string, args: string[], env: Record<string, string> = {}, cwd?: string) {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'gantry-cli-'))
  const r = spawnSync(node, [CLI, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: dir, ...env }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, dir }
}

describe.each(NODES)('gantry on $name', ({ path: node }) => {
  test('help lists the actions; an action’s help comes from its action.yml', () => {
    // Every action of actions/, approval and deployment included: the list is the folders.
    const listed = /Actions:\n((?: {2}\S+\n)+)/.exec(gantry(node, ['--help']).stdout)?.[1]
    expect(listed?.trim().split(/\s+/)).toEqual(actionNames())
    const help = gantry(node, ['version', '--help'])
    expect(help.code).toBe(0)
    for (const input of Object.keys(readActionYml('version').inputs ?? {}))
      expect(help.stdout).toContain(`--${input}`)
    expect(help.stdout).toContain(
      '--fixed-branch-tags  (GANTRY_FIXED_BRANCH_TAGS)  [default: develop, preprod, master, main]'
    )
    for (const output of Object.keys(readActionYml('version').outputs ?? {}))
      expect(help.stdout).toContain(`  ${output}  `)
  })

  test('CircleCI variables decide; outputs go to stdout and to $BASH_ENV for the next step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-'))
    const bashEnv = join(dir, 'bash_env')
    writeFileSync(bashEnv, '')
    const r = gantry(
      node,
      ['version', '--images', '127.0.0.1:5000/shop'],
      { ...circle, BASH_ENV: bashEnv },
      dir
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('version=0.1.57\n')
    expect(r.stdout).toContain(
      'tags<<EOF\n127.0.0.1:5000/shop:0.1.57\n127.0.0.1:5000/shop:develop\n127.0.0.1:5000/shop:sha-4f1e2d3\nEOF\n'
    )
    // The next step is a new shell that sources $BASH_ENV, as CircleCI does.
    const next = execFileSync(
      'bash',
      ['-c', `source ${bashEnv}; printf '%s|' "$GANTRY_OUT_VERSION" "$GANTRY_OUT_TAG_LIST"`],
      { encoding: 'utf8' }
    )
    expect(next).toBe('0.1.57|0.1.57\ndevelop\nsha-4f1e2d3|')
  })

  test('inputs from GANTRY_* variables; a flag wins; an empty variable means the default', () => {
    const r = gantry(node, ['version', '--json', '--build-number', '9'], {
      ...circle,
      GANTRY_BASE_VERSION: '3.2',
      GANTRY_BUILD_NUMBER: '1',
      GANTRY_FIXED_BRANCH_TAGS: ''
    })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({
      version: '3.2.9',
      'tag-list': '3.2.9\ndevelop\nsha-4f1e2d3'
    })
  })

  test('a bad input fails with exit 1 and the same message as in Actions', () => {
    const r = gantry(node, ['version', '--base-version', 'one.two'], circle)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      'error: Input \'base-version\' is "one.two": expected a semantic version such as `1.4` or `v1.4.0`.'
    )
    expect(r.stdout).toBe('')
  })

  test('unknown actions and inputs are refused', () => {
    expect(gantry(node, ['deploy-everything']).stderr).toContain(
      'error: unknown action "deploy-everything"'
    )
    const r = gantry(node, ['version', '--imagez', 'x'])
    expect([r.code, r.stderr]).toEqual([
      1,
      'error: unknown input --imagez (see gantry version --help)\n'
    ])
  })

  test('a flag with no value is an error naming it, never a value taken from the next flag', () => {
    // Before parseArgs, `--images --base-version 1.4` set images to "--base-version".
    const ambiguous = gantry(node, ['version', '--images', '--base-version', '1.4'], circle)
    expect([ambiguous.code, ambiguous.stdout]).toEqual([1, ''])
    expect(ambiguous.stderr).toBe(
      'error: --images needs a value (the next argument starts with -: write --images=<value> for a value that does) (see gantry version --help)\n'
    )
    const missing = gantry(node, ['version', '--images'], circle)
    expect(missing.stderr).toBe('error: --images needs a value (see gantry version --help)\n')
    const stray = gantry(node, ['version', 'shop'], circle)
    expect(stray.stderr).toBe('error: unexpected argument "shop" (see gantry version --help)\n')
    // A value that starts with a dash is still possible, written --name=value.
    const dashed = gantry(
      node,
      ['version', '--images=127.0.0.1:5000/shop', '--build-number=-1'],
      circle
    )
    expect(dashed.stderr).toContain('Input \'build-number\' is "-1"')
  })

  test('secrets stay masked in everything printed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gantry-cli-'))
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')])
    writeFileSync(join(dir, 'docker-compose.yml'), 'services: {}\n')
    const key = readFileSync(join(dir, 'id'), 'utf8')
    const bashEnv = join(dir, 'bash_env')
    const password = 'hunter2-$(not-run)'
    const r = gantry(
      node,
      [
        'ssh-deploy',
        '--hosts',
        'deploy@127.0.0.1:1',
        '--app',
        'shop',
        '--dry-run',
        'true',
        '--registry',
        '127.0.0.1:5001',
        '--registry-username',
        'ci',
        '--fingerprint',
        'SHA256:' + 'A'.repeat(43)
      ],
      { ...circle, GANTRY_KEY: key, GANTRY_REGISTRY_PASSWORD: password, BASH_ENV: bashEnv },
      dir
    )
    expect(r.code).toBe(0)
    for (const text of [r.stdout, r.stderr, readFileSync(bashEnv, 'utf8')]) {
      expect(text).not.toContain(password)
      expect(text).not.toContain(key.split('\n')[1])
    }
    expect(r.stderr).toContain(
      'docker login --username ci --password-stdin 127.0.0.1:5001  <<< (secret on stdin)'
    )
  })
})
