/** Cutting text to a service's limit: never a failed post, never a broken character or markup. */
export const ELLIPSIS = '…'

/**
 * At most `max` UTF-16 units, ending in an ellipsis when cut. The cut never splits a surrogate
 * pair, an entity such as `&amp;`, or a `<…>` link or mention (which would show as raw markup).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text
  let cut = Math.max(0, max - ELLIPSIS.length)
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  let kept = text.slice(0, cut)
  const open = kept.lastIndexOf('<')
  if (open > kept.lastIndexOf('>')) kept = kept.slice(0, open)
  const amp = kept.lastIndexOf('&')
  if (amp >= 0 && amp > kept.lastIndexOf(';') && kept.length - amp <= 5) kept = kept.slice(0, amp)
  return kept + ELLIPSIS
}

/** truncate() for backslash-escaped markdown: the cut never leaves half an escape (`\\…`). */
export function truncateMarkdown(text: string, max: number): string {
  const cut = truncate(text, max)
  if (cut === text) return cut
  const kept = cut.slice(0, -ELLIPSIS.length)
  const slashes = /\\+$/.exec(kept)?.[0].length ?? 0
  return slashes % 2 === 1 ? kept.slice(0, -1) + ELLIPSIS : cut
}

/** At most `max` UTF-8 bytes (ntfy counts bytes), cut on a character boundary. */
export function truncateBytes(text: string, max: number): string {
  const bytes = new TextEncoder().encode(text)
  if (bytes.length <= max) return text
  let out = ''
  let used = 0
  const budget = max - 3 // the ellipsis is 3 bytes
  for (const char of text) {
    const size = new TextEncoder().encode(char).length
    if (used + size > budget) break
    out += char
    used += size
  }
  return out + ELLIPSIS
}
