import { ensureNode24 } from './node24.js'

// The e2e tests run each bundle under Node 20 and Node 24; a missing Node 24 fails the run.
export default async function globalSetup() {
  ensureNode24()
}
