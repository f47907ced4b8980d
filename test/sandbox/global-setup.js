// Jest globalSetup of the `integration` project: brings the sandbox up (idempotent, the same code
// as `npm run sandbox -- up`; a no-op within a second when it already runs). If it cannot, the
// run fails here with the reason: integration tests never skip for lack of a sandbox.
import { up } from './sandbox.js'
import { createLog } from './lib/util.js'

export default async function globalSetup() {
  try {
    await up({ log: createLog() })
  } catch (err) {
    throw new Error(
      `Gantry sandbox could not be brought up, integration tests cannot run:\n${err.message}`
    )
  }
}
