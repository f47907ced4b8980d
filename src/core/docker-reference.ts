/**
 * Image references as Docker reads them (the distribution/reference grammar and Docker's
 * normalisation): `[registry[:port]/]path[:tag][@digest]`. The one parser every action reads
 * image inputs with; nothing that fails it is ever output, or sent to a registry or a host.
 */

/** Docker Hub's name; `index.docker.io` is its legacy alias. */
export const DOCKER_HUB = 'docker.io'

export interface ImageReference {
  /** Host and optional port, e.g. `ghcr.io`, `127.0.0.1:5000`; `docker.io` for Docker Hub. */
  registry: string
  /** The path inside the registry, e.g. `acme/shop`; Docker Hub's official images get `library/`. */
  repository: string
  tag?: string
  /** `sha256:…` (or sha384, sha512). */
  digest?: string
}

export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/

export const TAG_EXPECTATION =
  'a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`'
export const DIGEST_EXPECTATION = 'a digest such as `@sha256:` followed by 64 lowercase hex digits'
export const REFERENCE_EXPECTATION =
  'an image reference such as `ghcr.io/acme/shop:1.4.2` or `shop@sha256:…`'

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

/** The digest algorithms registries verify (go-digest's), each with its length in hex. */
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/

export function isDigest(text: string): boolean {
  return DIGEST.test(text)
}

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*'
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`)
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
const DOMAIN = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`
)
/** Docker refuses a name that could be mistaken for an image ID. */
const IMAGE_ID = /^[a-f0-9]{64}$/
const NAME_MAX = 255

export interface ParseOptions {
  /**
   * Lower the path's upper case instead of refusing it, as `docker/metadata-action` does
   * (`ghcr.io/${{ github.repository }}` often has some). Registries and Docker refuse upper case
   * in a path, so this is for inputs Gantry uses parsed (it writes the lowered name), never for
   * references passed on as written (ecs-deploy's `image` goes into the task definition as is).
   */
  foldCase?: boolean
}

export interface ParsedReference {
  reference: ImageReference
  /**
   * The name as written, without tag or digest (the path lowered when folding): what outputs
   * that echo the user's name use (`shop`, not `docker.io/library/shop`).
   */
  name: string
}

export type ParseError = { error: string; part: 'name' | 'tag' | 'digest' }

/**
 * Parses `name[:tag][@digest]` (surrounding white space ignored). On failure, what was expected
 * and of which part, so callers can name their input and, for the name, their own example.
 */
export function parseImageReference(
  text: string,
  options: ParseOptions = {}
): ParsedReference | ParseError {
  const value = text.trim()
  const at = value.indexOf('@')
  const digest = at >= 0 ? value.slice(at + 1) : undefined
  const nameAndTag = at >= 0 ? value.slice(0, at) : value
  if (digest !== undefined && !isDigest(digest)) {
    return { error: DIGEST_EXPECTATION, part: 'digest' }
  }
  const colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1)
  const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined
  const written = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag
  if (tag !== undefined && !isValidTag(tag)) return { error: TAG_EXPECTATION, part: 'tag' }

  const split = splitDomain(written)
  const path = options.foldCase ? split.path.toLowerCase() : split.path
  const name = split.domain === undefined ? path : `${split.domain}/${path}`
  if (
    name.length > NAME_MAX ||
    (split.domain !== undefined && !DOMAIN.test(split.domain)) ||
    !PATH.test(path.toLowerCase()) ||
    IMAGE_ID.test(value)
  ) {
    return { error: REFERENCE_EXPECTATION, part: 'name' }
  }
  if (path !== path.toLowerCase()) {
    const lowered = `${split.domain === undefined ? '' : `${split.domain}/`}${path.toLowerCase()}`
    return {
      error: `${REFERENCE_EXPECTATION}; repository names are lower case (\`${lowered}\`)`,
      part: 'name'
    }
  }
  const registry =
    split.domain === undefined || split.domain === 'index.docker.io' ? DOCKER_HUB : split.domain
  const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path
  return {
    reference: {
      registry,
      repository,
      ...(tag === undefined ? {} : { tag }),
      ...(digest === undefined ? {} : { digest })
    },
    name
  }
}

/**
 * Docker's rule: the first component names a registry when it has a dot or a port, or is
 * `localhost` (or an IPv6 address in brackets); else the whole name is a Docker Hub path.
 */
function splitDomain(name: string): { domain?: string; path: string } {
  const slash = name.indexOf('/')
  const first = slash >= 0 ? name.slice(0, slash) : ''
  const isDomain =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['))
  return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name }
}

/** The tag of a reference; undefined when it has none, or is none (upper case is forgiven). */
export function tagOf(text: string): string | undefined {
  const parsed = parseImageReference(text, { foldCase: true })
  return 'reference' in parsed ? parsed.reference.tag : undefined
}

/**
 * The reference as written, without its digest: Swarm reports a service's image pinned
 * (`shop:1.4@sha256:…`) where the user wrote `shop:1.4`.
 */
export function withoutDigest(text: string): string {
  const at = text.lastIndexOf('@')
  return at >= 0 && isDigest(text.slice(at + 1)) ? text.slice(0, at) : text
}

/** `registry/repository[:tag][@digest]`, always with the registry, so logs are unambiguous. */
export function formatReference(ref: ImageReference): string {
  return (
    `${ref.registry}/${ref.repository}` +
    (ref.tag ? `:${ref.tag}` : '') +
    (ref.digest ? `@${ref.digest}` : '')
  )
}

export function sameRepository(a: ImageReference, b: ImageReference): boolean {
  return a.registry === b.registry && a.repository === b.repository
}
