/**
 * Branch patterns: `*` matches within one path segment, `**` across segments, `?` one character;
 * everything else is literal. `release/*` matches `release/1.2`, not `release/1.2/hotfix`.
 */
export function globToRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

export function matchesGlob(pattern: string, value: string): boolean {
  return globToRegExp(pattern).test(value)
}
