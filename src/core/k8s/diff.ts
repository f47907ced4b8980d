/**
 * What an apply would change: the live object against the server's dry-run result, as a list of
 * paths with their values before and after. Fields the server owns (status, resourceVersion,
 * managedFields, generation, timestamps) are not changes anyone asked for. Pure.
 */
export interface FieldChange {
  path: string
  before?: unknown
  after?: unknown
}

const IGNORED = new Set([
  'status',
  'metadata.managedFields',
  'metadata.resourceVersion',
  'metadata.generation',
  'metadata.creationTimestamp',
  'metadata.uid',
  'metadata.selfLink'
])

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** `spec.template.spec.containers[name=app].image`: list items with a name are named. */
export function diffObjects(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (IGNORED.has(path)) return []
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
    return keys.flatMap((k) => diffObjects(before[k], after[k], path ? `${path}.${k}` : k))
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const named = (list: unknown[]) =>
      list.every((x) => isRecord(x) && typeof x.name === 'string') ? list : undefined
    const b = named(before)
    const a = named(after)
    if (b && a) {
      const names = [...new Set([...b, ...a].map((x) => (x as { name: string }).name))]
      const find = (list: unknown[], name: string) =>
        list.find((x) => (x as { name: string }).name === name)
      return names.flatMap((n) => diffObjects(find(b, n), find(a, n), `${path}[name=${n}]`))
    }
    if (before.length === after.length) {
      return before.flatMap((x, i) => diffObjects(x, after[i], `${path}[${i}]`))
    }
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return []
  return [
    { path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }
  ]
}

const show = (v: unknown) =>
  v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v)

export function formatChange(c: FieldChange): string {
  return `${c.path}: ${show(c.before)} → ${show(c.after)}`
}
