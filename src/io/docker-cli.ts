/**
 * The Docker CLI: login (password on stdin only), logout, tag, push. Every call is one process
 * with an argument array, never a shell string. DOCKER_HOST and DOCKER_CONFIG come from the
 * environment given, so tests and the post step point it where they need.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'

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

/** Runs a program; rejects only when it cannot start (ENOENT, EACCES). */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let partial = ''
    const lines = (chunk: string) => {
      if (!options.onLine) return
      const parts = (partial + chunk).split(/\r?\n/)
      partial = parts.pop() ?? ''
      parts.filter(Boolean).forEach(options.onLine)
    }
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString()
      lines(d.toString())
    })
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString()
      lines(d.toString())
    })
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (partial && options.onLine) options.onLine(partial)
      resolve({ code, stdout, stderr })
    })
    child.stdin.on('error', () => undefined) // a program that exits without reading stdin
    child.stdin.end(options.input ?? '')
  })
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
