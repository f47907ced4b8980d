/**
 * The actions under @github/local-action (the tool action authors use to run an action on their
 * own machine; it stands in for @actions/core): outputs are shown, action.yml's defaults are
 * applied, and secrets are never printed. It runs the TypeScript sources (an entry that exports
 * run()), with the inputs of a dotenv file: `local-action run <action dir> <entry> <dotenv>`.
 */
import { afterAll, expect, test } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../harness/run-action.js'

const dir = mkdtempSync(join(tmpdir(), 'gantry-local-action-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** dotenv lines; a multi-line value double-quoted, as dotenv reads it. */
const dotenv = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([k, v]) => `${k}=${v.includes('\n') ? `"${v}"` : v}`)
    .join('\n') + '\n'

function localAction(action: string, vars: Record<string, string>) {
  const file = join(dir, `${action}.env`)
  writeFileSync(file, dotenv(vars))
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/@github/local-action/bin/local-action.js'),
      'run',
      `actions/${action}`,
      `../../src/actions/${action}/main.ts`,
      file
    ],
    // Its bin runs `npm exec tsx`, so it runs from the project; no colours in the tables.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }
  )
  return { code: r.status, output: `${r.stdout}\n${r.stderr}` }
}

/** The rows of the "Action Outputs" table: output name → the value as shown. */
function outputsTable(output: string): Record<string, string> {
  const table = output.slice(output.indexOf('Action Outputs'))
  const rows: Record<string, string> = {}
  for (const m of table.matchAll(/│ \d+\s+│ '([^']+)'\s+│ '(.*?)'\s+│/g)) rows[m[1]!] = m[2]!
  return rows
}

test('version: its outputs are shown, with action.yml’s defaults applied to unset inputs', () => {
  const r = localAction('version', {
    INPUT_IMAGES: '127.0.0.1:5000/shop',
    'INPUT_BASE-VERSION': '1.4',
    GITHUB_ACTIONS: 'true',
    GITHUB_RUN_NUMBER: '57',
    GITHUB_REF: 'refs/heads/develop',
    GITHUB_REF_NAME: 'develop',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: '0f1e2d3c4b5a69788796a5b4c3d2e1f001234567',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_STEP_SUMMARY: join(dir, 'summary.md')
  })
  expect(r.code).toBe(0)
  expect(r.output).not.toContain('No outputs were set')
  const outputs = outputsTable(r.output)
  expect(outputs.version).toBe('1.4.57')
  // `fixed-branch-tags` is unset: its action.yml default (develop, …) gives the `develop` tag.
  expect(outputs['tag-list']).toBe('1.4.57\\ndevelop\\nsha-0f1e2d3')
  expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('1.4.57')
}, 90_000)

test('ssh-deploy (dry run): the SSH key it masks is never printed, not even in a mask command', () => {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'id')])
  const key = readFileSync(join(dir, 'id'), 'utf8')
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: ${IMAGE}\n')
  const r = localAction('ssh-deploy', {
    INPUT_HOSTS: 'deploy@10.0.1.5',
    INPUT_KEY: key.trim(),
    INPUT_FINGERPRINT: 'SHA256:' + 'A'.repeat(43),
    INPUT_APP: 'shop',
    INPUT_ENV: 'IMAGE=127.0.0.1:5000/shop:1.2.3',
    'INPUT_COMPOSE-FILE': join(dir, 'docker-compose.yml'),
    'INPUT_DRY-RUN': 'true',
    GITHUB_ACTIONS: 'true'
  })
  expect(r.code).toBe(0)
  expect(outputsTable(r.output).version).toBe('1.2.3')
  for (const line of key.split('\n').slice(1, -2)) expect(r.output).not.toContain(line)
}, 90_000)

test('the README’s local-action example, run exactly as written, prints the version', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
  const block = /```\n(cat > \.env\.version <<'ENV'\n[\s\S]*?)```/.exec(readme)?.[1]
  expect(block).toBeDefined()
  const written = ['.env.version', 'summary.md'].map((f) => join(ROOT, f))
  try {
    const r = spawnSync('sh', ['-e', '-c', block!], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }
    })
    const output = `${r.stdout}\n${r.stderr}`
    expect({ code: r.status, output }).toMatchObject({ code: 0 })
    expect(output).not.toContain('No outputs were set')
    expect(outputsTable(output).version).toBe('1.4.57')
  } finally {
    for (const f of written) rmSync(f, { force: true })
  }
}, 90_000)
