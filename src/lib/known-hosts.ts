/**
 * Host-key verification as OpenSSH does it: known_hosts lines (plain, `[host]:port`, wildcards,
 * negations, hashed `|1|salt|hash` entries, `@revoked`) or pinned `SHA256:` fingerprints.
 * A key is accepted only when it is listed for this very host; anything else is refused.
 */
import { createHash, createHmac } from 'node:crypto'

export interface KnownHostEntry {
  marker?: '@revoked' | '@cert-authority'
  /** The host field as written: comma-separated patterns, or one hashed entry. */
  hosts: string
  keyType: string
  key: Buffer
  line: number
}

export function fingerprintSha256(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`
}

/** An SSH key blob starts with its own type name (RFC 4253 §6.6); a line whose blob does not is garbage. */
function blobKeyType(blob: Buffer): string | undefined {
  if (blob.length < 4) return undefined
  const length = blob.readUInt32BE(0)
  return length > 0 && length < 64 && blob.length >= 4 + length
    ? blob.subarray(4, 4 + length).toString('latin1')
    : undefined
}

/** Parses known_hosts text; returns entries and the numbers of lines it could not read. */
export function parseKnownHosts(text: string): {
  entries: KnownHostEntry[]
  invalidLines: number[]
} {
  const entries: KnownHostEntry[] = []
  const invalidLines: number[] = []
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const words = line.split(/\s+/)
    const marker =
      words[0] === '@revoked' || words[0] === '@cert-authority'
        ? (words.shift() as KnownHostEntry['marker'])
        : undefined
    const [hosts, keyType, keyText] = words
    const key =
      keyText && /^[A-Za-z0-9+/]+=*$/.test(keyText) ? Buffer.from(keyText, 'base64') : undefined
    if (!hosts || !keyType || !key || blobKeyType(key) !== keyType) {
      invalidLines.push(i + 1)
      return
    }
    entries.push({ marker, hosts, keyType, key, line: i + 1 })
  })
  return { entries, invalidLines }
}

/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`
}

function globMatch(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[\\^$.|+()[\]{}]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`, 'i').test(value)
}

function entryMatches(entry: KnownHostEntry, name: string): boolean {
  if (entry.hosts.startsWith('|1|')) {
    const [, , salt, hash] = entry.hosts.split('|')
    if (!salt || !hash) return false
    const digest = createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64')
    return digest === hash
  }
  let matched = false
  for (const pattern of entry.hosts.split(',')) {
    if (pattern.startsWith('!')) {
      if (globMatch(pattern.slice(1), name)) return false
    } else if (globMatch(pattern, name)) matched = true
  }
  return matched
}

export type HostKeyVerdict =
  | { ok: true; fingerprint: string }
  | { ok: false; fingerprint: string; reason: 'unknown-host' | 'changed-key' | 'revoked' }

/**
 * Checks a presented key (the raw SSH key blob) against known_hosts entries and/or pinned
 * fingerprints for this host.
 */
export function verifyHostKey(
  presented: Buffer,
  host: string,
  port: number,
  trust: { entries?: KnownHostEntry[]; fingerprints?: string[] }
): HostKeyVerdict {
  const fingerprint = fingerprintSha256(presented)
  const names = [knownHostsName(host, port)]
  const forHost = (trust.entries ?? []).filter((e) => names.some((n) => entryMatches(e, n)))
  if (forHost.some((e) => e.marker === '@revoked' && e.key.equals(presented))) {
    return { ok: false, fingerprint, reason: 'revoked' }
  }
  const trusted = forHost.filter((e) => e.marker === undefined)
  if (trusted.some((e) => e.key.equals(presented))) return { ok: true, fingerprint }
  if ((trust.fingerprints ?? []).some((f) => f.replace(/=+$/, '') === fingerprint))
    return { ok: true, fingerprint }
  const known = trusted.length > 0 || (trust.fingerprints ?? []).length > 0
  return { ok: false, fingerprint, reason: known ? 'changed-key' : 'unknown-host' }
}
