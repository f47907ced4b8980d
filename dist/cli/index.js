#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 70486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _lib_dirname_shim_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(13785);
/* harmony import */ var _lib_dirname_shim_js__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(_lib_dirname_shim_js__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(13436);
/**
 * `gantry <action> [--<input> <value>]... [--json]`: every action as a command, for CircleCI and
 * other CIs. It runs the same run() as the action's bundle, with the CLI's Runner.
 */


process.exitCode = await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .main */ .i)(process.argv.slice(2), process.env, {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text)
});

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 13436:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  i: () => (/* binding */ main)
});

// UNUSED EXPORTS: parseFlags

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __nccwpck_require__(73136);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(57975);
// EXTERNAL MODULE: ./src/lib/redact.ts
var lib_redact = __nccwpck_require__(60310);
// EXTERNAL MODULE: ./src/lib/shell.ts
var shell = __nccwpck_require__(66861);
// EXTERNAL MODULE: ./src/lib/untrusted.ts
var untrusted = __nccwpck_require__(40881);
;// CONCATENATED MODULE: ./src/cli/runner.ts
/**
 * The Runner the `gantry` command gives an action: inputs from flags, then `GANTRY_<NAME>`
 * variables, then action.yml's defaults (as the Actions runner fills them); outputs printed as
 * `name=value` (or JSON) on stdout and exported to `$BASH_ENV` as `GANTRY_OUT_<NAME>`, which is
 * how CircleCI steps pass values on; logs on stderr; secrets redacted from everything printed.
 */




const envName = (input) => input.replace(/[^A-Za-z0-9]/g, '_').toUpperCase();
function cliRunner(options) {
    const secrets = new Set();
    const outputs = new Map();
    const state = new Map();
    let failed;
    const redact = (text) => (0,lib_redact/* redact */.E$)(text, secrets);
    const fenced = options.env.GITHUB_ACTIONS === 'true'
        ? (0,untrusted/* untrustedChannel */._)((text) => options.write.err(text + '\n'))
        : undefined;
    const log = (prefix, message, props) => {
        fenced?.close();
        options.write.err(redact(`${prefix}${props?.title ? `${props.title}: ` : ''}${message}`) + '\n');
    };
    const bashEnv = options.env.BASH_ENV;
    return {
        env: options.env,
        isDebug: options.env.GANTRY_DEBUG === '1',
        outputs,
        get failed() {
            return failed;
        },
        redact,
        // An empty variable counts as unset (an orb passes every parameter, set or not): the default applies.
        getInput: (name) => (options.flags[name] ??
            (options.env[`GANTRY_${envName(name)}`] || undefined) ??
            options.defaults[name] ??
            '').trim(),
        setOutput(name, value) {
            outputs.set(name, value);
            if (bashEnv)
                (0,external_node_fs_.appendFileSync)(bashEnv, `export GANTRY_OUT_${envName(name)}=${(0,shell/* quote */.hD)(value)}\n`);
        },
        setSecret: (value) => {
            if (value)
                secrets.add(value);
        },
        debug: (message) => {
            if (options.env.GANTRY_DEBUG === '1')
                log('debug: ', message);
        },
        info: (message) => log('', message),
        // Inside a GitHub Actions `run:` step the runner reads stderr for commands too: fence it there.
        untrusted: (text, prefix = '') => fenced
            ? fenced.print(redact(text), prefix)
            : (0,untrusted/* runnerLines */.C)(text).forEach((line) => log('', prefix + line)),
        notice: (message, props) => log('notice: ', message, props),
        warning: (message, props) => log('warning: ', message, props),
        error: (message, props) => log('error: ', message, props),
        async group(name, body) {
            log('▸ ', name);
            return body();
        },
        appendSummary(markdown) {
            const path = options.env.GANTRY_SUMMARY_FILE;
            if (path)
                (0,external_node_fs_.appendFileSync)(path, redact(markdown) + '\n');
        },
        saveState: (name, value) => void state.set(name, value),
        getState: (name) => state.get(name) ?? options.env[`GANTRY_STATE_${envName(name)}`] ?? '',
        setFailed(message) {
            failed = message;
            log('error: ', message);
        }
    };
}
/** `name=value` lines; a multi-line value as a `name<<EOF` block, as GitHub's output files have it. */
function formatOutputs(outputs, redact) {
    let text = '';
    for (const [name, raw] of outputs) {
        const value = redact(raw);
        if (!value.includes('\n'))
            text += `${name}=${value}\n`;
        else {
            let delimiter = 'EOF';
            while (value.split('\n').includes(delimiter))
                delimiter += '_';
            text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
        }
    }
    return text;
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/** The `gantry` command: argument parsing, help from action.yml, and running an action. */





/**
 * An action's run(), loaded only when asked for, so `gantry version` never loads the SSH or AWS
 * code. The bundler makes one chunk per src/actions/<name>/main.ts from this one template.
 */
async function loadAction(action) {
    const module = (await __nccwpck_require__(10689)(`./${action}/main.ts`));
    return module.run;
}
/** actions/ sits two levels above both src/cli/main.ts and dist/cli/index.js. */
const ACTIONS_DIR = (0,external_node_path_.join)((0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url)), '..', '..', 'actions');
/** The actions: every folder of actions/ with an action.yml, as the action list everywhere. */
function actionNames() {
    return (0,external_node_fs_.readdirSync)(ACTIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory() && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(ACTIONS_DIR, d.name, 'action.yml')))
        .map((d) => d.name)
        .sort();
}
async function readMeta(action) {
    const { load } = await __nccwpck_require__.e(/* import() */ 243).then(__nccwpck_require__.bind(__nccwpck_require__, 33243));
    return load((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(ACTIONS_DIR, action, 'action.yml'), 'utf8'));
}
function usage(actions) {
    return [
        'Usage: gantry <action> [--<input> <value>]... [--json]',
        '',
        'Actions:',
        ...actions.map((a) => `  ${a}`),
        '',
        'Commands:',
        '  agent    pull-mode deploys on this host: webhooks and registry polling (gantry agent --help)',
        '',
        'Inputs also come from GANTRY_<INPUT> variables (e.g. GANTRY_BASE_VERSION); outputs are',
        'printed as name=value and, when BASH_ENV is set, exported there as GANTRY_OUT_<OUTPUT>.',
        'Run `gantry <action> --help` for its inputs and outputs.',
        ''
    ].join('\n');
}
function actionHelp(action, meta) {
    const lines = [`gantry ${action}: ${meta.description ?? ''}`, '', 'Inputs:'];
    for (const [name, spec] of Object.entries(meta.inputs ?? {})) {
        const extra = [spec.required ? 'required' : '', spec.default ? `default: ${spec.default}` : '']
            .filter(Boolean)
            .join(', ');
        lines.push(`  --${name}  (GANTRY_${envName(name)})${extra ? `  [${extra}]` : ''}`, `      ${spec.description ?? ''}`);
    }
    lines.push('', 'Outputs (name=value, and GANTRY_OUT_<NAME> in $BASH_ENV):');
    for (const [name, spec] of Object.entries(meta.outputs ?? {}))
        lines.push(`  ${name}  ${spec.description ?? ''}`);
    return lines.join('\n') + '\n';
}
/**
 * `--name value` or `--name=value` for each input (node:util parseArgs, strict); the CLI's own
 * flags: `--json` and `--help`/`-h`. A value that starts with `-` needs `--name=-value`.
 */
