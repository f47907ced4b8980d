/**
 * Kubernetes manifests as data: parsed from YAML (many documents, `List`s flattened), checked,
 * given one namespace, the image of named containers replaced and the run recorded in
 * annotations. Pure: the text comes in, objects go out; values are never interpolated into text.
 */
import { CORE_SCHEMA, YAMLException, loadAll } from 'js-yaml'
import { parseImageReference } from '../docker-reference.js'

export interface K8sObject {
  apiVersion: string
  kind: string
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> } & Record<
    string,
    unknown
  >
  [key: string]: unknown
}

export interface Manifest {
  object: K8sObject
  /** `deploy/app.yaml#2`: where it came from, for messages. */
  source: string
}

/** Kinds whose rollout is followed. */
export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number]
export const isWorkload = (o: K8sObject): boolean =>
  o.apiVersion === 'apps/v1' && (WORKLOAD_KINDS as readonly string[]).includes(o.kind)

/** Kinds that never live in a namespace (the common ones; the API says for the rest). */
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'StorageClass',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'APIService',
  'IngressClass',
  'RuntimeClass'
])
export const isClusterScoped = (o: K8sObject): boolean => CLUSTER_SCOPED.has(o.kind)

/** DNS-1123 subdomain (object names) and label (namespaces). */
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
export const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export type Result<T> = T | { error: string }
export const failed = <T>(r: Result<T>): r is { error: string } =>
  typeof r === 'object' && r !== null && 'error' in r && Object.keys(r).length === 1

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** Every object in one file: `---`-separated documents, empty ones skipped, `List`s flattened. */
export function parseManifests(text: string, file: string): Result<Manifest[]> {
  let docs: unknown[]
  try {
    docs = loadAll(text, null, { schema: CORE_SCHEMA })
  } catch (error) {
    if (error instanceof YAMLException) {
      return { error: `${file}:${error.mark.line + 1}: invalid YAML: ${error.reason}` }
    }
    throw error
  }
  const out: Manifest[] = []
  for (const [i, doc] of docs.entries()) {
    if (doc === null || doc === undefined) continue
    const source = docs.length > 1 ? `${file}#${i + 1}` : file
    const items =
      isRecord(doc) &&
      typeof doc.kind === 'string' &&
      doc.kind.endsWith('List') &&
      Array.isArray(doc.items)
        ? doc.items
        : [doc]
    for (const [j, item] of items.entries()) {
      const where = items.length > 1 || items[0] !== doc ? `${source} items[${j}]` : source
      const checked = checkObject(item, where)
      if (failed(checked)) return checked
      out.push({ object: checked, source: where })
    }
  }
  return out
}

function checkObject(value: unknown, where: string): Result<K8sObject> {
  if (!isRecord(value))
    return { error: `${where}: a Kubernetes object (a mapping), not ${JSON.stringify(value)}` }
  const { apiVersion, kind, metadata } = value
  if (typeof apiVersion !== 'string' || apiVersion === '')
    return { error: `${where}: no \`apiVersion\`` }
  if (typeof kind !== 'string' || !/^[A-Z][A-Za-z0-9]*$/.test(kind))
    return { error: `${where}: no \`kind\` (or not a kind: ${JSON.stringify(kind)})` }
  if (!isRecord(metadata) || typeof metadata.name !== 'string') {
    return {
      error: `${where}: ${kind} without \`metadata.name\` (generateName is not supported: an apply needs a name)`
    }
  }
  if (!SUBDOMAIN.test(metadata.name) || metadata.name.length > 253) {
    return {
      error: `${where}: ${kind} name ${JSON.stringify(metadata.name)} is not a valid Kubernetes name (lower case letters, digits, \`-\` and \`.\`)`
    }
  }
  if (
    metadata.namespace !== undefined &&
    (typeof metadata.namespace !== 'string' || !NAMESPACE.test(metadata.namespace))
  ) {
    return {
      error: `${where}: ${kind}/${metadata.name} has namespace ${JSON.stringify(metadata.namespace)}, not a valid namespace name`
    }
  }
  return value as K8sObject
}

