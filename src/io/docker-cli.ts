/**
 * The Docker CLI: login (password on stdin only), logout, tag, push. Every call is one process
 * with an argument array, never a shell string. DOCKER_HOST and DOCKER_CONFIG come from the
 * environment given, so tests and the post step point it where they need.
 */
import { getExecOutput } from '@actions/exec'
import { accessSync, constants } from 'node:fs'
import { delimiter, isAbsolute, join } from 'node:path'

export type Env = Readonly<Record<string, string | undefined>>

export interface ProcessResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface ProcessOptions {
  env: Env
  input?: string
  timeoutMs?: number
  /** Each complete output line, as it arrives (for progress in the log). */
  onLine?: (line: string) => void
}

/**
 * Runs a program through @actions/exec, silent (exec would otherwise echo the command and copy
 * the program's output to stdout, where the runner would read it as commands: callers print it
 * through the runner's untrusted channel instead); rejects only when it cannot start. The
 * program is found on the PATH of the environment given, not of this process. exec cannot kill
 * a program, so a timeout rejects and leaves the program to the job's own timeout.
 */
export async function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions
): Promise<ProcessResult> {
  const program = isAbsolute(command) ? command : findOnPath(command, options.env)
  if (!program) throw Object.assign(new Error(`${command}: not found on PATH`), { code: 'ENOENT' })
  let partial = ''
  const lines = (chunk: Buffer) => {
    if (!options.onLine) return
    const parts = (partial + chunk.toString()).split(/\r?\n/)
    partial = parts.pop() ?? ''
    parts.filter(Boolean).forEach(options.onLine)
  }
  let timer: NodeJS.Timeout | undefined
  const timeoutMs = options.timeoutMs ?? 10 * 60_000
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`\`${command} ${args.join(' ')}\` did not finish within ${timeoutMs / 1000} s`)
        ),
      timeoutMs
    )
    timer.unref()
  })
  try {
    const result = await Promise.race([
      getExecOutput(program, [...args], {
        env: Object.fromEntries(
          Object.entries(options.env).filter((e): e is [string, string] => e[1] !== undefined)
        ),
        input: Buffer.from(options.input ?? ''),
        silent: true,
        ignoreReturnCode: true,
        listeners: { stdout: lines, stderr: lines }
      }),
      timeout
    ])
    if (partial && options.onLine) options.onLine(partial)
    return { code: result.exitCode, stdout: result.stdout, stderr: result.stderr }
  } finally {
    clearTimeout(timer)
  }
}

/** The path of an executable on PATH, without running anything. */
export function findOnPath(name: string, env: Env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name)
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not here
    }
  }
  return undefined
}

export class DockerCliError extends Error {
  override name = 'DockerCliError'
  constructor(
    readonly args: readonly string[],
    readonly code: number | null,
    readonly stderr: string
  ) {
    const detail = stderr.trim().split('\n').slice(-3).join(' ').trim()
    super(
      `\`docker ${args.join(' ')}\` failed (exit ${code ?? 'killed'})${detail ? `: ${detail}` : ''}`
    )
  }
}

export interface DockerCli {
  /** Whether a `docker` program is on PATH. */
  available(): boolean
  login(registry: string, username: string, password: string): Promise<void>
  logout(registry: string): Promise<void>
  /** The image's ID, or undefined when the engine has no such image. */
  imageId(reference: string): Promise<string | undefined>
  tag(source: string, target: string): Promise<void>
  /** Pushes one reference; the digest the registry gave it. */
  push(reference: string): Promise<{ digest: string | undefined }>
}

export interface DockerCliOptions {
  env: Env
  /** A config directory (`docker --config`), instead of DOCKER_CONFIG or ~/.docker. */
  configDir?: string
  onLine?: (line: string) => void
}

/** `v1: digest: sha256:… size: 527`, as `docker push` prints it. */
const PUSH_DIGEST = /digest: (sha(?:256|512):[a-f0-9]+)/

export function dockerCli(options: DockerCliOptions): DockerCli {
  const global = options.configDir ? ['--config', options.configDir] : []
  const docker = async (args: string[], extra: Partial<ProcessOptions> = {}) => {
    const result = await runProcess('docker', [...global, ...args], { env: options.env, ...extra })
    if (result.code !== 0)
      throw new DockerCliError(args, result.code, result.stderr || result.stdout)
    return result
  }
  return {
    available: () => findOnPath('docker', options.env) !== undefined,
    async login(registry, username, password) {
      await docker(['login', '--username', username, '--password-stdin', registry], {
        input: password
      })
    },
    async logout(registry) {
      await docker(['logout', registry])
    },
    async imageId(reference) {
      const result = await runProcess(
        'docker',
        [...global, 'image', 'inspect', '--format', '{{.Id}}', reference],
        { env: options.env }
      )
      return result.code === 0 ? result.stdout.trim() || undefined : undefined
    },
    async tag(source, target) {
      await docker(['tag', source, target])
    },
    async push(reference) {
      const result = await docker(['push', reference], { onLine: options.onLine })
      return { digest: PUSH_DIGEST.exec(result.stdout)?.[1] }
    }
  }
}
