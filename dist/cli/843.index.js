export const id = 843;
export const ids = [843,76];
export const modules = {

/***/ 31843:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CONFIG: () => (/* binding */ DEFAULT_CONFIG),
  agentMain: () => (/* binding */ agentMain),
  eventLogger: () => (/* binding */ eventLogger),
  secretReader: () => (/* binding */ secretReader)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
// EXTERNAL MODULE: ./src/core/deploy/inputs.ts
var deploy_inputs = __webpack_require__(94738);
// EXTERNAL MODULE: ./src/core/notify/targets.ts
var notify_targets = __webpack_require__(64555);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var lib_inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/core/yaml.ts
var yaml = __webpack_require__(91076);
;// CONCATENATED MODULE: ./src/core/agent/config.ts







/** All the problems of one file, one `<file>:<line>: <key path>: <problem>` line each. */
class AgentConfigError extends errors/* ConfigurationError */.j1 {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.problems = problems;
    }
}
const DEFAULT_LISTEN = { host: '127.0.0.1', port: 9000 };
const DEFAULT_MAX_BODY = 1024 * 1024;
const DEFAULT_MAX_PENDING = 32;
const DEFAULT_STEP_TIMEOUT_MS = 10 * 60_000;
const APP_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const TOP_KEYS = [
    'listen',
    'tls',
    'state-dir',
    'token-file',
    'token-env',
    'log-format',
    'max-body',
    'max-pending',
    'apps'
];
/** ssh-deploy inputs an app may set, passed on as written. */
const COMMON_INPUTS = [
    deploy_inputs/* INPUTS */.m.path,
    deploy_inputs/* INPUTS */.m.healthUrl,
    deploy_inputs/* INPUTS */.m.healthTimeout,
    deploy_inputs/* INPUTS */.m.preDeploy,
    deploy_inputs/* INPUTS */.m.postDeploy,
    deploy_inputs/* INPUTS */.m.rollback,
    deploy_inputs/* INPUTS */.m.keepReleases,
    deploy_inputs/* INPUTS */.m.lockTimeout,
    deploy_inputs/* INPUTS */.m.lockStaleAfter
];
const COMPOSE_INPUTS = [deploy_inputs/* INPUTS */.m.composeFile, deploy_inputs/* INPUTS */.m.env, deploy_inputs/* INPUTS */.m.registryUsername];
const BLUE_GREEN_INPUTS = [
    deploy_inputs/* INPUTS */.m.proxyDriver,
    deploy_inputs/* INPUTS */.m.routeHost,
    deploy_inputs/* INPUTS */.m.routePath,
    deploy_inputs/* INPUTS */.m.proxyOptions,
    deploy_inputs/* INPUTS */.m.drainTimeout,
    deploy_inputs/* INPUTS */.m.postDeployTest
];
const GIT_INPUTS = [
    deploy_inputs/* INPUTS */.m.repository,
    deploy_inputs/* INPUTS */.m.repositoryKnownHosts,
    deploy_inputs/* INPUTS */.m.build,
    deploy_inputs/* INPUTS */.m.restart,
    deploy_inputs/* INPUTS */.m.linkedFiles,
    deploy_inputs/* INPUTS */.m.linkedDirs
];
/** Secrets an app reads from a file or the environment, by their ssh-deploy input names. */
const SECRET_INPUTS = [deploy_inputs/* INPUTS */.m.registryPassword, deploy_inputs/* INPUTS */.m.repositoryKey];
const AGENT_KEYS = [
    'target',
    'strategy',
    'image',
    'tags',
    'branch',
    'step-timeout',
    'triggers',
    'notify'
];
const COMPOSE_ONLY = ['image', 'tags', ...COMPOSE_INPUTS, deploy_inputs/* INPUTS */.m.registryPassword];
const GIT_ONLY = ['branch', ...GIT_INPUTS, deploy_inputs/* INPUTS */.m.repositoryKey];
const APP_KEYS = [
    ...AGENT_KEYS,
    ...COMMON_INPUTS,
    ...COMPOSE_INPUTS,
    ...BLUE_GREEN_INPUTS,
    ...GIT_INPUTS,
    ...SECRET_INPUTS.flatMap((s) => [`${s}-file`, `${s}-env`])
];
const WEBHOOK_TRIGGERS = ['github', 'gantry', 'registry', 'harbor', 'token'];
const TRIGGER_KEYS = [...WEBHOOK_TRIGGERS, 'poll'];
/** Keys that would hold a secret in the file itself, and where it belongs instead. */
const LITERAL_SECRETS = {
    token: 'token',
    secret: 'secret',
    [deploy_inputs/* INPUTS */.m.registryPassword]: deploy_inputs/* INPUTS */.m.registryPassword,
    [deploy_inputs/* INPUTS */.m.repositoryKey]: deploy_inputs/* INPUTS */.m.repositoryKey
};
/** Levenshtein distance, for "did you mean". */
function distance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const here = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = here;
        }
    }
    return row[b.length];
}
function nearest(key, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = distance(key.toLowerCase(), k);
        if (d < bestDistance)
            [best, bestDistance] = [k, d];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
        ? best
        : undefined;
}
const keyPath = (path) => path.join('.');
/** Collects problems instead of stopping at the first. */
class Problems {
    list = [];
    add(path, problem, at = 'value') {
        this.list.push(new yaml/* YamlPathError */.L(path, path.length ? `${keyPath(path)}: ${problem}` : problem, at));
        return undefined;
    }
}
function dirname(file) {
    const slash = file.lastIndexOf('/');
    return slash < 0 ? '.' : slash === 0 ? '/' : file.slice(0, slash);
}
/** A path in the file: `~/x` is under home, a relative one is relative to the file's directory. */
function pathFrom(file, home, path) {
    if (path.startsWith('/'))
        return path;
    if (path === '~' || path.startsWith('~/'))
        return home + path.slice(1);
    const dir = dirname(file);
    return `${dir === '.' ? '.' : dir}/${path.replace(/^\.\//, '')}`;
}
class Reader {
    problems;
    file;
    context;
    constructor(problems, file, context) {
        this.problems = problems;
        this.file = file;
        this.context = context;
    }
    mapping(value, path, known) {
        if (!(0,json/* isPlainObject */.Q)(value))
            return this.problems.add(path, 'must be a mapping');
        for (const key of Object.keys(value)) {
            if (known.includes(key))
                continue;
            const secret = LITERAL_SECRETS[key];
            if (secret !== undefined && known.includes(`${secret}-file`)) {
                this.problems.add([...path, key], `a secret written in the file is refused (config files are often world-readable): use ${secret}-file or ${secret}-env`, 'key');
                continue;
            }
            const near = nearest(key, known);
            this.problems.add([...path, key], `unknown key${near ? ` (did you mean '${near}'?)` : ` (known: ${known.join(', ')})`}`, 'key');
        }
        return value;
    }
    /** A scalar as text; `raw` is the failsafe parse (the text as written). */
    text(value, raw, path) {
        if (value === null || value === undefined)
            return undefined;
        if (typeof raw === 'string')
            return raw;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
            return String(value);
        return this.problems.add(path, 'must be a single value (text, a number or true/false)');
    }
    /** A list of scalars, or one scalar; for ssh-deploy's list inputs, one per line. */
    list(value, raw, path) {
        if (value === null || value === undefined)
            return [];
        if (Array.isArray(value)) {
            const rawList = Array.isArray(raw) ? raw : [];
            const items = value.map((v, i) => this.text(v, rawList[i], [...path, i]));
            return items.every((i) => i !== undefined) ? items : undefined;
        }
        const one = this.text(value, raw, path);
        return one === undefined ? undefined : [one];
    }
    /** `<name>-file` or `<name>-env` (exactly one) → the secret's value. */
    secret(map, path, name, required) {
        const fileKey = `${name}-file`;
        const envKey = `${name}-env`;
        const hasFile = map[fileKey] !== undefined && map[fileKey] !== null;
        const hasEnv = map[envKey] !== undefined && map[envKey] !== null;
        if (hasFile && hasEnv)
            return this.problems.add([...path, envKey], `either ${fileKey} or ${envKey}, not both`, 'key');
        if (!hasFile && !hasEnv) {
            // A secret written in the file was reported already (by mapping()).
            if (required && map[name] === undefined)
                this.problems.add(path, `${fileKey} or ${envKey} is required`, 'key');
            return undefined;
        }
        const key = hasFile ? fileKey : envKey;
        const where = [...path, key];
        const given = map[key];
        if (typeof given !== 'string' || given.trim() === '')
            return this.problems.add(where, hasFile ? 'must be a file path' : 'must be a variable name');
        if (!hasFile && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(given))
            return this.problems.add(where, `${JSON.stringify(given)} is not an environment variable name`);
        const source = hasFile
            ? { file: pathFrom(this.file, this.context.home, given) }
            : { env: given };
        let value;
        try {
            value = this.context.readSecret(source);
        }
        catch (error) {
            return this.problems.add(where, (0,errors/* errorMessage */.gJ)(error));
        }
        // A file's trailing newline is not part of the secret (`echo s3cret > file`).
        const secret = value.replace(/\r?\n$/, '');
        if (secret.trim() === '')
            return this.problems.add(where, 'file' in source ? `${source.file} is empty` : `$${given} is empty`);
        return secret;
    }
}
function parseListen(text) {
    const m = /^(?:(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):)?(\d{1,5})$/.exec(text.trim());
    if (!m)
        return undefined;
    const port = Number(m[2]);
    if (port > 65535)
        return undefined;
    return { host: (m[1] ?? DEFAULT_LISTEN.host).replace(/^\[(.*)\]$/, '$1'), port };
}
/** A tag glob: tag characters plus `*` and `?`. */
const TAG_GLOB = /^[A-Za-z0-9_.*?-]{1,128}$/;
/** A branch name git accepts, without anything an option or a shell could take. */
function isBranch(name) {
    return (/^[A-Za-z0-9._/-]{1,255}$/.test(name) &&
        !name.startsWith('-') &&
        !name.startsWith('/') &&
        !name.endsWith('/') &&
        !name.endsWith('.lock') &&
        !name.includes('..') &&
        !name.includes('//'));
}
function readTriggers(r, value, path, app) {
    const triggers = {};
    const map = r.mapping(value, path, TRIGGER_KEYS);
    if (!map)
        return triggers;
    for (const [kind, body] of Object.entries(map)) {
        const at = [...path, kind];
        if (kind === 'poll') {
            const poll = r.mapping(body ?? {}, at, ['interval', 'jitter']);
            if (!poll)
                continue;
            const intervalText = poll.interval === undefined ? '1m' : String(poll.interval);
            const intervalMs = (0,lib_inputs/* parseDuration */.E9)(intervalText);
            if (intervalMs === undefined || intervalMs < 5000)
                r.problems.add([...at, 'interval'], `${JSON.stringify(intervalText)}: expected a duration of at least 5s, such as \`1m\``);
            const jitter = poll.jitter === undefined ? 0.1 : poll.jitter;
            if (typeof jitter !== 'number' || jitter < 0 || jitter > 0.5)
                r.problems.add([...at, 'jitter'], `${JSON.stringify(jitter)}: expected a fraction from 0 to 0.5`);
            if (app.target !== 'compose')
                r.problems.add(at, 'polls a registry: only with `target: compose` (a git app takes a push webhook)', 'key');
            else if (!app.tags.some((t) => !/[*?]/.test(t)))
                r.problems.add(at, 'polls the tags without wildcards: `tags` has none (add one such as `latest` or `stable`)', 'key');
            triggers.poll = {
                intervalMs: intervalMs ?? 60_000,
                jitter: typeof jitter === 'number' ? jitter : 0.1
            };
            continue;
        }
        if (!WEBHOOK_TRIGGERS.includes(kind))
            continue;
        const keys = kind === 'registry' ? ['secret-file', 'secret-env', 'header'] : ['secret-file', 'secret-env'];
        const trigger = r.mapping(body ?? {}, at, keys);
        if (!trigger)
            continue;
        const secret = r.secret(trigger, at, 'secret', true);
        if (secret === undefined)
            continue;
        switch (kind) {
            case 'github':
                triggers.github = { secret };
                break;
            case 'gantry':
                triggers.gantry = { secret };
                break;
            case 'harbor':
                triggers.harbor = { value: secret };
                break;
            case 'token':
                triggers.token = { secret };
                break;
            case 'registry': {
                const header = trigger.header === undefined ? 'Authorization' : String(trigger.header);
                if (!/^[A-Za-z0-9-]{1,64}$/.test(header))
                    r.problems.add([...at, 'header'], `${JSON.stringify(header)}: expected an HTTP header name`);
                triggers.registry = { header, value: `Bearer ${secret}` };
                break;
            }
        }
    }
    if (Object.keys(map).length === 0)
        r.problems.add(path, `at least one trigger: ${TRIGGER_KEYS.join(', ')}`, 'key');
    return triggers;
}
function readApp(r, name, value, raw, path) {
    if (!APP_NAME.test(name))
        r.problems.add(path, 'an app name is lowercase letters, digits, `_` and `-`, starting with a letter or digit (at most 63): it names the compose project', 'key');
    const map = r.mapping(value, path, APP_KEYS);
    if (!map)
        return undefined;
    const rawMap = (0,json/* isPlainObject */.Q)(raw) ? raw : {};
    const at = (key) => [...path, key];
    const text = (key) => r.text(map[key], rawMap[key], at(key));
    const target = text('target') ?? 'compose';
    if (target !== 'compose' && target !== 'git') {
        r.problems.add(at('target'), `${JSON.stringify(target)}: expected \`compose\` or \`git\``);
        return undefined;
    }
    const strategy = text('strategy') ?? 'recreate';
    if (strategy !== 'recreate' && strategy !== 'blue-green')
        r.problems.add(at('strategy'), `${JSON.stringify(strategy)}: expected \`recreate\` or \`blue-green\``);
    if (strategy === 'blue-green' && target === 'git')
        r.problems.add(at('strategy'), '`blue-green` is for `target: compose`');
    for (const key of target === 'git' ? COMPOSE_ONLY : GIT_ONLY) {
        const present = [key, `${key}-file`, `${key}-env`].find((k) => map[k] !== undefined);
        if (present)
            r.problems.add(at(present), `only with \`target: ${target === 'git' ? 'compose' : 'git'}\``, 'key');
    }
    if (strategy !== 'blue-green')
        for (const key of BLUE_GREEN_INPUTS)
            if (map[key] !== undefined)
                r.problems.add(at(key), 'only with `strategy: blue-green`', 'key');
    const inputs = {
        [deploy_inputs/* INPUTS */.m.app]: name,
        [deploy_inputs/* INPUTS */.m.target]: target,
        [deploy_inputs/* INPUTS */.m.strategy]: strategy
    };
    for (const key of [...COMMON_INPUTS, ...COMPOSE_INPUTS, ...BLUE_GREEN_INPUTS, ...GIT_INPUTS]) {
        if (map[key] === undefined || map[key] === null)
            continue;
        if (key === deploy_inputs/* INPUTS */.m.env && (0,json/* isPlainObject */.Q)(map[key])) {
            const env = map[key];
            const rawEnv = (0,json/* isPlainObject */.Q)(rawMap[key]) ? rawMap[key] : {};
            inputs[key] = Object.entries(env)
                .map(([k, v]) => `${k}=${r.text(v, rawEnv[k], [...at(key), k]) ?? ''}`)
                .join('\n');
            continue;
        }
        const list = r.list(map[key], rawMap[key], at(key));
        if (list !== undefined)
            inputs[key] = list.join('\n');
    }
    if (inputs[deploy_inputs/* INPUTS */.m.composeFile] !== undefined)
        inputs[deploy_inputs/* INPUTS */.m.composeFile] = pathFrom(r.file, r.context.home, inputs[deploy_inputs/* INPUTS */.m.composeFile]);
    // `path` stays as written (ssh-deploy's default `~/gantry/<app>` when absent): the engine resolves `~`.
    for (const secret of SECRET_INPUTS) {
        const value = r.secret(map, path, secret, false);
        if (value !== undefined)
            inputs[secret] = value;
    }
    // The typed inputs ssh-deploy reads, checked with its reader so the message is the same.
    const reader = new lib_inputs/* InputReader */.i_((n) => inputs[n] ?? '');
    const checks = [
        [deploy_inputs/* INPUTS */.m.healthTimeout, () => reader.duration(deploy_inputs/* INPUTS */.m.healthTimeout, 0)],
        [deploy_inputs/* INPUTS */.m.lockTimeout, () => reader.duration(deploy_inputs/* INPUTS */.m.lockTimeout, 0)],
        [deploy_inputs/* INPUTS */.m.lockStaleAfter, () => reader.duration(deploy_inputs/* INPUTS */.m.lockStaleAfter, 0)],
        [deploy_inputs/* INPUTS */.m.drainTimeout, () => reader.duration(deploy_inputs/* INPUTS */.m.drainTimeout, 0)],
        [deploy_inputs/* INPUTS */.m.keepReleases, () => reader.integer(deploy_inputs/* INPUTS */.m.keepReleases, { min: 1, max: 100 })],
        [
            deploy_inputs/* INPUTS */.m.healthUrl,
            () => reader.url(deploy_inputs/* INPUTS */.m.healthUrl, 'an http(s) URL, checked from this host')
        ],
        [deploy_inputs/* INPUTS */.m.rollback, () => reader.boolean(deploy_inputs/* INPUTS */.m.rollback, true)],
        [
            deploy_inputs/* INPUTS */.m.proxyDriver,
            () => reader.choice(deploy_inputs/* INPUTS */.m.proxyDriver, ['haproxy', 'nginx'], 'haproxy')
        ]
    ];
    for (const [key, check] of checks) {
        try {
            check();
        }
        catch (error) {
            if (!(error instanceof errors/* InputError */.dz))
                throw error;
            r.problems.add(at(key), `${JSON.stringify(error.value)}: expected ${error.expected}`);
        }
    }
    let image;
    let tags = [];
    let branch;
    if (target === 'compose') {
        const imageText = text('image');
        if (imageText === undefined)
            r.problems.add(path, 'image is required with `target: compose` (e.g. `image: 127.0.0.1:5000/shop`)', 'key');
        else {
            const parsed = (0,docker_reference/* parseImageReference */.o_)(imageText);
            if ('error' in parsed)
                r.problems.add(at('image'), `${JSON.stringify(imageText)}: expected ${parsed.error}`);
            else if (parsed.reference.tag !== undefined || parsed.reference.digest !== undefined)
                r.problems.add(at('image'), `${JSON.stringify(imageText)}: expected the repository without a tag or digest (the tags that deploy go in \`tags\`)`);
            else
                image = {
                    registry: parsed.reference.registry,
                    repository: parsed.reference.repository,
                    reference: (0,docker_reference/* formatReference */.FH)(parsed.reference)
                };
        }
        if (map.tags === undefined || map.tags === null)
            r.problems.add(path, "tags is required with `target: compose`: the tag globs that may deploy (e.g. [ 'v*', latest ])", 'key');
        else {
            tags = r.list(map.tags, rawMap.tags, at('tags')) ?? [];
            tags.forEach((tag, i) => {
                if (!TAG_GLOB.test(tag) || /^[.-]/.test(tag))
                    r.problems.add(Array.isArray(map.tags) ? [...at('tags'), i] : at('tags'), `${JSON.stringify(tag)}: expected a tag or a glob of one (\`*\` any characters, \`?\` one)`);
            });
            if (tags.length === 0)
                r.problems.add(at('tags'), 'at least one tag glob');
        }
        if (inputs[deploy_inputs/* INPUTS */.m.registryUsername] !== undefined &&
            inputs[deploy_inputs/* INPUTS */.m.registryPassword] === undefined)
            r.problems.add(at(deploy_inputs/* INPUTS */.m.registryUsername), `needs ${deploy_inputs/* INPUTS */.m.registryPassword}-file or ${deploy_inputs/* INPUTS */.m.registryPassword}-env`);
        if (inputs[deploy_inputs/* INPUTS */.m.registryPassword] !== undefined &&
            inputs[deploy_inputs/* INPUTS */.m.registryUsername] === undefined)
            r.problems.add(path, `${deploy_inputs/* INPUTS */.m.registryPassword} needs ${deploy_inputs/* INPUTS */.m.registryUsername}`, 'key');
        if (image && inputs[deploy_inputs/* INPUTS */.m.registryUsername] !== undefined)
            inputs[deploy_inputs/* INPUTS */.m.registry] = image.registry;
    }
    else {
        branch = text('branch') ?? 'main';
        if (!isBranch(branch))
            r.problems.add(at('branch'), `${JSON.stringify(branch)}: expected a branch name`);
        if (inputs[deploy_inputs/* INPUTS */.m.repository] === undefined)
            r.problems.add(path, 'repository is required with `target: git`', 'key');
    }
    const stepText = text('step-timeout');
    const stepTimeoutMs = stepText === undefined ? DEFAULT_STEP_TIMEOUT_MS : (0,lib_inputs/* parseDuration */.E9)(stepText);
    if (stepTimeoutMs === undefined || stepTimeoutMs < 1000)
        r.problems.add(at('step-timeout'), `${JSON.stringify(stepText)}: expected a duration such as \`90s\`, \`10m\` or \`1h\``);
    let triggers = {};
    if (map.triggers === undefined || map.triggers === null)
        r.problems.add(path, `triggers is required: at least one of ${TRIGGER_KEYS.join(', ')}`, 'key');
    else
        triggers = readTriggers(r, map.triggers, at('triggers'), { target, tags });
    const notify = r.list(map.notify, rawMap.notify, at('notify')) ?? [];
    notify.forEach((line, i) => {
        try {
            (0,notify_targets/* parseTargets */.Sx)([line], keyPath(at('notify')));
        }
        catch (error) {
            r.problems.add(Array.isArray(map.notify) ? [...at('notify'), i] : at('notify'), (0,errors/* errorMessage */.gJ)(error).replace(/^Input '[^']*': /, ''));
        }
    });
    return {
        name,
        target,
        strategy: strategy === 'blue-green' ? 'blue-green' : 'recreate',
        inputs,
        ...(image ? { image } : {}),
        tags,
        ...(branch !== undefined ? { branch } : {}),
        stepTimeoutMs: stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS,
        triggers,
        notify
    };
}
function readConfig(value, raw, file, context, problems) {
    const r = new Reader(problems, file, context);
    const config = {
        file,
        listen: { ...DEFAULT_LISTEN },
        stateDir: context.env.XDG_STATE_HOME
            ? `${context.env.XDG_STATE_HOME}/gantry-agent`
            : `${context.home}/.local/state/gantry-agent`,
        token: '',
        logFormat: 'text',
        maxBodyBytes: DEFAULT_MAX_BODY,
        maxPending: DEFAULT_MAX_PENDING,
        apps: []
    };
    const map = r.mapping(value ?? {}, [], TOP_KEYS);
    if (!map)
        return config;
    const rawMap = (0,json/* isPlainObject */.Q)(raw) ? raw : {};
    const text = (key) => r.text(map[key], rawMap[key], [key]);
    const listen = text('listen');
    if (listen !== undefined) {
        const parsed = parseListen(listen);
        if (!parsed)
            problems.add(['listen'], `${JSON.stringify(listen)}: expected host:port, such as 127.0.0.1:9000`);
        else
            config.listen = parsed;
    }
    if (map.tls !== undefined && map.tls !== null) {
        const tls = r.mapping(map.tls, ['tls'], ['cert', 'key']);
        if (tls) {
            const cert = typeof tls.cert === 'string' ? tls.cert : undefined;
            const key = typeof tls.key === 'string' ? tls.key : undefined;
            for (const [name, value, what] of [
                ['cert', cert, 'the certificate file (PEM)'],
                ['key', key, 'the private key file (PEM)']
            ])
                if (!value)
                    problems.add(tls[name] === undefined ? ['tls'] : ['tls', name], tls[name] === undefined ? `${name} is required: ${what}` : `must be ${what}`, 'key');
            if (cert && key)
                config.tls = {
                    cert: pathFrom(file, context.home, cert),
                    key: pathFrom(file, context.home, key)
                };
        }
    }
    const stateDir = text('state-dir');
    if (stateDir !== undefined)
        config.stateDir = pathFrom(file, context.home, stateDir);
    config.token = r.secret(map, [], 'token', true) ?? '';
    if (config.token !== '' && config.token.length < 16)
        problems.add([map['token-file'] !== undefined ? 'token-file' : 'token-env'], 'the token is shorter than 16 characters: use a random one (`openssl rand -hex 32`)');
    const logFormat = text('log-format');
    if (logFormat !== undefined) {
        if (logFormat !== 'text' && logFormat !== 'json')
            problems.add(['log-format'], `${JSON.stringify(logFormat)}: expected \`text\` or \`json\``);
        else
            config.logFormat = logFormat;
    }
    for (const [key, field, min, max] of [
        ['max-body', 'maxBodyBytes', 1024, 1024 ** 3],
        ['max-pending', 'maxPending', 1, 100_000]
    ]) {
        const v = map[key];
        if (v === undefined || v === null)
            continue;
        if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
            problems.add([key], `${JSON.stringify(v)}: expected a whole number from ${min} to ${max}`);
        else
            config[field] = v;
    }
    if (map.apps === undefined || map.apps === null)
        problems.add([], 'apps is required: at least one app', 'key');
    else {
        const apps = (0,json/* isPlainObject */.Q)(map.apps)
            ? map.apps
            : problems.add(['apps'], 'must be a mapping of app names to their settings');
        const rawApps = (0,json/* isPlainObject */.Q)(rawMap.apps) ? rawMap.apps : {};
        if (apps) {
            for (const [name, body] of Object.entries(apps)) {
                const app = readApp(r, name, body, rawApps[name], ['apps', name]);
                if (app)
                    config.apps.push(app);
            }
            if (Object.keys(apps).length === 0)
                problems.add(['apps'], 'at least one app');
        }
    }
    return config;
}
/**
 * Parses and validates the file. Throws AgentConfigError listing every problem, each with the
 * file, line and key; a YAML syntax error is a ConfigurationError with its line.
 */
async function parseAgentConfig(text, file, context) {
    const value = (0,yaml.parseYaml)(text, file);
    const raw = (0,yaml.parseYaml)(text, file, { strings: true });
    const problems = new Problems();
    const config = readConfig(value, raw, file, context, problems);
    if (problems.list.length === 0)
        return config;
    const lines = [];
    for (const problem of problems.list) {
        // validateYaml turns a YamlPathError into `file:line: message` (the line found lazily).
        try {
            await (0,yaml/* validateYaml */.u)(text, file, () => {
                throw problem;
            });
        }
        catch (error) {
            lines.push((0,errors/* errorMessage */.gJ)(error));
        }
    }
    throw new AgentConfigError(lines);
}
/** The triggers of an app, in the order the file gives them. */
function triggerNames(app) {
    return Object.keys(app.triggers);
}
/** `ok: <file>: 2 app(s): shop (compose, triggers github, poll); blog (git, triggers github)` */
function checkSummary(config) {
    const apps = config.apps.map((a) => `${a.name} (${a.target}${a.strategy === 'blue-green' ? ' blue-green' : ''}, triggers ${triggerNames(a).join(', ')})`);
    return `ok: ${config.file}: ${config.apps.length} app(s): ${apps.join('; ')}`;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./src/io/ssh.ts
var ssh = __webpack_require__(34318);
// EXTERNAL MODULE: ./src/lib/clock.ts
var lib_clock = __webpack_require__(84517);
// EXTERNAL MODULE: ./src/deploy/runners/shell.ts + 1 modules
var shell = __webpack_require__(45909);
;// CONCATENATED MODULE: ./src/deploy/runners/local.ts
/**
 * Steps on this machine, through `sh -c`: what an agent running on the host itself uses (the
 * same steps as over SSH, without SSH). stdin is written then closed; output streams line by line.
 *
 * Each call (one step, or one batch of steps) runs in its own process group, so that a step
 * that outlives `stepTimeoutMs` is killed with everything it started (a `sleep &` in a hook, a
 * hung `docker compose pull`): SIGTERM to the group, SIGKILL after a short grace. The step is
 * then reported as cut off (`timedOutAfterMs`), which the targets treat as the release failing.
 *
 * A step ends when its shell exits: a daemon it started (a `restart:` that backgrounds a server
 * without redirecting its output) may hold the pipes for as long as it runs, so what the shell
 * printed drains briefly, then the daemon keeps the pipes (read and discarded, never closed
 * under it: its next write would kill it with SIGPIPE) and stays in the group, untouched.
 */




/** A longer line reaches `onLine` cut, its middle dropped (a build printing a 200 MB line). */
const MAX_LINE = 64 * 1024;
/**
 * What a step's result keeps of each stream, its last characters (a hook stuck in `yes` must not
 * fill the agent's memory); every line is still logged as it arrives.
 */
const OUTPUT_KEPT = 1024 * 1024;
/** After the step's shell exited, how long what it printed may still drain. */
const DRAIN_MS = 300;
/** After a timed-out step's group was killed, how long its pipes may take to close. */
const CLOSE_WAIT_MS = 2000;
/**
 * What a step keeps of the agent's environment: the user, the locale, the Docker client's
 * choice of engine (the engine the agent deploys to, as a login over SSH gives ssh-deploy's
 * steps: every step, `docker ps` as much as compose, must see the same one) and the host's
 * outbound proxy (a host behind one needs it for a build's `git` or `npm ci`). Never the agent's
 * secrets (`*-env`), nor an `IMAGE` that compose would prefer to the release's `.env`.
 */
const INHERITED = /^(PATH|HOME|USER|LOGNAME|LANG|LC_[A-Z_]+|TZ|DOCKER_HOST|DOCKER_CONTEXT|DOCKER_CONFIG|DOCKER_CERT_PATH|DOCKER_TLS_VERIFY|HTTPS?_PROXY|NO_PROXY|https?_proxy|no_proxy)$/;
/** systemd's default, for an agent started without one. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** The environment a step runs in: PATH, HOME, the user, the locale, TZ, the Docker engine, the proxy; nothing else. */
function stepEnvironment(env) {
    const kept = Object.entries(env).filter((entry) => entry[1] !== undefined && INHERITED.test(entry[0]));
    return { PATH: DEFAULT_PATH, ...Object.fromEntries(kept) };
}
/**
 * The process groups of the steps running in this process, for stopping the agent: `end()`
 * lets no new step start (a run that goes on to its next step, a rollback or the unlock, waits
 * for ever: the process exits and the next start recovers the run from its run file, which a
 * run that failed here would have removed), sends SIGTERM to every running group, and SIGKILL
 * to them all once they ended or the grace is over, so that nothing a step started runs on.
 */
class StepGroups {
    running = new Set();
    stopping = false;
    get size() {
        return this.running.size;
    }
    get accepting() {
        return !this.stopping;
    }
    started(pgid) {
        this.running.add(pgid);
    }
    ended(pgid) {
        this.running.delete(pgid);
    }
    /** Ends every running step's group; how many there were. */
    async end({ graceMs, clock = lib_clock/* realClock */.d }) {
        this.stopping = true;
        const groups = [...this.running];
        groups.forEach((pgid) => signalGroup(pgid, 'SIGTERM'));
        const until = clock.now() + graceMs;
        while (this.running.size > 0 && clock.now() < until)
            await clock.sleep(50);
        // The rest of each group too (a member ignoring SIGTERM, one its shell left behind).
        groups.forEach((pgid) => signalGroup(pgid, 'SIGKILL'));
        return groups.length;
    }
}
/** This process's step groups (`gantry agent` ends them when it stops). */
const stepGroups = new StepGroups();
/** On a second signal, the time between SIGTERM and SIGKILL to the steps' groups. */
const HURRIED_GRACE_MS = 500;
/**
 * While the agent stops: a second SIGTERM or SIGINT (an impatient Ctrl-C) ends every running
 * step's group at once (SIGTERM, SIGKILL shortly after), then the process, instead of leaving
 * the groups orphaned. Returns what removes the handlers.
 */
function endStepsOnSignal(groups = stepGroups, exit = (code) => process.exit(code)) {
    const on = (signal) => {
        remove();
        void groups
            .end({ graceMs: HURRIED_GRACE_MS })
            .finally(() => exit(signal === 'SIGINT' ? 130 : 143));
    };
    const remove = () => {
        process.off('SIGTERM', on);
        process.off('SIGINT', on);
    };
    process.once('SIGTERM', on);
    process.once('SIGINT', on);
    return remove;
}
function signalGroup(pgid, signal) {
    try {
        process.kill(-pgid, signal);
    }
    catch {
        // The group is gone already.
    }
}
/** A child's pipe is a socket: unreferenced, it no longer keeps this process alive. */
const unref = (pipe) => pipe.unref?.();
function localRunner(options = {}) {
    const grace = options.killGraceMs ?? 5000;
    const groups = options.groups ?? stepGroups;
    const env = options.env ?? stepEnvironment(process.env);
    return (0,shell/* shellRunner */.$)('this machine', (script, { stdin, onLine }) => {
        // Never settles: see StepGroups.
        if (!groups.accepting)
            return new Promise(() => undefined);
        return new Promise((resolve, reject) => {
            const child = (0,external_node_child_process_.spawn)('sh', ['-c', script], {
                cwd: options.cwd,
                env,
                stdio: ['pipe', 'pipe', 'pipe'],
                // Its own process group (pgid = its pid): the timeout kills the group.
                detached: true
            });
            const pgid = child.pid;
            if (pgid !== undefined) {
                groups.started(pgid);
                options.onGroup?.(pgid, 'started');
            }
            // Once the step ended, a daemon's output is read and dropped.
            let ended = false;
            const split = (stream) => {
                const lines = (0,ssh/* lineSplitter */.s1)((line) => onLine(line, stream), MAX_LINE);
                child[stream].on('data', (chunk) => {
                    if (!ended)
                        lines.push(chunk);
                });
                return () => lines.flush();
            };
            const flush = [split('stdout'), split('stderr')];
            const timers = [];
            let timedOutAfterMs;
            const finish = (code) => {
                if (ended)
                    return;
                ended = true;
                timers.forEach(clearTimeout);
                flush.forEach((f) => f());
                if (pgid !== undefined) {
                    groups.ended(pgid);
                    options.onGroup?.(pgid, 'ended');
                }
                resolve(timedOutAfterMs === undefined ? { code } : { code: null, timedOutAfterMs });
            };
            const killGroup = (signal) => {
                if (pgid !== undefined)
                    signalGroup(pgid, signal);
            };
            if (options.stepTimeoutMs !== undefined && options.stepTimeoutMs > 0) {
                const limit = options.stepTimeoutMs;
                timers.push(setTimeout(() => {
                    timedOutAfterMs = limit;
                    killGroup('SIGTERM');
                    timers.push(setTimeout(() => killGroup('SIGKILL'), grace));
                }, limit));
            }
            child.on('error', (error) => {
                if (ended)
                    return;
                ended = true;
                timers.forEach(clearTimeout);
                if (pgid !== undefined)
                    groups.ended(pgid);
                reject(error);
            });
            child.on('exit', (code) => {
                const killed = timedOutAfterMs !== undefined;
                // The step is over: its time limit no longer applies (a daemon it left is no step).
                timers.forEach(clearTimeout);
                // A group killed before its own shell exited: what is left of it goes too.
                if (killed)
                    killGroup('SIGKILL');
                timers.push(setTimeout(() => {
                    // Pipes still open: held by a daemon the step started (it keeps them, and they
                    // no longer keep this process alive), or after a timeout by a process that left
                    // the group (they are closed: it must not hang the deploy).
                    ;
                    [child.stdout, child.stderr].forEach((pipe) => killed ? pipe.destroy() : unref(pipe));
                    finish(code);
                }, killed ? CLOSE_WAIT_MS : DRAIN_MS));
            });
            child.on('close', (code) => finish(code));
            // A script that does not read its stdin closes the pipe early: that is no failure.
            child.stdin.on('error', () => undefined);
            child.stdin.end(stdin ?? '');
        });
    }, async () => undefined, OUTPUT_KEPT);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/core/deploy/git.ts
var deploy_git = __webpack_require__(26407);
// EXTERNAL MODULE: ./src/core/glob.ts
var core_glob = __webpack_require__(16085);
// EXTERNAL MODULE: ./src/core/message/notification.ts
var message_notification = __webpack_require__(24820);
// EXTERNAL MODULE: ./src/core/deploy/remote.ts
var remote = __webpack_require__(60453);
// EXTERNAL MODULE: ./src/core/deploy/releases.ts
var releases = __webpack_require__(76933);
// EXTERNAL MODULE: ./src/deploy/engine.ts
var engine = __webpack_require__(40417);
// EXTERNAL MODULE: ./src/deploy/session.ts
var deploy_session = __webpack_require__(65031);
// EXTERNAL MODULE: ./src/deploy/targets/index.ts + 7 modules
var targets = __webpack_require__(45842);
// EXTERNAL MODULE: ./src/deploy/targets/git.ts
var git = __webpack_require__(40626);
// EXTERNAL MODULE: ./src/io/registry.ts
var registry = __webpack_require__(93497);
// EXTERNAL MODULE: ./src/lib/duration.ts
var duration = __webpack_require__(82543);
// EXTERNAL MODULE: ./src/lib/redact.ts
var redact = __webpack_require__(60310);
// EXTERNAL MODULE: ./src/actions/notify/main.ts + 2 modules
var main = __webpack_require__(26386);
;// CONCATENATED MODULE: ./src/agent/processes.ts
/**
 * The process groups an agent's run started (each batch of steps is one, see the local runner),
 * named so that a later agent can tell them from whatever reuses their pid: pid, start time (in
 * clock ticks after boot) and the boot's id, from /proc. An agent killed outright (not under
 * systemd, whose control group takes them along) leaves its running step behind; recovery stops
 * it before it looks at the release, so nothing of the old run changes the host afterwards.
 */

function stat(pid) {
    try {
        const text = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // After the command name (which may hold spaces and parentheses): field 3 onwards.
        const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
        if (fields[0] === 'Z')
            return undefined;
        return { pgrp: Number(fields[2]), start: fields[19] ?? '' };
    }
    catch {
        return undefined;
    }
}
function bootId() {
    try {
        return (0,external_node_fs_.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    }
    catch {
        return undefined;
    }
}
/** The identity of a live process; undefined where /proc cannot say (not Linux). */
function identify(pid) {
    const s = stat(pid);
    const boot = bootId();
    if (!s || !boot || !s.start)
        return undefined;
    return { pid, start: s.start, boot };
}
/** Still the same process, still leading its own group (this boot, same start time). */
function stillLeading(id) {
    const s = stat(id.pid);
    return s !== undefined && s.pgrp === id.pid && s.start === id.start && bootId() === id.boot;
}
/**
 * Ends a group left behind: SIGTERM, SIGKILL after the grace. Only a group whose leader is still
 * the process recorded (never one that merely reuses the pid). True when it was there to end.
 */
async function endGroup(id, clock, graceMs = 5000) {
    if (!stillLeading(id))
        return false;
    const signal = (name) => {
        try {
            process.kill(-id.pid, name);
        }
        catch {
            // Gone meanwhile.
        }
    };
    signal('SIGTERM');
    for (let waited = 0; waited < graceMs && stillLeading(id); waited += 100)
        await clock.sleep(100);
    // The rest of the group too (a member ignoring SIGTERM), even once its leader is gone: a
    // group id is not reused while the group has members.
    signal('SIGKILL');
    return true;
}

// EXTERNAL MODULE: ./src/actions/ssh-deploy/settings.ts
var ssh_deploy_settings = __webpack_require__(73853);
;// CONCATENATED MODULE: ./src/agent/contract.ts
/**
 * `gantry agent`: the pull-mode deployer on the host. The parts meet through these types only:
 *   src/core/agent/config.ts  the YAML file → AgentConfig (pure, validated, file:line:key errors)
 *   src/core/agent/hooks.ts   one webhook request → verified Delivery, or why not (pure)
 *   src/agent/server.ts       HTTP: routes, limits, answers; jobs and their queue (queue.ts),
 *                             the state directory (store.ts)
 *   src/agent/deployer.ts     one job → a deploy through the engine (src/deploy) with the local
 *                             step runner; digest/commit resolution, notifications, recovery
 *   src/agent/poller.ts       registry polling
 *   src/agent/main.ts         `gantry agent [check|install] --config <file>`
 */
/** A request the deployer refuses before any job exists: answered 422 with the message. */
class UnresolvableError extends Error {
}

;// CONCATENATED MODULE: ./src/agent/deployer.ts
/**
 * The agent's deploy side: one job → one deploy through the engine (src/deploy) on this machine,
 * with the local step runner, exactly as ssh-deploy builds it from the same inputs (so the same
 * release directories, lock, health checks, rollback and pruning). Before anything is accepted
 * `resolve` asks the registry (the app's pull-only credentials) or the repository what a tag or
 * branch is now: the payload names a wish, never what runs. Every finished run notifies the app's
 * sinks; a sink that fails is logged and never fails the run.
 */



























const RESOLVE_TIMEOUT_MS = 5000;
function createDeployer(options) {
    const clock = options.clock ?? lib_clock/* realClock */.d;
    const connect = (app, onGroup) => options.connect?.(app) ??
        Promise.resolve(localRunner({ stepTimeoutMs: app.stepTimeoutMs, onGroup }));
    const event = (e) => options.onEvent?.(e);
    const resolveMs = options.resolveTimeoutMs ?? RESOLVE_TIMEOUT_MS;
    // `git ls-remote` is killed (its process group) at the lookup's deadline, not left running
    // after the sender got its 503.
    const connectForLookup = (app) => options.connect?.(app) ??
        Promise.resolve(localRunner({ stepTimeoutMs: resolveMs, killGraceMs: 0 }));
    const deployer = {
        options,
        layout: layoutOf,
        connect: (app) => connect(app),
        notify: (app, job, result, durationMs, log) => notifyRun(app, job, result, durationMs, log),
        async resolve(app, request, signal) {
            if (request.kind === 'rollback')
                return { version: `rollback to ${request.to}`, ref: request.to };
            if (request.kind === 'image')
                return resolveImage(app, request.tag, options.fetch, resolveMs, signal);
            return resolveGit(app, request.ref, () => connectForLookup(app));
        },
        async status(app) {
            return readStatus(app, await connect(app));
        },
        serving: (app, { health, log }) => servingOf(app, health, log ?? (() => { })),
        async recordCurrent(app, release, log) {
            const { plan } = await prepare(LOOK, app);
            try {
                await withSession(app, plan, log, async (session) => {
                    await session.lock();
                    await session.run([(0,remote/* switchStep */.PS)(plan.layout, release)]);
                });
            }
            catch (error) {
                // The lock may have been taken before the connection dropped: removed if it is ours.
                const runner = await connect(app);
                await runner
                    .run([{ ...(0,remote/* unlockStep */.Rl)(plan.layout, plan.token), mayFail: true }])
                    .catch(() => undefined)
                    .finally(() => runner.close());
                throw error;
            }
        },
        async run(job, app, unmasked) {
            // Step output, failures and notifications: the app's secrets and any credentials in a
            // repository URL masked before anything keeps them.
            const maskSecrets = maskerOf(app);
            const mask = (text) => maskSecrets((0,redact/* redactUrlCredentials */.dE)(text));
            const log = (line) => unmasked(mask(line));
            const startedAt = clock.now();
            let result;
            let runFile;
            try {
                const prepared = await prepare(job, app);
                const before = (await deployer.status(app).catch(() => ({ current: undefined }))).current;
                // The log's first lines, as ssh-deploy's: what is deployed, and what ran before it.
                log(prepared.target.headline({
                    app: app.name,
                    what: job.request.kind === 'rollback'
                        ? `rollback to ${job.request.to}`
                        : (job.resolved?.version ?? job.version ?? 'the newest release'),
                    hosts: ['this machine'],
                    maxParallel: 1
                }));
                log(before ? `current release: ${before}` : 'no release yet');
                const run = {
                    job: job.id,
                    token: prepared.plan.token,
                    before,
                    startedAt: new Date(clock.now()).toISOString(),
                    pid: process.pid,
                    version: versionOf(prepared.plan)
                };
                runFile = await writeRunFile(options.stateDir, app.name, run);
                // The steps' process groups in the run file, so that recovery can stop what a killed
                // agent left running.
                const groups = new Map();
                const onGroup = (pgid, event) => {
                    const id = event === 'started' ? identify(pgid) : undefined;
                    if (id)
                        groups.set(pgid, id);
                    else
                        groups.delete(pgid);
                    // Synchronously: the file names the group before the step can do anything.
                    try {
                        writeRunFileSync(options.stateDir, app.name, { ...run, groups: [...groups.values()] });
                    }
                    catch (error) {
                        log(`cannot update the run file: ${(0,errors/* errorMessage */.gJ)(error)}`);
                    }
                };
                const outcome = await (0,engine/* deployHost */.g)(prepared.target, {
                    name: 'this machine',
                    plan: prepared.plan,
                    clock,
                    pollMs: options.pollMs ?? 1000,
                    connect: () => connect(app, onGroup),
                    log
                });
                result = resultOf(outcome, job.request);
                result.version ??= job.resolved?.version;
                if (result.state === 'failed' && outcome.after === undefined)
                    await reportServing(app, result, outcome.before, log);
                if (result.message !== undefined)
                    result.message = mask(result.message);
                // The outcome, before anything else can stop the agent (the notifications).
                writeRunFileSync(options.stateDir, app.name, { ...run, outcome: result });
            }
            catch (error) {
                const message = mask((0,errors/* errorMessage */.gJ)(error));
                log(`failed: ${message}`);
                result = { state: 'failed', message };
            }
            try {
                // Never fails the run: a sink's failure is already logged by notifyRun.
                await notifyRun(app, job, result, clock.now() - startedAt, log).catch((error) => warn(app, job, `notify: ${(0,errors/* errorMessage */.gJ)(error)}`, log));
            }
            finally {
                if (runFile)
                    await (0,promises_.rm)(runFile, { force: true });
            }
            return result;
        }
    };
    /**
     * A run the engine ended with an error it caught (a failed post-deploy hook, a lost
     * connection) may have left a new release serving: the report names what serves, not the
     * release before.
     */
    async function reportServing(app, result, before, log) {
        const now = await servingOf(app, false, () => { }).catch(() => undefined);
        result.after = now ? now.version : before;
        if (now?.version && now.version !== before) {
            result.message = `${result.message ?? 'failed'}; ${now.version} serves`;
            log(`${now.version} serves`);
        }
    }
    async function withSession(app, plan, log, use) {
        const job = {
            name: 'this machine',
            plan,
            clock,
            pollMs: options.pollMs ?? 1000,
            connect: () => connect(app),
            log
        };
        const runner = await job.connect();
        const session = new deploy_session/* HostSession */.H(job, runner);
        try {
            return await use(session);
        }
        finally {
            await session.unlock();
            await runner.close();
        }
    }
    async function servingOf(app, health, log) {
        const { target, plan } = await prepare(LOOK, app);
        return withSession(app, plan, log, async (session) => {
            const { state, before } = await session.inspect(target);
            return { current: before, ...(await target.serving(session, state, { health })) };
        });
    }
    /** The HostPlan and target, built as ssh-deploy builds them, from the app's inputs. */
    async function prepare(job, app) {
        const { request } = job;
        const extra = {
            app: app.name,
            target: app.target,
            strategy: app.strategy
        };
        let commit;
        let contains;
        if (request.kind === 'rollback')
            extra['rollback-to'] = request.to;
        else if (request.kind === 'image') {
            if (app.target !== 'compose' || !app.image)
                throw new errors/* ConfigurationError */.j1(`app ${app.name} deploys no image (target ${app.target})`);
            const resolved = job.resolved ?? (await resolveImage(app, request.tag, options.fetch, resolveMs));
            const image = `${app.image.reference}@${resolved.ref}`;
            extra.version = resolved.version;
            extra.env = [
                ...(app.inputs.env ?? '')
                    .split(/\r?\n/)
                    .filter((l) => !/^\s*(IMAGE|IMAGE_TAG)\s*=/.test(l)),
                `IMAGE=${image}`,
                `IMAGE_TAG=${request.tag}`
            ]
                .filter((l) => l.trim() !== '')
                .join('\n');
            if (app.inputs['registry-username'] !== undefined && app.inputs.registry === undefined)
                extra.registry = app.image.registry;
        }
        else {
            if (app.target !== 'git')
                throw new errors/* ConfigurationError */.j1(`app ${app.name} is not a git app (target ${app.target})`);
            const head = deploy_git/* FULL_COMMIT */.eI.test(job.resolved?.ref ?? '')
                ? job.resolved?.ref
                : (await resolveGit(app, request.ref, () => connect(app))).ref;
            // A pushed commit behind the head must be in its history: checked by the git target after
            // its fetch, under the lock (src/deploy/targets/git.ts `contains`).
            if (request.commit && request.commit.toLowerCase() !== head)
                contains = { commit: request.commit.toLowerCase(), branch: app.branch ?? 'main' };
            commit = head;
            extra.commit = head;
        }
        const settings = readSettingsOf(app, options.configDir, extra);
        const git = settings.git && {
            source: settings.git.source,
            build: settings.git.build,
            restart: settings.git.restart,
            linked: settings.git.linked,
            commit: commit ?? settings.git.ref,
            ...(contains ? { contains } : {})
        };
        if (git && commit)
            settings.version = (0,deploy_git/* shortCommit */.Ax)(commit);
        const target = (0,targets/* hostTarget */.az)(settings.target, {
            app: settings.app,
            git,
            blueGreen: settings.blueGreen
        });
        return { target, plan: planOf(settings, job.id) };
    }
    async function notifyRun(app, job, result, durationMs, log) {
        if (app.notify.length === 0)
            return;
        const mask = maskerOf(app);
        let targets;
        try {
            targets = (0,notify_targets/* parseTargets */.Sx)(app.notify, `apps.${app.name}.notify`);
        }
        catch (error) {
            warn(app, job, `notify: ${(0,errors/* errorMessage */.gJ)(error)}`, log);
            return;
        }
        const status = result.state === 'failed'
            ? 'failed'
            : result.state === 'rolled-back' || job.request.kind === 'rollback'
                ? 'rolled-back'
                : 'deployed';
        const host = options.hostname ?? (0,external_node_os_.hostname)();
        const fields = [
            ['Before', result.before ?? 'none'],
            ['After', result.after ?? 'none'],
            ['Job', job.id]
        ];
        const notification = (0,message_notification/* buildNotification */.Ur)({
            provider: 'local',
            project: app.name,
            version: result.version ?? result.after,
            environment: host,
            actor: 'gantry agent',
            duration: (0,duration/* formatDuration */.a)(durationMs)
        }, { status, text: result.message && mask(result.message), fields });
        const secrets = targets.flatMap((t) => t.secrets);
        const settings = {
            retries: options.notify?.retries ?? 2,
            secrets,
            messageIds: {},
            signingSecret: undefined,
            text: result.message && mask(result.message),
            fields
        };
        await Promise.all(targets.map(async (target) => {
            try {
                const outcome = await (0,main.deliverOne)(target, notification, settings, options.notify ?? {}, () => { });
                if (outcome.delivered)
                    log(`notified ${target.display}`);
                else
                    warn(app, job, `notify ${target.display}: not delivered: ${outcome.detail}`, log);
            }
            catch (error) {
                warn(app, job, `notify ${target.display}: ${(0,errors/* errorMessage */.gJ)(error)}`, log);
            }
        }));
    }
    function warn(app, job, message, log) {
        log(message);
        event({ level: 'warn', event: 'notify-failed', app: app.name, job: job.id, message });
    }
    return deployer;
}
/**
 * What the app read from `*-file`/`*-env` (and a password written in its repository URL), to be
 * masked in whatever a run prints, keeps or sends: a step may print any of them.
 */
function maskerOf(app) {
    const { github, gantry, registry, harbor, token } = app.triggers;
    return (0,redact/* redactor */.$p)((0,redact/* lineSecrets */.IN)([
        app.inputs['registry-password'],
        app.inputs['repository-key'],
        github?.secret,
        gantry?.secret,
        registry?.value,
        registry?.value.replace(/^Bearer /, ''),
        harbor?.value,
        token?.secret,
        ...urlPasswords(app.inputs.repository)
    ].filter((s) => s !== undefined && s !== '')));
}
/** `https://user:token@host/…`: the token as written and decoded. */
function urlPasswords(repository) {
    try {
        const { password } = new URL(repository ?? '');
        return password ? [password, decodeURIComponent(password)] : [];
    }
    catch {
        return [];
    }
}
/** The app's inputs with the agent's own, read by ssh-deploy's reader (the one validation). */
function readSettingsOf(app, configDir, extra) {
    const inputs = { ...app.inputs, ...extra };
    const reader = new lib_inputs/* InputReader */.i_((name) => inputs[name] ?? '');
    return (0,ssh_deploy_settings/* readReleaseSettings */.lr)(reader, configDir, {}, [THIS_MACHINE]);
}
const THIS_MACHINE = { user: 'agent', host: 'localhost', port: 22 };
/** ssh-deploy's plan; `{host}` in the health URL is this machine. */
function planOf(settings, jobId) {
    const plan = (0,ssh_deploy_settings/* hostPlanOf */.t0)(settings, { actor: 'gantry agent', runUrl: `agent job ${jobId}` });
    return { ...plan, healthUrl: plan.healthUrl?.replaceAll('{host}', '127.0.0.1') };
}
function resultOf(outcome, request) {
    const state = outcome.status === 'deployed'
        ? 'succeeded'
        : outcome.status === 'rolled-back'
            ? 'rolled-back'
            : 'failed';
    return {
        state,
        version: outcome.attempted ?? outcome.after ?? (request.kind === 'rollback' ? request.to : undefined),
        before: outcome.before,
        // A failure the engine caught (before `up`, a lost connection) left `current` as it was.
        after: outcome.after ?? (state === 'failed' ? outcome.before : undefined),
        message: outcome.message
    };
}
/** A rollback's settings serve to look at an app: they need no registry or repository. */
const LOOK = { id: 'look', request: { kind: 'rollback', to: 'previous' } };
const versionOf = (plan) => plan.mode.kind === 'deploy' ? plan.mode.version : `rollback to ${plan.mode.to}`;
/** `path` (ssh-deploy's default `~/gantry/<app>`) and the compose project. */
function layoutOf(app) {
    return { dir: app.inputs.path ?? `~/gantry/${app.name}`, project: app.name };
}
/** The short form of a digest in versions: `v2@sha256:ab12cd34ef56`. */
function imageVersion(tag, digest) {
    const [algorithm, hex = ''] = digest.split(':');
    return `${tag}@${algorithm}:${hex.slice(0, 12)}`;
}
async function resolveImage(app, tag, fetchImpl, timeoutMs, signal) {
    if (app.target !== 'compose' || !app.image)
        throw new UnresolvableError(`app ${app.name} deploys no image (target ${app.target})`);
    const { image } = app;
    if (!app.tags.some((glob) => (0,core_glob/* matchesGlob */.k)(glob, tag)))
        throw new UnresolvableError(`tag ${tag} matches none of the tags ${app.name} may deploy (${app.tags.join(', ')})`);
    const username = app.inputs['registry-username'];
    const password = app.inputs['registry-password'];
    const base = fetchImpl ?? globalThis.fetch;
    const timeout = AbortSignal.timeout(timeoutMs);
    const client = new registry.RegistryClient({
        registry: image.registry,
        credentials: async () => ({
            credentials: username && password ? { username, password } : undefined,
            from: `the agent's config (app ${app.name})`
        }),
        fetch: (input, init) => base(input, {
            ...init,
            signal: AbortSignal.any([
                timeout,
                ...(signal ? [signal] : []),
                ...(init?.signal ? [init.signal] : [])
            ])
        }),
        attempts: 2,
        timeoutMs
    });
    const found = await client.headManifest(image.repository, tag);
    if (!found)
        throw new UnresolvableError(`tag ${tag} of ${image.reference} is not in the registry`);
    const digest = found.digest ?? (await client.getManifest(image.repository, tag)).digest;
    return { version: imageVersion(tag, digest), ref: digest };
}
async function resolveGit(app, ref, connect) {
    if (app.target !== 'git')
        throw new UnresolvableError(`app ${app.name} is not a git app (target ${app.target})`);
    const branch = app.branch ?? 'main';
    const name = ref.replace(/^refs\/heads\//, '');
    if (name !== branch)
        throw new UnresolvableError(`${ref} is not the branch ${app.name} deploys (${branch})`);
    const repository = app.inputs.repository;
    if (!repository)
        throw new UnresolvableError(`app ${app.name} has no repository`);
    const source = {
        repository,
        ...(app.inputs['repository-known-hosts']
            ? { knownHosts: app.inputs['repository-known-hosts'] }
            : {}),
        ...(app.inputs['repository-key'] ? { key: app.inputs['repository-key'] } : {})
    };
    try {
        const commit = await (0,git/* resolveCommit */.W)(source, `refs/heads/${branch}`, connect);
        return { version: (0,deploy_git/* shortCommit */.Ax)(commit), ref: commit };
    }
    catch (error) {
        // Answered to the webhook's sender and logged: no token from the URL, no key.
        throw new UnresolvableError(maskerOf(app)(`branch ${branch} of ${repository}: ${(0,errors/* errorMessage */.gJ)(error)}`));
    }
}
/** `current` and the release before it (a good one, for git), by their records' versions. */
async function readStatus(app, runner) {
    const layout = layoutOf(app);
    try {
        const git = app.target === 'git';
        const [inspected] = await runner.run([git ? (0,deploy_git/* gitInspectStep */.$u)(layout) : (0,remote/* inspectStep */.xe)(layout)]);
        const stdout = inspected?.stdout ?? '';
        let state;
        let previous;
        if (git) {
            const parsed = (0,deploy_git/* parseGitInspect */.C6)(stdout);
            if ('problem' in parsed)
                return {};
            state = parsed;
            previous = (0,deploy_git/* previousGood */.Dp)(parsed);
        }
        else {
            state = (0,releases/* parseInspect */.E7)(stdout);
            const index = state.current ? state.releases.indexOf(state.current) : -1;
            previous = index > 0 ? state.releases[index - 1] : undefined;
        }
        if (!state.current)
            return {};
        const steps = [
            (0,remote/* currentRecordStep */.tg)(layout),
            ...(previous ? [(0,remote/* readRecordStep */.G$)(layout, previous)] : [])
        ];
        const [current, before] = await runner.run(steps);
        return {
            current: (0,deploy_session/* recordVersion */.I)(current?.stdout ?? '') ?? (0,releases/* versionOfRelease */.x$)(state.current),
            ...(previous
                ? { previous: (0,deploy_session/* recordVersion */.I)(before?.stdout ?? '') ?? (0,releases/* versionOfRelease */.x$)(previous) }
                : {})
        };
    }
    finally {
        await runner.close();
    }
}
const runFilePath = (stateDir, app) => (0,external_node_path_.join)(stateDir, 'runs', `${app}.json`);
function writeRunFileSync(stateDir, app, run) {
    const path = runFilePath(stateDir, app);
    const partial = `${path}.${(0,external_node_crypto_.randomUUID)()}.partial`;
    (0,external_node_fs_.writeFileSync)(partial, JSON.stringify(run) + '\n', { mode: 0o600 });
    (0,external_node_fs_.renameSync)(partial, path);
}
async function writeRunFile(stateDir, app, run) {
    const dir = (0,external_node_path_.join)(stateDir, 'runs');
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const path = runFilePath(stateDir, app);
    // Written whole, then renamed: recovery never reads half a file.
    const partial = `${path}.${(0,external_node_crypto_.randomUUID)()}.partial`;
    await (0,promises_.writeFile)(partial, JSON.stringify(run) + '\n', { mode: 0o600 });
    await (0,promises_.rename)(partial, path);
    return path;
}

// EXTERNAL MODULE: ./src/lib/shell.ts
var lib_shell = __webpack_require__(66861);
;// CONCATENATED MODULE: ./src/agent/install.ts
/**
 * `gantry agent install`: the systemd unit that runs the agent as an unprivileged user in the
 * docker group, written to --unit-dir. It prints what it wrote and the commands to run; it runs
 * no systemctl itself (installing a service is the operator's decision, and needs root).
 */



const UNIT_NAME = 'gantry-agent.service';
/**
 * An argument as systemd reads ExecStart= words: `%` doubled (a specifier otherwise), `$` doubled
 * (a variable otherwise), quoted when needed.
 */
function systemdWord(word) {
    return systemdQuoted(word.replaceAll('%', '%%').replaceAll('$', () => '$$'));
}
/** A path in ReadWritePaths=: specifiers apply (`%` doubled), variables do not. */
const pathWord = (path) => systemdQuoted(path.replaceAll('%', '%%'));
/** Double-quoted, with `"` and `\` escaped, unless nothing in it needs quoting. */
function systemdQuoted(word) {
    if (/^[A-Za-z0-9_./:@+=,%$-]+$/.test(word))
        return word;
    return `"${word.replace(/(["\\])/g, '\\$1')}"`;
}
/**
 * Where each app's releases live, absolute: ssh-deploy's `path` (default `~/gantry/<app>`), `~`
 * being the service user's home. Under ProtectSystem=strict a missing one would make every
 * deploy of that app fail with a read-only file system.
 */
function appDirs(config, home) {
    return config.apps.map((a) => {
        const dir = a.inputs.path ?? `~/gantry/${a.name}`;
        if (!home || (0,external_node_path_.isAbsolute)(dir))
            return dir;
        // As over SSH, a path that is not absolute is in the user's home.
        return dir === '~' || dir.startsWith('~/') ? (0,external_node_path_.join)(home, dir.slice(1)) : (0,external_node_path_.join)(home, dir);
    });
}
/**
 * Where a git app's `build` keeps its caches (npm's, pip's and most tools' under ~/.cache): under
 * ProtectSystem=strict the home is read-only, and `npm ci` fails without them.
 */
function cacheDirs(options) {
    const { home, config } = options;
    if (!home || !config.apps.some((a) => a.target === 'git'))
        return [];
    return [(0,external_node_path_.join)(home, '.npm'), (0,external_node_path_.join)(home, '.cache')];
}
function unitFile(options) {
    const { config } = options;
    const writable = [
        config.stateDir,
        ...appDirs(config, options.home),
        // `docker login` (apps with registry credentials) writes the client's config.
        ...(options.home && config.apps.some((a) => a.inputs['registry-username'] !== undefined)
            ? [(0,external_node_path_.join)(options.home, '.docker')]
            : [])
    ];
    const paths = [
        ...[...new Set(writable)].map(pathWord),
        // `-`: a missing one is skipped instead of failing the start.
        ...cacheDirs(options).map((dir) => pathWord(`-${dir}`))
    ];
    return [
        '# Written by `gantry agent install`. The agent: webhooks and registry polling that deploy',
        '# on this host through the same engine, releases and lock as ssh-deploy.',
        '[Unit]',
        'Description=Gantry agent (pull-mode deploys)',
        'After=network-online.target docker.service',
        'Wants=network-online.target',
        '',
        '[Service]',
        'Type=simple',
        `User=${options.user}`,
        'Group=docker',
        `ExecStart=${[options.node, options.bin, 'agent', '--config', options.configFile].map(systemdWord).join(' ')}`,
        'Restart=on-failure',
        'RestartSec=2',
        // No NoNewPrivileges=: it makes every setuid program fail, `sudo` in a `restart:` command
        // first; the docker group gives the user root's power already, sudo only what sudoers grants.
        'ProtectSystem=strict',
        // Git's credentials and compose's temp files go to /tmp, read-only under ProtectSystem=strict.
        'PrivateTmp=yes',
        // Each path must exist when the service starts (systemd refuses a missing one).
        `ReadWritePaths=${paths.join(' ')}`,
        // SIGTERM to the agent alone: it lets a running step finish for up to 30 s, then ends the
        // step's process group (SIGTERM, SIGKILL 5 s later) and exits; what is left then (a daemon a
        // step started) gets SIGKILL. control-group would signal the step at once.
        'KillMode=mixed',
        // Above those 35 s: systemd's own SIGKILL to the whole group comes only after.
        'TimeoutStopSec=45',
        '',
        '[Install]',
        'WantedBy=multi-user.target',
        ''
    ].join('\n');
}
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}\$?$/;
function userProblem(user) {
    return USER_NAME.test(user)
        ? undefined
        : `--user ${JSON.stringify(user)}: expected a user name (lowercase letters, digits, _ and -)`;
}
/** Writes the unit; returns the lines to print. */
async function installUnit(options) {
    await (0,promises_.mkdir)(options.unitDir, { recursive: true });
    const path = (0,external_node_path_.join)(options.unitDir, UNIT_NAME);
    await (0,promises_.writeFile)(path, unitFile(options), { mode: 0o644 });
    const dirs = [
        options.config.stateDir,
        ...appDirs(options.config, options.home),
        ...cacheDirs(options)
    ];
    return [
        `wrote ${path} (User=${options.user}, Group=docker, ExecStart=${options.node} ${options.bin} agent --config ${options.configFile})`,
        ...(options.user === 'root'
            ? [
                'warning: the agent would run as root; give it an unprivileged user in the docker group (--user)'
            ]
            : []),
        'The directories it may write must exist and belong to that user:',
        `  install -d -o ${options.user} -g docker -m 0700 ${[...new Set(dirs)].map(lib_shell/* quote */.hD).join(' ')}`,
        'Then start it:',
        '  systemctl daemon-reload && systemctl enable --now gantry-agent',
        '  journalctl -u gantry-agent -f'
    ];
}

;// CONCATENATED MODULE: ./src/agent/poller.ts
/**
 * Registry polling, for hosts no webhook can reach: for each app with `triggers.poll`, each of its
 * tags without wildcards is resolved to its digest every interval ± jitter (so a fleet does not
 * ask the registry in step); a digest other than the one last seen (or, the first time, other
 * than the one deployed) queues a deploy. The digests seen are kept in the state directory
 * (`poll.json`), so a restart does not deploy again what already ran.
 */



/** A tag a poll can ask for: one without wildcards. */
const pollableTags = (app) => app.tags.filter((t) => !/[*?[\]{}]/.test(t));
/** The wait before the next poll: the interval ± jitter (a fraction of it). */
function nextDelay(intervalMs, jitter, random) {
    return Math.max(1000, Math.round(intervalMs * (1 + jitter * (2 * random() - 1))));
}
function startPoller(options) {
    const random = options.random ?? Math.random;
    const setTimer = options.setTimer ??
        ((fn, ms) => {
            const t = setTimeout(fn, ms);
            t.unref();
            return { cancel: () => clearTimeout(t) };
        });
    const file = (0,external_node_path_.join)(options.stateDir, 'poll.json');
    let seen = (0,promises_.readFile)(file, 'utf8')
        .then((text) => JSON.parse(text))
        .catch(() => ({}));
    // Writes in order; the chain itself never rejects, so one failed write (a full disk) does not
    // stop every later one.
    let saving = Promise.resolve();
    const save = (data) => {
        const write = saving.then(async () => {
            await (0,promises_.mkdir)(options.stateDir, { recursive: true, mode: 0o700 });
            const partial = `${file}.partial`;
            await (0,promises_.writeFile)(partial, JSON.stringify(data) + '\n', { mode: 0o600 });
            await (0,promises_.rename)(partial, file);
        });
        saving = write.catch(() => undefined);
        return write.catch((error) => options.log('-', `poll: cannot write ${file}: ${(0,errors/* errorMessage */.gJ)(error)}`, 'warn'));
    };
    const timers = new Map();
    let stopped = false;
    async function pollApp(app) {
        const data = await seen;
        for (const tag of pollableTags(app)) {
            let resolved;
            try {
                resolved = await options.deployer.resolve(app, { kind: 'image', tag });
            }
            catch (error) {
                options.log(app.name, `poll ${tag}: ${(0,errors/* errorMessage */.gJ)(error)}`, 'warn');
                continue;
            }
            const last = data[app.name]?.[tag];
            if (last === resolved.ref)
                continue;
            if (last === undefined) {
                // First look: what runs now counts as seen.
                const current = await options.deployer.status(app).then((s) => s.current, () => undefined);
                if (current === resolved.version) {
                    data[app.name] = { ...data[app.name], [tag]: resolved.ref };
                    seen = Promise.resolve(data);
                    await save(data);
                    continue;
                }
            }
            const queued = await options.enqueue(app, { kind: 'image', tag }, resolved);
            if ('error' in queued) {
                // Not remembered: the next round tries again.
                options.log(app.name, `poll ${tag}: ${resolved.version} not queued: ${queued.error}`, 'warn');
                continue;
            }
            options.log(app.name, `poll ${tag}: ${resolved.version} is new, job ${queued.job} queued`);
            data[app.name] = { ...data[app.name], [tag]: resolved.ref };
            seen = Promise.resolve(data);
            await save(data);
        }
    }
    const schedule = (app, first) => {
        const poll = app.triggers.poll;
        if (!poll || stopped)
            return;
        // The first round comes after a random part of one interval: agents started together spread.
        const delay = first
            ? Math.round(poll.intervalMs * poll.jitter * random())
            : nextDelay(poll.intervalMs, poll.jitter, random);
        timers.set(app.name, setTimer(() => {
            void pollApp(app)
                .catch((error) => options.log(app.name, `poll: ${(0,errors/* errorMessage */.gJ)(error)}`, 'warn'))
                .finally(() => schedule(app, false));
        }, delay));
    };
    for (const app of options.apps)
        if (app.triggers.poll && pollableTags(app).length > 0)
            schedule(app, true);
    return {
        pollApp,
        stop() {
            stopped = true;
            for (const t of timers.values())
                t.cancel();
            timers.clear();
        }
    };
}

;// CONCATENATED MODULE: ./src/agent/store.ts
/**
 * The agent's state directory (created 0700, files 0600):
 *   deliveries.jsonl   one `{"id","app","job","at"}` line per accepted delivery, appended; loaded at
 *                      start so a replay is refused after a restart too; entries older than the
 *                      window (7 days) are dropped on load and when the file is compacted.
 *   jobs/<id>.json     a JobRecord, rewritten (atomically) at each state change; the newest 200 kept.
 * A torn last line (the agent killed mid-append) is skipped on load.
 */



const DELIVERY_WINDOW_MS = 7 * 24 * 3600_000;
const JOBS_KEPT = 200;
/** Rewrite deliveries.jsonl once this many lines were appended since the last rewrite. */
const COMPACT_EVERY = 5000;
const JOB_ID = /^[0-9a-f]{16}$/;
function newJobId() {
    return (0,external_node_crypto_.randomBytes)(8).toString('hex');
}
function isJobId(text) {
    return JOB_ID.test(text);
}
async function writeAtomic(file, text) {
    const temp = `${file}.${(0,external_node_crypto_.randomBytes)(4).toString('hex')}.tmp`;
    await (0,promises_.writeFile)(temp, text, { mode: 0o600 });
    await (0,promises_.rename)(temp, file);
}
class AgentStore {
    dir;
    clock;
    deliveries = new Map();
    jobsById = new Map();
    appendedSinceCompaction = 0;
    /** Writes of one job file, in order: a later state never lands before an earlier one. */
    writes = new Map();
    deliveryWrites = Promise.resolve();
    windowMs;
    jobsKept;
    constructor(dir, clock, options) {
        this.dir = dir;
        this.clock = clock;
        this.windowMs = options.windowMs ?? DELIVERY_WINDOW_MS;
        this.jobsKept = options.jobsKept ?? JOBS_KEPT;
    }
    /** Creates the directory (0700) if needed and loads deliveries and jobs. */
    static async open(dir, options) {
        const store = new AgentStore(dir, options.clock, options);
        await (0,promises_.mkdir)((0,external_node_path_.join)(dir, 'jobs'), { recursive: true, mode: 0o700 });
        await (0,promises_.chmod)(dir, 0o700);
        await store.loadDeliveries();
        await store.loadJobs();
        return store;
    }
    get deliveriesFile() {
        return (0,external_node_path_.join)(this.dir, 'deliveries.jsonl');
    }
    key(app, id) {
        return `${app}\u0000${id}`;
    }
    async loadDeliveries() {
        let text = '';
        try {
            text = await (0,promises_.readFile)(this.deliveriesFile, 'utf8');
        }
        catch (error) {
            if (error.code !== 'ENOENT')
                throw error;
        }
        const oldest = this.clock.now() - this.windowMs;
        let lines = 0;
        for (const line of text.split('\n')) {
            if (line.trim() === '')
                continue;
            lines++;
            let entry;
            try {
                entry = JSON.parse(line);
            }
            catch {
                continue;
            }
            const at = Date.parse(entry.at);
            if (typeof entry.id !== 'string' || typeof entry.app !== 'string' || !(at >= oldest))
                continue;
            this.deliveries.set(this.key(entry.app, entry.id), { job: String(entry.job), at });
        }
        if (lines !== this.deliveries.size)
            await this.compact();
    }
    async loadJobs() {
        const dir = (0,external_node_path_.join)(this.dir, 'jobs');
        const names = (await (0,promises_.readdir)(dir)).filter((n) => n.endsWith('.json'));
        for (const name of names) {
            try {
                const record = JSON.parse(await (0,promises_.readFile)((0,external_node_path_.join)(dir, name), 'utf8'));
                if (typeof record.id === 'string' && isJobId(record.id))
                    this.jobsById.set(record.id, record);
            }
            catch {
                // A file torn by a crash mid-write cannot be: writes are renamed into place.
            }
        }
        for (const name of (await (0,promises_.readdir)(dir)).filter((n) => n.endsWith('.tmp')))
            await (0,promises_.rm)((0,external_node_path_.join)(dir, name), { force: true });
        await this.prune();
    }
    /** The job a delivery was first accepted as, within the window. */
    delivery(app, id) {
        const entry = this.deliveries.get(this.key(app, id));
        if (!entry || entry.at < this.clock.now() - this.windowMs)
            return undefined;
        return entry.job;
    }
    async recordDelivery(app, id, job) {
        const at = this.clock.now();
        this.deliveries.set(this.key(app, id), { job, at });
        const line = JSON.stringify({ id, app, job, at: new Date(at).toISOString() }) + '\n';
        const write = this.deliveryWrites.then(async () => {
            await (0,promises_.appendFile)(this.deliveriesFile, line, { mode: 0o600 });
            if (++this.appendedSinceCompaction >= COMPACT_EVERY)
                await this.compact();
        });
        this.deliveryWrites = write.catch(() => { });
        await write;
    }
    /** Rewrites deliveries.jsonl with the entries still inside the window. */
    async compact() {
        const oldest = this.clock.now() - this.windowMs;
        const lines = [];
        for (const [key, entry] of this.deliveries) {
            if (entry.at < oldest) {
                this.deliveries.delete(key);
                continue;
            }
            const [app, id] = key.split('\u0000');
            lines.push(JSON.stringify({ id, app, job: entry.job, at: new Date(entry.at).toISOString() }));
        }
        await writeAtomic(this.deliveriesFile, lines.map((l) => l + '\n').join(''));
        this.appendedSinceCompaction = 0;
    }
    get deliveryCount() {
        return this.deliveries.size;
    }
    job(id) {
        return this.jobsById.get(id);
    }
    /** All kept jobs, oldest first. */
    jobs() {
        return [...this.jobsById.values()].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    }
    /** The app's newest finished job. */
    lastFinished(app) {
        let last;
        for (const job of this.jobsById.values())
            if (job.app === app &&
                job.endedAt !== undefined &&
                job.state !== 'superseded' &&
                (last === undefined || job.endedAt > last.endedAt))
                last = job;
        return last;
    }
    /** Writes the record (the object is kept: later changes to it are saved by the next call). */
    async saveJob(record) {
        const isNew = !this.jobsById.has(record.id);
        this.jobsById.set(record.id, record);
        const file = (0,external_node_path_.join)(this.dir, 'jobs', `${record.id}.json`);
        const previous = this.writes.get(record.id) ?? Promise.resolve();
        const write = previous.then(() => writeAtomic(file, JSON.stringify(record, null, 2) + '\n'));
        const settled = write.catch(() => { });
        this.writes.set(record.id, settled);
        void settled.then(() => {
            if (this.writes.get(record.id) === settled)
                this.writes.delete(record.id);
        });
        await write;
        if (isNew && this.jobsById.size > this.jobsKept)
            await this.prune();
    }
    /** Keeps the newest `jobsKept` jobs; a job still queued or running is never dropped. */
    async prune() {
        const all = this.jobs();
        let excess = all.length - this.jobsKept;
        for (const job of all) {
            if (excess <= 0)
                break;
            if (job.state === 'queued' || job.state === 'running')
                continue;
            this.jobsById.delete(job.id);
            excess--;
            await (this.writes.get(job.id) ?? Promise.resolve());
            await (0,promises_.rm)((0,external_node_path_.join)(this.dir, 'jobs', `${job.id}.json`), { force: true });
        }
    }
    /** Waits for every write started so far. */
    async flush() {
        await Promise.all([...this.writes.values(), this.deliveryWrites]);
    }
}

;// CONCATENATED MODULE: ./src/agent/queue.ts



/** A job's log is kept to this many lines (the first and the newest). */
const LOG_LINES_KEPT = 2000;
const LOG_HEAD_KEPT = 100;
/** And each line to this many characters (a build printing one 200 MB line). */
const LOG_LINE_CHARS = 4000;
/** A line as the job's log keeps it: no URL credentials, cut at LOG_LINE_CHARS. */
function logLineOf(text) {
    const line = (0,redact/* redactUrlCredentials */.dE)(text);
    if (line.length <= LOG_LINE_CHARS)
        return line;
    return `${line.slice(0, LOG_LINE_CHARS)} … (${line.length - LOG_LINE_CHARS} more characters left out)`;
}
const isRollback = (job) => job.request.kind === 'rollback';
class JobQueue {
    options;
    lanes = new Map();
    runs = new Set();
    stopped = false;
    resumed = false;
    /** Recent run durations, for Retry-After. */
    durations = [];
    constructor(options) {
        this.options = options;
        for (const app of options.apps)
            this.lanes.set(app.name, { app, waiting: [] });
    }
    log(event) {
        this.options.log?.(event);
    }
    now() {
        return new Date(this.options.clock.now()).toISOString();
    }
    /** Jobs waiting across all apps (a place still being looked up is not a job yet). */
    get pending() {
        let n = 0;
        for (const lane of this.lanes.values())
            n += lane.waiting.filter((j) => !j.looking).length;
        return n;
    }
    /** The app's running job and waiting jobs (next first). */
    state(app) {
        const lane = this.lanes.get(app);
        const waiting = lane?.waiting.filter((j) => !j.looking).map((j) => j.id) ?? [];
        return { running: lane?.running?.id ?? null, waiting };
    }
    /** Seconds a refused sender should wait: about one run. */
    retryAfterSeconds() {
        const recent = this.durations.slice(-10);
        const average = recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 30_000;
        return Math.min(600, Math.max(1, Math.ceil(average / 1000)));
    }
    /**
     * Would a submission of this kind for this app be refused for a full queue? (Checked before
     * resolving, so a full agent does not ask the registry.)
     */
    wouldRefuse(app, request) {
        const lane = this.lanes.get(app);
        if (!lane || this.stopped)
            return true;
        // Lookups in flight are bounded too: each holds a request and a registry connection.
        if (this.looking >= this.options.maxPending)
            return true;
        // An idle app starts the job at once: it never waits, so it never counts.
        if (!lane.running && lane.waiting.length === 0)
            return false;
        const replaces = lane.waiting.some((j) => isRollback(j) === (request.kind === 'rollback'));
        return !replaces && this.pending >= this.options.maxPending;
    }
    /** Places reserved whose lookup has not answered. */
    looking = 0;
    /** Queues a job (saved before this returns); it starts at once when the app is idle. */
    async submit(app, via, request, resolved) {
        const reserved = this.reserve(app, via, request);
        return reserved.ok ? reserved.place.fill(resolved) : reserved;
    }
    /**
     * Takes the delivery's place in the app's queue now, in arrival order, before its lookup;
     * `fill` it with the lookup's answer or `cancel` it. Refused like `submit` when full.
     */
    reserve(app, via, request) {
        const lane = this.lanes.get(app.name);
        if (!lane)
            throw new Error(`no app '${app.name}' in the queue`);
        if (this.stopped)
            return { ok: false, retryAfterSeconds: 30, reason: 'the agent is stopping' };
        if (this.wouldRefuse(app.name, request))
            return {
                ok: false,
                retryAfterSeconds: this.retryAfterSeconds(),
                reason: `${this.pending} jobs are waiting (max-pending ${this.options.maxPending})`
            };
        const job = {
            id: newJobId(),
            app: app.name,
            via,
            request,
            state: 'queued',
            queuedAt: this.now(),
            log: [],
            looking: true
        };
        lane.waiting.push(job);
        this.looking++;
        let settled = false;
        const settle = () => {
            if (settled)
                throw new Error(`the place of job ${job.id} was already filled or cancelled`);
            settled = true;
            this.looking--;
            delete job.looking;
        };
        return {
            ok: true,
            place: {
                job: job.id,
                fill: (resolved) => {
                    settle();
                    return this.fill(lane, job, resolved);
                },
                cancel: () => {
                    settle();
                    this.remove(lane, job);
                    this.pump(lane);
                }
            }
        };
    }
    async fill(lane, job, resolved) {
        if (resolved)
            Object.assign(job, { version: resolved.version, resolved });
        if (this.stopped) {
            this.remove(lane, job);
            return { ok: false, retryAfterSeconds: 30, reason: 'the agent is stopping' };
        }
        // A later arrival's answer came first and took this one's place: kept as superseded.
        if (job.state === 'superseded') {
            await this.save(job);
            return { ok: true, job };
        }
        const superseded = this.supersedeEarlier(lane, job);
        await this.save(job);
        this.log({
            event: 'queued',
            app: lane.app.name,
            job: job.id,
            via: job.via,
            version: job.version ?? describe(job.request)
        });
        this.pump(lane);
        return { ok: true, job, ...(superseded ? { superseded } : {}) };
    }
    remove(lane, job) {
        const index = lane.waiting.indexOf(job);
        if (index >= 0)
            lane.waiting.splice(index, 1);
    }
    /**
     * Supersedes the waiting job of the job's kind that arrived before it (one whose lookup is
     * still going included: its answer is then dropped); the superseded id.
     */
    supersedeEarlier(lane, job) {
        const mine = lane.waiting.indexOf(job);
        const same = lane.waiting.findIndex((j, i) => i < mine && isRollback(j) === isRollback(job));
        if (same < 0)
            return undefined;
        const old = lane.waiting[same];
        lane.waiting.splice(same, 1);
        old.state = 'superseded';
        old.endedAt = this.now();
        old.message = `superseded by job ${job.id} (${job.version ?? describe(job.request)})`;
        this.log({ event: 'superseded', app: lane.app.name, job: old.id, by: job.id });
        // One still looking is saved when its answer comes (then it has its version).
        if (!old.looking)
            void this.save(old);
        return old.id;
    }
    /**
     * At start, after recovery: the jobs an earlier run of the agent accepted and had not started
     * are queued again, in their order (an accepted delivery is not lost to a restart); a job
     * still marked running that recovery did not end ended with that agent. Once.
     */
    async resume() {
        if (this.resumed)
            return;
        this.resumed = true;
        const live = new Set();
        for (const lane of this.lanes.values()) {
            if (lane.running)
                live.add(lane.running.id);
            for (const j of lane.waiting)
                live.add(j.id);
        }
        for (const record of this.options.store.jobs()) {
            if (live.has(record.id))
                continue;
            const job = record;
            const lane = this.lanes.get(job.app);
            if (job.state === 'running' || (job.state === 'queued' && !lane)) {
                const wasRunning = job.state === 'running';
                job.state = 'failed';
                job.endedAt = this.now();
                job.message = wasRunning
                    ? 'interrupted: the agent stopped during this run'
                    : `app '${job.app}' is no longer in the config`;
                await this.save(job);
                this.log({
                    event: 'failed',
                    level: 'error',
                    app: job.app,
                    job: job.id,
                    message: job.message
                });
            }
            else if (job.state === 'queued' && lane) {
                lane.waiting.push(job);
                this.supersedeEarlier(lane, job);
                this.log({
                    event: 'resumed',
                    app: job.app,
                    job: job.id,
                    version: job.version ?? describe(job.request)
                });
            }
        }
        for (const lane of this.lanes.values())
            this.pump(lane);
    }
    async save(job) {
        // `resolved` is kept in the file: a job resumed after a restart deploys what was accepted.
        try {
            await this.options.store.saveJob(job);
        }
        catch (error) {
            this.log({
                event: 'store-failed',
                level: 'error',
                app: job.app,
                job: job.id,
                error: (0,errors/* errorMessage */.gJ)(error)
            });
        }
    }
    pump(lane) {
        // The next in arrival order whose lookup has not answered holds the lane until it does.
        if (lane.running || this.stopped || lane.waiting[0]?.looking)
            return;
        const next = lane.waiting.shift();
        if (!next)
            return;
        lane.running = next;
        const run = this.run(lane, next).finally(() => {
            this.runs.delete(run);
            lane.running = undefined;
            this.pump(lane);
        });
        this.runs.add(run);
    }
    async run(lane, job) {
        const started = this.options.clock.now();
        job.state = 'running';
        job.startedAt = this.now();
        await this.save(job);
        this.log({
            event: 'running',
            app: job.app,
            job: job.id,
            version: job.version ?? describe(job.request)
        });
        // Keep the first lines (what started) and the newest (how it ended), and say what is left out.
        let dropped = 0;
        // The log reaches the job's file while the run goes on (at most twice a second), so a run the
        // agent did not live to finish (kill -9, a crash) keeps what it printed for recovery to show.
        let pendingSave;
        const saveSoon = () => {
            if (pendingSave)
                return;
            pendingSave = setTimeout(() => {
                pendingSave = undefined;
                void this.save(job).catch(() => undefined);
            }, 500);
            pendingSave.unref();
        };
        const logLine = (text) => {
            saveSoon();
            job.log.push(logLineOf(text));
            if (job.log.length <= LOG_LINES_KEPT)
                return;
            if (dropped === 0) {
                job.log.splice(LOG_HEAD_KEPT, 2, '');
                dropped = 2;
            }
            else {
                job.log.splice(LOG_HEAD_KEPT + 1, 1);
                dropped++;
            }
            job.log[LOG_HEAD_KEPT] = `… ${dropped} lines left out …`;
        };
        let result;
        try {
            result = await this.options.deployer.run(job, lane.app, logLine);
        }
        catch (error) {
            // The contract says run() never throws; if it does, the job still ends.
            result = { state: 'failed', message: `the deployer failed: ${(0,errors/* errorMessage */.gJ)(error)}` };
        }
        clearTimeout(pendingSave);
        job.state = result.state;
        job.endedAt = this.now();
        if (result.version !== undefined)
            job.version = result.version;
        if (result.before !== undefined)
            job.before = result.before;
        if (result.after !== undefined)
            job.after = result.after;
        if (result.message !== undefined)
            job.message = (0,redact/* redactUrlCredentials */.dE)(result.message);
        this.durations.push(this.options.clock.now() - started);
        if (this.durations.length > 50)
            this.durations.shift();
        await this.save(job);
        this.log({
            event: result.state,
            level: result.state === 'succeeded' ? 'info' : result.state === 'failed' ? 'error' : 'warn',
            app: job.app,
            job: job.id,
            version: job.version,
            ...(job.before !== undefined ? { before: job.before } : {}),
            ...(job.after !== undefined ? { after: job.after } : {}),
            ...(job.message !== undefined ? { message: job.message } : {})
        });
    }
    /** Resolves when nothing runs or waits (tests; a drained shutdown). */
    async idle() {
        while (this.runs.size > 0)
            await Promise.all([...this.runs]);
    }
    /**
     * Stops: no new job starts (the waiting ones stay queued in the store, and the next start
     * resumes them); running ones get `graceMs` to finish. True when nothing was left running.
     */
    async stop(graceMs) {
        this.stopped = true;
        for (const lane of this.lanes.values())
            for (const job of lane.waiting.splice(0))
                if (!job.looking)
                    this.log({ event: 'left-queued', app: job.app, job: job.id });
        if (this.runs.size === 0)
            return true;
        return Promise.race([
            Promise.all([...this.runs]).then(() => true),
            this.options.clock.sleep(graceMs).then(() => false)
        ]);
    }
}
/** A request before it is resolved, for logs. */
function describe(request) {
    switch (request.kind) {
        case 'image':
            return request.tag;
        case 'git':
            return request.commit ? `${request.ref}@${request.commit.slice(0, 12)}` : request.ref;
        case 'rollback':
            return `rollback to ${request.to}`;
    }
}

// EXTERNAL MODULE: ./src/deploy/step.ts
var step = __webpack_require__(99497);
;// CONCATENATED MODULE: ./src/agent/recovery.ts
/**
 * At start, before serving: every `runs/<app>.json` left behind is a run the agent was stopped
 * in the middle of (killed, the host rebooted). For each: what the run left running is stopped,
 * the app's lock released if that run still holds it (never another deploy's), and what serves
 * is looked at as the app's target sees it (for blue-green, the proxy's live slot) and checked by
 * the target's own health check. A healthy release that is the one before the run, or the one
 * the run deployed, stays (an agent restarted while the old slot drained does not revert what
 * went live; `current` is pointed at it if the run did not get that far); anything else is
 * rolled back to the release before. The job is ended naming what serves. A run file that
 * carries its outcome ended before the agent stopped (during its notifications): that outcome
 * is recorded. A stop asked for during recovery ends it between steps, leaving the run file
 * for the next start.
 */









const INTERRUPTED = 'interrupted: the agent stopped during this run';
/** What to do after an interrupted run, from what serves now. Pure. */
function decideRecovery(facts) {
    const { before, attempted, serving, recorded, healthy, healthDetail } = facts;
    const why = healthDetail ?? 'no answer';
    const stays = (message) => ({
        action: recorded ? 'keep' : 'record',
        message: recorded ? message : `${message}; current now names it`
    });
    if (before === undefined) {
        if (serving && healthy)
            return stays(`no release ran before the interrupted run; ${serving} serves and is healthy`);
        return {
            action: 'keep',
            message: serving
                ? `no release ran before the interrupted run; ${serving} serves, not healthy (${why})`
                : 'no release ran before the interrupted run, none serves'
        };
    }
    if (serving === before && healthy)
        return stays(`${before} is current and healthy`);
    if (serving !== undefined && serving === attempted && healthy)
        return stays(`${serving} went live before the run was interrupted and is healthy: it stays`);
    return {
        action: 'rollback',
        message: serving === before
            ? `${before} is current but not healthy (${why}): bringing it back up`
            : `${serving ?? 'nothing'} serves, not ${before} as before the run${serving && !healthy ? ` (and it is not healthy: ${why})` : ''}: rolling back to ${before}`
    };
}
async function recoverInterrupted(options) {
    const dir = (0,external_node_path_.join)(options.stateDir, 'runs');
    let names;
    try {
        names = (await (0,promises_.readdir)(dir)).filter((n) => n.endsWith('.json'));
    }
    catch {
        return [];
    }
    const done = [];
    for (const name of names.sort()) {
        if (options.stopping?.())
            break;
        const appName = name.slice(0, -'.json'.length);
        const path = runFilePath(options.stateDir, appName);
        let run;
        try {
            run = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        }
        catch (error) {
            options.log(appName, `unreadable run file ${path} removed: ${(0,errors/* errorMessage */.gJ)(error)}`);
            await (0,promises_.rm)(path, { force: true });
            continue;
        }
        const app = options.apps.find((a) => a.name === appName);
        if (!app) {
            options.log(appName, `run ${run.job} was interrupted, but the app is no longer configured`);
            await options
                .endJob(run.job, { state: 'failed', message: INTERRUPTED })
                .catch(() => undefined);
            await (0,promises_.rm)(path, { force: true });
            continue;
        }
        const recovery = run.outcome
            ? await recordOutcome(options, app, run, run.outcome)
            : await recoverOne(options, app, run);
        // Stopped midway: the file stays, the next start recovers the run again.
        if (!recovery)
            break;
        done.push(recovery);
        await (0,promises_.rm)(path, { force: true });
    }
    return done;
}
/** The run had ended, and the agent stopped during its notifications: its outcome stands. */
async function recordOutcome(options, app, run, outcome) {
    const say = (line) => options.log(app.name, line);
    const message = `run ${run.job} had ended (${outcome.state}) when the agent stopped`;
    say(message);
    await options
        .endJob(run.job, outcome)
        .catch((error) => say(`could not record job ${run.job}: ${(0,errors/* errorMessage */.gJ)(error)}`));
    // Its notifications may not all have gone out: better twice than never.
    await options.deployer.notify(app, { id: run.job, request: requestOf(run) }, outcome, 0, say);
    return { app: app.name, job: run.job, lockReleased: false, message };
}
/** The version an interrupted rollback was restoring (not `previous`: that moved meanwhile). */
function rollbackTarget(run) {
    const to = run.version?.startsWith('rollback to ') ? run.version.slice('rollback to '.length) : '';
    return to && to !== 'previous' ? to : undefined;
}
const requestOf = (run) => run.version?.startsWith('rollback to ')
    ? { kind: 'rollback', to: run.version.slice('rollback to '.length) }
    : { kind: 'rollback', to: 'previous' };
async function recoverOne(options, app, run) {
    const { deployer } = options;
    const stopping = () => options.stopping?.() ?? false;
    const say = (line) => options.log(app.name, line);
    say(`run ${run.job} (started ${run.startedAt}) was interrupted`);
    // What the killed agent left running stops first: nothing of the old run may change the host
    // while (or after) recovery looks at it.
    for (const group of run.groups ?? [])
        if (await endGroup(group, options.clock ?? lib_clock/* realClock */.d))
            say(`stopped its step still running (process group ${group.pid})`);
    let lockReleased = false;
    try {
        lockReleased = await releaseLock(await deployer.connect(app), app, run.token);
        say(lockReleased ? 'its lock released' : 'its lock is not held (any more)');
    }
    catch (error) {
        say(`could not release its lock: ${(0,errors/* errorMessage */.gJ)(error)}`);
    }
    if (stopping())
        return undefined;
    // An interrupted rollback to a version is completed (recovery's own, killed midway, included):
    // its target is what to restore, not the release it was replacing.
    const wanted = rollbackTarget(run);
    const restore = wanted ?? run.before;
    let serving;
    let unseen;
    try {
        serving = await deployer.serving(app, { health: true, log: say });
    }
    catch (error) {
        // The host could not be looked at: nothing is changed blind (a rollback would meet the same
        // trouble); the report says so.
        serving = {};
        unseen = (0,errors/* errorMessage */.gJ)(error);
    }
    if (stopping())
        return undefined;
    const decision = unseen
        ? {
            action: 'keep',
            message: `what serves could not be seen (${unseen}): nothing changed`
        }
        : decideRecovery({
            before: restore,
            attempted: wanted ? undefined : run.version,
            serving: serving.version,
            recorded: serving.current === serving.version,
            healthy: serving.healthy === true,
            healthDetail: serving.detail
        });
    say(decision.message);
    const recovery = {
        app: app.name,
        job: run.job,
        lockReleased,
        message: decision.message
    };
    let after = serving.version;
    if (decision.action === 'record' && serving.release) {
        try {
            await deployer.recordCurrent(app, serving.release, say);
        }
        catch (error) {
            recovery.message += `; could not point current at it: ${(0,errors/* errorMessage */.gJ)(error)}`;
        }
    }
    if (decision.action === 'rollback' && restore !== undefined) {
        const result = await rollBack(options, app, restore, say);
        recovery.rollback = result;
        if (result.result.state === 'failed') {
            // Whatever the rollback got to, the report names what serves now.
            after = await deployer.serving(app, { health: false }).then((now) => now.version, () => undefined);
            recovery.message += `; the rollback failed: ${result.result.message ?? ''}; ${after ?? 'nothing that can be seen'} serves`;
        }
        else {
            after = restore;
            recovery.message += `; ${restore} serves again`;
        }
    }
    const interrupted = {
        state: 'failed',
        ...(run.version && !run.version.startsWith('rollback to ') ? { version: run.version } : {}),
        before: run.before,
        after,
        message: `${INTERRUPTED}; ${recovery.message}`
    };
    await options
        .endJob(run.job, interrupted)
        .catch((error) => say(`could not mark job ${run.job} failed: ${(0,errors/* errorMessage */.gJ)(error)}`));
    if (!recovery.rollback)
        await deployer.notify(app, { id: run.job, request: requestOf(run) }, interrupted, 0, say);
    return recovery;
}
/** The release before, deployed again as a job of its own (it notifies, as every run does). */
async function rollBack(options, app, to, say) {
    const clock = options.clock ?? lib_clock/* realClock */.d;
    const job = {
        id: options.newJobId?.() ?? (0,external_node_crypto_.randomUUID)(),
        app: app.name,
        via: 'recovery',
        request: { kind: 'rollback', to },
        state: 'running',
        queuedAt: new Date(clock.now()).toISOString(),
        startedAt: new Date(clock.now()).toISOString(),
        log: []
    };
    options.onJob?.(job);
    const result = await options.deployer.run(job, app, (line) => {
        job.log.push(line);
        say(line);
    });
    Object.assign(job, {
        state: result.state,
        version: result.version,
        before: result.before,
        after: result.after,
        message: result.message,
        endedAt: new Date(clock.now()).toISOString()
    });
    options.onJob?.(job);
    return { job: job.id, result };
}
/** Releases the app's lock if `token` holds it; true when it did. */
async function releaseLock(runner, app, token) {
    const layout = layoutOf(app);
    try {
        const lock = (0,remote/* dirOf */.Rw)(layout, '.lock');
        const unlock = (0,remote/* unlockStep */.Rl)(layout, token);
        const [owner, unlocked] = await runner.run([
            { name: 'read lock', script: `cat ${lock}/owner.json 2>/dev/null || true` },
            unlock
        ]);
        if (unlocked?.code !== 0)
            throw (0,step/* stepFailure */.nK)(unlock, unlocked ?? { code: null, stdout: '', stderr: '' });
        const held = (() => {
            try {
                return JSON.parse(owner?.stdout ?? '').token === token;
            }
            catch {
                return false;
            }
        })();
        return held;
    }
    finally {
        await runner.close();
    }
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: ./src/core/signature.ts
var signature = __webpack_require__(18373);
;// CONCATENATED MODULE: ./src/core/agent/hooks.ts
/**
 * One webhook request → a verified delivery, or why not. Pure (HMAC and hashes are computation).
 *
 * The request is matched to the first trigger of the app whose marker it carries (see MARKERS),
 * then verified with that trigger's secret, compared in constant time over equal-length digests.
 * A reason never holds the secret or the expected MAC. Only then is the body read, and what it
 * asks for is a wish: a tag (the deployer resolves it to a digest in the registry itself) or a
 * branch push (the deployer fetches and verifies the commit). Events that ask for nothing this
 * app deploys (a ping, a pull, another repository, a tag no glob matches, another branch) are
 * verified but `ignored`.
 *
 * Delivery ids (the replay guard's keys): gantry's X-Gantry-Delivery (signed); for GitHub the
 * body's sha256, because GitHub signs the body only and a replayer could change the unsigned
 * X-GitHub-Delivery (a redelivery from GitHub's page is byte-identical, a duplicate too; two real
 * events always differ: `after`, the package version's id and time); the registry's event id; for
 * Harbor and tokens the body's sha256. (A static header or URL secret proves nothing about the body:
 * there the guard stops retries from deploying twice.)
 */






/** The distribution registry's envelope: `…events.v1+json` up to 2.8, `…events.v2+json` from 3.0. */
const REGISTRY_EVENTS_TYPE = 'application/vnd.docker.distribution.events.v1+json';
const REGISTRY_EVENTS = /^application\/vnd\.docker\.distribution\.events\.v[12]\+json$/;
const GITHUB_SIGNATURE = 'X-Hub-Signature-256';
function header(request, name) {
    const lower = name.toLowerCase();
    for (const [key, value] of Object.entries(request.headers))
        if (key.toLowerCase() === lower)
            return Array.isArray(value) ? value[0] : value;
    return undefined;
}
const contentType = (request) => (header(request, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
/** What marks a request as meant for each trigger. */
const MARKERS = {
    github: (r) => header(r, GITHUB_SIGNATURE) !== undefined || header(r, 'X-GitHub-Event') !== undefined,
    gantry: (r) => header(r, signature/* SIGNATURE_HEADER */.D8) !== undefined,
    registry: (r) => REGISTRY_EVENTS.test(contentType(r)),
    harbor: (r) => header(r, 'Authorization') !== undefined && !REGISTRY_EVENTS.test(contentType(r)),
    token: (r) => r.query.token !== undefined
};
/** How each trigger proves itself, for the 401 that names what the app accepts. */
function credentialName(kind, app) {
    switch (kind) {
        case 'github':
            return `github: ${GITHUB_SIGNATURE}`;
        case 'gantry':
            return `gantry: ${signature/* SIGNATURE_HEADER */.D8}`;
        case 'registry':
            return `registry: ${app.triggers.registry?.header ?? 'Authorization'} with Content-Type ${REGISTRY_EVENTS_TYPE}`;
        case 'harbor':
            return 'harbor: Authorization';
        case 'token':
            return 'token: ?token=';
    }
}
const WEBHOOK_KINDS = [
    'github',
    'gantry',
    'registry',
    'harbor',
    'token'
];
/** The app's webhook triggers in the order the file gives them (poll is not one). */
function webhookTriggers(app) {
    return Object.keys(app.triggers).filter((k) => WEBHOOK_KINDS.includes(k));
}
/** The first configured trigger whose marker the request carries. */
function matchTrigger(app, request) {
    return webhookTriggers(app).find((kind) => MARKERS[kind](request, app));
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest();
/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
function sameSecret(given, expected) {
    return (0,external_node_crypto_.timingSafeEqual)(sha256(given), sha256(expected));
}
const bodyBuffer = (body) => typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
const bodyHash = (body) => `sha256:${sha256(bodyBuffer(body)).toString('hex')}`;
const reject = (reason, status = 401) => ({ ok: false, status, reason });
const ignored = (via, deliveryId, why) => ({
    ok: true,
    via,
    deliveryId,
    request: null,
    ignored: why
});
const asks = (via, deliveryId, request) => ({
    ok: true,
    via,
    deliveryId,
    request
});
function parseJson(body) {
    try {
        const value = JSON.parse(bodyBuffer(body).toString('utf8'));
        return (0,json/* isPlainObject */.Q)(value) ? value : undefined;
    }
    catch {
        return undefined;
    }
}
const str = (value) => typeof value === 'string' && value !== '' ? value : undefined;
const obj = (value) => ((0,json/* isPlainObject */.Q)(value) ? value : {});
/** A tag this app deploys: a compose app, a valid tag, one of its globs. */
function imageTag(app, via, deliveryId, tag) {
    if (app.target !== 'compose')
        return ignored(via, deliveryId, `an image tag, but app '${app.name}' deploys from git`);
    if (tag === undefined)
        return ignored(via, deliveryId, 'the event names no tag');
    if (!(0,docker_reference/* isValidTag */.r_)(tag))
        return reject(`the tag ${JSON.stringify(tag.slice(0, 130))} is not a valid tag`, 400);
    if (!app.tags.some((glob) => (0,core_glob/* matchesGlob */.k)(glob, tag)))
        return ignored(via, deliveryId, `tag ${tag} matches none of ${app.tags.join(', ')}`);
    return asks(via, deliveryId, { kind: 'image', tag });
}
/** A push to this app's branch. */
function gitPush(app, via, deliveryId, ref, commit) {
    if (app.target !== 'git')
        return ignored(via, deliveryId, `a git push, but app '${app.name}' deploys images`);
    const branchRef = `refs/heads/${app.branch ?? 'main'}`;
    const given = ref === undefined ? branchRef : ref.startsWith('refs/') ? ref : `refs/heads/${ref}`;
    if (given !== branchRef)
        return ignored(via, deliveryId, `${given} is not ${branchRef}`);
    if (commit !== undefined && !deploy_git/* FULL_COMMIT */.eI.test(commit))
        return reject(`the commit ${JSON.stringify(commit.slice(0, 70))} is not a full commit id`, 400);
    return asks(via, deliveryId, { kind: 'git', ref: given, ...(commit ? { commit } : {}) });
}
/** `owner/name`, `name`, `library/name`: does the event's repository name this app's image? */
function sameRepository(app, name, lastSegment = false) {
    if (name === undefined || !app.image)
        return true;
    const mine = app.image.repository.toLowerCase();
    const theirs = name.toLowerCase().replace(/^\/+/, '');
    if (theirs === mine || `library/${theirs}` === mine)
        return true;
    // A GitHub package is named without its owner: `shop` for ghcr.io/acme/shop.
    return lastSegment && !theirs.includes('/') && mine.endsWith(`/${theirs}`);
}
// -------------------------------------------------------------------------------------------
// GitHub: X-Hub-Signature-256 = "sha256=" + HMAC-SHA256(secret, raw body), hex.
/** The whole MAC, never a prefix of it: a truncated one does not match. */
const GITHUB_SIGNATURE_SHAPE = /^sha256=([0-9a-f]{64})$/i;
function github(app, request, secret) {
    const signature = header(request, GITHUB_SIGNATURE);
    if (signature === undefined)
        return reject(`missing ${GITHUB_SIGNATURE} (set the webhook's secret in GitHub)`);
    const given = GITHUB_SIGNATURE_SHAPE.exec(signature.trim())?.[1];
    const expected = (0,external_node_crypto_.createHmac)('sha256', secret).update(bodyBuffer(request.body)).digest();
    const givenBytes = given ? Buffer.from(given, 'hex') : Buffer.alloc(32);
    if (!(0,external_node_crypto_.timingSafeEqual)(expected, givenBytes) || !given)
        return reject(`${GITHUB_SIGNATURE} does not match`);
    // GitHub signs the body only: a replayer of a captured request could change X-GitHub-Delivery,
    // so the signed body's hash is the delivery id (see the file's opening comment).
    const deliveryId = bodyHash(request.body);
    const event = header(request, 'X-GitHub-Event') ?? '';
    // A webhook set to `application/x-www-form-urlencoded` sends the JSON as `payload=`.
    let payload;
    if (contentType(request) === 'application/x-www-form-urlencoded') {
        const text = new URLSearchParams(bodyBuffer(request.body).toString('utf8')).get('payload');
        payload = text === null ? undefined : parseJson(text);
    }
    else
        payload = parseJson(request.body);
    if (payload === undefined)
        return reject('the body is not a JSON object', 400);
    switch (event) {
        case 'ping':
            return ignored('github', deliveryId, `GitHub ping (hook ${String(payload.hook_id ?? '?')})`);
        case 'push': {
            if (payload.deleted === true)
                return ignored('github', deliveryId, `${str(payload.ref) ?? 'the ref'} was deleted`);
            const ref = str(payload.ref);
            if (ref === undefined)
                return reject('a push event without `ref`', 400);
            return gitPush(app, 'github', deliveryId, ref, str(payload.after));
        }
        case 'package':
        case 'registry_package': {
            if (payload.action !== 'published')
                return ignored('github', deliveryId, `${event} ${String(payload.action)} asks for nothing`);
            const pkg = obj(payload[event]);
            const tag = str(obj(obj(obj(pkg.package_version).container_metadata).tag).name);
            const name = str(pkg.name);
            if (app.image && name !== undefined && !sameRepository(app, name, true))
                return ignored('github', deliveryId, `package ${name} is not ${app.image.reference}`);
            return imageTag(app, 'github', deliveryId, tag);
        }
        default:
            return ignored('github', deliveryId, `GitHub event ${JSON.stringify(event)} asks for nothing`);
    }
}
// -------------------------------------------------------------------------------------------
// Gantry: src/core/signature.ts (timestamped, delivery id signed). The body is `{"tag":"v2"}`,
// `{"ref":"refs/heads/main","commit":"…"}`, or what notify's json:// sink sends for a run.
function gantryRejection(result, request, nowSeconds) {
    if (result.reason !== 'stale')
        return reject(result.detail);
    const age = nowSeconds - Number(header(request, signature/* TIMESTAMP_HEADER */.L1));
    return reject(`${signature/* TIMESTAMP_HEADER */.L1} is ${Math.abs(age)} s ${age > 0 ? 'old' : 'in the future'} (tolerance ${signature/* DEFAULT_TOLERANCE_SECONDS */.K4} s)`);
}
function gantry(app, request, secret, nowSeconds) {
    const body = bodyBuffer(request.body).toString('utf8');
    const result = (0,signature/* verifyWebhook */.Oc)({
        secrets: [secret],
        headers: request.headers,
        body,
        nowSeconds
    });
    if (!result.ok)
        return gantryRejection(result, request, nowSeconds);
    const payload = parseJson(body);
    if (payload === undefined)
        return reject('the body is not a JSON object', 400);
    const id = result.deliveryId;
    if (str(payload.tag) !== undefined)
        return imageTag(app, 'gantry', id, str(payload.tag));
    if (str(payload.ref) !== undefined || str(payload.commit) !== undefined)
        return gitPush(app, 'gantry', id, str(payload.ref), str(payload.commit)?.toLowerCase());
    if ((0,json/* isPlainObject */.Q)(payload.facts)) {
        // notify's JSON: a successful run names what it built.
        const status = str(payload.status);
        if (status !== 'succeeded' && status !== 'deployed')
            return ignored('gantry', id, `a notification with status ${status ?? 'none'} asks for nothing`);
        const facts = payload.facts;
        if (app.target === 'compose')
            return imageTag(app, 'gantry', id, str(facts.version) ?? str(facts.tag));
        return gitPush(app, 'gantry', id, str(facts.branch), str(facts.sha)?.toLowerCase());
    }
    return reject('the body names no `tag`, `ref` or `commit`', 400);
}
// -------------------------------------------------------------------------------------------
// The distribution registry: `{"events":[…]}`, no signature, the configured header is the proof.
// Only a push whose target is a manifest with a tag means "a tag now points here".
const MANIFEST_TYPE = /manifest|image\.index/i;
function hooks_registry(app, request, expected) {
    const given = header(request, expected.header);
    if (given === undefined)
        return reject(`missing ${expected.header} header`);
    if (!sameSecret(given, expected.value))
        return reject(`${expected.header} does not match`);
    const payload = parseJson(request.body);
    const events = payload && Array.isArray(payload.events) ? payload.events.map(obj) : undefined;
    if (events === undefined)
        return reject('the body is not a notification envelope ({"events":[…]})', 400);
    const pushes = events.filter((e) => {
        const target = obj(e.target);
        return (e.action === 'push' &&
            MANIFEST_TYPE.test(str(target.mediaType) ?? '') &&
            str(target.tag) !== undefined &&
            sameRepository(app, str(target.repository)));
    });
    // The newest push wins: the registry sends events in order.
    const push = pushes[pushes.length - 1];
    if (push === undefined) {
        const first = events[0];
        const id = str(first?.id) ?? bodyHash(request.body);
        const what = events.map((e) => `${String(e.action)} ${str(obj(e.target).mediaType) ?? '?'}`);
        return ignored('registry', id, `no tag push for ${app.image?.reference ?? app.name} (${what.join(', ') || 'no events'})`);
    }
    return imageTag(app, 'registry', str(push.id) ?? bodyHash(request.body), str(obj(push.target).tag));
}
// -------------------------------------------------------------------------------------------
// Harbor: the policy's auth header value as `Authorization`; `type: PUSH_ARTIFACT`.
function harbor(app, request, value) {
    const given = header(request, 'Authorization');
    if (given === undefined)
        return reject('missing Authorization header');
    if (!sameSecret(given, value))
        return reject('Authorization does not match');
    const id = bodyHash(request.body);
    const payload = parseJson(request.body);
    if (payload === undefined)
        return reject('the body is not a JSON object', 400);
    if (payload.type !== 'PUSH_ARTIFACT')
        return ignored('harbor', id, `Harbor event ${String(payload.type)} asks for nothing`);
    const data = obj(payload.event_data);
    const repository = obj(data.repository);
    const name = str(repository.repo_full_name) ?? str(repository.name);
    if (!sameRepository(app, name))
        return ignored('harbor', id, `repository ${name} is not ${app.image?.reference ?? app.name}`);
    const tags = (Array.isArray(data.resources) ? data.resources : [])
        .map((r) => str(obj(r).tag))
        .filter((t) => t !== undefined);
    const tag = tags.find((t) => app.tags.some((glob) => (0,core_glob/* matchesGlob */.k)(glob, t))) ?? tags[0];
    return imageTag(app, 'harbor', id, tag);
}
// -------------------------------------------------------------------------------------------
// A token in the URL, for senders that cannot sign: Docker Hub (`push_data.tag`,
// `repository.repo_name`), registries' simple triggers, or a plain `{"tag":"v2"}`.
function token(app, request, secret) {
    if (!sameSecret(request.query.token ?? '', secret))
        return reject('?token= does not match');
    const id = bodyHash(request.body);
    const text = bodyBuffer(request.body).toString('utf8').trim();
    if (text === '') {
        if (app.target === 'git')
            return gitPush(app, 'token', id, undefined, undefined);
        return reject('the body names no tag', 400);
    }
    const payload = parseJson(request.body);
    if (payload === undefined)
        return reject('the body is not a JSON object', 400);
    if ((0,json/* isPlainObject */.Q)(payload.push_data)) {
        const repository = obj(payload.repository);
        const name = str(repository.repo_name) ?? str(repository.repo_full_name);
        if (!sameRepository(app, name))
            return ignored('token', id, `repository ${name} is not ${app.image?.reference ?? app.name}`);
        return imageTag(app, 'token', id, str(payload.push_data.tag));
    }
    if (str(payload.tag) !== undefined)
        return imageTag(app, 'token', id, str(payload.tag));
    if (str(payload.ref) !== undefined || str(payload.commit) !== undefined)
        return gitPush(app, 'token', id, str(payload.ref), str(payload.commit)?.toLowerCase());
    return reject('the body names no tag (`push_data.tag` or `tag`)', 400);
}
/**
 * The rejection that needs no body, or undefined (then read the body and call verifyHook): no
 * credentials the app accepts; a GitHub signature missing or not 64 hex digits; a Gantry
 * signature's headers missing or its timestamp out of the window; a registry, Harbor or URL
 * token that does not match (those prove themselves without the body). So a stranger's body is
 * never read.
 */
function verifyBeforeBody(app, request, nowSeconds) {
    const t = app.triggers;
    const kind = matchTrigger(app, request);
    switch (kind) {
        case undefined:
            return verifyHook(app, { ...request, body: '' }, nowSeconds);
        case 'github': {
            const signature = header(request, GITHUB_SIGNATURE);
            if (signature === undefined)
                return github(app, { ...request, body: '' }, '');
            return GITHUB_SIGNATURE_SHAPE.test(signature.trim())
                ? undefined
                : reject(`${GITHUB_SIGNATURE} does not match`);
        }
        case 'gantry': {
            const result = (0,signature/* verifyWebhook */.Oc)({
                secrets: [''],
                headers: request.headers,
                body: '',
                nowSeconds
            });
            return result.ok || result.reason === 'bad-signature'
                ? undefined
                : gantryRejection(result, request, nowSeconds);
        }
        case 'registry': {
            const given = header(request, t.registry.header);
            if (given === undefined)
                return reject(`missing ${t.registry.header} header`);
            return sameSecret(given, t.registry.value)
                ? undefined
                : reject(`${t.registry.header} does not match`);
        }
        case 'harbor':
            return sameSecret(header(request, 'Authorization') ?? '', t.harbor.value)
                ? undefined
                : reject('Authorization does not match');
        case 'token':
            return sameSecret(request.query.token ?? '', t.token.secret)
                ? undefined
                : reject('?token= does not match');
    }
}
/**
 * Verifies one request for `app` (already matched by path). `nowSeconds` is Unix time, for the
 * gantry trigger's timestamp window. Replays are the caller's (it keeps delivery ids on disk).
 */
function verifyHook(app, request, nowSeconds) {
    const kind = matchTrigger(app, request);
    const t = app.triggers;
    switch (kind) {
        case 'github':
            return github(app, request, t.github.secret);
        case 'gantry':
            return gantry(app, request, t.gantry.secret, nowSeconds);
        case 'registry':
            return hooks_registry(app, request, t.registry);
        case 'harbor':
            return harbor(app, request, t.harbor.value);
        case 'token':
            return token(app, request, t.token.secret);
        case undefined: {
            const accepted = webhookTriggers(app).map((k) => credentialName(k, app));
            return reject(accepted.length
                ? `no credentials this app accepts (${accepted.join(', ')})`
                : `app '${app.name}' takes no webhooks (its only trigger is poll)`);
        }
    }
}

;// CONCATENATED MODULE: ./src/agent/server.ts
/**
 * The agent's HTTP(S) server (AGENT-SPEC.md, HTTP). Every answer is JSON. Called by main.ts:
 *
 *   const server = await startAgentServer(config, { deployer, store, queue, clock, log })
 *   server.url          // `http://127.0.0.1:9000` (the port actually bound: `listen: …:0` picks one)
 *   await server.close(30_000)   // stop accepting; waiting jobs end failed; a running job gets
 *                                // up to 30 s; resolves true when nothing was left running
 *
 * `queue` is optional (one is made from the config); pass the one the poller submits to, so
 * polls and webhooks share one order per app. `log(event)` gets one object per event (main.ts
 * writes it as text or JSON); a refused request's reason is logged, never a secret or a MAC.
 *
 * At start it resumes the jobs an earlier agent accepted but had not started (queue.resume():
 * call recovery before this). Routes: POST /hooks/<app>; GET /jobs/<id> (bearer); GET /healthz; GET /apps (bearer);
 * POST /apps/<app>/rollback (bearer). A body over `max-body` gets 413 from its Content-Length,
 * before a byte of it is read (a chunked one is cut at the limit). What can be refused without
 * the body is refused before it is read (route, method, app, credentials that need no body:
 * hooks.ts verifyBeforeBody); a body is gathered into one buffer, never kept chunk by chunk. A
 * delivery is verified (hooks.ts), checked against the delivery ids seen (store.ts, 7 days,
 * across restarts), given its place in the app's queue (arrival order), resolved by the deployer
 * within 5 s (the registry's digest, the branch's commit) into that place (queue.ts) and
 * answered 202 with the job id: the deploy itself runs after the answer. Every refusal is
 * logged, at most REJECTIONS_LOGGED a minute for each reason (then one line says how many more).
 */









const server_RESOLVE_TIMEOUT_MS = 5000;
/**
 * Connections open at once; one more is closed at once. Above what a few senders need (and the
 * bench's 200 slow ones), below what exhausts the agent: bodies share BODY_BUDGET_BYTES, and a
 * connection gets 10 s for its headers and 30 s for its request.
 */
const MAX_CONNECTIONS = 512;
/** A body in more pieces than this is refused (a legitimate 1 MiB comes in a few hundred). */
const MAX_BODY_PIECES = 4096;
/** Bodies being read hold at most this much at once (or twice max-body, if more). */
const BODY_BUDGET_BYTES = 16 * 1024 * 1024;
/** How often slow senders are looked for (Node's default, 30 s, lets headersTimeout run 40 s). */
const CONNECTIONS_CHECK_MS = 1000;
/** Refusals logged per reason and minute; the rest are counted in one line. */
const REJECTIONS_LOGGED = 10;
const MINUTE_MS = 60_000;
const ORIGIN_FORM = /^\/[\w\-.~!$&'()*+,;=:@%/]*(\?[\w\-.~!$&'()*+,;=:@%/?]*)?$/;
class HttpError extends Error {
    status;
    headers;
    constructor(status, message, headers = {}) {
        super(message);
        this.status = status;
        this.headers = headers;
    }
}
function send(res, status, body, headers = {}) {
    if (res.headersSent)
        return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
        'cache-control': 'no-store',
        ...headers
    });
    res.end(text);
}
/**
 * The body, up to `max` bytes, in one buffer (sized from Content-Length, else grown by doubling):
 * a million tiny chunks cost one buffer, not a million. Over `max` (declared or counted): 413.
 * More than MAX_BODY_PIECES pieces (a sender's chunks, the network's reads): 400, as each piece
 * costs the agent's one thread a call whatever its size.
 */
function readBody(req, max, budget) {
    const declared = req.headers['content-length'];
    try {
        checkDeclaredLength(req, max);
    }
    catch (error) {
        return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
        let held = 0;
        /** A buffer of `bytes`, counted against the budget shared by every body being read. */
        const allocate = (bytes) => {
            if (budget.left < bytes - held)
                return undefined;
            budget.left -= bytes - held;
            held = bytes;
            return Buffer.allocUnsafe(bytes);
        };
        let body = allocate(Math.min(max, Number(declared) || 16 * 1024));
        let size = 0;
        let pieces = 0;
        let settled = false;
        const settle = (error) => {
            if (settled)
                return;
            settled = true;
            budget.left += held;
            held = 0;
            req.off('data', onData);
            if (!error)
                return resolve(body.subarray(0, size));
            req.pause();
            reject(error);
        };
        const onData = (chunk) => {
            if (size + chunk.length > max)
                return settle(tooLarge(max));
            if (++pieces > MAX_BODY_PIECES)
                return settle(new HttpError(400, `the body came in more than ${MAX_BODY_PIECES} pieces`));
            if (size + chunk.length > body.length) {
                const grown = allocate(Math.min(max, Math.max(body.length * 2, size + chunk.length)));
                if (!grown)
                    return settle(busy());
                body.copy(grown, 0, 0, size);
                body = grown;
            }
            chunk.copy(body, size);
            size += chunk.length;
        };
        if (!body)
            return settle(busy());
        req.on('data', onData);
        req.on('end', () => settle());
        // A sender that hangs up mid-body is not the agent's error.
        req.on('error', () => settle(new HttpError(400, 'the request was cut off')));
        req.on('close', () => held > 0 && settle(new HttpError(400, 'the request was cut off')));
    });
}
const busy = () => new HttpError(503, 'the agent is reading too many bodies at once; try again', {
    'retry-after': '5'
});
/** A Content-Length over `max`: 413 before a byte is read. */
function checkDeclaredLength(req, max) {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > max)
        throw tooLarge(max, Number(declared));
}
function tooLarge(max, declared) {
    return new HttpError(413, `the body is larger than max-body (${max} bytes${declared !== undefined ? `; Content-Length ${declared}` : ''})`);
}
const methodNotAllowed = (allow) => new HttpError(405, `use ${allow}`, { allow });
/** Promise.race with a deadline that aborts the deployer's work. */
async function within(ms, work, what) {
    const controller = new AbortController();
    let timer;
    const deadline = new Promise((_, reject) => {
        timer = setTimeout(() => {
            controller.abort();
            reject(new HttpError(503, `${what} took longer than ${ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`}; try again`, {
                'retry-after': '10'
            }));
        }, ms);
    });
    try {
        return await Promise.race([work(controller.signal), deadline]);
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * Refusals for the log, at most `perMinute` a minute for each reason (its quoted and numeric
 * parts aside, and at most 100 reasons a minute): a flood of forged requests costs a line a
 * minute, not a line each, and cannot drown the agent's real events (journald drops above its
 * rate). `flush` writes what was held back of the minutes that ended.
 */
function rejectionLog(log, clock, perMinute = REJECTIONS_LOGGED) {
    const windows = new Map();
    const summary = (w) => {
        if (w.held > 0)
            log({
                event: 'rejected-suppressed',
                level: 'warn',
                ...(w.last.app !== undefined ? { app: w.last.app } : {}),
                status: w.last.status,
                reason: w.last.reason,
                suppressed: w.held,
                seconds: Math.round((clock.now() - w.start) / 1000)
            });
    };
    const flush = (all = false) => {
        for (const [key, w] of windows)
            if (all || clock.now() - w.start >= MINUTE_MS) {
                summary(w);
                windows.delete(key);
            }
    };
    const rejected = (event) => {
        flush();
        const shape = `${event.app ?? ''} ${event.status} ${event.reason.replace(/"[^"]*"|'[^']*'|\d+/g, '…')}`;
        const key = windows.has(shape) || windows.size < 100 ? shape : 'other';
        let w = windows.get(key);
        if (!w)
            windows.set(key, (w = { start: clock.now(), logged: 0, held: 0, last: event }));
        w.last = event;
        if (w.logged < perMinute) {
            w.logged++;
            log({ level: 'warn', ...event, event: 'rejected' });
        }
        else
            w.held++;
    };
    return { rejected, flush };
}
async function startAgentServer(config, options) {
    const { deployer, store, clock, log } = options;
    const resolveMs = options.resolveTimeoutMs ?? server_RESOLVE_TIMEOUT_MS;
    const queue = options.queue ??
        new JobQueue({ deployer, store, clock, maxPending: config.maxPending, apps: config.apps, log });
    const apps = new Map(config.apps.map((a) => [a.name, a]));
    const startedAt = clock.now();
    /** Deliveries being resolved: a concurrent resend waits for the first instead of racing it. */
    const inflight = new Map();
    const refusals = rejectionLog(log, clock);
    const bodies = {
        left: options.bodyBudgetBytes ?? Math.max(BODY_BUDGET_BYTES, 2 * config.maxBodyBytes)
    };
    const flushRefusals = setInterval(() => refusals.flush(), MINUTE_MS);
    flushRefusals.unref();
    const bearer = (req) => {
        const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
        // Always compared (even when missing), so timing says nothing.
        if (!sameSecret(given, config.token) || given === '')
            throw new HttpError(401, given === '' ? 'a bearer token is required' : 'the bearer token does not match', {
                'www-authenticate': 'Bearer'
            });
    };
    const resolve = (app, request) => within(resolveMs, (signal) => deployer.resolve(app, request, signal), `resolving ${describe(request)}`).catch((error) => {
        if (error instanceof HttpError)
            throw error;
        // A repository URL may carry its credentials: the sender never sees them.
        if (error instanceof UnresolvableError)
            throw new HttpError(422, (0,redact/* redactUrlCredentials */.dE)(error.message));
        throw new HttpError(502, (0,redact/* redactUrlCredentials */.dE)(`could not resolve ${describe(request)}: ${(0,errors/* errorMessage */.gJ)(error)}`));
    });
    /**
     * Takes the request's place in the app's queue (or 429 when full), resolves it and fills the
     * place; the 202's body. A place a later arrival took meanwhile answers `superseded`.
     */
    const accept = async (app, via, request) => {
        const refused = (reason, retryAfterSeconds) => new HttpError(429, `${reason}; try again later`, {
            'retry-after': String(retryAfterSeconds)
        });
        const reserved = queue.reserve(app, via, request);
        if (!reserved.ok)
            throw refused(reserved.reason, reserved.retryAfterSeconds);
        let resolved;
        try {
            resolved = await resolve(app, request);
        }
        catch (error) {
            reserved.place.cancel();
            throw error;
        }
        const result = await reserved.place.fill(resolved);
        if (!result.ok)
            throw refused(result.reason, result.retryAfterSeconds);
        return {
            status: result.job.state === 'superseded' ? 'superseded' : 'queued',
            job: result.job.id,
            app: app.name,
            version: result.job.version ?? resolved.version
        };
    };
    /** Logs a refusal (rate-limited) and throws it. */
    const refuse = (error, fields, req) => {
        refusals.rejected({
            event: 'rejected',
            ...fields,
            status: error.status,
            reason: error.message,
            remote: req.socket.remoteAddress
        });
        throw error;
    };
    const hook = async (req, res, url, name) => {
        if (req.method !== 'POST')
            throw methodNotAllowed('POST');
        const app = apps.get(name);
        if (!app)
            throw new HttpError(404, `no app '${name}'`);
        const head = {
            method: req.method,
            path: url.pathname,
            query: Object.fromEntries(url.searchParams),
            headers: req.headers
        };
        const nowSeconds = Math.floor(clock.now() / 1000);
        checkDeclaredLength(req, config.maxBodyBytes);
        const verdict = verifyBeforeBody(app, head, nowSeconds) ??
            verifyHook(app, { ...head, body: await readBody(req, config.maxBodyBytes, bodies) }, nowSeconds);
        if (!verdict.ok)
            return refuse(new HttpError(verdict.status, verdict.reason), { app: app.name }, req);
        const key = `${app.name}\u0000${verdict.deliveryId}`;
        const earlier = inflight.get(key);
        if (earlier)
            await earlier.catch(() => undefined);
        const seen = store.delivery(app.name, verdict.deliveryId);
        if (seen !== undefined) {
            log({
                event: 'duplicate',
                app: app.name,
                job: seen,
                via: verdict.via,
                delivery: verdict.deliveryId
            });
            return send(res, 200, { status: 'duplicate', job: seen });
        }
        if (verdict.request === null) {
            log({ event: 'ignored', app: app.name, via: verdict.via, reason: verdict.ignored });
            return send(res, 200, { status: 'ignored', reason: verdict.ignored ?? 'asks for nothing' });
        }
        const request = verdict.request;
        const work = (async () => {
            const accepted = await accept(app, verdict.via, request).catch((error) => error instanceof HttpError
                ? refuse(error, { app: app.name, via: verdict.via, delivery: verdict.deliveryId }, req)
                : Promise.reject(error));
            // Recorded before the 202: a resend after the answer (or after a crash) is a duplicate.
            try {
                await store.recordDelivery(app.name, verdict.deliveryId, accepted.job);
            }
            catch (error) {
                log({
                    event: 'store-failed',
                    level: 'error',
                    app: app.name,
                    job: accepted.job,
                    error: (0,errors/* errorMessage */.gJ)(error)
                });
            }
            send(res, 202, accepted);
            return accepted.job;
        })();
        inflight.set(key, work);
        try {
            await work;
        }
        finally {
            inflight.delete(key);
        }
    };
    const rollback = async (req, res, name) => {
        if (req.method !== 'POST')
            throw methodNotAllowed('POST');
        bearer(req);
        const app = apps.get(name);
        if (!app)
            throw new HttpError(404, `no app '${name}'`);
        const body = (await readBody(req, config.maxBodyBytes, bodies)).toString('utf8').trim();
        let to = 'previous';
        if (body !== '') {
            let parsed;
            try {
                parsed = JSON.parse(body);
            }
            catch {
                throw new HttpError(400, 'the body is not JSON: expected {"to":"previous"} or {"to":"<version>"}');
            }
            const given = parsed?.to;
            if (given !== undefined) {
                if (typeof given !== 'string' || !/^[A-Za-z0-9_.:@-]{1,200}$/.test(given))
                    throw new HttpError(400, '`to` is `previous` or a version kept on the host (letters, digits, `_.:@-`)');
                to = given;
            }
        }
        log({ event: 'rollback-requested', app: app.name, to, remote: req.socket.remoteAddress });
        send(res, 202, await accept(app, 'manual', { kind: 'rollback', to }));
    };
    const appsStatus = async () => {
        const list = await Promise.all(config.apps.map(async (app) => {
            let status = {};
            try {
                status = await within(resolveMs, () => deployer.status(app), `the status of ${app.name}`);
            }
            catch (error) {
                log({ event: 'status-failed', level: 'warn', app: app.name, error: (0,errors/* errorMessage */.gJ)(error) });
            }
            const last = store.lastFinished(app.name);
            const q = queue.state(app.name);
            return {
                name: app.name,
                current: status.current ?? null,
                previous: status.previous ?? null,
                last: last
                    ? {
                        job: last.id,
                        state: last.state,
                        version: last.version ?? null,
                        endedAt: last.endedAt
                    }
                    : null,
                running: q.running,
                waiting: q.waiting[0] ?? null,
                queue: q.waiting
            };
        }));
        return { apps: list };
    };
    const handle = async (req, res) => {
        // Origin-form, of the characters RFC 3986 allows (`//[`, `*`, `http://…` are not): 400.
        if (!ORIGIN_FORM.test(req.url ?? ''))
            throw new HttpError(400, 'the request target is not a path');
        const url = new URL(`http://agent${req.url}`);
        const parts = url.pathname
            .split('/')
            .filter(Boolean)
            .map((p) => {
            try {
                return decodeURIComponent(p);
            }
            catch {
                return p;
            }
        });
        const [first, second, third] = parts;
        if (first === 'hooks' && parts.length === 2)
            return hook(req, res, url, second);
        if (first === 'healthz' && parts.length === 1) {
            if (req.method !== 'GET' && req.method !== 'HEAD')
                throw methodNotAllowed('GET');
            return send(res, 200, {
                status: 'ok',
                apps: config.apps.length,
                uptimeSeconds: Math.floor((clock.now() - startedAt) / 1000)
            });
        }
        if (first === 'jobs' && parts.length === 2) {
            if (req.method !== 'GET')
                throw methodNotAllowed('GET');
            bearer(req);
            const job = isJobId(second) ? store.job(second) : undefined;
            if (!job)
                throw new HttpError(404, `no job '${second}'`);
            return send(res, 200, job);
        }
        if (first === 'apps' && parts.length === 1) {
            if (req.method !== 'GET')
                throw methodNotAllowed('GET');
            bearer(req);
            return send(res, 200, await appsStatus());
        }
        if (first === 'apps' && parts.length === 3 && third === 'rollback')
            return rollback(req, res, second);
        throw new HttpError(404, `no route ${url.pathname}`);
    };
    const listener = (req, res) => {
        handle(req, res).catch((error) => {
            if (error instanceof HttpError) {
                // A body left unread (413, 404, 405…) is not drained: the connection closes after the answer.
                const close = !req.complete;
                send(res, error.status, { error: error.message }, close ? { ...error.headers, connection: 'close' } : error.headers);
                if (close)
                    res.on('finish', () => req.destroy());
                return;
            }
            // The path only: a query may hold a `?token=`.
            log({
                event: 'error',
                level: 'error',
                error: (0,errors/* errorMessage */.gJ)(error),
                path: (req.url ?? '').split('?')[0]
            });
            send(res, 500, { error: 'internal error (see the agent log)' });
        });
    };
    // Jobs an earlier agent accepted and did not start run now, before anything new.
    await queue.resume();
    const timing = { connectionsCheckingInterval: CONNECTIONS_CHECK_MS };
    const server = config.tls
        ? (0,external_node_https_.createServer)({ cert: await (0,promises_.readFile)(config.tls.cert), key: await (0,promises_.readFile)(config.tls.key), ...timing }, listener)
        : (0,external_node_http_.createServer)(timing, listener);
    // A slow sender cannot hold a connection open for ever, nor many senders the agent's memory.
    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.maxConnections = MAX_CONNECTIONS;
    await new Promise((resolveListen, rejectListen) => {
        server.once('error', rejectListen);
        server.listen(config.listen.port, config.listen.host, () => {
            server.off('error', rejectListen);
            resolveListen();
        });
    });
    const address = server.address();
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const url = `${config.tls ? 'https' : 'http'}://${host}:${address.port}`;
    log({ event: 'listening', url, apps: config.apps.map((a) => a.name).join(', ') });
    return {
        url,
        port: address.port,
        queue,
        async close(graceMs = 30_000) {
            clearInterval(flushRefusals);
            refusals.flush(true);
            const closed = new Promise((done) => server.close(() => done()));
            server.closeIdleConnections();
            const finished = await queue.stop(graceMs);
            server.closeAllConnections();
            await closed;
            await store.flush();
            return finished;
        }
    };
}

;// CONCATENATED MODULE: ./src/agent/statelock.ts
/**
 * One agent per state directory: `agent.pid` names the agent that uses it (pid, and its start
 * time and boot from /proc, so that a pid reused by another process does not count). It is
 * created whole and exclusively (written aside, then hard-linked into place: link fails when the
 * name exists), before the agent reads or changes anything else there. A file whose agent is
 * gone (killed, the host rebooted) is taken over.
 */




const PID_FILE = 'agent.pid';
class StateDirBusyError extends Error {
    dir;
    pid;
    constructor(dir, pid) {
        super(`another gantry agent (pid ${pid}) is using the state directory ${dir}: stop it first, or give this one its own state-dir (its pid file: ${(0,external_node_path_.join)(dir, PID_FILE)})`);
        this.dir = dir;
        this.pid = pid;
    }
}
/** Still the process the file names: alive, and (where /proc says) the same start and boot. */
function holderAlive(holder) {
    try {
        process.kill(holder.pid, 0);
    }
    catch (error) {
        // EPERM: it exists, as another user.
        if (error.code !== 'EPERM')
            return false;
    }
    if (holder.start === undefined || holder.boot === undefined)
        return true;
    const now = identify(holder.pid);
    return now === undefined || (now.start === holder.start && now.boot === holder.boot);
}
async function readHolder(file) {
    try {
        const parsed = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
        return typeof parsed.pid === 'number' ? parsed : undefined;
    }
    catch {
        return undefined;
    }
}
/** Takes the state directory (creating it, 0700), or throws StateDirBusyError. */
async function lockStateDir(dir, pid = process.pid) {
    await (0,promises_.mkdir)(dir, { recursive: true, mode: 0o700 });
    const file = (0,external_node_path_.join)(dir, PID_FILE);
    const me = identify(pid) ?? { pid };
    const mine = (h) => h?.pid === me.pid && h.start === me.start;
    // Held by a live agent: refused before writing anything.
    const holder = await readHolder(file);
    if (holder && !mine(holder) && holderAlive(holder))
        throw new StateDirBusyError(dir, holder.pid);
    const partial = (0,external_node_path_.join)(dir, `${PID_FILE}.${(0,external_node_crypto_.randomUUID)()}.partial`);
    await (0,promises_.writeFile)(partial, JSON.stringify(me) + '\n', { mode: 0o600 });
    try {
        for (let attempt = 0;; attempt++) {
            try {
                await (0,promises_.link)(partial, file);
                break;
            }
            catch (error) {
                if (error.code !== 'EEXIST' || attempt >= 3)
                    throw error;
            }
            const holder = await readHolder(file);
            if (holder && !mine(holder) && holderAlive(holder))
                throw new StateDirBusyError(dir, holder.pid);
            // Gone (or unreadable): moved aside, then looked at again, so that of two agents taking
            // over the same stale file, the later one puts back what the first one wrote.
            const aside = `${partial}.stale`;
            if (await (0,promises_.rename)(file, aside).then(() => true, () => false)) {
                const moved = await readHolder(aside);
                if (moved && !mine(moved) && holderAlive(moved)) {
                    await (0,promises_.link)(aside, file).catch(() => undefined);
                    await (0,promises_.rm)(aside, { force: true });
                    throw new StateDirBusyError(dir, moved.pid);
                }
                await (0,promises_.rm)(aside, { force: true });
            }
        }
    }
    finally {
        await (0,promises_.rm)(partial, { force: true });
    }
    return {
        async release() {
            if (mine(await readHolder(file)))
                await (0,promises_.rm)(file, { force: true });
        }
    };
}

;// CONCATENATED MODULE: ./src/agent/main.ts
/**
 * `gantry agent [--config <file>]`: validates the config, recovers runs an earlier agent was
 * stopped in the middle of, then serves webhooks and polls registries until SIGTERM/SIGINT
 * (then: no new jobs, a running step gets up to 30 s, exit 0).
 * `gantry agent check --config <file>`: validates only. `gantry agent install …`: the systemd unit.
 * Logs one line per event on stderr: text, or one JSON object per line (`log-format: json`).
 */

















/** Where the config is when --config is not given. */
const DEFAULT_CONFIG = '/etc/gantry/agent.yml';
/** A running step's grace on SIGTERM (systemd's TimeoutStopSec is 45 s). */
const STOP_GRACE_MS = 30_000;
/** Then its process group gets SIGTERM, and SIGKILL this much later. */
const STEP_KILL_GRACE_MS = 5000;
const USAGE = `Usage:
  gantry agent [--config <file>]      validate, recover interrupted runs, serve (default ${DEFAULT_CONFIG})
  gantry agent check --config <file>  validate only
  gantry agent install --config <file> [--user <user>] [--unit-dir /etc/systemd/system] [--bin <path>]
                                      write gantry-agent.service (runs no systemctl)
`;
async function agentMain(args, env, write, deps = {}) {
    const sub = args[0] === 'check' || args[0] === 'install' ? args[0] : undefined;
    let values;
    try {
        ;
        ({ values } = (0,external_node_util_.parseArgs)({
            args: sub ? args.slice(1) : args,
            options: {
                config: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                ...(sub === 'install'
                    ? {
                        user: { type: 'string' },
                        'unit-dir': { type: 'string' },
                        bin: { type: 'string' }
                    }
                    : {})
            },
            strict: true,
            allowPositionals: false
        }));
    }
    catch (error) {
        write.err(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n\n${USAGE}`);
        return 1;
    }
    if (values.help) {
        write.out(USAGE);
        return 0;
    }
    const file = (0,external_node_path_.resolve)(String(values.config ?? env.GANTRY_AGENT_CONFIG ?? DEFAULT_CONFIG));
    if (sub === 'install')
        return install(file, values, env, write);
    const config = await loadConfig(file, env, (0,external_node_os_.homedir)(), write);
    if (!config)
        return 1;
    if (sub === 'check') {
        write.out(checkSummary(config) + '\n');
        return 0;
    }
    return serve(config, write, deps);
}
/** The config, or undefined after printing every problem (`<file>:<line>: <key>: <problem>`). */
async function loadConfig(file, env, home, write) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        write.err(`${file}: cannot read the config: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return undefined;
    }
    try {
        return await parseAgentConfig(text, file, { readSecret: secretReader(env), env, home });
    }
    catch (error) {
        const lines = error instanceof AgentConfigError ? error.problems : [(0,errors/* errorMessage */.gJ)(error)];
        write.err(lines.map((l) => `${l}\n`).join(''));
        return undefined;
    }
}
/** A secret from its file (one trailing newline dropped) or variable; the error never shows it. */
function secretReader(env) {
    return (source) => {
        if ('file' in source) {
            let text;
            try {
                text = (0,external_node_fs_.readFileSync)(source.file, 'utf8');
            }
            catch (error) {
                const code = error.code;
                throw new Error(code === 'ENOENT'
                    ? `${source.file} does not exist`
                    : `${source.file} cannot be read (${code ?? (0,errors/* errorMessage */.gJ)(error)})`);
            }
            const value = text.replace(/\r?\n$/, '');
            if (value.trim() === '')
                throw new Error(`${source.file} is empty`);
            return value;
        }
        const value = env[source.env];
        if (value === undefined || value === '')
            throw new Error(`the environment variable ${source.env} is not set`);
        return value;
    };
}
/** One line per event: `<time> <app> job <id> <event> <version> key=value…`, or JSON. */
function eventLogger(format, write, now = Date.now) {
    return (event) => {
        const time = new Date(now()).toISOString();
        const { event: name, level = 'info', app, job, ...rest } = event;
        if (format === 'json') {
            write(JSON.stringify({ time, level, event: name, app, job, ...rest }) + '\n');
            return;
        }
        const { version, message, ...fields } = rest;
        const words = [
            time,
            ...(level !== 'info' ? [level.toUpperCase()] : []),
            app ?? '-',
            ...(job ? [`job ${job}`] : []),
            name,
            ...(version !== undefined ? [String(version)] : []),
            ...Object.entries(fields)
                .filter(([, v]) => v !== undefined)
                .map(([k, v]) => `${k}=${word(v)}`),
            ...(message !== undefined ? [String(message)] : [])
        ];
        write(words.join(' ').replace(/[\r\n]+/g, ' ') + '\n');
    };
}
const word = (value) => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return /^[^\s"=]*$/.test(text) ? text : JSON.stringify(text);
};
async function serve(config, write, deps) {
    const clock = lib_clock/* realClock */.d;
    const log = eventLogger(config.logFormat, (line) => write.err(line));
    // First of all: a stop from now on is a stop asked for, never the default death by signal (a
    // recovery killed midway would leave its rollback half done).
    let stopping;
    const signal = (deps.stopSignal ?? stopSignal()).then((name) => {
        // A second signal ends the steps' process groups at once, then the agent.
        if (!deps.stopSignal)
            endStepsOnSignal();
        return (stopping = name);
    });
    let lock;
    try {
        lock = await lockStateDir(config.stateDir);
    }
    catch (error) {
        log({ event: 'refused', level: 'error', message: (0,errors/* errorMessage */.gJ)(error) });
        return 1;
    }
    try {
        const store = await AgentStore.open(config.stateDir, { clock });
        const deployer = createDeployer({
            stateDir: config.stateDir,
            configDir: (0,external_node_path_.dirname)(config.file),
            clock,
            onEvent: log
        });
        const recovery = recover(config, store, deployer, log, () => stopping !== undefined);
        const first = await Promise.race([recovery.then(() => undefined), signal]);
        if (first !== undefined) {
            log({ event: 'stopping', signal: first, message: 'during recovery: its step may finish' });
            let timer;
            const ended = await Promise.race([
                recovery.then(() => true),
                new Promise((resolve) => (timer = setTimeout(() => resolve(false), STOP_GRACE_MS)))
            ]);
            clearTimeout(timer);
            await store.flush();
            log({
                event: 'stopped',
                level: 'warn',
                message: ended
                    ? 'recovery stopped between steps (it goes on at the next start)'
                    : 'recovery was still running (it goes on at the next start)'
            });
            return 0;
        }
        return await run(config, { store, deployer, log, clock, signal, deps });
    }
    finally {
        await lock.release();
    }
}
/** Recovers the runs an earlier agent was stopped in the middle of, and logs what it did. */
async function recover(config, store, deployer, log, stopping) {
    const clock = lib_clock/* realClock */.d;
    const recovered = await recoverInterrupted({
        stateDir: config.stateDir,
        apps: config.apps,
        deployer,
        clock,
        newJobId: newJobId,
        stopping,
        endJob: async (id, result) => {
            const record = store.job(id);
            if (!record)
                return;
            await store.saveJob({
                ...record,
                state: result.state,
                ...(result.version !== undefined ? { version: result.version } : {}),
                ...(result.before !== undefined ? { before: result.before } : {}),
                ...(result.after !== undefined ? { after: result.after } : {}),
                ...(result.message !== undefined ? { message: result.message } : {}),
                endedAt: record.endedAt ?? new Date(clock.now()).toISOString(),
                log: result.state === 'failed' ? [...record.log, result.message ?? ''] : record.log
            });
        },
        onJob: (job) => void store
            .saveJob({ ...job, log: [...job.log] })
            .catch((error) => log({ event: 'store-failed', level: 'error', job: job.id, error: (0,errors/* errorMessage */.gJ)(error) })),
        log: (app, line) => log({ event: 'recovery', app, message: line })
    });
    for (const r of recovered)
        log({
            event: 'recovered',
            level: r.rollback?.result.state === 'failed' ? 'error' : 'warn',
            app: r.app,
            job: r.job,
            message: r.message
        });
}
/** Serves webhooks and polls until the stop signal. */
async function run(config, parts) {
    const { store, deployer, log, clock, deps } = parts;
    const queue = new JobQueue({
        deployer,
        store,
        clock,
        maxPending: config.maxPending,
        apps: config.apps,
        log
    });
    const server = await startAgentServer(config, { deployer, store, queue, clock, log });
    deps.onListening?.(server.url);
    const poller = startPoller({
        apps: config.apps,
        deployer,
        stateDir: config.stateDir,
        enqueue: async (app, request, resolved) => {
            const result = await queue.submit(app, 'poll', request, resolved);
            return result.ok ? { job: result.job.id } : { error: result.reason };
        },
        log: (app, line, level) => log({ event: 'poll', level, app, message: line })
    });
    const signal = await parts.signal;
    log({ event: 'stopping', signal, message: 'no new jobs; a running step may finish' });
    poller.stop();
    const clean = await server.close(STOP_GRACE_MS);
    // Never a step group left running: the run is recovered at the next start.
    if (!clean)
        await stepGroups.end({ graceMs: STEP_KILL_GRACE_MS });
    await store.flush();
    log({
        event: 'stopped',
        level: clean ? 'info' : 'warn',
        message: clean ? 'nothing left running' : 'a run was still going (recovered at next start)'
    });
    return 0;
}
function stopSignal() {
    return new Promise((resolveSignal) => {
        const on = (name) => {
            process.off('SIGTERM', onTerm);
            process.off('SIGINT', onInt);
            resolveSignal(name);
        };
        const onTerm = () => on('SIGTERM');
        const onInt = () => on('SIGINT');
        process.once('SIGTERM', onTerm);
        process.once('SIGINT', onInt);
    });
}
async function install(file, values, env, write) {
    const user = String(values.user ?? env.SUDO_USER ?? (0,external_node_os_.userInfo)().username);
    const problem = userProblem(user);
    if (problem) {
        write.err(`error: ${problem}\n`);
        return 1;
    }
    const home = homeOf(user);
    // `~/` in the config is the service user's home, not the installer's.
    const config = await loadConfig(file, env, home, write);
    if (!config)
        return 1;
    const bin = (0,external_node_path_.resolve)(String(values.bin ?? process.argv[1] ?? 'gantry'));
    try {
        const lines = await installUnit({
            configFile: file,
            config,
            user,
            node: process.execPath,
            bin,
            home,
            unitDir: String(values['unit-dir'] ?? '/etc/systemd/system')
        });
        write.out(lines.map((l) => `${l}\n`).join(''));
        return 0;
    }
    catch (error) {
        write.err(`error: ${(0,errors/* errorMessage */.gJ)(error)}\n`);
        return 1;
    }
}
/** A user's home from /etc/passwd; this process's own for itself or when not listed. */
function homeOf(user) {
    if (user === (0,external_node_os_.userInfo)().username)
        return (0,external_node_os_.homedir)();
    try {
        const line = (0,external_node_fs_.readFileSync)('/etc/passwd', 'utf8')
            .split('\n')
            .find((l) => l.split(':')[0] === user);
        const home = line?.split(':')[5];
        if (home)
            return home;
    }
    catch {
        // No passwd file: fall back.
    }
    return `/home/${user}`;
}


/***/ }),

/***/ 16085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ matchesGlob)
/* harmony export */ });
/* unused harmony export globToRegExp */
/**
 * Branch patterns: `*` matches within one path segment, `**` across segments, `?` one character;
 * everything else is literal. `release/*` matches `release/1.2`, not `release/1.2/hotfix`.
 */
function globToRegExp(pattern) {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else
            source += c.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
}
function matchesGlob(pattern, value) {
    return globToRegExp(pattern).test(value);
}


/***/ }),

/***/ 91076:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ YamlPathError),
/* harmony export */   parseYaml: () => (/* binding */ parseYaml),
/* harmony export */   u: () => (/* binding */ validateYaml)
/* harmony export */ });
/* harmony import */ var js_yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33243);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/**
 * YAML for settings files and inputs. Parsing uses js-yaml (about 5 ms to load); a validation
 * error points at a path, and only then is the `yaml` package (about 20 ms to load, but it keeps
 * source positions) loaded to turn that path into a line number. So a valid file costs little,
 * and an invalid one still says `file:line`. Both parse with the YAML 1.2 core schema.
 */


