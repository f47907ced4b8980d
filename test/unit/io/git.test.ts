import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gitInfo } from '../../../src/io/git.js'
import { gitRepo } from '../../harness/git-repo.js'

// Real git repositories: what the version action reads, and how a shallow clone looks.
test('reachable tags, every tag, and a full clone is not shallow', async () => {
  const dir = gitRepo({ tags: ['v1.2.3', 'v2.0.0'] })
  execFileSync('git', ['checkout', '-q', '-b', 'hotfix', 'v1.2.3'], { cwd: dir })
  const git = gitInfo(dir)
  expect(await git.mergedTags()).toEqual(['v1.2.3'])
  expect((await git.allTags())?.sort()).toEqual(['v1.2.3', 'v2.0.0'])
  expect(await git.isShallow()).toBe(false)
})

test('a one-commit clone, as actions/checkout makes by default, is shallow and has no tags', async () => {
  const origin = gitRepo({ tags: ['v1.3.0'] })
  const dir = join(mkdtempSync(join(tmpdir(), 'gantry-shallow-')), 'repo')
  execFileSync('git', ['clone', '-q', '--depth', '1', '--no-tags', `file://${origin}`, dir])
  const git = gitInfo(dir)
  expect(await git.isShallow()).toBe(true)
  expect(await git.allTags()).toEqual([])
})

test('outside a repository: unknown, never an error', async () => {
  const git = gitInfo(mkdtempSync(join(tmpdir(), 'gantry-nogit-')))
  expect(await git.allTags()).toBeUndefined()
  expect(await git.isShallow()).toBe(false)
})
