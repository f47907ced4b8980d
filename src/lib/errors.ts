/**
 * Errors the user can fix (a bad input, a bad config file) are ConfigurationErrors: the action
 * prints their message as is and fails. Anything else is a bug: the message and, in debug, the stack.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError'
}

/** A bad input: names the input, the value and what was expected. */
export class InputError extends ConfigurationError {
  constructor(
    readonly input: string,
    readonly value: string,
    readonly expected: string
  ) {
    super(`Input '${input}' is ${JSON.stringify(value)}: expected ${expected}.`)
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message
  return typeof error === 'string' ? error : JSON.stringify(error)
}
