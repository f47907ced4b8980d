/**
 * The one error boundary every action runs inside: a ConfigurationError (the user can fix it) is
 * reported as its message; anything else as a bug, with the stack in debug logs. Non-Error throws
 * are caught too.
 */
import { ConfigurationError, errorMessage } from './errors.js'
import type { Runner } from './runner.js'

export async function runAction(runner: Runner, body: () => Promise<void>): Promise<void> {
  try {
    await body()
  } catch (error) {
    if (error instanceof ConfigurationError) {
      runner.setFailed(error.message)
      return
    }
    if (error instanceof Error && error.stack) runner.debug(error.stack)
    runner.setFailed(`Unexpected error: ${errorMessage(error)}`)
  }
}
