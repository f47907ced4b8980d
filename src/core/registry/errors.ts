/** The distribution spec's error body: `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`. */
export interface RegistryErrorEntry {
  code?: string
  message?: string
}

export function parseRegistryErrors(text: string): RegistryErrorEntry[] {
  try {
    const json = JSON.parse(text) as { errors?: unknown }
    if (!Array.isArray(json.errors)) return []
    return json.errors.map((e: Record<string, unknown>) => ({
      ...(typeof e?.code === 'string' ? { code: e.code } : {}),
      ...(typeof e?.message === 'string' ? { message: e.message } : {})
    }))
  } catch {
    return []
  }
}

/** `MANIFEST_UNKNOWN: manifest unknown; NAME_UNKNOWN: …`, for messages. */
export function describeRegistryErrors(errors: readonly RegistryErrorEntry[]): string {
  return errors
    .map((e) => [e.code, e.message].filter(Boolean).join(': '))
    .filter(Boolean)
    .join('; ')
}
