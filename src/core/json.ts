/** Parsed JSON or YAML, read safely: which values are objects, and fields read from any value. */

export type JsonObject = Record<string, unknown>

/** An object with fields (a JSON object, a YAML mapping): not null, not an array. */
export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value as an object to read fields from; `{}` when it is none (a body of the wrong shape). */
export function asObject(value: unknown): JsonObject {
  return isPlainObject(value) ? value : {}
}
