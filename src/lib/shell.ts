/**
 * The one quoting function. Every value that reaches a remote shell (paths, names, URLs, env
 * values, versions) goes through quote(); commands are built as argument arrays and joined by
 * shellCommand(). Nothing from inputs, branch names or commit data is ever pasted raw.
 */
const SAFE = /^[A-Za-z0-9_/.:=@%+,-]+$/

export function quote(value: string): string {
  if (value.includes('\0')) throw new Error('A shell argument cannot contain a NUL byte')
  if (value !== '' && SAFE.test(value)) return value
  return `'${value.replace(/'/g, `'\\''`)}'`
}

/** An argv joined for a POSIX shell, each word quoted. */
export function shellCommand(argv: readonly string[]): string {
  return argv.map(quote).join(' ')
}

/**
 * A path on the remote host: a leading `~/` becomes `"$HOME"/` (quoting would stop the shell
 * from expanding `~`), the rest is quoted.
 */
export function remotePath(path: string): string {
  if (path === '~') return '"$HOME"'
  if (path.startsWith('~/')) return `"$HOME"/${quote(path.slice(2))}`
  return quote(path)
}
