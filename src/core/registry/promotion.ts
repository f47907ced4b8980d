/**
 * The promotion plan: which repositories receive the source manifest under which tags, and how
 * their blobs get there. Within the source repository nothing moves but the manifest; another
 * repository of the same registry mounts the blobs (no bytes travel); another registry gets
 * them copied, registry to registry, never through a Docker daemon.
 */
import { repositoryScope, mergeScopes } from './auth.js'
import { formatReference, type ImageReference } from '../docker-reference.js'

export type Transfer = 'none' | 'mount' | 'copy'

export interface PromotionStep {
  registry: string
  repository: string
  transfer: Transfer
  /** In the order given, without duplicates. */
  tags: string[]
}

export interface PromotionPlan {
  source: ImageReference
  steps: PromotionStep[]
  /** Every Bearer scope each registry's token needs, so one token serves the whole promotion. */
  scopes: Record<string, string[]>
}

/** Why a reference cannot be a promotion or push target, or undefined when it can. */
export function targetProblem(ref: ImageReference): string | undefined {
  if (ref.digest) return 'a reference with a tag and no digest (a digest cannot be assigned)'
  if (!ref.tag) return 'a reference with a tag, e.g. `ghcr.io/acme/shop:1.4.2`'
  return undefined
}

export function planPromotion(source: ImageReference, targets: ImageReference[]): PromotionPlan {
  const steps: PromotionStep[] = []
  for (const target of targets) {
    const problem = targetProblem(target)
    if (problem) throw new Error(`${formatReference(target)}: expected ${problem}`)
    let step = steps.find(
      (s) => s.registry === target.registry && s.repository === target.repository
    )
    if (!step) {
      step = {
        registry: target.registry,
        repository: target.repository,
        transfer: transferFor(source, target),
        tags: []
      }
      steps.push(step)
    }
    if (!step.tags.includes(target.tag as string)) step.tags.push(target.tag as string)
  }
  return { source, steps, scopes: scopesFor(source, steps) }
}

function transferFor(source: ImageReference, target: ImageReference): Transfer {
  if (source.registry !== target.registry) return 'copy'
  return source.repository === target.repository ? 'none' : 'mount'
}

function scopesFor(source: ImageReference, steps: PromotionStep[]): Record<string, string[]> {
  const scopes: Record<string, string[]> = {
    [source.registry]: [repositoryScope(source.repository, ['pull'])]
  }
  for (const step of steps) {
    const list = (scopes[step.registry] ??= [])
    list.push(repositoryScope(step.repository, ['pull', 'push']))
  }
  return Object.fromEntries(Object.entries(scopes).map(([r, s]) => [r, mergeScopes(s)]))
}

export function stepReferences(step: PromotionStep): ImageReference[] {
  return step.tags.map((tag) => ({ registry: step.registry, repository: step.repository, tag }))
}
