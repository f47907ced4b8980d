/** Secrets out of text Gantry itself prints or stores (the runner masks only its own log). */

/**
 * Every occurrence of every secret replaced by `***`, the longest first, so a secret that holds
 * another (`hunter2` inside `hunter2-admin`) is masked whole, not left half visible.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  return redactor(secrets)(text)
}

/** redact() for many texts with the same secrets (a step's output, line by line). */
export function redactor(secrets: Iterable<string>): (text: string) => string {
  const sorted = [...new Set(secrets)].filter(Boolean).sort((a, b) => b.length - a.length)
  return (text) => sorted.reduce((result, secret) => result.split(secret).join('***'), text)
}

/** A line of a multi-line secret shorter than this is not masked alone (it could be any word). */
const MIN_LINE_SECRET = 8

/**
 * The values to mask in text that arrives line by line: each secret, and each line of one that
 * spans several (a private key printed by a step reaches the log one line at a time).
 */
export function lineSecrets(secrets: Iterable<string>): string[] {
  const values = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    values.add(secret)
    if (!secret.includes('\n')) continue
    for (const line of secret.split(/\r?\n/))
      if (line.trim().length >= MIN_LINE_SECRET) values.add(line.trim())
  }
  return [...values]
}

/** A URL's `user:password@` (a repository URL with its token) as `***@`, wherever it is in the text. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
}
