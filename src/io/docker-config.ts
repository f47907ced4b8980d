/**
 * The Docker config file and credential helpers: where `docker login` (or `ecr-login`) left a
 * registry's credentials, and the same edits `docker login`/`logout` make, for runners without a
 * Docker CLI. Helpers speak Docker's protocol: `docker-credential-<name> get|store|erase`, with
 * the request on stdin and the answer as JSON on stdout.
 */
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import {
  credentialSources,
  helperFor,
  parseDockerConfig,
  parseHelperResponse,
  serverUrlFor,
  withAuthEntry,
  withoutAuthEntry,
  type DockerConfigFile
} from '../core/registry/docker-config.js'
import { ConfigurationError } from '../lib/errors.js'
import { runProcess, type Env } from './docker-cli.js'
import { readOptionalFile } from './files.js'
import type { FoundCredentials } from './registry.js'

/** `$DOCKER_CONFIG`, else `~/.docker`, as the Docker CLI decides. */
export function dockerConfigDir(env: Env): string {
  return env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker')
}

export async function readDockerConfig(
  dir: string
): Promise<{ path: string; config: DockerConfigFile; exists: boolean }> {
  const path = join(dir, 'config.json')
  const text = await readOptionalFile(path)
  if (text === undefined || text.trim() === '') return { path, config: {}, exists: false }
  return { path, config: parseDockerConfig(text, path), exists: true }
}

/** Written whole to a temporary file, then renamed: a reader never sees half a file. */
export async function writeDockerConfig(dir: string, config: DockerConfigFile): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 })
  const path = join(dir, 'config.json')
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify(config, null, '\t') + '\n', { mode: 0o600 })
  await chmod(temporary, 0o600)
  await rename(temporary, path)
}

export interface CredentialHelpers {
  get(helper: string, serverUrl: string): Promise<string | undefined>
  store(helper: string, serverUrl: string, username: string, secret: string): Promise<void>
  erase(helper: string, serverUrl: string): Promise<void>
}

/** Helpers as programs on PATH. Their stderr may be shown; their stdout (secrets) never is. */
export function credentialHelpers(env: Env): CredentialHelpers {
  const call = async (helper: string, action: string, input: string) => {
    const program = `docker-credential-${helper}`
    let result
    try {
      result = await runProcess(program, [action], { env, input, timeoutMs: 60_000 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ConfigurationError(
          `The Docker config names the credential helper '${helper}', but ${program} is not on PATH.`
        )
      }
      throw error
    }
    return result
  }
  const failed = (
    helper: string,
    action: string,
    result: { code: number | null; stdout: string; stderr: string }
  ) =>
    new ConfigurationError(
      `docker-credential-${helper} ${action} failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(0, 300)}`
    )
  return {
    async get(helper, serverUrl) {
      const result = await call(helper, 'get', serverUrl)
      if (result.code === 0) return result.stdout
      // The protocol's "nothing stored" answer, on stdout or stderr depending on the helper.
      if (/credentials not found/i.test(result.stdout + result.stderr)) return undefined
      throw failed(helper, 'get', result)
    },
    async store(helper, serverUrl, username, secret) {
      const input = JSON.stringify({ ServerURL: serverUrl, Username: username, Secret: secret })
      const result = await call(helper, 'store', input)
      if (result.code !== 0) throw failed(helper, 'store', result)
    },
    async erase(helper, serverUrl) {
      const result = await call(helper, 'erase', serverUrl)
      if (result.code !== 0 && !/credentials not found/i.test(result.stdout + result.stderr)) {
        throw failed(helper, 'erase', result)
      }
    }
  }
}

/** The registry's credentials from the Docker config (helpers first), and where they came from. */
export async function lookupDockerCredentials(
  registry: string,
  env: Env,
  helpers: CredentialHelpers = credentialHelpers(env)
): Promise<FoundCredentials> {
  const { path, config, exists } = await readDockerConfig(dockerConfigDir(env))
  if (!exists) return { from: `no Docker config at ${path}` }
  for (const source of credentialSources(config, registry)) {
    if (source.kind === 'inline') {
      return { credentials: source.credentials, from: `${path} (auths "${source.key}")` }
    }
    const answer = await helpers.get(source.helper, source.serverUrl)
    const credentials = answer === undefined ? undefined : parseHelperResponse(answer)
    if (credentials) return { credentials, from: `docker-credential-${source.helper}` }
  }
  return { from: `nothing for ${registry} in ${path}` }
}

/**
 * `docker login` without Docker: into the registry's helper when the config names one (where
 * Docker would look first), else into `auths`. Returns where it went, for the post step.
 */
export async function storeDockerCredentials(
  registry: string,
  username: string,
  password: string,
  env: Env,
  helpers: CredentialHelpers = credentialHelpers(env)
): Promise<string> {
  const dir = dockerConfigDir(env)
  const { path, config } = await readDockerConfig(dir)
  const helper = helperFor(config, registry)
  if (helper) {
    await helpers.store(helper, serverUrlFor(registry), username, password)
    return `docker-credential-${helper}`
  }
  await writeDockerConfig(dir, withAuthEntry(config, registry, username, password))
  return path
}

/** `docker logout` without Docker: the helper's entry and the `auths` entry both go. */
export async function eraseDockerCredentials(
  registry: string,
  env: Env,
  helpers: CredentialHelpers = credentialHelpers(env)
): Promise<void> {
  const dir = dockerConfigDir(env)
  const { config, exists } = await readDockerConfig(dir)
  if (!exists) return
  const helper = helperFor(config, registry)
  if (helper) await helpers.erase(helper, serverUrlFor(registry))
  const updated = withoutAuthEntry(config, registry)
  if (JSON.stringify(updated.auths) !== JSON.stringify(config.auths ?? {})) {
    await writeDockerConfig(dir, updated)
  }
}
