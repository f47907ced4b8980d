/**
 * Task definitions as users of aws-actions/amazon-ecs-render-task-definition and
 * amazon-ecs-deploy-task-definition write them: the output of `aws ecs describe-task-definition`
 * (read-only fields included, wrapped in `{"taskDefinition": …}` or not) or a hand-written file,
 * turned into a valid RegisterTaskDefinition request, with one container's image replaced. Pure.
 */
import { isPlainObject, type JsonObject } from '../json.js'

/** Returned by DescribeTaskDefinition, refused (or silently dropped) by RegisterTaskDefinition. */
export const READ_ONLY_FIELDS = [
  'compatibilities',
  'taskDefinitionArn',
  'requiresAttributes',
  'revision',
  'status',
  'registeredAt',
  'deregisteredAt',
  'registeredBy',
  'deleteRequestedAt'
] as const

/** RegisterTaskDefinition's parameters (@aws-sdk/client-ecs 3.1164). */
export const REGISTER_FIELDS = new Set([
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
  'enableFaultInjection'
])

/** ContainerDefinition's fields (@aws-sdk/client-ecs 3.1164). */
export const CONTAINER_FIELDS = new Set(
  (
    'name image repositoryCredentials cpu memory memoryReservation links portMappings essential ' +
    'restartPolicy entryPoint command environment environmentFiles mountPoints volumesFrom ' +
    'linuxParameters secrets dependsOn startTimeout stopTimeout versionConsistency hostname user ' +
    'workingDirectory disableNetworking privileged readonlyRootFilesystem dnsServers ' +
    'dnsSearchDomains extraHosts dockerSecurityOptions interactive pseudoTerminal dockerLabels ' +
    'ulimits logConfiguration healthCheck systemControls resourceRequirements ' +
    'firelensConfiguration credentialSpecs'
  ).split(' ')
)

export interface ContainerDefinition {
  name: string
  image?: string
  [field: string]: unknown
}

/** A RegisterTaskDefinition request. */
export interface TaskDefinitionInput {
  family: string
  containerDefinitions: ContainerDefinition[]
  [field: string]: unknown
}

export interface PreparedTaskDefinition {
  definition: TaskDefinitionInput
  /** Read-only fields that were present and removed. */
  stripped: string[]
  /** Fields RegisterTaskDefinition does not know (the SDK would drop them without a word). */
  unknown: string[]
  /** The file was `describe-task-definition`'s whole answer, `{"taskDefinition": …, "tags": …}`. */
  unwrapped: boolean
}

/**
 * Cleans a task definition for RegisterTaskDefinition: read-only fields removed, and null or
 * empty values dropped as amazon-ecs-deploy-task-definition does (so `--generate-cli-skeleton`
 * files work), except an environment variable's empty value, which means something.
 */
export function prepareTaskDefinition(value: unknown): PreparedTaskDefinition | { error: string } {
  if (!isPlainObject(value))
    return { error: 'a JSON object with `family` and `containerDefinitions`' }
  let source: JsonObject = value
  let unwrapped = false
  if (isPlainObject(value.taskDefinition) && !('containerDefinitions' in value)) {
    source = { ...value.taskDefinition }
    if (Array.isArray(value.tags) && value.tags.length > 0) source.tags = value.tags
    unwrapped = true
  }
  const cleaned = dropEmpty(source, []) as JsonObject | undefined
  const definition: JsonObject = { ...cleaned }
  const stripped = READ_ONLY_FIELDS.filter((field) => field in definition)
  for (const field of stripped) delete definition[field]

  if (typeof definition.family !== 'string') {
    return { error: 'a task definition with a `family` (its name), e.g. `"family": "shop-api"`' }
  }
  const containers = definition.containerDefinitions
  if (!Array.isArray(containers) || containers.length === 0) {
    return { error: 'a task definition with `containerDefinitions`, a list of containers' }
  }
  const unnamed = containers.findIndex((c) => !isPlainObject(c) || typeof c.name !== 'string')
  if (unnamed >= 0) {
    return { error: `a \`name\` for every container (containerDefinitions[${unnamed}] has none)` }
  }
  return {
    definition: definition as TaskDefinitionInput,
    stripped: [...stripped],
    unknown: unknownFields(definition as TaskDefinitionInput),
    unwrapped
  }
}