export const objectName = (o: K8sObject): string => `${o.kind}/${o.metadata.name}`

/**
 * The one namespace of the deploy: the input's, else the manifests' (which must agree), else the
 * kubeconfig context's. Never a guess: a manifest naming another namespace than the input is an
 * error, not something to override silently.
 */
export function resolveNamespace(
  manifests: Manifest[],
  input: string | undefined,
  contextNamespace: string | undefined
): Result<{ namespace: string; from: 'input' | 'manifests' | 'kubeconfig' }> {
  const named = manifests.filter(
    (m) => !isClusterScoped(m.object) && m.object.metadata.namespace !== undefined
  )
  if (input !== undefined) {
    const other = named.find((m) => m.object.metadata.namespace !== input)
    if (other) {
      return {
        error: `${other.source}: ${objectName(other.object)} is in namespace \`${other.object.metadata.namespace}\`, but \`namespace\` is \`${input}\`; remove the namespace from the manifest or make them agree`
      }
    }
    return { namespace: input, from: 'input' }
  }
  const distinct = [...new Set(named.map((m) => m.object.metadata.namespace as string))]
  if (distinct.length > 1) {
    return {
      error: `the manifests name several namespaces (${distinct.map((n) => `\`${n}\``).join(', ')}); one deploy goes to one namespace: split them, or set \`namespace\``
    }
  }
  if (distinct.length === 1) {
    const without = manifests.find(
      (m) => !isClusterScoped(m.object) && m.object.metadata.namespace === undefined
    )
    if (without) {
      return {
        error: `${without.source}: ${objectName(without.object)} has no namespace while others are in \`${distinct[0]}\`; set \`namespace\` so every object goes to the same one`
      }
    }
    return { namespace: distinct[0] as string, from: 'manifests' }
  }
  if (contextNamespace !== undefined) return { namespace: contextNamespace, from: 'kubeconfig' }
  return {
    error:
      'no namespace: set `namespace`, put `metadata.namespace` in the manifests, or give the kubeconfig context a namespace'
  }
}

/** The pod spec of a workload or a Pod, where containers live. */
export function podSpecOf(o: K8sObject): Record<string, unknown> | undefined {
  if (o.kind === 'Pod') return isRecord(o.spec) ? o.spec : undefined
  const spec = o.spec
  if (!isRecord(spec)) return undefined
  if (o.kind === 'CronJob') {
    const job = isRecord(spec.jobTemplate) ? spec.jobTemplate.spec : undefined
    const template = isRecord(job) ? job.template : undefined
    return isRecord(template) && isRecord(template.spec) ? template.spec : undefined
  }
  const template = spec.template
  return isRecord(template) && isRecord(template.spec) ? template.spec : undefined
}

interface ContainerRef {
  container: Record<string, unknown>
  name: string
  image: string
}

function containersOf(o: K8sObject): ContainerRef[] {
  const spec = podSpecOf(o)
  if (!spec) return []
  return ['initContainers', 'containers'].flatMap((key) => {
    const list = spec[key]
    if (!Array.isArray(list)) return []
    return list
      .filter(isRecord)
      .map((c) => ({ container: c, name: String(c.name ?? ''), image: String(c.image ?? '') }))
  })
}

export interface ImageChange {
  object: string
  container: string
  before: string
  after: string
}

/** An image reference's name as written (without tag and digest), its tag and digest; or what was expected. */
export function parseImage(text: string): Result<{ name: string; tag?: string; digest?: string }> {
  const parsed = parseImageReference(text)
  if ('error' in parsed) return { error: parsed.error }
  const { tag, digest } = parsed.reference
  return {
    name: parsed.name,
    ...(tag === undefined ? {} : { tag }),
    ...(digest === undefined ? {} : { digest })
  }
}

/** `registry/team/shop:1.2` and `registry/team/shop@sha256:…` share the repository `registry/team/shop`. */
export const repositoryOf = (image: string): string => {
  const parsed = parseImage(image)
  return failed(parsed) ? image : parsed.name
}

