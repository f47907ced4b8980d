/**
 * The SSH transport (node-ssh over ssh2, loaded lazily: validation errors never pay for it).
 * Every connection verifies the host key first, against known_hosts entries or pinned
 * fingerprints; a refusal names the host and the fingerprint it presented, and nothing runs.
 * The private key stays in memory; it is never written to disk.
 */
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { verifyHostKey, type HostKeyVerdict, type KnownHostEntry } from '../lib/known-hosts.js'

export type HostTrust = { entries?: KnownHostEntry[]; fingerprints?: string[] } | 'insecure'

export interface SshTarget {
  host: string
  port: number
  user: string
  privateKey: string
  passphrase?: string
  trust: HostTrust
  /** A bastion to jump through (`proxy-jump`), verified the same way. */
  via?: SshTarget
  readyTimeoutMs?: number
}

export interface ExecResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RemoteShell {
  /** Runs a POSIX sh script; stdin is written then closed; output is streamed line by line. */
  exec(
    script: string,
    options?: { stdin?: string; onLine?: (line: string, stream: 'stdout' | 'stderr') => void }
  ): Promise<ExecResult>
  close(): Promise<void>
}

export class HostKeyRefusedError extends Error {
  constructor(
    readonly host: string,
    readonly verdict: Extract<HostKeyVerdict, { ok: false }>
  ) {
    const why = {
      'unknown-host': 'is not in known-hosts/fingerprint',
      'changed-key':
        'does not match the key in known-hosts/fingerprint (REMOTE HOST IDENTIFICATION HAS CHANGED?)',
      revoked: 'is marked @revoked in known-hosts'
    }[verdict.reason]
    super(
      `Host key verification failed for ${host}: the key it presented (${verdict.fingerprint}) ${why}. Nothing was run there.`
    )
  }
}

export class SshConnectError extends Error {}

const label = (t: SshTarget) => `${t.user}@${t.host}${t.port === 22 ? '' : `:${t.port}`}`

/** Splits a stream of chunks into lines, keeping a partial last line until more arrives. */
export function lineSplitter(
  emit: (line: string) => void,
  /**
   * A longer line is emitted cut: its first `maxLine` characters, LINE_CUT, its last
   * LINE_END_KEPT (where a batch's step marker is); the middle is never kept in memory.
   */
  maxLine = Infinity
): {
  push(chunk: Buffer): void
  flush(): void
} {
  let pending = ''
  let cut: { head: string; end: string } | undefined
  // A character split across two chunks is decoded whole.
  const decoder = new StringDecoder('utf8')
  const add = (text: string) => {
    if (cut) cut.end = (cut.end + text).slice(-LINE_END_KEPT)
    else if (pending.length + text.length <= maxLine) pending += text
    else {
      const line = pending + text
      cut = { head: line.slice(0, maxLine), end: line.slice(-LINE_END_KEPT) }
      pending = ''
    }
  }
  const end = () => {
    const line = cut ? `${cut.head}${LINE_CUT}${cut.end}` : pending
    emit(line.endsWith('\r') ? line.slice(0, -1) : line)
    pending = ''
    cut = undefined
  }
  return {
    push(chunk) {
      const parts = decoder.write(chunk).split('\n')
      parts.forEach((part, i) => {
        add(part)
        if (i < parts.length - 1) end()
      })
    },
    flush() {
      add(decoder.end())
      if (pending || cut) end()
    }
  }
}

/** What stands for the middle of a line cut by lineSplitter. */
export const LINE_CUT = ' … (line cut) … '
/** The end of a cut line, kept. */
export const LINE_END_KEPT = 1024

export async function connectSsh(target: SshTarget): Promise<RemoteShell> {
  const { NodeSSH } = await import('node-ssh')
  const bastion = target.via ? await connectSsh(target.via) : undefined
  let sock: Readable | undefined
  if (bastion && target.via) {
    const via = target.via
    const client = bastions.get(bastion)
    sock = await new Promise<Readable>((resolve, reject) => {
      if (!client) return reject(new SshConnectError(`No connection to ${label(via)}`))
      client.forwardOut(
        '127.0.0.1',
        0,
        target.host,
        target.port,
        (error: Error | undefined, stream: Readable) =>
          error
            ? reject(
                new SshConnectError(
                  `Cannot reach ${label(target)} through ${label(via)}: ${error.message}`
                )
              )
            : resolve(stream)
      )
    })
  }

  let refusal: Extract<HostKeyVerdict, { ok: false }> | undefined
  const ssh = new NodeSSH()
  try {
    await ssh.connect({
      host: sock ? undefined : target.host,
      port: target.port,
      sock,
      username: target.user,
      privateKey: target.privateKey,
      passphrase: target.passphrase,
      readyTimeout: target.readyTimeoutMs ?? 20_000,
      keepaliveInterval: 5_000,
      keepaliveCountMax: 3,
      hostVerifier: (key: Buffer) => {
        if (target.trust === 'insecure') return true
        const verdict = verifyHostKey(key, target.host, target.port, target.trust)
        if (!verdict.ok) refusal = verdict
        return verdict.ok
      }
    })
  } catch (error) {
    await bastion?.close()
    if (refusal) throw new HostKeyRefusedError(label(target), refusal)
    const message = error instanceof Error ? error.message : String(error)
    throw new SshConnectError(`Cannot connect to ${label(target)}: ${message}`)
  }

  const shell: RemoteShell = {
    async exec(script, options = {}) {
      const out = lineSplitter((line) => options.onLine?.(line, 'stdout'))
      const err = lineSplitter((line) => options.onLine?.(line, 'stderr'))
      try {
        const result = await ssh.execCommand(script, {
          stdin: options.stdin,
          noTrim: true,
          onStdout: (chunk) => out.push(chunk),
          onStderr: (chunk) => err.push(chunk)
        })
        out.flush()
        err.flush()
        return { code: result.code, stdout: result.stdout, stderr: result.stderr }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        throw new SshConnectError(`Connection to ${label(target)} lost: ${message}`)
      }
    },
    async close() {
      ssh.dispose()
      await bastion?.close()
    }
  }
  if (ssh.connection) bastions.set(shell, ssh.connection)
  return shell
}

/** The raw ssh2 client behind a shell, for jumping through it. */
const bastions = new WeakMap<RemoteShell, import('ssh2').Client>()