function parseFlags(args, known) {
    const json = args.includes('--json');
    const help = args.includes('--help') || args.includes('-h');
    const rest = args.filter((a) => a !== '--json' && a !== '--help' && a !== '-h');
    const options = Object.fromEntries([...known].map((name) => [name, { type: 'string' }]));
    try {
        const { values } = (0,external_node_util_.parseArgs)({ args: rest, options, strict: true, allowPositionals: false });
        return { flags: values, json, help };
    }
    catch (error) {
        if (help)
            return { flags: {}, json, help };
        return { error: flagError(error) };
    }
}
/** parseArgs' errors, reworded to name the flag and say what to do. */
function flagError(error) {
    const e = error;
    const named = /'(-[^' ]+)/.exec(e.message ?? '')?.[1] ?? '';
    switch (e.code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return `unknown input ${named}`;
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
            return e.message?.includes('ambiguous')
                ? `${named} needs a value (the next argument starts with -: write ${named}=<value> for a value that does)`
                : `${named} needs a value`;
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return `unexpected argument ${JSON.stringify(/'([^']*)'/.exec(e.message ?? '')?.[1] ?? '')}`;
        default:
            return e.message ?? String(error);
    }
}
async function main(args, env, write) {
    const [action, ...rest] = args;
    const actions = actionNames();
    if (action === undefined || action === '--help' || action === '-h') {
        write.out(usage(actions));
        return action === undefined ? 1 : 0;
    }
    // A command, not an action (no action.yml, no inputs): its own chunk, loaded only for it.
    if (action === 'agent')
        return (await Promise.all(/* import() */[__nccwpck_require__.e(398), __nccwpck_require__.e(243), __nccwpck_require__.e(592), __nccwpck_require__.e(497), __nccwpck_require__.e(269), __nccwpck_require__.e(386), __nccwpck_require__.e(843)]).then(__nccwpck_require__.bind(__nccwpck_require__, 31843))).agentMain(rest, env, write);
    if (!actions.includes(action)) {
        write.err(`error: unknown action ${JSON.stringify(action)}\n\n${usage(actions)}`);
        return 1;
    }
    const meta = await readMeta(action);
    const parsed = parseFlags(rest, new Set(Object.keys(meta.inputs ?? {})));
    if ('error' in parsed) {
        write.err(`error: ${parsed.error} (see gantry ${action} --help)\n`);
        return 1;
    }
    if (parsed.help) {
        write.out(actionHelp(action, meta));
        return 0;
    }
    const defaults = Object.fromEntries(Object.entries(meta.inputs ?? {}).map(([name, spec]) => [name, String(spec.default ?? '')]));
    const runner = cliRunner({ flags: parsed.flags, defaults, env, write });
    await (await loadAction(action))({ runner });
    if (runner.failed !== undefined)
        return 1;
    if (parsed.json)
        write.out(runner.redact(JSON.stringify(Object.fromEntries(runner.outputs), null, 2)) + '\n');
    else
        write.out(formatOutputs(runner.outputs, runner.redact));
    return 0;
}


