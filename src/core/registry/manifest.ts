/**
 * Image manifests and indexes as the registry returns them. Promotion never rewrites a manifest:
 * it reads which blobs and child manifests a target repository needs, and puts the very same
 * bytes back with the very same media type, so the digest cannot change.
 */
import { isPlainObject } from '../json.js'

export const MEDIA_TYPES = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json'
} as const

/**
 * Every manifest type we can copy. Without an Accept header (or without the list types) a
 * registry may convert the manifest to schema1 or pick one platform, with a different digest.
 */
export const MANIFEST_ACCEPT = [
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.dockerList,
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.ociIndex
].join(', ')

const INDEX_TYPES: readonly string[] = [MEDIA_TYPES.dockerList, MEDIA_TYPES.ociIndex]
const IMAGE_TYPES: readonly string[] = [MEDIA_TYPES.dockerManifest, MEDIA_TYPES.ociManifest]
const SCHEMA1 = /^application\/vnd\.docker\.distribution\.manifest\.v1\+(?:prettyjws|json)$/

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export interface Descriptor {
  mediaType: string
  digest: string
  size: number
  /** Non-distributable (foreign) layers live elsewhere and are never copied. */
  urls?: string[]
  platform?: Platform
}

export type Manifest =
  | { kind: 'image'; mediaType: string; config: Descriptor; layers: Descriptor[] }
  | { kind: 'index'; mediaType: string; manifests: Descriptor[] }

export class ManifestError extends Error {
  override name = 'ManifestError'
}

/** `Content-Type` without parameters, lower case. */
export function baseMediaType(contentType: string | null | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase()
  return type ? type : undefined
}

/** Reads a manifest or index; the media type comes from the body, else from `Content-Type`. */
export function parseManifest(text: string, contentType?: string | null): Manifest {
  const headerType = baseMediaType(contentType)
  if (headerType && SCHEMA1.test(headerType)) {
    throw new ManifestError(
      `the registry returned a schema1 manifest (${headerType}), which cannot be copied without ` +
        'changing its digest; push the image again with a current Docker'
    )
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ManifestError('the registry returned a manifest that is not JSON')
  }
  if (!isPlainObject(json))
    throw new ManifestError('the registry returned a manifest that is not an object')
  const mediaType = (typeof json.mediaType === 'string' ? json.mediaType : undefined) ?? headerType
  if (json.schemaVersion === 1) {
    throw new ManifestError('the registry returned a schema1 manifest, which cannot be copied')
  }
  const isIndex =
    (mediaType !== undefined && INDEX_TYPES.includes(mediaType)) ||
    (mediaType === undefined && Array.isArray(json.manifests))
  if (isIndex) {
    if (!Array.isArray(json.manifests)) throw new ManifestError('an index without `manifests`')
    return {
      kind: 'index',
      mediaType: mediaType ?? MEDIA_TYPES.ociIndex,
      manifests: json.manifests.map((d, i) => descriptor(d, `manifests[${i}]`))
    }
  }
  if (mediaType !== undefined && !IMAGE_TYPES.includes(mediaType)) {
    throw new ManifestError(`unsupported manifest type ${mediaType}`)
  }
  if (!Array.isArray(json.layers)) throw new ManifestError('an image manifest without `layers`')
  return {
    kind: 'image',
    mediaType: mediaType ?? MEDIA_TYPES.ociManifest,
    config: descriptor(json.config, 'config'),
    layers: json.layers.map((d, i) => descriptor(d, `layers[${i}]`))
  }
}

function descriptor(value: unknown, where: string): Descriptor {
  if (
    !isPlainObject(value) ||
    typeof value.digest !== 'string' ||
    typeof value.size !== 'number' ||
    typeof value.mediaType !== 'string'
  ) {
    throw new ManifestError(`the manifest's ${where} is not a descriptor`)
  }
  const result: Descriptor = { mediaType: value.mediaType, digest: value.digest, size: value.size }
  if (Array.isArray(value.urls) && value.urls.length > 0) result.urls = value.urls.map(String)
  if (isPlainObject(value.platform)) {
    const p = value.platform
    result.platform = {
      os: String(p.os ?? ''),
      architecture: String(p.architecture ?? ''),
      ...(typeof p.variant === 'string' ? { variant: p.variant } : {})
    }
  }
  return result
}

/** The blobs a repository must hold for an image manifest: config and layers, foreign ones aside. */
export function blobsOf(manifest: Manifest): Descriptor[] {
  if (manifest.kind !== 'image') return []
  return [manifest.config, ...manifest.layers].filter((d) => d.urls === undefined)
}

/** `linux/arm64/v8`; `unknown/unknown` is what BuildKit gives attestation manifests. */
export function formatPlatform(platform: Platform | undefined): string {
  if (!platform) return 'unknown'
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/')
}

export function platformsOf(manifest: Manifest): string[] {
  return manifest.kind === 'index' ? manifest.manifests.map((m) => formatPlatform(m.platform)) : []
}