/**
 * Puts `image` into the named containers of every object (or, with no names, into the containers
 * whose image is of the same repository, as Azure/k8s-deploy matches them). Copies the objects.
 * Nothing matched is an error: a deploy that changes no image is not what was asked for.
 */
export function substituteImage(
  manifests: Manifest[],
  image: string,
  containers: string[]
): Result<{ manifests: Manifest[]; changes: ImageChange[] }> {
  const parsed = parseImage(image)
  if (failed(parsed)) return parsed
  const copies = manifests.map((m) => ({ ...m, object: structuredClone(m.object) }))
  const changes: ImageChange[] = []
  const wanted = new Set(containers)
  const found = new Set<string>()
  for (const m of copies) {
    for (const c of containersOf(m.object)) {
      const match = wanted.size > 0 ? wanted.has(c.name) : repositoryOf(c.image) === parsed.name
      if (!match) continue
      found.add(c.name)
      changes.push({
        object: objectName(m.object),
        container: c.name,
        before: c.image,
        after: image
      })
      c.container.image = image
    }
  }
  const missing = [...wanted].filter((n) => !found.has(n))
  if (missing.length > 0) {
    const known = [...new Set(copies.flatMap((m) => containersOf(m.object).map((c) => c.name)))]
    return {
      error: `no container named ${missing.map((n) => `\`${n}\``).join(', ')} in the manifests (containers: ${known.map((n) => `\`${n}\``).join(', ') || 'none'})`
    }
  }
  if (changes.length === 0) {
    return {
      error: `no container in the manifests runs an image of \`${parsed.name}\`; name the containers to update in \`containers\``
    }
  }
  return { manifests: copies, changes }
}

export interface RunRecord {
  version?: string
  runUrl?: string
  actor?: string
}

export const ANNOTATION = {
  version: 'gantry.dev/version',
  runUrl: 'gantry.dev/run-url',
  actor: 'gantry.dev/actor',
  changeCause: 'kubernetes.io/change-cause'
} as const

/**
 * Records the run on every object's metadata (never the pod template: a new run URL alone must
 * not restart pods); workloads also get `kubernetes.io/change-cause`, which `kubectl rollout
 * history` shows and the Deployment copies to its ReplicaSet.
 */
export function annotate(manifests: Manifest[], run: RunRecord): Manifest[] {
  return manifests.map((m) => {
    const object = structuredClone(m.object)
    const annotations: Record<string, string> = { ...(object.metadata.annotations ?? {}) }
    if (run.version) annotations[ANNOTATION.version] = run.version
    if (run.runUrl) annotations[ANNOTATION.runUrl] = run.runUrl
    if (run.actor) annotations[ANNOTATION.actor] = run.actor
    if (isWorkload(object)) {
      annotations[ANNOTATION.changeCause] = [
        'gantry k8s-deploy',
        run.version,
        run.actor ? `by ${run.actor}` : undefined,
        run.runUrl
      ]
        .filter(Boolean)
        .join(' ')
    }
    object.metadata = { ...object.metadata, annotations }
    return { ...m, object }
  })
}

/** Every object in `namespace` (cluster-scoped ones left as they are). */
export function withNamespace(manifests: Manifest[], namespace: string): Manifest[] {
  return manifests.map((m) =>
    isClusterScoped(m.object)
      ? m
      : { ...m, object: { ...m.object, metadata: { ...m.object.metadata, namespace } } }
  )
}

/**
 * `protocol: TCP` on Service and container ports that leave it out. TCP is the API's own default,
 * but servers before 1.22 refuse a server-side apply whose port list omits a key of the list
 * ("associative list with keys has an element that omits key field protocol").
 */
export function withDefaultProtocols(manifests: Manifest[]): Manifest[] {
  const fill = (ports: unknown) => {
    if (!Array.isArray(ports)) return
    for (const p of ports) if (isRecord(p) && p.protocol === undefined) p.protocol = 'TCP'
  }
  return manifests.map((m) => {
    const object = structuredClone(m.object)
    if (object.kind === 'Service' && isRecord(object.spec)) fill(object.spec.ports)
    for (const c of containersOf(object)) fill(c.container.ports)
    return { ...m, object }
  })
}
