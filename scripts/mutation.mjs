#!/usr/bin/env node
// Mutation testing of the safety- and security-critical modules: each listed mutant (a bug a person
// would write, in scripts/mutations.mjs) is applied alone to a scratch copy of the tree, and the unit
// tests that cover it run against it; a mutant they do not fail survived.
// Not StrykerJS: its jest runner would run this ESM setup (testRunnerNodeArgs --experimental-vm-modules), but it is a new dependency.
//
//   npm run mutation [-- --json] [-- --module <name>]... [-- --timeout <seconds>]
//
// Exits 0 with the report, whatever the score; non-zero only when it cannot measure: a snippet that
// is not in its file exactly once (a refactor must not make a mutant vanish silently), a covering
// test that fails before any mutation, or an unknown option.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { MODULES } from './mutations.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** What a unit test may read: the sources, the tests and their fixtures, the configs. */
const COPIED = [
  'src',
  'test',
  'scripts',
  'actions',
  'jest.config.js',
  'tsconfig.json',
  'package.json'
]

class SetupError extends Error {}

/**
 * What the hostile fixtures make a broken quote run (test/fixtures/hostile.ts): `touch
 * /tmp/gantry-pwned…`. A mutant that lets it run must not leave the marker for an integration test
 * that checks it does not exist; what a run created is removed and reported.
 */
const MARKER_DIR = '/tmp'
const markers = () => {
  try {
    return readdirSync(MARKER_DIR).filter((f) => f.startsWith('gantry-pwned'))
  } catch {
    return []
  }
}

/** The jest run in progress (its own process group) and the scratch tree, for an interrupt. */
const running = { child: undefined, dir: undefined }
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    if (running.child) killGroup(running.child)
    if (running.dir) rmSync(running.dir, { recursive: true, force: true })
    process.exit(130)
  })

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // already gone
  }
}

function parseArgs(argv) {
  const options = { json: false, modules: [], timeoutSeconds: undefined }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--json') options.json = true
    else if (arg === '--module') options.modules.push(argv[++i] ?? '')
    else if (arg === '--timeout') options.timeoutSeconds = Number(argv[++i])
    else throw new SetupError(`unknown option ${arg} (--json, --module <name>, --timeout <s>)`)
  }
  const names = MODULES.map((m) => m.name)
  for (const m of options.modules)
    if (!names.includes(m)) throw new SetupError(`no module ${m} (modules: ${names.join(', ')})`)
  return options
}

/** A mutant's edits: `find` → `replace`, or several in `edits`. */
const editsOf = (mutant) => mutant.edits ?? [{ find: mutant.find, replace: mutant.replace }]

const occurrences = (text, snippet) => text.split(snippet).length - 1

/** Every snippet occurs exactly once in the working tree's file, or nothing runs. */
function checkSnippets(modules) {
  const problems = []
  for (const module of modules)
    for (const mutant of module.mutants) {
      const path = join(ROOT, mutant.file)
      if (!existsSync(path)) {
        problems.push(`${module.name}/${mutant.id}: ${mutant.file} does not exist`)
        continue
      }
      const text = readFileSync(path, 'utf8')
      for (const { find } of editsOf(mutant)) {
        const n = occurrences(text, find)
        if (n !== 1)
          problems.push(
            `${module.name}/${mutant.id}: ${JSON.stringify(find.slice(0, 80))} occurs ${n} times in ${mutant.file} (must be once)`
          )
      }
      for (const test of mutant.tests ?? module.tests)
        if (!existsSync(join(ROOT, test)))
          problems.push(`${module.name}/${mutant.id}: test ${test} does not exist`)
    }
  if (problems.length)
    throw new SetupError(`the mutation list does not match the code:\n  ${problems.join('\n  ')}`)
}

/**
 * The scratch tree: a copy (never the working tree: a crash leaves no mutant behind), at a path
 * that stays the same between runs so jest's transform cache still applies.
 */
