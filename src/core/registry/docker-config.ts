/**
 * The Docker config file (`$DOCKER_CONFIG/config.json`) as Docker reads it: which credential
 * helper or `auths` entry holds a registry's credentials, and the edits `docker login` and
 * `docker logout` make. Reading and writing the file, and running helpers, is src/io's job.
 */
import { asObject } from '../json.js'
import { ConfigurationError } from '../../lib/errors.js'
import { decodeBase64, encodeBase64, type Credentials } from './auth.js'
import { DOCKER_HUB } from '../docker-reference.js'

export interface DockerAuthEntry {
  /** base64 of `username:password` */
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  [key: string]: unknown
}

export interface DockerConfigFile {
  auths?: Record<string, DockerAuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
  [key: string]: unknown
}

/** The key Docker uses for Docker Hub's credentials. */
export const DOCKER_HUB_KEY = 'https://index.docker.io/v1/'

/** A helper name becomes part of a program name: nothing that could leave `docker-credential-`. */
const HELPER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/

export function parseDockerConfig(text: string, path: string): DockerConfigFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    throw new ConfigurationError(
      `${path} is not valid JSON (${(error as Error).message}); fix or remove it.`
    )
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ConfigurationError(`${path} is not a JSON object; fix or remove it.`)
  }
  return json as DockerConfigFile
}

/** Docker's `ConvertToHostname`: `https://host:5000/v2/` → `host:5000`. */
export function hostnameOfKey(key: string): string {
  const withoutScheme = key.replace(/^[a-z]+:\/\//i, '')
  const host = withoutScheme.split('/')[0] ?? ''
  return ['index.docker.io', 'registry-1.docker.io', 'docker.io'].includes(host) ? DOCKER_HUB : host
}

/** The name a helper is asked about: Docker Hub's legacy URL, else the registry host. */
export function serverUrlFor(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_KEY : registry
}

export type CredentialSource =
  | { kind: 'helper'; helper: string; serverUrl: string }
  | { kind: 'inline'; key: string; credentials: Credentials }

/**
 * Where the registry's credentials may be, in Docker's order: the registry's own helper
 * (`credHelpers`), else the default store (`credsStore`), then an `auths` entry. The entry comes
 * last as a fallback, for files written by tools that ignore `credsStore`.
 */
export function credentialSources(config: DockerConfigFile, registry: string): CredentialSource[] {
  const sources: CredentialSource[] = []
  const helper = helperFor(config, registry)
  if (helper) sources.push({ kind: 'helper', helper, serverUrl: serverUrlFor(registry) })
  const entry = findAuthEntry(config, registry)
  const credentials = entry && decodeAuthEntry(entry[1])
  if (entry && credentials) sources.push({ kind: 'inline', key: entry[0], credentials })
  return sources
}

export function helperFor(config: DockerConfigFile, registry: string): string | undefined {
  const specific = Object.entries(config.credHelpers ?? {}).find(
    ([key]) => hostnameOfKey(key) === registry
  )?.[1]
  const helper = specific ?? config.credsStore
  if (helper === undefined || helper === '') return undefined
  if (!HELPER_NAME.test(helper)) {
    throw new ConfigurationError(
      `The Docker config names the credential helper ${JSON.stringify(helper)}: expected a name such as \`ecr-login\` (run as docker-credential-<name>).`
    )
  }
  return helper
}

function findAuthEntry(
  config: DockerConfigFile,
  registry: string
): [string, DockerAuthEntry] | undefined {
  const entries = Object.entries(config.auths ?? {})
  return (
    entries.find(([key]) => key === serverUrlFor(registry)) ??
    entries.find(([key]) => hostnameOfKey(key) === registry)
  )
}

/** `auth` (base64 `user:password`), or `username` + `password`, or an identity token. */
export function decodeAuthEntry(entry: DockerAuthEntry): Credentials | undefined {
  if (typeof entry.identitytoken === 'string' && entry.identitytoken !== '') {
    return { identityToken: entry.identitytoken }
  }
  if (typeof entry.auth === 'string' && entry.auth !== '') {
    const decoded = decodeBase64(entry.auth)
    const colon = decoded?.indexOf(':') ?? -1
    if (decoded === undefined || colon < 0) return undefined
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (typeof entry.username === 'string' && typeof entry.password === 'string') {
    return { username: entry.username, password: entry.password }
  }
  return undefined
}

/**
 * A helper's `get` answer: `{"ServerURL","Username","Secret"}`. A `<token>` username marks the
 * secret as an identity (refresh) token, as in Docker.
 */
export function parseHelperResponse(text: string): Credentials | undefined {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const body = asObject(json)
  const username = typeof body.Username === 'string' ? body.Username : ''
  const secret = typeof body.Secret === 'string' ? body.Secret : ''
  if (secret === '') return undefined
  return username === '<token>' ? { identityToken: secret } : { username, password: secret }
}

/** What `docker login` writes when no helper applies: the entry under the registry's host. */
export function withAuthEntry(
  config: DockerConfigFile,
  registry: string,
  username: string,
  password: string
): DockerConfigFile {
  const auths = Object.fromEntries(
    Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry)
  )
  auths[serverUrlFor(registry)] = { auth: encodeBase64(`${username}:${password}`) }
  return { ...config, auths }
}

/** What `docker logout` leaves: the registry's entries gone, everything else untouched. */
export function withoutAuthEntry(config: DockerConfigFile, registry: string): DockerConfigFile {
  const auths = Object.fromEntries(
    Object.entries(config.auths ?? {}).filter(([key]) => hostnameOfKey(key) !== registry)
  )
  return { ...config, auths }
}
