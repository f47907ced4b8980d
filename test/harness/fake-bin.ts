/**
 * Recording fakes of the host's tools (docker, git, flock, …) for running Gantry's generated
 * scripts under /bin/sh in a temp dir: each fake appends `<tool> <argv>` to a log, then runs the
 * small sh body it was given (which answers as scripted, from files the test writes in $FAKE).
 * The temp dir is also $HOME, so `~/gantry/shop` lands inside it.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface FakeBin {
  /** The temp dir: $HOME and $FAKE of every run. */
  dir: string
  /** Every call of a fake, `<tool> <args…>`, in order (one tool's only, when named). */
  calls(tool?: string): string[]
  run(
    script: string,
    options?: { stdin?: string }
  ): { code: number | null; stdout: string; stderr: string }
  remove(): void
}

export function fakeBin(tools: Record<string, string>): FakeBin {
  const dir = mkdtempSync(join(tmpdir(), 'gantry-fake-bin-'))
  const bin = join(dir, '.bin')
  const log = join(dir, '.calls')
  mkdirSync(bin)
  writeFileSync(log, '')
  for (const [name, body] of Object.entries(tools)) {
    const file = join(bin, name)
    writeFileSync(file, `#!/bin/sh\necho "${name} $*" >> "$FAKE/.calls"\n${body}\n`)
    chmodSync(file, 0o755)
  }
  return {
    dir,
    calls(tool) {
      const all = readFileSync(log, 'utf8').split('\n').filter(Boolean)
      return tool ? all.filter((c) => c.startsWith(`${tool} `)) : all
    },
    run(script, options = {}) {
      const result = spawnSync('/bin/sh', ['-c', script], {
        input: options.stdin ?? '',
        encoding: 'utf8',
        env: { PATH: `${bin}:/usr/bin:/bin`, HOME: dir, FAKE: dir, TMPDIR: dir }
      })
      return { code: result.status, stdout: result.stdout, stderr: result.stderr }
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