function scratchTree() {
  const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 12)
  const dir = join(tmpdir(), `gantry-mutation-${id}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  for (const entry of COPIED)
    if (existsSync(join(ROOT, entry)))
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true })
  symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(dir, 'node_modules'))
  return dir
}

/**
 * The mutated file's type errors. ts-jest only transpiles here (isolatedModules), so a mutant that
 * does not compile would otherwise count as caught: it is `invalid` instead, and the list is fixed.
 */
function typeChecker(dir) {
  const { config } = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile)
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dir)
  const texts = new Map()
  const versions = new Map()
  const service = ts.createLanguageService(
    {
      getScriptFileNames: () => parsed.fileNames,
      getScriptVersion: (f) => String(versions.get(f) ?? 0),
      getScriptSnapshot: (f) => {
        const text = texts.get(f) ?? ts.sys.readFile(f)
        return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
      },
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => parsed.options,
      getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
      fileExists: ts.sys.fileExists,
      readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories
    },
    ts.createDocumentRegistry()
  )
  return (file, text) => {
    texts.set(file, text)
    versions.set(file, (versions.get(file) ?? 0) + 1)
    return [...service.getSyntacticDiagnostics(file), ...service.getSemanticDiagnostics(file)]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
  }
}

/** Runs the test files with jest in `dir`; killed (the whole process group) after `timeoutMs`. */
function runJest(dir, tests, timeoutMs) {
  return new Promise((done) => {
    const started = Date.now()
    const child = spawn(
      process.execPath,
      [
        join(dir, 'node_modules/jest/bin/jest.js'),
        '--ci',
        '--bail',
        '--silent',
        '--selectProjects',
        'unit',
        '--runTestsByPath',
        ...tests
      ],
      {
        cwd: dir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
          NODE_NO_WARNINGS: '1',
          FORCE_COLOR: '0'
        }
      }
    )
    let output = ''
    const keep = (chunk) => {
      output = (output + chunk).slice(-20_000)
    }
    child.stdout.on('data', keep)
    child.stderr.on('data', keep)
    running.child = child
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child)
    }, timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      running.child = undefined
      done({ code, timedOut, output, ms: Date.now() - started })
    })
  })
}

/** killed · survived · timeout (a timeout counts as caught: the tests did not pass). */
function verdict(run) {
  if (run.timedOut) return 'timeout'
  return run.code === 0 ? 'survived' : 'killed'
}

/** The first failing test's title, for the report: what caught the mutant. */
const caughtBy = (output) => /● (.+?)\n/.exec(output)?.[1]?.trim()

function mutate(mutant, original) {
  let text = original
  for (const { find, replace } of editsOf(mutant)) text = text.replace(find, () => replace)
  return text
}

async function measureModule(dir, module, options, check, progress) {
  const baseline = await runJest(dir, module.tests, 600_000)
  if (baseline.code !== 0 || baseline.timedOut)
    throw new SetupError(
      `module ${module.name}: its tests fail before any mutation:\n${baseline.output.slice(-3000)}`
    )
  // Bounded per mutant: a mutant that loops forever is a timeout, counted as detected.
  const timeoutMs = options.timeoutSeconds
    ? options.timeoutSeconds * 1000
    : Math.max(30_000, baseline.ms * 4)
  const results = []
  for (const mutant of module.mutants) {
    const path = join(dir, mutant.file)
    const original = readFileSync(path, 'utf8')
    const mutated = mutate(mutant, original)
    const errors = check(path, mutated)
    check(path, original)
    if (errors.length) {
      results.push({ id: mutant.id, file: mutant.file, bug: mutant.bug, status: 'invalid', errors })
      progress(`  invalid  ${module.name}/${mutant.id}: ${errors[0]}`)
      continue
    }
    writeFileSync(path, mutated)
    const before = new Set(markers())
    let run
    try {
      run = await runJest(dir, mutant.tests ?? module.tests, timeoutMs)
    } finally {
      writeFileSync(path, original)
    }
    const ranHostile = markers().filter((f) => !before.has(f))
    for (const f of ranHostile) rmSync(join(MARKER_DIR, f), { force: true })
    const status = verdict(run)
    const by = status === 'killed' ? caughtBy(run.output) : undefined
    results.push({
      id: mutant.id,
      file: mutant.file,
      bug: mutant.bug,
      ...(mutant.why ? { why: mutant.why } : {}),
      ...(ranHostile.length ? { ranHostile: ranHostile.map((f) => join(MARKER_DIR, f)) } : {}),
      status,
      ms: run.ms,
      ...(by ? { caughtBy: by } : {})
    })
    progress(`  ${status.padEnd(8)} ${module.name}/${mutant.id} (${(run.ms / 1000).toFixed(1)} s)`)
  }
  const counted = results.filter((r) => r.status !== 'invalid')
  const detected = counted.filter((r) => r.status !== 'survived').length
  return {
    module: module.name,
    score: counted.length ? Math.round((1000 * detected) / counted.length) / 10 : null,
    detected,
    mutants: counted.length,
    invalid: results.length - counted.length,
    results
  }
}

function textReport(report) {
  const lines = ['', 'mutation score per module (killed or timed out / mutants):']
  for (const m of report.modules)
    lines.push(
      `  ${m.module.padEnd(22)} ${String(m.score ?? '-').padStart(5)} %  ${m.detected}/${m.mutants}${m.invalid ? `  (${m.invalid} do not compile: fix the list)` : ''}`
    )
  lines.push(`  ${'total'.padEnd(22)} ${String(report.score ?? '-').padStart(5)} %`)
  const survivors = report.modules.flatMap((m) =>
    m.results.filter((r) => r.status === 'survived').map((r) => ({ ...r, module: m.module }))
  )
  lines.push('', survivors.length ? 'surviving mutants:' : 'no surviving mutants.')
  for (const s of survivors)
    lines.push(
      `  ${s.module}/${s.id} (${s.file}): ${s.bug}${s.why ? `\n    kept because: ${s.why}` : ''}`
    )
  return lines.join('\n')
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const modules = options.modules.length
    ? MODULES.filter((m) => options.modules.includes(m.name))
    : MODULES
  checkSnippets(modules)
  const progress = options.json ? (line) => process.stderr.write(`${line}\n`) : console.log
  const dir = scratchTree()
  running.dir = dir
  const started = Date.now()
  const check = typeChecker(dir)
  try {
    const measured = []
    for (const module of modules) {
      progress(`${module.name}: ${module.mutants.length} mutants, tests ${module.tests.join(' ')}`)
      measured.push(await measureModule(dir, module, options, check, progress))
    }
    const all = measured.reduce((n, m) => n + m.mutants, 0)
    const detected = measured.reduce((n, m) => n + m.detected, 0)
    const report = {
      score: all ? Math.round((1000 * detected) / all) / 10 : null,
      seconds: Math.round((Date.now() - started) / 1000),
      survivors: measured.flatMap((m) =>
        m.results.filter((r) => r.status === 'survived').map((r) => `${m.module}/${r.id}`)
      ),
      modules: measured
    }
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else console.log(`${textReport(report)}\n\n(${report.seconds} s)`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(
    error instanceof SetupError ? `mutation: ${error.message}` : (error?.stack ?? String(error))
  )
  process.exit(2)
})
