import { describe, expect, test } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fingerprintSha256, parseKnownHosts, verifyHostKey } from '../../../src/lib/known-hosts.js'

// Real keys and real known_hosts lines, made by OpenSSH's own tools.
const dir = mkdtempSync(join(tmpdir(), 'kh-'))
function keyPair(name: string): { blob: Buffer; line: string } {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', join(dir, name)])
  const pub = readFileSync(join(dir, `${name}.pub`), 'utf8')
    .trim()
    .split(' ')
  return { blob: Buffer.from(pub[1] as string, 'base64'), line: `${pub[0]} ${pub[1]}` }
}
const a = keyPair('a')
const b = keyPair('b')

describe('verifyHostKey', () => {
  test('fingerprints match ssh-keygen -l', () => {
    const printed = execFileSync('ssh-keygen', ['-l', '-f', join(dir, 'a.pub')], {
      encoding: 'utf8'
    }).split(' ')[1]
    expect(fingerprintSha256(a.blob)).toBe(printed)
  })

  test('plain and [host]:port entries: each host checked against its own key', () => {
    const { entries } = parseKnownHosts(`127.0.0.11 ${a.line}\n[127.0.0.12]:2222 ${b.line}\n`)
    expect(verifyHostKey(a.blob, '127.0.0.11', 22, { entries }).ok).toBe(true)
    expect(verifyHostKey(b.blob, '127.0.0.12', 2222, { entries }).ok).toBe(true)
    expect(verifyHostKey(b.blob, '127.0.0.11', 22, { entries })).toMatchObject({
      ok: false,
      reason: 'changed-key'
    })
    expect(verifyHostKey(b.blob, '127.0.0.12', 22, { entries })).toMatchObject({
      ok: false,
      reason: 'unknown-host'
    })
  })

  test('hashed entries as ssh-keygen -H writes them', () => {
    const file = join(dir, 'known_hosts')
    writeFileSync(file, `127.0.0.11 ${a.line}\n[127.0.0.12]:2222 ${b.line}\n`)
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' })
    const text = readFileSync(file, 'utf8')
    expect(text).toMatch(/^\|1\|/)
    const { entries } = parseKnownHosts(text)
    expect(verifyHostKey(a.blob, '127.0.0.11', 22, { entries }).ok).toBe(true)
    expect(verifyHostKey(b.blob, '127.0.0.12', 2222, { entries }).ok).toBe(true)
    expect(verifyHostKey(a.blob, '127.0.0.12', 2222, { entries }).ok).toBe(false)
  })

  test('wildcards, negation and @revoked', () => {
    const { entries } = parseKnownHosts(
      `*.prod.example.com,!bad.prod.example.com ${a.line}\n@revoked * ${b.line}\n`
    )
    expect(verifyHostKey(a.blob, 'web1.prod.example.com', 22, { entries }).ok).toBe(true)
    expect(verifyHostKey(a.blob, 'bad.prod.example.com', 22, { entries }).ok).toBe(false)
    expect(verifyHostKey(b.blob, 'web1.prod.example.com', 22, { entries })).toMatchObject({
      ok: false,
      reason: 'revoked'
    })
  })

  test('pinned fingerprints', () => {
    const fingerprints = [fingerprintSha256(a.blob)]
    expect(verifyHostKey(a.blob, 'h', 22, { fingerprints }).ok).toBe(true)
    expect(verifyHostKey(b.blob, 'h', 22, { fingerprints })).toMatchObject({
      ok: false,
      reason: 'changed-key',
      fingerprint: fingerprintSha256(b.blob)
    })
  })

  test('unreadable lines are reported by number', () => {
    expect(
      parseKnownHosts(`# comment\n127.0.0.1 ssh-ed25519\n127.0.0.1 ${a.line}\nnot a key line !!!\n`)
        .invalidLines
    ).toEqual([2, 4])
  })
})
