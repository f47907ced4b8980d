#!/usr/bin/env node
/**
 * `gantry <action> [--<input> <value>]... [--json]`: every action as a command, for CircleCI and
 * other CIs. It runs the same run() as the action's bundle, with the CLI's Runner.
 */
import '../lib/dirname-shim.js'
import { main } from './main.js'

process.exitCode = await main(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text)
})
