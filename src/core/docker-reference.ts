/**
 * The Docker reference grammar (distribution/reference): image names and tags. Nothing that fails
 * it is ever output, and nothing that fails it is ever sent to a registry.
 */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export function isValidTag(tag: string): boolean {
  return TAG_PATTERN.test(tag)
}

/**
 * Turns a branch name into a tag: runs of characters outside the grammar become `-`, leading
 * characters a tag may not start with are dropped, and it is cut to 128 characters. Undefined
 * when nothing is left.
 */
export function sanitizeTag(name: string): string | undefined {
  const tag = name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128)
    .replace(/[.-]+$/, '')
  return isValidTag(tag) ? tag : undefined
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`
const NAME = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*$`)

export interface ImageName {
  /** e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app` */
  name: string
}

/**
 * Parses an image name without tag or digest. Upper case in the repository path is lowered, as
 * `docker/metadata-action` does, because `ghcr.io/${{ github.repository }}` often has it.
 * Returns an error text (what was expected) instead of throwing, so callers name their input.
 */
export function parseImageName(text: string): { name: string } | { error: string } {
  const value = text.trim()
  if (/@sha256:/.test(value)) {
    return { error: 'an image name without a digest, e.g. `ghcr.io/org/app`' }
  }
  const slash = value.indexOf('/')
  const first = slash >= 0 ? value.slice(0, slash) : ''
  // The first component is a registry when it has a dot, a port or is localhost (the grammar's rule).
  const hasRegistry =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['))
  const registry = hasRegistry ? first : ''
  const path = hasRegistry ? value.slice(slash + 1) : value
  if (/:[^/]*$/.test(path)) {
    return { error: 'an image name without a tag (tags are computed), e.g. `ghcr.io/org/app`' }
  }
  const name = (registry ? registry + '/' : '') + path.toLowerCase()
  if (!NAME.test(name) || name.length > 255) {
    return {
      error:
        'an image name such as `ghcr.io/org/app` or `123456789012.dkr.ecr.eu-west-1.amazonaws.com/app`'
    }
  }
  return { name }
}
