/**
 * Full image references (`registry/repository[:tag][@digest]`) as Docker reads them, split into
 * the parts the registry API needs. Nothing that fails the grammar is ever sent to a registry.
 */
import { isValidTag, parseImageName } from '../docker-reference.js'

export const DOCKER_HUB = 'docker.io'
/** Where Docker Hub's registry API lives (`docker.io` is only its name). */
export const DOCKER_HUB_API = 'registry-1.docker.io'

export interface ImageReference {
  /** Host and optional port, e.g. `ghcr.io`, `127.0.0.1:5000`; `docker.io` for Docker Hub. */
  registry: string
  /** The path inside the registry, e.g. `acme/shop`; Docker Hub's official images get `library/`. */
  repository: string
  tag?: string
  digest?: string
}

const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/
export const TAG_EXPECTATION =
  'a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`'

export function isDigest(text: string): boolean {
  return DIGEST.test(text)
}

/**
 * Parses `name[:tag][@digest]`. Upper case in the repository path is lowered (as the `version`
 * action does). Returns what was expected instead of throwing, so callers name their input.
 */
export function parseReference(text: string): { reference: ImageReference } | { error: string } {
  const value = text.trim()
  const at = value.indexOf('@')
  const digest = at >= 0 ? value.slice(at + 1) : undefined
  const nameAndTag = at >= 0 ? value.slice(0, at) : value
  if (digest !== undefined && !isDigest(digest)) {
    return { error: 'a digest such as `@sha256:` followed by 64 lowercase hex digits' }
  }
  const lastSlash = nameAndTag.lastIndexOf('/')
  const colon = nameAndTag.indexOf(':', lastSlash + 1)
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined
  const name = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag
  if (tag !== undefined && !isValidTag(tag)) return { error: TAG_EXPECTATION }
  const parsed = parseImageName(name)
  if ('error' in parsed) {
    return { error: 'an image reference such as `ghcr.io/acme/shop:1.4.2` or `shop@sha256:…`' }
  }
  return { reference: { ...splitName(parsed.name), tag, digest } }
}

/** Docker's rule: the first component names a registry when it has a dot, a port or is localhost. */
function splitName(name: string): { registry: string; repository: string } {
  const slash = name.indexOf('/')
  const first = slash >= 0 ? name.slice(0, slash) : ''
  const hasRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['))
  if (!hasRegistry) {
    return { registry: DOCKER_HUB, repository: slash >= 0 ? name : `library/${name}` }
  }
  const registry = first === 'index.docker.io' ? DOCKER_HUB : first
  const repository = name.slice(slash + 1)
  return {
    registry,
    repository:
      registry === DOCKER_HUB && !repository.includes('/') ? `library/${repository}` : repository
  }
}

/** `registry/repository[:tag][@digest]`, always with the registry, so logs are unambiguous. */
export function formatReference(ref: ImageReference): string {
  return (
    `${ref.registry}/${ref.repository}` +
    (ref.tag ? `:${ref.tag}` : '') +
    (ref.digest ? `@${ref.digest}` : '')
  )
}

/** What to ask the registry for: the digest when there is one (it wins over a tag), else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest'
}

export function sameRepository(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository === b.repository
}

/** The host to call for a registry's API (`docker.io` is served by `registry-1.docker.io`). */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API : registry
}

/**
 * Loopback registries speak plain HTTP, as Docker assumes for 127.0.0.0/8; every other registry
 * is reached over HTTPS only.
 */
export function isLoopback(host: string): boolean {
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
  return (
    hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname ?? '')
  )
}

export function registryBaseUrl(registry: string): string {
  const host = apiHost(registry)
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`
}
