/**
 * Words that carry shell syntax without a space, and `~`: what the bugs `npm run mutation` seeds
 * into src/lib/shell.ts (quoting only words with spaces, `~` left bare) would let the shell expand.
 * Run by /bin/sh in an empty directory, so a glob has nothing to match but itself.
 */
import { afterAll, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { quote, remotePath, shellCommand } from '../../../src/lib/shell.js'

const cwd = mkdtempSync(join(tmpdir(), 'shell-words-'))
afterAll(() => rmSync(cwd, { recursive: true, force: true }))

/** What /bin/sh makes of the script's words, one NUL-terminated record each. */
function shellWords(script: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${script}`], { cwd, encoding: 'utf8' })
  return out.split('\0').slice(0, -1)
}

const home = execFileSync('/bin/sh', ['-c', 'printf %s "$HOME"'], { encoding: 'utf8' })

const SPACELESS = [
  '$HOME',
  '${PATH}',
  '$(echo expanded)',
  '`echo expanded`',
  'a;echo expanded',
  'a&&echo expanded',
  'a|cat',
  '*',
  '?',
  '[ab]',
  '{a,b}',
  '"double"',
  "it's",
  '\\n',
  '#comment',
  '!event'
]

test.each(SPACELESS)('%j, with no space in it, reaches the shell as exactly that word', (word) => {
  expect(shellWords(quote(word))).toEqual([word])
})

test('an argv of such words survives as the same argv', () => {
  expect(shellWords(shellCommand(SPACELESS))).toEqual(SPACELESS)
})

test.each(['~', '~root', '~/x', 'a~b', '~+'])('%j is not expanded as a home directory', (word) => {
  expect(shellWords(quote(word))).toEqual([word])
})

test('a remote path that is just ~ is the home directory, and ~/ paths are under it', () => {
  expect(shellWords(remotePath('~'))).toEqual([home])
  expect(shellWords(remotePath('~/apps/$(id)'))).toEqual([`${home}/apps/$(id)`])
})
