import { expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { quote, remotePath, shellCommand } from '../../../src/lib/shell.js'
import { HOSTILE_VALUES } from '../../fixtures/hostile.js'

/** What /bin/sh makes of the quoted words: printf each argument on its own NUL-terminated record. */
function shellWords(script: string): string[] {
  const out = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${script}`], { encoding: 'utf8' })
  return out.split('\0').slice(0, -1)
}

test.each(HOSTILE_VALUES)('quote(%j) reaches the shell as exactly that one word', (value) => {
  expect(shellWords(quote(value))).toEqual([value])
})

test('an argv survives as the same argv', () => {
  expect(shellWords(shellCommand(HOSTILE_VALUES))).toEqual(HOSTILE_VALUES)
})

test('plain words stay readable', () => {
  expect(shellCommand(['docker', 'compose', '-p', 'shop', 'up', '-d'])).toBe(
    'docker compose -p shop up -d'
  )
  expect(quote('')).toBe("''")
  expect(quote("it's")).toBe(`'it'\\''s'`)
})

test('remote paths expand ~ and nothing else', () => {
  const home = execFileSync('/bin/sh', ['-c', 'printf %s "$HOME"'], { encoding: 'utf8' })
  expect(shellWords(remotePath('~/gantry/$(id)'))).toEqual([`${home}/gantry/$(id)`])
  expect(shellWords(remotePath('/srv/app dir'))).toEqual(['/srv/app dir'])
})

test('a NUL byte is refused', () => {
  expect(() => quote('a\0b')).toThrow('NUL')
})