function unknownFields(definition: TaskDefinitionInput): string[] {
  const top = Object.keys(definition).filter((k) => !REGISTER_FIELDS.has(k))
  const nested = definition.containerDefinitions.flatMap((container, i) =>
    Object.keys(container)
      .filter((k) => !CONTAINER_FIELDS.has(k))
      .map((k) => `containerDefinitions[${i}].${k}`)
  )
  return [...top, ...nested]
}

/** Where an empty value is kept as `''`: it is a value there, not an absence. */
function keepsEmptyValue(path: string[]): boolean {
  const [a, , b] = path.slice(-3)
  return (a === 'environment' || a === 'properties') && b === 'value'
}

function dropEmpty(value: unknown, path: string[]): unknown {
  if (value === null || value === undefined || value === '') {
    return keepsEmptyValue(path) ? '' : undefined
  }
  if (Array.isArray(value)) {
    const items = value
      .map((item, i) => dropEmpty(item, [...path, String(i)]))
      .filter((item) => item !== undefined)
    return items.length > 0 ? items : undefined
  }
  if (isPlainObject(value)) {
    const entries = Object.entries(value)
      .map(([k, v]) => [k, dropEmpty(v, [...path, k])] as const)
      .filter(([, v]) => v !== undefined)
    const result = Object.fromEntries(entries)
    // An environment variable named but without a value gets '' (as the peer action does).
    if (path.at(-2) === 'environment' && 'name' in result && !('value' in result)) result.value = ''
    return entries.length > 0 ? result : undefined
  }
  return value
}

export interface RenderedImage {
  definition: TaskDefinitionInput
  container: string
  previousImage?: string
}

/**
 * The definition with `container`'s image replaced (a new object; the input is untouched). With
 * no container named, a definition of exactly one container means that one.
 */
export function renderImage(
  definition: TaskDefinitionInput,
  container: string | undefined,
  image: string
): RenderedImage | { error: string; containers: string[] } {
  const names = definition.containerDefinitions.map((c) => c.name)
  const name = container ?? (names.length === 1 ? names[0] : undefined)
  const index = name === undefined ? -1 : names.indexOf(name)
  if (index < 0) {
    return {
      error: `${container === undefined ? 'the name of the container to update' : 'a container of the task definition'}: ${names.map((n) => `\`${n}\``).join(', ')}`,
      containers: names
    }
  }
  const previous = definition.containerDefinitions[index] as ContainerDefinition
  const containerDefinitions = definition.containerDefinitions.map((c, i) =>
    i === index ? { ...c, image } : c
  )
  return {
    definition: { ...definition, containerDefinitions },
    container: previous.name,
    ...(previous.image === undefined ? {} : { previousImage: previous.image })
  }
}

/** The image each container runs, by container name. */
export function containerImages(definition: {
  containerDefinitions?: { name?: string; image?: string }[]
}): Record<string, string> {
  return Object.fromEntries(
    (definition.containerDefinitions ?? [])
      .filter((c) => c.name !== undefined && c.image !== undefined)
      .map((c) => [c.name as string, c.image as string])
  )
}

export const REDACTED = '[REDACTED]'

/**
 * For logs and the dry run: environment values replaced. Secrets belong in `secrets` (only ARNs
 * there), but a plain environment variable sometimes holds one, and logs are read widely.
 */
export function redactEnvironment(definition: TaskDefinitionInput): TaskDefinitionInput {
  const containerDefinitions = definition.containerDefinitions.map((container) =>
    Array.isArray(container.environment)
      ? {
          ...container,
          environment: (container.environment as unknown[]).map((entry) =>
            isPlainObject(entry) && 'value' in entry ? { ...entry, value: REDACTED } : entry
          )
        }
      : container
  )
  return { ...definition, containerDefinitions }
}
