/** Secrets out of text Gantry itself prints or stores (the runner masks only its own log). */

/**
 * Every occurrence of every secret replaced by `***`, the longest first, so a secret that holds
 * another (`hunter2` inside `hunter2-admin`) is masked whole, not left half visible.
 */
export function redact(text: string, secrets: Iterable<string>): string {
  let result = text
  for (const secret of [...secrets].filter(Boolean).sort((a, b) => b.length - a.length))
    result = result.split(secret).join('***')
  return result
}

/** A URL's `user:password@` (a repository URL with its token) as `***@`, wherever it is in the text. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@')
}
