// Reading what an action wrote through the runner contract: the file-command format
// (`name<<delimiter` blocks and `name=value` lines) and annotation workflow commands.
// Plain JS so that the demo script shares it with the TypeScript harness.

/** @param {string} text */
export function parseFileCommands(text) {
  /** @type {Record<string, string>} */
  const result = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line === '') continue
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc
      const value = []
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i])
      if (i >= lines.length) throw new Error(`Unterminated value for ${name}`)
      result[name] = value.join('\n')
    } else {
      const eq = line.indexOf('=')
      if (eq < 0) throw new Error(`Malformed file-command line: ${line}`)
      result[line.slice(0, eq)] = line.slice(eq + 1)
    }
  }
  return result
}

/** @param {string} s */
const unescape = (s) =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')

/** @param {string} stdout */
export function parseAnnotations(stdout) {
  const found = []
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line)
    if (!m) continue
    /** @type {Record<string, string>} */
    const properties = {}
    for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=')
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1))
    }
    found.push({ level: m[1], message: unescape(m[3] ?? ''), properties })
  }
  return found
}
