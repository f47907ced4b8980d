import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../../scripts/action-docs.js'
import { releaseNotes } from '../../scripts/release-notes.mjs'

const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

test('the release notes of a version are its CHANGELOG section, up to the next one', () => {
  const text =
    '# C\n\n## [Unreleased]\n\n- next\n\n## [1.2.0] - 2027-01-02\n\n- a\n- b\n\n## [1.1.0]\n\n- old\n'
  expect(releaseNotes(text, '1.2.0')).toBe('- a\n- b')
  expect(releaseNotes(text, '1.1.0')).toBe('- old')
  expect(releaseNotes(text, '1.3.0')).toBeUndefined()
  expect(releaseNotes('## [2.0.0]\n\n## [1.0.0]\n- x', '2.0.0')).toBeUndefined()
})

test('CHANGELOG.md has notes for the version in package.json, so tagging it can release', () => {
  expect(releaseNotes(changelog, pkg.version)).toMatch(/\S/)
  expect(changelog).toContain('## [Unreleased]')
})

test('the script refuses a version with no notes, naming it', () => {
  const run = (v: string) =>
    execFileSync(process.execPath, ['scripts/release-notes.mjs', v], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe'
    })
  expect(run(`v${pkg.version}`)).toContain('### Added')
  expect(() => run('v9.9.9')).toThrow('CHANGELOG.md has no notes under "## [9.9.9]"')
})