/***/ }),

/***/ 13785:
/***/ (() => {

// ssh2's bundled poly1305 (emscripten) reads __dirname, which ESM bundles do not define. This
// module must be the entry's first import so the shim exists before any chunk evaluates.
const scope = globalThis;
scope.__dirname ??= import.meta.dirname;


/***/ }),

/***/ 60310:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ redactor),
/* harmony export */   E$: () => (/* binding */ redact),
/* harmony export */   IN: () => (/* binding */ lineSecrets),
/* harmony export */   dE: () => (/* binding */ redactUrlCredentials)
/* harmony export */ });
/** Secrets out of text Gantry itself prints or stores (the runner masks only its own log). */
/**
 * Every occurrence of every secret replaced by `***`, the longest first, so a secret that holds
 * another (`hunter2` inside `hunter2-admin`) is masked whole, not left half visible.
 */
function redact(text, secrets) {
    return redactor(secrets)(text);
}
/** redact() for many texts with the same secrets (a step's output, line by line). */
function redactor(secrets) {
    const sorted = [...new Set(secrets)].filter(Boolean).sort((a, b) => b.length - a.length);
    return (text) => sorted.reduce((result, secret) => result.split(secret).join('***'), text);
}
/** A line of a multi-line secret shorter than this is not masked alone (it could be any word). */
const MIN_LINE_SECRET = 8;
/**
 * The values to mask in text that arrives line by line: each secret, and each line of one that
 * spans several (a private key printed by a step reaches the log one line at a time).
 */
function lineSecrets(secrets) {
    const values = new Set();
    for (const secret of secrets) {
        if (!secret)
            continue;
        values.add(secret);
        if (!secret.includes('\n'))
            continue;
        for (const line of secret.split(/\r?\n/))
            if (line.trim().length >= MIN_LINE_SECRET)
                values.add(line.trim());
    }
    return [...values];
}
/** A URL's `user:password@` (a repository URL with its token) as `***@`, wherever it is in the text. */
function redactUrlCredentials(text) {
    return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/\s@]+@/gi, '$1***@');
}


/***/ }),

/***/ 66861:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QZ: () => (/* binding */ remotePath),
/* harmony export */   hD: () => (/* binding */ quote),
/* harmony export */   q$: () => (/* binding */ shellCommand)
/* harmony export */ });
/**
 * The one quoting function. Every value that reaches a remote shell (paths, names, URLs, env
 * values, versions) goes through quote(); commands are built as argument arrays and joined by
 * shellCommand(). Nothing from inputs, branch names or commit data is ever pasted raw.
 */
const SAFE = /^[A-Za-z0-9_/.:=@%+,-]+$/;
function quote(value) {
    if (value.includes('\0'))
        throw new Error('A shell argument cannot contain a NUL byte');
    if (value !== '' && SAFE.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}
/** An argv joined for a POSIX shell, each word quoted. */
function shellCommand(argv) {
    return argv.map(quote).join(' ');
}
/**
 * A path on the remote host: a leading `~/` becomes `"$HOME"/` (quoting would stop the shell
 * from expanding `~`), the rest is quoted.
 */
function remotePath(path) {
    if (path === '~')
        return '"$HOME"';
    if (path.startsWith('~/'))
        return `"$HOME"/${quote(path.slice(2))}`;
    return quote(path);
}


/***/ }),

