/**
 * Output Gantry did not write (deploy hosts, docker, compose, git, registry and API error
 * messages, commit messages) must never be read by the Actions runner as a workflow command. The
 * runner acts on `::cmd::` at the start of a line (after leading spaces) and on the legacy
 * `##[cmd]` anywhere in a line, and splits lines on `\r\n`, a lone `\r` and `\n`; a prefix on each
 * line stops neither `##[cmd]` nor what follows a lone `\r`. So such lines are printed inside a
 * `::stop-commands::<token>` … `::<token>::` region, with a random token that does not occur in
 * the text. Masks registered before still apply inside a region, but an `::add-mask::` (or any
 * command) inside one is ignored: the adapter closes the region before anything of Gantry's own.
 */
import { randomUUID } from 'node:crypto'

/** Lines as the runner (and .NET's ReadLine) splits them; a final line break ends the last line. */
export function runnerLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

export interface UntrustedChannel {
  /** Prints untrusted text, each line after `prefix`, inside a region (opened if none is). */
  print(text: string, prefix?: string): void
  /** Ends the open region, if any: called before any output of Gantry's own. */
  close(): void
}

/**
 * The one way untrusted text reaches a log that the runner reads. Consecutive prints share one
 * region (the runner echoes the fence lines, so one per line would triple a deploy's log); it
 * closes before Gantry's own output, after a short pause in the untrusted output, and at exit, so
 * no later command of this step or of the next is lost.
 */
export function untrustedChannel(
  write: (text: string) => void,
  newToken: () => string = randomUUID,
  idleMs = 200
): UntrustedChannel {
  let token: string | undefined
  let idle: NodeJS.Timeout | undefined
  const close = () => {
    if (token === undefined) return
    clearTimeout(idle)
    process.off('exit', close)
    const end = `::${token}::`
    token = undefined
    write(end)
  }
  return {
    close,
    print(text, prefix = '') {
      const lower = text.toLowerCase()
      if (token !== undefined && lower.includes(token.toLowerCase())) close()
      let opening = ''
      if (token === undefined) {
        let fresh = newToken()
        while (lower.includes(fresh.toLowerCase())) fresh = newToken()
        token = fresh
        process.on('exit', close)
        opening = `::stop-commands::${token}\n`
      }
      write(
        opening +
          runnerLines(text)
            .map((line) => prefix + line)
            .join('\n')
      )
      clearTimeout(idle)
      idle = setTimeout(close, idleMs)
      idle.unref()
    }
  }
}
