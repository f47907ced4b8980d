/** Image references as a task definition holds them: `name[:tag][@sha256:digest]`. Pure. */
import { isValidTag, parseImageName } from '../docker-reference.js'

export interface ImageReference {
  name: string
  tag?: string
  digest?: string
}

const DIGEST = /^sha256:[0-9a-f]{64}$/

export const IMAGE_EXPECTED =
  'an image reference such as `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop:1.4.2` or `ghcr.io/acme/shop@sha256:…`'

/** The reference, parsed; `{ error }` says what was expected. Never rewrites what it was given. */
export function parseImageReference(text: string): ImageReference | { error: string } {
  const at = text.indexOf('@')
  const digest = at >= 0 ? text.slice(at + 1) : undefined
  const rest = at >= 0 ? text.slice(0, at) : text
  if (digest !== undefined && !DIGEST.test(digest)) {
    return { error: `${IMAGE_EXPECTED} (a digest is \`sha256:\` and 64 hex digits)` }
  }
  const colon = rest.lastIndexOf(':')
  const tag = colon > rest.lastIndexOf('/') ? rest.slice(colon + 1) : undefined
  const name = tag === undefined ? rest : rest.slice(0, colon)
  if (tag !== undefined && !isValidTag(tag)) return { error: IMAGE_EXPECTED }
  const parsed = parseImageName(name)
  if ('error' in parsed) return { error: IMAGE_EXPECTED }
  if (parsed.name !== name) {
    return { error: `${IMAGE_EXPECTED}; repository names are lower case (\`${parsed.name}\`)` }
  }
  return {
    name,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest })
  }
}