/***/ 40881:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ runnerLines),
/* harmony export */   _: () => (/* binding */ untrustedChannel)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Output Gantry did not write (deploy hosts, docker, compose, git, registry and API error
 * messages, commit messages) must never be read by the Actions runner as a workflow command. The
 * runner acts on `::cmd::` at the start of a line (after leading spaces) and on the legacy
 * `##[cmd]` anywhere in a line, and splits lines on `\r\n`, a lone `\r` and `\n`; a prefix on each
 * line stops neither `##[cmd]` nor what follows a lone `\r`. So such lines are printed inside a
 * `::stop-commands::<token>` … `::<token>::` region, with a random token that does not occur in
 * the text. Masks registered before still apply inside a region, but an `::add-mask::` (or any
 * command) inside one is ignored: the adapter closes the region before anything of Gantry's own.
 */

/** Lines as the runner (and .NET's ReadLine) splits them; a final line break ends the last line. */
function runnerLines(text) {
    const lines = text.split(/\r\n|\r|\n/);
    if (lines.length > 1 && lines[lines.length - 1] === '')
        lines.pop();
    return lines;
}
/**
 * The one way untrusted text reaches a log that the runner reads. Consecutive prints share one
 * region (the runner echoes the fence lines, so one per line would triple a deploy's log); it
 * closes before Gantry's own output, after a short pause in the untrusted output, and at exit, so
 * no later command of this step or of the next is lost.
 */
function untrustedChannel(write, newToken = node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID, idleMs = 200) {
    let token;
    let idle;
    const close = () => {
        if (token === undefined)
            return;
        clearTimeout(idle);
        process.off('exit', close);
        const end = `::${token}::`;
        token = undefined;
        write(end);
    };
    return {
        close,
        print(text, prefix = '') {
            const lower = text.toLowerCase();
            if (token !== undefined && lower.includes(token.toLowerCase()))
                close();
            let opening = '';
            if (token === undefined) {
                let fresh = newToken();
                while (lower.includes(fresh.toLowerCase()))
                    fresh = newToken();
                token = fresh;
                process.on('exit', close);
                opening = `::stop-commands::${token}\n`;
            }
            write(opening +
                runnerLines(text)
                    .map((line) => prefix + line)
                    .join('\n'));
            clearTimeout(idle);
            idle = setTimeout(close, idleMs);
            idle.unref();
        }
    };
}


/***/ }),

/***/ 10689:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

var map = {
	"./approval/main.ts": [
		56666,
		398,
		666
	],
	"./deployment/main.ts": [
		91362,
		398,
		362
	],
	"./ecr-login/main.ts": [
		46925,
		398,
		99,
		689
	],
	"./ecs-deploy/main.ts": [
		84070,
		398,
		70
	],
	"./environment/main.ts": [
		91982,
		398,
		982
	],
	"./image-push/main.ts": [
		16456,
		398,
		497,
		99,
		456
	],
	"./k8s-deploy/main.ts": [
		39511,
		398,
		243,
		227,
		511
	],
	"./notify/main.ts": [
		26386,
		398,
		592,
		386
	],
	"./slack-notify/main.ts": [
		10147,
		398,
		592,
		147
	],
	"./ssh-deploy/main.ts": [
		38605,
		398,
		269,
		227,
		605
	],
	"./version/main.ts": [
		92261,
		398,
		261
	]
};
function webpackAsyncContext(req) {
	if(!__nccwpck_require__.o(map, req)) {
		return Promise.resolve().then(() => {
			var e = new Error("Cannot find module '" + req + "'");
			e.code = 'MODULE_NOT_FOUND';
			throw e;
		});
	}

	var ids = map[req], id = ids[0];
	return Promise.all(ids.slice(1).map(__nccwpck_require__.e)).then(() => {
		return __nccwpck_require__(id);
	});
}
webpackAsyncContext.keys = () => (Object.keys(map));
webpackAsyncContext.id = 10689;
module.exports = webpackAsyncContext;

/***/ }),

/***/ 42613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 20181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 35317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 76982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 72250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 24434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 79896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 58611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 65692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 69278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 34589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 16698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 31421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 37540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 77598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 53053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 40610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 78474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 73024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 51455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 37067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 32467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 44708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 77030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 48161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 76760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 41792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 80481:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");

/***/ }),

/***/ 57075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 46193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 41692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 73136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 57975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 73429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 75919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 38522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 70857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 16928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 24876:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("punycode");

/***/ }),

/***/ 83480:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("querystring");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 13193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 53557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 64756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 52018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 87016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 39023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 69154:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("vm");

/***/ }),

/***/ 43106:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("zlib");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(70486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