/** A problem at a place in a document; `at: 'key'` points at the key rather than its value. */
class YamlPathError extends Error {
    path;
    at;
    constructor(path, message, at = 'value') {
        super(message);
        this.path = path;
        this.at = at;
    }
}
function parseYaml(text, source, options = {}) {
    try {
        return (0,js_yaml__WEBPACK_IMPORTED_MODULE_0__.load)(text, { schema: options.strings ? js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .FAILSAFE_SCHEMA */ .uH : js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .CORE_SCHEMA */ .OU }) ?? null;
    }
    catch (error) {
        if (error instanceof js_yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLException */ .tB) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${source}:${error.mark.line + 1}: invalid YAML: ${error.reason}`);
        }
        throw error;
    }
}
/** Runs a validator over parsed YAML; its YamlPathError becomes `source:line: message`. */
async function validateYaml(text, source, validate, options = {}) {
    const value = parseYaml(text, source, options);
    try {
        return validate(value);
    }
    catch (error) {
        if (!(error instanceof YamlPathError))
            throw error;
        const line = await lineOf(text, error.path, error.at);
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${line === undefined ? source : `${source}:${line}`}: ${error.message}`);
    }
}
async function lineOf(text, path, at) {
    const { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar } = await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines });
    let node = doc.contents;
    let keyNode;
    for (const step of path) {
        if (isMap(node)) {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
            keyNode = pair?.key;
            node = pair?.value ?? keyNode;
        }
        else if (isSeq(node) && typeof step === 'number') {
            node = node.items[step];
            keyNode = node;
        }
        else
            break;
    }
    const target = (at === 'key' ? keyNode : node) ?? keyNode ?? node;
    const offset = target?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
}


/***/ })

};
