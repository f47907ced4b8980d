/**
 * The inputs of `ecs-deploy`, read once and validated, the task-definition file included (read,
 * cleaned and rendered), before any AWS call.
 */
import { readFileSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import { resolveRegion } from '../../core/aws-region.js'
import { parseImageReference } from '../../core/docker-reference.js'
import {
  prepareTaskDefinition,
  renderImage,
  type PreparedTaskDefinition,
  type RenderedImage
} from '../../core/ecs/task-definition.js'
import { InputError } from '../../lib/errors.js'
import { InputReader } from '../../lib/inputs.js'

export const INPUTS = {
  cluster: 'cluster',
  service: 'service',
  taskDefinition: 'task-definition',
  container: 'container',
  image: 'image',
  waitForServiceStability: 'wait-for-service-stability',
  waitForMinutes: 'wait-for-minutes',
  forceNewDeployment: 'force-new-deployment',
  desiredCount: 'desired-count',
  rollbackTo: 'rollback-to',
  region: 'region',
  dryRun: 'dry-run'
} as const

/** What to deploy: a file, the service's current task definition, or the recorded stable one. */
export type Source =
  | {
      kind: 'file'
      /** As the user wrote it, for messages. */
      path: string
      prepared: PreparedTaskDefinition
      rendered?: RenderedImage
    }
  | { kind: 'current' }
  | { kind: 'rollback' }

export interface EcsDeploySettings {
  region: string
  cluster: string
  service: string
  source: Source
  /** The image to put in `container` (for `current`: rendered once the definition is known). */
  image?: { reference: string; container?: string; untagged: boolean }
  wait: boolean
  timeoutMs: number
  forceNewDeployment: boolean
  desiredCount?: number
  dryRun: boolean
}

type Env = Readonly<Record<string, string | undefined>>

const NAME = /^[A-Za-z0-9_-]{1,255}$/
const ARN = (kind: string) => new RegExp(`^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\\d{12}:${kind}/\\S+$`)

export const MAX_WAIT_MINUTES = 360

export async function readSettings(
  inputs: InputReader,
  env: Env,
  workspace: string
): Promise<EcsDeploySettings> {
  const region = resolveRegion(INPUTS.region, inputs.optional(INPUTS.region), env)
  const cluster = readName(inputs, INPUTS.cluster, 'cluster') ?? 'default'
  const service = readName(inputs, INPUTS.service, 'service')
  if (service === undefined) {
    throw new InputError(INPUTS.service, '', 'the name (or ARN) of the ECS service to deploy to')
  }
  const image = readImage(inputs)
  const forceNewDeployment = inputs.boolean(INPUTS.forceNewDeployment, false)
  const minutes = inputs.integer(INPUTS.waitForMinutes, { min: 1, max: MAX_WAIT_MINUTES }) ?? 30
  const desiredCount = inputs.integer(INPUTS.desiredCount, { min: 0, max: 100_000 })
  const wait = inputs.boolean(INPUTS.waitForServiceStability, true)
  const dryRun = inputs.boolean(INPUTS.dryRun, false)
  // Last: the file is read only once every other input is known to be good.
  const source = await readSource(inputs, workspace, image, forceNewDeployment)
  return {
    region,
    cluster,
    service,
    source,
    ...(image ? { image } : {}),
    wait,
    timeoutMs: minutes * 60_000,
    forceNewDeployment,
    ...(desiredCount === undefined ? {} : { desiredCount }),
    dryRun
  }
}

/** A rollback, a file, or the current task definition; which inputs go together. */
async function readSource(
  inputs: InputReader,
  workspace: string,
  image: EcsDeploySettings['image'],
  forceNewDeployment: boolean
): Promise<Source> {
  const rollback = inputs.optional(INPUTS.rollbackTo)
  if (rollback !== undefined && rollback !== 'previous') {
    throw new InputError(
      INPUTS.rollbackTo,
      rollback,
      '`previous` (the last stable revision, as recorded on the service), or empty to deploy'
    )
  }
  const file = inputs.optional(INPUTS.taskDefinition)
  if (rollback && (file || image)) {
    const extra = file ? INPUTS.taskDefinition : image?.container ? INPUTS.container : INPUTS.image
    throw new InputError(
      INPUTS.rollbackTo,
      rollback,
      `no \`${extra}\` with it: a rollback redeploys the recorded stable revision as it is (or leave \`${INPUTS.rollbackTo}\` empty to deploy)`
    )
  }
  if (rollback) return { kind: 'rollback' }
  if (file) return readTaskDefinitionFile(file, workspace, image)
  if (image || forceNewDeployment) return { kind: 'current' }
  throw new InputError(
    INPUTS.taskDefinition,
    '',
    `a task definition file; or \`${INPUTS.image}\` (and \`${INPUTS.container}\`) to put in the service's current task definition; or \`${INPUTS.forceNewDeployment}: true\` to restart the service as it is; or \`${INPUTS.rollbackTo}: previous\``
  )
}

function readName(inputs: InputReader, input: string, kind: string): string | undefined {
  const value = inputs.optional(input)
  if (value === undefined || NAME.test(value) || ARN(kind).test(value)) return value
  throw new InputError(
    input,
    value,
    `an ECS ${kind} name (letters, digits, \`-\` and \`_\`, up to 255) or its ARN`
  )
}

function readImage(inputs: InputReader): EcsDeploySettings['image'] {
  const reference = inputs.optional(INPUTS.image)
  const container = inputs.optional(INPUTS.container)
  if (reference === undefined) {
    if (container !== undefined) {
      throw new InputError(INPUTS.image, '', `the image to put in container \`${container}\``)
    }
    return undefined
  }
  // Strict (no case folding): the reference goes into the task definition as written.
  const parsed = parseImageReference(reference)
  if ('error' in parsed) throw new InputError(INPUTS.image, reference, parsed.error)
  const { tag, digest } = parsed.reference
  return {
    reference,
    ...(container === undefined ? {} : { container }),
    untagged: tag === undefined && digest === undefined
  }
}

async function readTaskDefinitionFile(
  path: string,
  workspace: string,
  image: EcsDeploySettings['image']
): Promise<Source> {
  const absolute = isAbsolute(path) ? path : resolve(workspace, path)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(
      INPUTS.taskDefinition,
      path,
      `a task definition file (JSON, as \`aws ecs describe-task-definition\` prints it, or YAML); ${absolute} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`}`
    )
  }
  const prepared = prepareTaskDefinition(await parseDefinition(text, path))
  if ('error' in prepared) throw new InputError(INPUTS.taskDefinition, path, prepared.error)
  if (image === undefined) return { kind: 'file', path, prepared }
  const rendered = renderImage(prepared.definition, image.container, image.reference)
  if ('error' in rendered) {
    throw new InputError(INPUTS.container, image.container ?? '', `${rendered.error} (in ${path})`)
  }
  return { kind: 'file', path, prepared, rendered }
}

/** JSON first (what nearly everyone has); YAML, whose parser loads only then, as the peer allows. */
async function parseDefinition(text: string, path: string): Promise<unknown> {
  try {
    return JSON.parse(text)
  } catch (error) {
    if (/\.json$/i.test(path)) {
      const line = jsonErrorLine(text, error)
      throw new InputError(
        INPUTS.taskDefinition,
        path,
        `valid JSON (${line ? `line ${line}: ` : ''}${(error as Error).message.replace(/\s*\n\s*/g, ' ')})`
      )
    }
  }
  const { parseYaml } = await import('../../core/yaml.js')
  return parseYaml(text, path)
}

/** The line of a JSON.parse error, from the position Node reports. */
function jsonErrorLine(text: string, error: unknown): number | undefined {
  const match = /position (\d+)/.exec((error as Error).message)
  return match ? text.slice(0, Number(match[1])).split('\n').length : undefined
}
