/**
 * Where a registry's API lives for an image reference (parsed by `../docker-reference.ts`): the
 * host to call, HTTP or HTTPS, and what to ask it for.
 */
import { DOCKER_HUB, type ImageReference } from '../docker-reference.js'

/** Where Docker Hub's registry API lives (`docker.io` is only its name). */
export const DOCKER_HUB_API = 'registry-1.docker.io'

/** What to ask the registry for: the digest when there is one (it wins over a tag), else the tag. */
export function manifestReference(ref: ImageReference): string {
  return ref.digest ?? ref.tag ?? 'latest'
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
