// How the GitHub Actions runner reads a step's output, modelled from its source (actions/runner:
// Runner.Common/ActionCommand.cs TryParseV2 and TryParse, Runner.Worker/ActionCommandManager.cs
// TryProcessCommand), so tests can see which workflow commands a log would trigger:
// - lines end at `\r\n`, a lone `\r` or `\n` (.NET ReadLine);
// - `::name props::data` at the start of a line after leading whitespace (V2), else the legacy
//   `##[name props]data` anywhere in a line; a name counts only when registered (case-insensitive);
// - `stop-commands` stops all processing until a line whose command name is the token it gave
//   (which is registered for that time, so `::token::` and `##[token]` both resume).
// Plain JS so e2e and integration tests (and scripts) share it.

/** Command extensions the runner registers (ActionCommandManager.Initialize), and stop-commands. */
export const REGISTERED = [
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'warning',
  'error',
  'notice',
  'debug',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
]

/** @param {string} text */
export function runnerLines(text) {
  return text.split(/\r\n|\r|\n/)
}

/** @param {string} s @param {[string, string][]} map */
const unescape = (s, map) =>
  map.reduce((acc, [token, escaped]) => acc.split(escaped).join(token), s)
const DATA = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  ['%', '%25']
]
const PROPERTY = [
  ['\r', '%0D'],
  ['\n', '%0A'],
  [':', '%3A'],
  [',', '%2C'],
  ['%', '%25']
]
const LEGACY = [
  [';', '%3B'],
  ['\r', '%0D'],
  ['\n', '%0A'],
  [']', '%5D'],
  ['%', '%25']
]

/**
 * `k=v` pairs split on `separator`; a pair without both sides is dropped, as the runner does.
 * @param {string} text @param {string} separator @param {[string, string][]} map
 */
function parseProperties(text, separator, map) {
  /** @type {Record<string, string>} */
  const properties = {}
  for (const pair of text.split(separator).filter(Boolean)) {
    const eq = pair.indexOf('=')
    if (eq > 0 && eq < pair.length - 1)
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), map)
  }
  return properties
}

/** @param {string} line @param {Set<string>} registered */
export function parseV2(line, registered) {
  const message = line.trimStart()
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!name || !registered.has(name.toLowerCase())) return undefined
  const properties = space > 0 ? parseProperties(info.slice(space + 1).trim(), ',', PROPERTY) : {}
  return { name, properties, data: unescape(message.slice(end + 2), DATA) }
}

/** @param {string} line @param {Set<string>} registered */
export function parseLegacy(line, registered) {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const rb = line.indexOf(']', prefix)
  if (rb < 0) return undefined
  const info = line.slice(prefix + 3, rb)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (!name || !registered.has(name.toLowerCase())) return undefined
  const properties = space > 0 ? parseProperties(info.slice(space + 1), ';', LEGACY) : {}
  return { name, properties, data: unescape(line.slice(rb + 1), LEGACY) }
}

/**
 * Every command the runner would act on in `text` (one step's stdout and stderr), in order, with
 * the line it came from; `stop-commands` and the resume appear as `stop-commands` and `resume`.
 * @param {string} text
 */
export function runnerCommands(text) {
  const registered = new Set(REGISTERED)
  /** @type {{ name: string, properties: Record<string, string>, data: string, line: string }[]} */
  const commands = []
  /** @type {string | undefined} */
  let stopToken
  for (const line of runnerLines(text)) {
    if (!line) continue
    const command = parseV2(line, registered) ?? parseLegacy(line, registered)
    if (!command) continue
    if (stopToken !== undefined) {
      if (command.name.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase())
        stopToken = undefined
        commands.push({ ...command, name: 'resume', line })
      }
      continue
    }
    if (command.name.toLowerCase() === 'stop-commands') {
      stopToken = command.data
      registered.add(stopToken.toLowerCase())
      commands.push({ ...command, name: 'stop-commands', line })
      continue
    }
    commands.push({ ...command, name: command.name.toLowerCase(), line })
  }
  return { commands, stopped: stopToken !== undefined }
}

/**
 * The commands of `text` other than the stop-commands regions' own fences: what the runner acts
 * on besides pausing. `stopped` is true when the log ends inside a region.
 * @param {string} text
 */
export function actedOn(text) {
  const { commands, stopped } = runnerCommands(text)
  return {
    commands: commands.filter((c) => c.name !== 'stop-commands' && c.name !== 'resume'),
    stopped
  }
}

/**
 * What a hostile program prints to forge commands: each kind the runner would act on if printed
 * raw (a V2 command, the legacy form mid-line, one after a lone `\r`, a mask, outputs and state,
 * stop-commands with a token of its own, guessed resume tokens). Every forged line says FORGED.
 */
export const HOSTILE_LINES = [
  '::error::FORGED error at the start of a line',
  '   ::warning title=FORGED::FORGED warning after spaces',
  'progress 42% ##[error]FORGED legacy error mid-line',
  'downloading\r::set-output name=FORGED::FORGED output after a lone CR',
  'step\r\n::notice::FORGED notice after CRLF',
  '::add-mask::FORGED-mask',
  '::save-state name=FORGED::FORGED state',
  '::group::FORGED group',
  '##[stop-commands]FORGED-stop-token',
  '::stop-commands::FORGED-token2',
  '::FORGED-token2::',
  '::00000000-0000-0000-0000-000000000000::',
  '##[add-mask]FORGED-legacy-mask',
  '::ERROR::FORGED upper-case error'
]
