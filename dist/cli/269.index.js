export const id = 269;
export const ids = [269];
export const modules = {

/***/ 73853:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lr: () => (/* binding */ readReleaseSettings),
/* harmony export */   mc: () => (/* reexport safe */ _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__.m),
/* harmony export */   sb: () => (/* binding */ readSettings),
/* harmony export */   t0: () => (/* binding */ hostPlanOf)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _core_docker_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(58003);
/* harmony import */ var _core_hosts_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(93848);
/* harmony import */ var _deploy_targets_index_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(45842);
/* harmony import */ var _core_deploy_proxy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17915);
/* harmony import */ var _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94738);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(97268);
/* harmony import */ var _lib_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(51662);
/* harmony import */ var _lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(16014);
/* harmony import */ var _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(26407);
/** The inputs of `ssh-deploy`, read once and validated before anything connects. */













const FINGERPRINT = /^SHA256:[A-Za-z0-9+/]{43}=?$/;
const APP = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const STACK = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
function hostList(inputs) {
    const raw = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts) ?? '';
    let items;
    if (raw.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(raw);
        }
        catch {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, raw, 'a JSON array of `user@host[:port]` (as `environment` outputs), or one host per line');
        }
        if (!Array.isArray(parsed) || !parsed.every((h) => typeof h === 'string')) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, raw, 'a JSON array of strings');
        }
        items = parsed;
    }
    else
        items = (0,_lib_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .splitList */ .ry)(raw);
    if (items.length === 0)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, raw, `at least one host, ${_core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .HOST_SPEC_EXPECTED */ .eS}`);
    const hosts = items.map((item) => {
        const spec = (0,_core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .parseHostSpec */ .nn)(item);
        if (!spec)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, item, _core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .HOST_SPEC_EXPECTED */ .eS);
        return spec;
    });
    const seen = new Set();
    for (const h of hosts) {
        const name = (0,_core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .formatHostSpec */ .BB)(h);
        if (seen.has(name))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, name, 'each host once');
        seen.add(name);
    }
    return hosts;
}
function fingerprints(inputs, name, count) {
    const list = inputs.list(name);
    for (const f of list)
        if (!FINGERPRINT.test(f))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, f, 'a fingerprint such as `SHA256:` + 43 base64 characters (as `ssh-keygen -lf` prints it)');
    if (list.length === 0)
        return Array.from({ length: count }, () => []);
    if (list.length === 1)
        return Array.from({ length: count }, () => list);
    if (list.length !== count) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, list.join(', '), `one fingerprint for all hosts, or one per host (${count})`);
    }
    return list.map((f) => [f]);
}
function envLines(inputs) {
    const lines = (inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.env) ?? '')
        .split(/\r?\n/)
        .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    for (const line of lines) {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!ENV_KEY.test(key))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.env, line, 'KEY=VALUE lines with keys matching [A-Za-z_][A-Za-z0-9_]*');
    }
    return (lines.map((l) => l.replace(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/, '$1=')).join('\n') +
        (lines.length ? '\n' : ''));
}
/**
 * `image`: the repository to deploy, whose tag is `version` (on CircleCI, the `version` command's
 * output): the release's env gets `IMAGE=<image>:<version>` and `IMAGE_TAG=<version>`, as
 * `gantry agent` sets them, so the tag deployed is the one that was built and pushed, never one
 * composed by hand beside it. Undefined without `image`.
 */
function imageRepository(inputs, env, rollingBack) {
    const text = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image);
    if (text === undefined)
        return undefined;
    const parsed = (0,_core_docker_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseImageReference */ .o_)(text);
    if ('error' in parsed)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image, text, parsed.error);
    if (parsed.reference.tag !== undefined || parsed.reference.digest !== undefined)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image, text, `a repository without a tag or digest (\`${parsed.name}\`): the tag is \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.version}\``);
    for (const key of ['IMAGE', 'IMAGE_TAG'])
        if (envValue(env, key) !== undefined)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.env, `${key}=${envValue(env, key)}`, `no ${key} line with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image}\` (the release gets IMAGE=<image>:<version> and IMAGE_TAG=<version>)`);
    if (rollingBack)
        return undefined; // a rollback runs the kept release's own .env
    const version = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.version) ?? envValue(env, 'VERSION');
    if (version === undefined || !(0,_core_docker_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .isValidTag */ .r_)(version))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.version, version ?? '', `the image tag to deploy with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image}\` (letters, digits, \`_\`, \`.\`, \`-\`; on CircleCI the \`version\` command's output fills it)`);
    return parsed.name;
}
function envValue(env, key) {
    return env
        .split('\n')
        .find((l) => l.startsWith(`${key}=`))
        ?.slice(key.length + 1);
}
const BLUE_GREEN_ONLY = [
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyDriver,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routeHost,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routePath,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyOptions,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.drainTimeout,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.postDeployTest
];
/** `strategy` and its inputs: blue-green only on the compose target, its inputs only with it. */
function strategyOf(inputs, target) {
    const strategy = inputs.choice(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.strategy, ['recreate', 'blue-green'], 'recreate');
    if (strategy === 'recreate') {
        for (const name of BLUE_GREEN_ONLY) {
            const value = inputs.optional(name);
            if (value !== undefined)
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, value, `'${name}' only with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.strategy}: blue-green\``);
        }
        return { strategy };
    }
    if (target !== 'compose')
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.strategy, strategy, `\`recreate\` with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: ${target}\` (blue-green is for \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: compose\`; a swarm rolls its services out itself)`);
    const proxy = inputs.choice(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyDriver, ['haproxy', 'nginx'], 'haproxy');
    const route = {};
    const hostText = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routeHost);
    if (hostText !== undefined) {
        const parsed = (0,_core_deploy_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRouteHost */ .ri)(hostText);
        if ('error' in parsed)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routeHost, hostText, parsed.error);
        route.host = parsed.host;
    }
    const pathText = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routePath);
    if (pathText !== undefined) {
        const parsed = (0,_core_deploy_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .parseRoutePath */ .e$)(pathText);
        if ('error' in parsed)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.routePath, pathText, parsed.error);
        route.path = parsed.path;
    }
    const options = (inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyOptions) ?? '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    for (const line of options) {
        const problem = (0,_core_deploy_proxy_js__WEBPACK_IMPORTED_MODULE_5__/* .optionProblem */ .DA)(proxy, line);
        if (problem)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyOptions, line, problem);
    }
    const previewToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(16).toString('hex');
    return {
        strategy,
        blueGreen: {
            proxy,
            route,
            options,
            drainTimeoutMs: inputs.duration(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.drainTimeout, 30_000),
            postDeployTest: inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.postDeployTest),
            previewToken
        }
    };
}
/** `target` and `stack`: a swarm takes one manager, and only a swarm has a stack. */
function targetOf(inputs, hosts, app) {
    const target = inputs.choice(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target, _deploy_targets_index_js__WEBPACK_IMPORTED_MODULE_4__/* .HOST_TARGET_NAMES */ .YK, 'compose');
    const stack = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.stack);
    if (target !== 'swarm') {
        if (stack !== undefined)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.stack, stack, `a stack name only with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: swarm\``);
        return { target };
    }
    if (hosts.length !== 1)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.hosts, hosts.map(_core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .formatHostSpec */ .BB).join(', '), `one swarm manager with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: swarm\` (the swarm places the services on its nodes)`);
    if (stack !== undefined && !STACK.test(stack))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.stack, stack, 'a stack name of letters, digits, `_` and `-`, starting with a letter or digit (at most 63)');
    return { target, stack: stack ?? app };
}
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
// ssh://…, git+ssh://…, https://…, git://…, file://…, scp-like user@host:path, or an absolute path.
const REPOSITORY = /^(?:(?:ssh|git\+ssh|ssh\+git|https?|git|file):\/\/[^\s]+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\s]+|[A-Za-z0-9.-]+:[^\s/][^\s]*|\/[^\s]*)$/;
const REPOSITORY_EXPECTED = 'a git URL the hosts can fetch: `git@host:org/app.git`, `ssh://…`, `https://…`, `git://…`, `file://…` or an absolute path';
/** A branch or tag name as git accepts it (check-ref-format), without anything a shell or git option could take. */
function isRefName(ref) {
    return (!/[\s~^:?*[\\]/.test(ref) &&
        ![...ref].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127) &&
        !ref.startsWith('-') &&
        !ref.startsWith('/') &&
        !ref.endsWith('/') &&
        !ref.endsWith('.') &&
        !ref.endsWith('.lock') &&
        !ref.includes('..') &&
        !ref.includes('@{') &&
        !ref.includes('//') &&
        ref !== '@');
}
function pathList(inputs, name) {
    const list = inputs.list(name);
    for (const path of list)
        if (!(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__/* .isLinkablePath */ .Ac)(path))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, path, 'paths relative to the release, inside it (no leading `/`, no `..`), e.g. `.env` or `public/uploads`');
    return list.map((p) => p.replace(/\/+$/, ''));
}
/** The inputs that belong to one target only: given with another, they would silently do nothing. */
const GIT_ONLY = [
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repository,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.commit,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKnownHosts,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.build,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.restart,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedFiles,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedDirs
];
const NOT_WITH_GIT = [
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.version,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.env,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.image,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registry,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryUsername,
    _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryPassword
];
function gitSettings(inputs, target, defaultCommit, rollingBack) {
    if (target !== 'git') {
        for (const name of GIT_ONLY) {
            const value = name === _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey ? inputs.secret(name) : inputs.optional(name);
            if (value !== undefined)
                throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, name === _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey ? '***' : value, `nothing with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: ${target}\` (it is an input of \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: git\`)`);
        }
        return undefined;
    }
    for (const name of NOT_WITH_GIT) {
        const value = name === _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryPassword ? inputs.secret(name) : inputs.optional(name);
        if (value !== undefined)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(name, name === _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryPassword ? '***' : value, `nothing with \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.target}: git\` (the release is the repository's commit; shared files such as \`.env\` go in \`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedFiles}\`)`);
    }
    const repository = inputs.required(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repository, REPOSITORY_EXPECTED);
    if (!REPOSITORY.test(repository) || repository.startsWith('-'))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repository, repository, REPOSITORY_EXPECTED);
    const ssh = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__/* .isSshRepository */ .ti)(repository);
    const key = inputs.secret(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey);
    if (key !== undefined && !PRIVATE_KEY.test(key))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey, '***', 'a private key in PEM or OpenSSH format (the content of a read-only deploy key, not a path)');
    if (key !== undefined && !ssh)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKey, '***', `a deploy key only with an SSH repository (\`${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repository}\` is ${repository})`);
    const knownHostsText = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKnownHosts);
    if (ssh) {
        const { entries, invalidLines } = (0,_lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_9__/* .parseKnownHosts */ .uJ)(knownHostsText ?? '');
        if (invalidLines.length || entries.length === 0)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.repositoryKnownHosts, invalidLines.length ? `line ${invalidLines.join(', ')}` : (knownHostsText ?? ''), "the git server's known_hosts lines (e.g. the verified output of `ssh-keyscan github.com`): its host key is checked like a deploy host's");
    }
    // A rollback deploys a kept release: no commit needed.
    const ref = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.commit) ?? defaultCommit ?? (rollingBack ? 'HEAD' : undefined);
    if (ref === undefined)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.commit, '', "the commit to deploy (a full commit id, a branch or a tag); by default the run's commit, which this CI did not give");
    if (!_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__/* .FULL_COMMIT */ .eI.test(ref.toLowerCase()) && !isRefName(ref))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.commit, ref, 'a full commit id, a branch or a tag name');
    const files = pathList(inputs, _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedFiles);
    const dirs = pathList(inputs, _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedDirs);
    const seen = new Set();
    for (const path of [...files, ...dirs]) {
        if (seen.has(path))
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.linkedFiles, path, 'each linked path once, as a file or a directory');
        seen.add(path);
    }
    return {
        source: { repository, ...(ssh ? { knownHosts: knownHostsText } : {}), ...(key ? { key } : {}) },
        ref: _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__/* .FULL_COMMIT */ .eI.test(ref.toLowerCase()) ? ref.toLowerCase() : ref,
        build: inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.build),
        restart: inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.restart),
        linked: { files, dirs }
    };
}
function readSettings(inputs, workspace, context = {}) {
    const hosts = hostList(inputs);
    const connection = readConnection(inputs, hosts);
    return { ...readReleaseSettings(inputs, workspace, context, hosts), ...connection };
}
function readConnection(inputs, hosts) {
    const key = inputs.secret(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.key);
    if (key === undefined)
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.key, '', 'the private key (its content, e.g. from a secret)');
    if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.key, '***', 'a private key in PEM or OpenSSH format (the content, not a path)');
    const passphrase = inputs.secret(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.passphrase);
    const insecure = inputs.boolean(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.insecure, false);
    const knownHostsText = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.knownHosts) ?? '';
    const { entries, invalidLines } = (0,_lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_9__/* .parseKnownHosts */ .uJ)(knownHostsText);
    if (invalidLines.length) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.knownHosts, `line ${invalidLines.join(', ')}`, 'known_hosts lines: `host[,host] keytype base64-key` (as `ssh-keyscan` prints them)');
    }
    const hostFingerprints = fingerprints(inputs, _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.fingerprint, hosts.length);
    if (!insecure && entries.length === 0 && hostFingerprints.every((f) => f.length === 0)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`Host-key checking is on: set input '${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.knownHosts}' (e.g. the output of \`ssh-keyscan -H host\`, verified) or '${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.fingerprint}' (SHA256:…), or turn checking off with '${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.insecure}: true'.`);
    }
    const proxyText = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyJump);
    let proxy;
    if (proxyText !== undefined) {
        const spec = (0,_core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .parseHostSpec */ .nn)(proxyText);
        if (!spec)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyJump, proxyText, _core_hosts_js__WEBPACK_IMPORTED_MODULE_11__/* .HOST_SPEC_EXPECTED */ .eS);
        proxy = {
            spec,
            key: inputs.secret(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyKey) ?? key,
            fingerprints: fingerprints(inputs, _core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.proxyFingerprint, 1)[0] ?? []
        };
    }
    return {
        key,
        passphrase,
        trust: insecure ? 'insecure' : { entries, fingerprints: hostFingerprints },
        proxy
    };
}
/**
 * Everything but the connection, for `hosts` (already read): the target, the release, health,
 * rollback, locks. ssh-deploy reads it after the connection; `gantry agent` alone, from an app's
 * inputs, for the one host it runs on.
 */
function readReleaseSettings(inputs, workspace, context, hosts) {
    const app = inputs.required(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.app, 'the application name');
    if (!APP.test(app))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.app, app, 'a name of lowercase letters, digits, `_` and `-` (it names the compose project)');
    const { target, stack } = targetOf(inputs, hosts, app);
    const { strategy, blueGreen } = strategyOf(inputs, target);
    const path = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.path) ?? `~/gantry/${app}`;
    if (/[\0\n]/.test(path))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.path, path, 'a directory path on one line');
    const rollbackTo = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.rollbackTo);
    const git = gitSettings(inputs, target, context.sha, rollbackTo !== undefined);
    if (git &&
        rollbackTo !== undefined &&
        rollbackTo !== 'previous' &&
        !/^[0-9a-fA-F]{4,64}$/.test(rollbackTo))
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.rollbackTo, rollbackTo, '`previous` or a commit id (at least its first 4 characters) of a release kept on the hosts');
    let composeFile;
    if (rollbackTo === undefined && !git) {
        const file = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.composeFile) ?? 'docker-compose.yml';
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(file) ? file : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(workspace, file);
        try {
            composeFile = { path: file, content: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(full, 'utf8') };
        }
        catch {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.composeFile, file, `a compose file in the workspace (${full} cannot be read)`);
        }
    }
    let env = envLines(inputs);
    const image = envValue(env, 'IMAGE');
    const repository = imageRepository(inputs, env, rollbackTo !== undefined);
    const version = git
        ? _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_10__/* .FULL_COMMIT */ .eI.test(git.ref)
            ? git.ref.slice(0, 7)
            : git.ref
        : (inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.version) ??
            envValue(env, 'IMAGE_TAG') ??
            envValue(env, 'VERSION') ??
            (image && (0,_core_docker_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .tagOf */ .cO)(image)) ??
            'unversioned');
    if (repository !== undefined)
        env += `IMAGE=${repository}:${version}\nIMAGE_TAG=${version}\n`;
    const server = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registry);
    const username = inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryUsername);
    const password = inputs.secret(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryPassword);
    if ((username === undefined) !== (password === undefined) ||
        (username !== undefined && server === undefined)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .InputError */ .dz(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registry, server ?? '', `'${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registry}', '${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryUsername}' and '${_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.registryPassword}' together`);
    }
    const healthUrl = inputs.url(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.healthUrl, 'an http(s) URL, checked from the host');
    return {
        target,
        stack,
        git,
        strategy,
        blueGreen,
        hosts,
        app,
        path,
        composeFile,
        env,
        version,
        registry: server && username && password ? { server, username, password } : undefined,
        healthUrl,
        healthTimeoutMs: inputs.duration(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.healthTimeout, 60_000),
        preDeploy: inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.preDeploy),
        postDeploy: inputs.optional(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.postDeploy),
        maxParallel: inputs.integer(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.maxParallel, { min: 0, max: 1000 }) ?? 0,
        onHostFailure: inputs.choice(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.onHostFailure, ['continue', 'stop'], 'continue'),
        rollback: inputs.boolean(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.rollback, true),
        rollbackTo,
        keepReleases: inputs.integer(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.keepReleases, { min: 1, max: 100 }) ?? 5,
        lockTimeoutMs: inputs.duration(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.lockTimeout, 600_000),
        lockStaleSeconds: Math.round(inputs.duration(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.lockStaleAfter, 1_800_000) / 1000),
        dryRun: inputs.boolean(_core_deploy_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .INPUTS */ .m.dryRun, false),
        token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).toString('hex')
    };
}
/** What every host is asked to do, from the settings: ssh-deploy's plan, and `gantry agent`'s. */
function hostPlanOf(settings, owner) {
    return {
        layout: { dir: settings.path, project: settings.app },
        mode: settings.rollbackTo
            ? { kind: 'rollback', to: settings.rollbackTo }
            : {
                kind: 'deploy',
                version: settings.version,
                composeFile: settings.composeFile?.content ?? '',
                env: settings.env,
                registry: settings.registry,
                preDeploy: settings.preDeploy,
                postDeploy: settings.postDeploy
            },
        healthUrl: settings.healthUrl,
        healthTimeoutMs: settings.healthTimeoutMs,
        rollback: settings.rollback,
        keepReleases: settings.keepReleases,
        lockTimeoutMs: settings.lockTimeoutMs,
        lockStaleSeconds: settings.lockStaleSeconds,
        owner,
        token: settings.token
    };
}


/***/ }),

/***/ 26407:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ gitInspectStep),
/* harmony export */   Ac: () => (/* binding */ isLinkablePath),
/* harmony export */   Ax: () => (/* binding */ shortCommit),
/* harmony export */   BS: () => (/* binding */ fetchStep),
/* harmony export */   C6: () => (/* binding */ parseGitInspect),
/* harmony export */   Cx: () => (/* binding */ ancestorStep),
/* harmony export */   Dp: () => (/* binding */ previousGood),
/* harmony export */   Hl: () => (/* binding */ markBadStep),
/* harmony export */   Qs: () => (/* binding */ gitRollbackTarget),
/* harmony export */   R0: () => (/* binding */ buildStep),
/* harmony export */   RA: () => (/* binding */ historyStep),
/* harmony export */   Vp: () => (/* binding */ linkStep),
/* harmony export */   W5: () => (/* binding */ rollbackCandidate),
/* harmony export */   ap: () => (/* binding */ atomicSwitchStep),
/* harmony export */   eI: () => (/* binding */ FULL_COMMIT),
/* harmony export */   pE: () => (/* binding */ resolveStep),
/* harmony export */   qK: () => (/* binding */ parseResolve),
/* harmony export */   se: () => (/* binding */ restartStep),
/* harmony export */   td: () => (/* binding */ pruneGitStep),
/* harmony export */   ti: () => (/* binding */ isSshRepository),
/* harmony export */   uD: () => (/* binding */ discardGitReleaseStep),
/* harmony export */   vU: () => (/* binding */ checkoutStep)
/* harmony export */ });
/* unused harmony exports REPO_CACHE, SHARED, BAD, HISTORY, REVISION, refCandidates */
/* harmony import */ var _lib_shell_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(66861);
/* harmony import */ var _releases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76933);
/* harmony import */ var _remote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60453);
/**
 * `target: git`, as data: every command a git release runs on a host, and the decisions taken
 * from what the host printed. Pure; src/deploy/targets/git.ts runs these steps.
 *
 * On the host, beside the shared layout (releases/<id>, current, .lock):
 *   repo/            a bare cache of the repository: each deploy fetches only what it lacks
 *   releases/<id>/   one exact commit, extracted from the cache (`git archive`): never a pull or a
 *                    merge in a live tree; REVISION holds the full commit id (as Capistrano's does)
 *   shared/          linked files and directories (`.env`, uploads, logs), symlinked into each release
 *   bad/<id>         a release that failed: automatic rollbacks and `rollback-to: previous` skip it
 *   revisions.log    the history, one JSON object per line: what ran, which commit, who, when
 *
 * The deploy key reaches the host on stdin only, is written to a file in a fresh 0700 temp dir
 * (umask 077), used by the fetch alone through GIT_SSH_COMMAND with the git server's host key
 * checked against the known_hosts given, and removed when the step ends, however it ends.
 */



const REPO_CACHE = 'repo';
const SHARED = 'shared';
const BAD = 'bad';
const HISTORY = 'revisions.log';
const REVISION = 'REVISION';
const at = _remote_js__WEBPACK_IMPORTED_MODULE_1__/* .dirOf */ .Rw;
/** The short form of a commit id, as `version` and the outputs show it. */
const shortCommit = (commit) => commit.slice(0, 7);
const FULL_COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Whether the repository is reached over SSH (`ssh://…` or scp-like `user@host:path`). */
function isSshRepository(repository) {
    if (/^(?:ssh|git\+ssh|ssh\+git):\/\//.test(repository))
        return true;
    // scp-like `[user@]host:path`: a colon before any slash, and no `scheme://`
    return !repository.includes('://') && /^[^/]+:/.test(repository);
}
/**
 * The git server's SSH options, for GIT_SSH_COMMAND: the key from the temp dir only (no agent,
 * no other identity), batch mode, the host key checked against the given known_hosts and no
 * other file. Git runs this through sh; $k is the temp dir.
 */
const SSH_COMMAND = 'ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -o UserKnownHostsFile=\\"$k/known_hosts\\" ' +
    '-o GlobalKnownHostsFile=/dev/null -o IdentityAgent=none';
/**
 * A script running `commands` (git commands that reach the repository) with its credentials:
 * the known_hosts and the key (stdin) in a private temp dir, removed on exit, on a signal too.
 */
function withCredentials(source, name, body) {
    const ssh = isSshRepository(source.repository);
    if (!ssh && source.key === undefined)
        return { name, script: ['export GIT_TERMINAL_PROMPT=0', ...body].join('\n') };
    const setup = [
        'umask 077',
        'k=$(mktemp -d "${TMPDIR:-/tmp}/gantry-git.XXXXXXXX") || exit 1',
        `trap 'rm -rf "$k"' EXIT`,
        `trap 'exit 129' HUP INT TERM`,
        'export GIT_TERMINAL_PROMPT=0'
    ];
    if (ssh) {
        const lines = (source.knownHosts ?? '').split('\n').filter((l) => l.trim());
        setup.push(`printf '%s\\n' ${lines.map(_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD).join(' ')} > "$k/known_hosts"`);
    }
    const identity = source.key !== undefined ? ' -o IdentitiesOnly=yes -i \\"$k/key\\"' : '';
    if (source.key !== undefined)
        setup.push('cat > "$k/key"');
    if (ssh)
        setup.push(`export GIT_SSH_COMMAND="${SSH_COMMAND}${identity}"`);
    return {
        name,
        script: [...setup, ...body].join('\n'),
        ...(source.key !== undefined
            ? { stdin: source.key.endsWith('\n') ? source.key : `${source.key}\n`, secretStdin: true }
            : {})
    };
}
/** The refs `ref` may name, the way git itself prefers them: a tag before a branch. */
function refCandidates(ref) {
    return ref.startsWith('refs/') ? [ref] : [`refs/tags/${ref}`, `refs/heads/${ref}`];
}
/** Resolves a branch or tag to its commit, once, at the start: what every host then deploys. */
function resolveStep(source, ref) {
    return withCredentials(source, `resolve ${ref}`, [
        (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellCommand */ .q$)(['git', 'ls-remote', '--', source.repository, ...refCandidates(ref)])
    ]);
}
/** The commit `ref` names in `git ls-remote` output (an annotated tag's peeled commit). */
function parseResolve(stdout, ref) {
    const refs = new Map();
    for (const line of stdout.split('\n')) {
        const [sha, name] = line.trim().split('\t');
        if (sha && name && FULL_COMMIT.test(sha))
            refs.set(name, sha);
    }
    for (const candidate of refCandidates(ref)) {
        const commit = refs.get(`${candidate}^{}`) ?? refs.get(candidate);
        if (commit)
            return { commit };
    }
    return { error: `no branch or tag named ${ref}` };
}
/**
 * Brings the commit into the host's cache: nothing to fetch when it is there already; else that
 * commit alone (protocol v2 servers serve any commit), else every branch and tag. Ends with the
 * commit in the cache, or fails saying it is not in the repository. A new cache is made beside
 * and renamed into place, so a failed first fetch leaves no half cache.
 */
function fetchStep(layout, source, commit) {
    const repo = at(layout, REPO_CACHE);
    const partial = at(layout, `.${REPO_CACHE}.partial`);
    const cmd = (...args) => `git --git-dir=${repo} ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellCommand */ .q$)(args)}`;
    const has = cmd('cat-file', '-e', `${commit}^{commit}`);
    const url = source.repository;
    return {
        ...withCredentials(source, `fetch ${shortCommit(commit)}`, [
            'set -e',
            `mkdir -p ${at(layout)}`,
            `if [ ! -f ${repo}/HEAD ]; then rm -rf ${partial}; git init -q --bare ${partial}; mv -T ${partial} ${repo}; fi`,
            `if ! ${has} 2>/dev/null; then`,
            `  ${cmd('fetch', '-q', '--no-tags', '--', url, `+${commit}:refs/gantry/${commit}`)} 2>/dev/null ||`,
            `  ${cmd('fetch', '-q', '--prune', '--', url, '+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*')}`,
            'fi',
            `${has} 2>/dev/null || { echo ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(`commit ${commit} is not in ${url}`)} >&2; exit 1; }`
        ])
    };
}
/**
 * The release directory: the commit's tree from the cache (`git archive`, no .git, no local
 * changes possible), its REVISION, built beside and renamed into place in one step, so a
 * release directory is either complete or absent.
 */
function checkoutStep(layout, release, commit) {
    const releases = at(layout, 'releases');
    const partial = at(layout, 'releases', `.${release}.partial`);
    const tar = at(layout, 'releases', `.${release}.tar`);
    return {
        name: `checkout ${shortCommit(commit)}`,
        script: [
            'set -e',
            `p=${partial}`,
            `t=${tar}`,
            `trap 'rm -rf "$p" "$t"' EXIT`,
            `mkdir -p ${releases}`,
            'rm -rf "$p" && mkdir "$p"',
            `git --git-dir=${at(layout, REPO_CACHE)} archive --format=tar -o "$t" ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(commit)}`,
            'tar -x -f "$t" -C "$p"',
            `printf '%s\\n' ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(commit)} > "$p"/${REVISION}`,
            `mv -T "$p" ${at(layout, 'releases', release)}`
        ].join('\n')
    };
}
/** A relative path inside the release: no `..`, not absolute, one line. */
function isLinkablePath(path) {
    const clean = path.replace(/\/+$/, '');
    return (clean !== '' &&
        !clean.startsWith('/') &&
        !/[\0\n\r]/.test(clean) &&
        clean.split('/').every((part) => part !== '' && part !== '.' && part !== '..'));
}
/**
 * Linked files and directories (Capistrano's linked_files / linked_dirs): each replaced in the
 * release by a symlink into shared/. A linked directory is created in shared/ when missing; a
 * linked file must exist there already (it holds what only the host has, such as `.env`).
 */
function linkStep(layout, release, linked) {
    const lines = ['set -e'];
    const link = (path) => {
        const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
        const target = at(layout, 'releases', release, path);
        if (parent !== '.')
            lines.push(`mkdir -p ${at(layout, 'releases', release, parent)}`);
        lines.push(`rm -rf ${target}`, `ln -s ${at(layout, SHARED, path)} ${target}`);
    };
    for (const dir of linked.dirs.map((d) => d.replace(/\/+$/, ''))) {
        lines.push(`mkdir -p ${at(layout, SHARED, dir)}`);
        link(dir);
    }
    for (const file of linked.files) {
        const message = `linked file ${SHARED}/${file} is missing on the host: create it in ${layout.dir}/${SHARED}/ first`;
        lines.push(`[ -e ${at(layout, SHARED, file)} ] || { echo ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .quote */ .hD)(message)} >&2; exit 1; }`);
        link(file);
    }
    return { name: 'link shared files', script: lines.join('\n') };
}
/** The user's build command (their own shell), in the new release, before it goes live. */
function buildStep(layout, release, command) {
    return { name: 'build', script: `cd ${at(layout, 'releases', release)} && ${command}` };
}
/** The compose target's atomic switch (remote.ts), named for the release it goes to. */
function atomicSwitchStep(layout, release) {
    return { ...(0,_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .switchStep */ .PS)(layout, release), name: `switch current to ${release}` };
}
/** The user's restart command (their own shell), run in `current`. */
function restartStep(layout, command) {
    return { name: 'restart', script: `cd ${at(layout, 'current')} && ${command}` };
}
/** Marks a release bad: automatic rollbacks and `rollback-to: previous` skip it from now on. */
function markBadStep(layout, release) {
    return {
        name: `mark ${release} bad`,
        script: `mkdir -p ${at(layout, BAD)} && : > ${at(layout, BAD, release)}`,
        mayFail: true
    };
}
/** Appends one line to the history (on stdin: data, never evaluated). */
function historyStep(layout, entry) {
    return {
        name: `record ${entry.event}`,
        script: `mkdir -p ${at(layout)} && cat >> ${at(layout, HISTORY)}`,
        stdin: JSON.stringify(entry) + '\n',
        mayFail: true
    };
}
/** Removes old release directories and their bad marks. */
function pruneGitStep(layout, releases) {
    const paths = releases.flatMap((r) => [at(layout, 'releases', r), at(layout, BAD, r)]);
    return {
        name: `prune ${releases.length} old release(s)`,
        script: releases.length ? `rm -rf ${paths.join(' ')}` : 'true',
        mayFail: true
    };
}
/**
 * A failed release that is not live: its directory goes at once (pruning runs only after a
 * success, and a host whose builds keep failing would fill its disk); its bad mark stays.
 */
function discardGitReleaseStep(layout, release) {
    return {
        name: `discard the failed release ${release}`,
        script: `rm -rf ${at(layout, 'releases', release)}`,
        mayFail: true
    };
}
// ---------------------------------------------------------------------------------------------
// reading the host
/** Prints the clock, whether git is there, `current`, the releases with their commits, bad marks. */
function gitInspectStep(layout) {
    const releases = at(layout, 'releases');
    return {
        name: 'inspect git releases',
        script: [
            `echo "now=$(date +%s)"`,
            `if command -v git >/dev/null 2>&1; then echo git=yes; fi`,
            `if [ -L ${at(layout, 'current')} ]; then echo "current=$(basename "$(readlink ${at(layout, 'current')})")"; fi`,
            `if [ -d ${releases} ]; then for d in ${releases}/*/; do [ -d "$d" ] || continue; r=$(basename "$d"); echo "release=$r"; ` +
                `if [ -f "$d"${REVISION} ]; then echo "revision=$r $(head -c 64 "$d"${REVISION})"; fi; done; fi`,
            `if [ -d ${at(layout, BAD)} ]; then for f in ${at(layout, BAD)}/*; do if [ -e "$f" ]; then echo "bad=$(basename "$f")"; fi; done; fi`
        ].join('\n')
    };
}
function parseGitInspect(stdout) {
    const base = (0,_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .parseInspect */ .E7)(stdout);
    const lines = stdout.split('\n').map((l) => l.trim());
    if (!lines.includes('git=yes'))
        return { problem: 'git is not installed on the host.' };
    const revisions = {};
    const bad = [];
    for (const line of lines) {
        const revision = /^revision=(\S+) ([0-9a-f]{40,64})$/.exec(line);
        if (revision && base.releases.includes(revision[1]))
            revisions[revision[1]] = revision[2];
        const mark = /^bad=(\S+)$/.exec(line);
        if (mark)
            bad.push(mark[1]);
    }
    return { ...base, revisions, bad };
}
/**
 * The release to fall back on: the newest release older than `than` (default: the current one)
 * that is not marked bad. With `than` the new release, `current` itself comes first when good.
 */
function previousGood(state, than) {
    const limit = than ?? state.current;
    const index = limit ? state.releases.indexOf(limit) : state.releases.length;
    const older = index < 0 ? state.releases : state.releases.slice(0, index);
    return older.filter((r) => !state.bad.includes(r)).at(-1);
}
/**
 * For an automatic rollback: `current` as it was if good, else the newest good one; never a
 * release of the commit that just failed (a deploy cut off midway may have left one current,
 * never found healthy).
 */
function rollbackCandidate(state, failed) {
    const good = (r) => !state.bad.includes(r) && (!failed || state.revisions[r] !== failed);
    if (state.current && good(state.current))
        return state.current;
    const index = state.current ? state.releases.indexOf(state.current) : state.releases.length;
    const older = index < 0 ? state.releases : state.releases.slice(0, index);
    return older.filter(good).at(-1);
}
/** `rollback-to: previous | <commit>`: a kept release, never a missing one. */
function gitRollbackTarget(state, to) {
    if (to === 'previous') {
        if (!state.current)
            return { error: 'no current release on the host' };
        const release = previousGood(state);
        return release
            ? { release }
            : { error: `no good release before ${state.current} is kept on the host` };
    }
    const prefix = to.toLowerCase();
    const kept = state.releases.filter((r) => state.revisions[r]?.startsWith(prefix));
    const release = kept.at(-1);
    if (release)
        return { release };
    const have = state.releases
        .map((r) => state.revisions[r])
        .filter((c) => Boolean(c))
        .map(shortCommit);
    return {
        error: `no release of commit ${to} is kept on the host (kept: ${have.join(', ') || 'none'})`
    };
}
/**
 * Whether `commit` is on the branch whose head is `head`, in the host's cache (fetchStep(head)
 * brought the head's whole history): exit 0 yes, 1 no. For a pushed commit the payload named:
 * the agent deploys the branch's head, never a commit only the payload vouches for.
 */
function ancestorStep(layout, commit, head) {
    const git = (...args) => `git --git-dir=${at(layout, REPO_CACHE)} ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .shellCommand */ .q$)(args)}`;
    return {
        name: `verify ${shortCommit(commit)} is on the branch`,
        script: `${git('cat-file', '-e', `${commit}^{commit}`)} 2>/dev/null && ${git('merge-base', '--is-ancestor', commit, head)}`,
        mayFail: true
    };
}


/***/ }),

/***/ 94738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ INPUTS)
/* harmony export */ });
/**
 * ssh-deploy's input names, in one pure module: the action reads them (src/actions/ssh-deploy/
 * settings.ts), and the agent's config (src/core/agent/config.ts) takes the same keys for its apps.
 */
const INPUTS = {
    hosts: 'hosts',
    key: 'key',
    passphrase: 'passphrase',
    knownHosts: 'known-hosts',
    fingerprint: 'fingerprint',
    insecure: 'insecure-skip-host-key-check',
    proxyJump: 'proxy-jump',
    proxyKey: 'proxy-key',
    proxyFingerprint: 'proxy-fingerprint',
    app: 'app',
    path: 'path',
    composeFile: 'compose-file',
    env: 'env',
    image: 'image',
    version: 'version',
    registry: 'registry',
    registryUsername: 'registry-username',
    registryPassword: 'registry-password',
    healthUrl: 'health-url',
    healthTimeout: 'health-timeout',
    preDeploy: 'pre-deploy',
    postDeploy: 'post-deploy',
    maxParallel: 'max-parallel',
    onHostFailure: 'on-host-failure',
    rollback: 'rollback',
    rollbackTo: 'rollback-to',
    keepReleases: 'keep-releases',
    lockTimeout: 'lock-timeout',
    lockStaleAfter: 'lock-stale-after',
    dryRun: 'dry-run',
    target: 'target',
    stack: 'stack',
    repository: 'repository',
    commit: 'commit',
    repositoryKey: 'repository-key',
    repositoryKnownHosts: 'repository-known-hosts',
    build: 'build',
    restart: 'restart',
    linkedFiles: 'linked-files',
    linkedDirs: 'linked-dirs',
    strategy: 'strategy',
    proxyDriver: 'proxy',
    routeHost: 'route-host',
    routePath: 'route-path',
    proxyOptions: 'proxy-options',
    drainTimeout: 'drain-timeout',
    postDeployTest: 'post-deploy-test'
};


/***/ }),

/***/ 17915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ slotHealthUrl),
/* harmony export */   DA: () => (/* binding */ optionProblem),
/* harmony export */   HH: () => (/* binding */ PREVIEW_HEADER),
/* harmony export */   Hh: () => (/* binding */ parseRecord),
/* harmony export */   NS: () => (/* binding */ assertHost),
/* harmony export */   Oi: () => (/* binding */ assertToken),
/* harmony export */   Pe: () => (/* binding */ recordText),
/* harmony export */   TA: () => (/* binding */ PROXY_DIR),
/* harmony export */   Uy: () => (/* binding */ slotProject),
/* harmony export */   Xy: () => (/* binding */ parseHostSettings),
/* harmony export */   _f: () => (/* binding */ SLOTS),
/* harmony export */   e$: () => (/* binding */ parseRoutePath),
/* harmony export */   f0: () => (/* binding */ idleSlot),
/* harmony export */   jx: () => (/* binding */ otherSlot),
/* harmony export */   kc: () => (/* binding */ RELEASE_HEADER),
/* harmony export */   kz: () => (/* binding */ slotEnv),
/* harmony export */   nV: () => (/* binding */ servedBy),
/* harmony export */   r_: () => (/* binding */ assertApps),
/* harmony export */   ri: () => (/* binding */ parseRouteHost),
/* harmony export */   sG: () => (/* binding */ routeOrder),
/* harmony export */   sd: () => (/* binding */ proxyUrl),
/* harmony export */   wr: () => (/* binding */ releaseLabel),
/* harmony export */   zZ: () => (/* binding */ appRecord)
/* harmony export */ });
/* unused harmony exports FIRST_SLOT_PORT, DEFAULT_LISTEN, ROUTE_HOST_EXPECTED, ROUTE_PATH_EXPECTED, describeRoute */
/* harmony import */ var _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58003);
/**
 * Blue-green behind a proxy, the data: each app has two slots (blue, green) on two ports of the
 * host, one of them live; the proxy's configuration is generated from these records and the
 * host's settings (haproxy.ts, nginx.ts), never by pasting an input into text. Everything that
 * reaches a configuration file is validated here first. Pure.
 */

const SLOTS = ['blue', 'green'];
const otherSlot = (slot) => (slot === 'blue' ? 'green' : 'blue');
/** Where Gantry keeps the proxy's files on a host (relative to the home of the SSH user). */
const PROXY_DIR = 'gantry-proxy';
/** The header the proxy adds to every response: the version the answering slot runs. */
const RELEASE_HEADER = 'X-Gantry-Release';
/** The header that reaches the idle slot before the switch; its value is a one-deploy secret. */
const PREVIEW_HEADER = 'X-Gantry-Preview';
/** First port Gantry hands out to slots (two per app: blue, then green). */
const FIRST_SLOT_PORT = 20000;
const DEFAULT_LISTEN = { haproxy: ':80', nginx: '80' };
const APP = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
const PATH = /^(?:\/[A-Za-z0-9._~-]+)+$/;
const ABSOLUTE_DIR = /^\/[A-Za-z0-9._/-]*$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;
const LISTEN = /^(?:(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d))?:?(\d{1,5})$/;
const TOKEN = /^[0-9a-f]{32}$/;
const ROUTE_HOST_EXPECTED = 'a host name such as `shop.example.com` (letters, digits, dots, hyphens)';
const ROUTE_PATH_EXPECTED = 'a path prefix such as `/shop` (segments of letters, digits, `.`, `_`, `~`, `-`; no trailing slash)';
/** The route's host, lowercased, or an error text. */
function parseRouteHost(text) {
    const host = text.trim().toLowerCase();
    return HOSTNAME.test(host) ? { host } : { error: ROUTE_HOST_EXPECTED };
}
function parseRoutePath(text) {
    const path = text.trim();
    return PATH.test(path) ? { path } : { error: ROUTE_PATH_EXPECTED };
}
/** The release header's value for a version: a docker-tag-safe form, never raw input. */
function releaseLabel(version) {
    return (0,_docker_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeTag */ .iP)(version) ?? 'release';
}
const HAPROXY_SECTIONS = /^(?:global|defaults|frontend|backend|listen|peers|resolvers|userlist|cache|program|http-errors|ring|mailers)$/i;
/**
 * Why a line of `proxy-options` cannot go into the app's section, or undefined. The lines are
 * the user's own configuration (validated whole by the proxy before anything goes live); these
 * checks only keep each inside the app's own section: one line each, no new section (HAProxy),
 * no block and balanced quotes (nginx).
 */
function optionProblem(driver, line) {
    if (/[\r\n\0]/.test(line))
        return 'one directive per line';
    const trimmed = line.trim();
    if (!trimmed)
        return 'a directive, not an empty line';
    if (driver === 'haproxy') {
        const word = trimmed.split(/\s+/)[0] ?? '';
        if (HAPROXY_SECTIONS.test(word))
            return `a directive of the app's backend, not a new section (${word})`;
        return undefined;
    }
    if (/[{}]/.test(trimmed))
        return "a directive of the app's location, without { or }";
    if (!trimmed.endsWith(';'))
        return 'an nginx directive ending with ;';
    for (const q of ['"', "'"])
        if ((trimmed.split(q).length - 1) % 2)
            return `balanced ${q} quotes`;
    return undefined;
}
/** Refuses anything that could break out of a configuration file: a bug or a tampered record. */
function assertApp(a) {
    const bad = (what, value) => {
        throw new Error(`proxy record of ${a.app}: invalid ${what} ${JSON.stringify(value)}`);
    };
    if (!APP.test(a.app))
        bad('app name', a.app);
    if (a.route.host !== undefined && !HOSTNAME.test(a.route.host))
        bad('route host', a.route.host);
    if (a.route.path !== undefined && !PATH.test(a.route.path))
        bad('route path', a.route.path);
    for (const slot of SLOTS) {
        const port = a.ports[slot];
        if (!Number.isInteger(port) || port < 1024 || port > 65535)
            bad(`${slot} port`, port);
        const release = a.releases[slot];
        if (release !== undefined && releaseLabel(release) !== release)
            bad(`${slot} release`, release);
    }
    if (a.live !== undefined && !SLOTS.includes(a.live))
        bad('live slot', a.live);
    if (a.proxy !== 'haproxy' && a.proxy !== 'nginx')
        bad('proxy', a.proxy);
    for (const line of a.options ?? [])
        if (optionProblem(a.proxy, line))
            bad('proxy option', line);
}
function assertHost(h) {
    if (!ABSOLUTE_DIR.test(h.dir) || h.dir.includes('//') || h.dir.includes('/../'))
        throw new Error(`proxy directory ${JSON.stringify(h.dir)} is not a plain absolute path`);
    if (!IPV4.test(h.upstreamHost))
        throw new Error(`upstreamHost ${JSON.stringify(h.upstreamHost)} in host.json is not an IPv4 address`);
    for (const driver of ['haproxy', 'nginx'])
        if (!LISTEN.test(h.listen[driver]))
            throw new Error(`${driver}.listen ${JSON.stringify(h.listen[driver])} in host.json is not [address]:port`);
}
function assertToken(token) {
    if (!TOKEN.test(token))
        throw new Error('the preview token must be 32 hex digits');
}
/** Checks every record and that no two apps claim the same route or the same port. */
function assertApps(apps) {
    apps.forEach(assertApp);
    const routes = new Map();
    const ports = new Map();
    for (const a of apps) {
        const key = `${a.proxy} ${a.route.host ?? '*'} ${a.route.path ?? '/'}`;
        const other = routes.get(key);
        if (other)
            throw new Error(`apps ${other} and ${a.app} have the same route (${describeRoute(a.route)}): give one a route-host or route-path of its own`);
        routes.set(key, a.app);
        for (const slot of SLOTS) {
            const owner = ports.get(a.ports[slot]);
            if (owner)
                throw new Error(`apps ${owner} and ${a.app} both use port ${a.ports[slot]}`);
            ports.set(a.ports[slot], a.app);
        }
    }
}
function describeRoute(route) {
    if (route.host && route.path)
        return `host ${route.host}, path ${route.path}`;
    if (route.host)
        return `host ${route.host}`;
    if (route.path)
        return `path ${route.path}`;
    return 'the default route (no host, no path)';
}
/**
 * Routes most specific first (host and path, host, then path, longer paths first), the default
 * app (no route) last: proxies take the first rule that matches.
 */
function routeOrder(apps) {
    const rank = (a) => (a.route.host ? 0 : 2) + (a.route.path ? 0 : 1);
    return [...apps].sort((x, y) => rank(x) - rank(y) ||
        (y.route.path?.length ?? 0) - (x.route.path?.length ?? 0) ||
        x.app.localeCompare(y.app));
}
/**
 * The app's record for this deploy: its ports kept if it had a record, else the lowest free
 * pair from FIRST_SLOT_PORT; the route as the inputs give it now.
 */
function appRecord(existing, app, settings) {
    const own = existing.find((a) => a.app === app);
    const options = settings.options?.length ? { options: settings.options } : {};
    if (own) {
        const { options: _old, ...kept } = own;
        // Another proxy does not know which slot is live: the app starts there as on a first deploy.
        const fresh = own.proxy === settings.proxy ? {} : { live: undefined, releases: {} };
        return { ...kept, ...fresh, proxy: settings.proxy, route: settings.route, ...options };
    }
    const used = new Set(existing.flatMap((a) => SLOTS.map((s) => a.ports[s])));
    let port = FIRST_SLOT_PORT;
    while (used.has(port) || used.has(port + 1))
        port += 2;
    return {
        app,
        proxy: settings.proxy,
        route: settings.route,
        ...options,
        ports: { blue: port, green: port + 1 },
        releases: {}
    };
}
/** The records one driver's configuration is generated from. */
const servedBy = (apps, driver) => apps.filter((a) => a.proxy === driver);
/** The slot a new release goes to: the one not live (blue on the first deploy). */
function idleSlot(record) {
    return record.live ? otherSlot(record.live) : 'blue';
}
/** The compose project of a slot: `<project>-blue`, stable across releases. */
const slotProject = (project, slot) => `${project}-${slot}`;
/**
 * The documented variables a slot's compose file gets: GANTRY_SLOT, GANTRY_HOST, GANTRY_PORT
 * and GANTRY_ADDR (`host:port`, where the app must listen).
 */
function slotEnv(host, record, slot) {
    const port = String(record.ports[slot]);
    return {
        GANTRY_SLOT: slot,
        GANTRY_HOST: host.upstreamHost,
        GANTRY_PORT: port,
        GANTRY_ADDR: `${host.upstreamHost}:${port}`
    };
}
/** `health-url` aimed at a slot: its scheme, path and query, the slot's address and port. */
function slotHealthUrl(url, host, record, slot) {
    const u = new URL(url);
    u.hostname = host.upstreamHost;
    u.port = String(record.ports[slot]);
    return u.toString();
}
/** A URL that reaches the app through the proxy: the proxy's own address, the app's path. */
function proxyUrl(host, driver, route) {
    const m = LISTEN.exec(host.listen[driver]);
    const address = host.listen[driver].includes(':') ? host.listen[driver].split(':')[0] : '';
    const target = !address || address === '0.0.0.0' ? '127.0.0.1' : address;
    return `http://${target}:${m?.[1] ?? '80'}${route.path ?? '/'}`;
}
/** Parses a record read from the host; undefined when it is not one (a foreign file, half written). */
function parseRecord(text) {
    try {
        const r = JSON.parse(text);
        if (typeof r.app !== 'string' || typeof r.ports !== 'object' || r.ports === null)
            return undefined;
        const record = {
            app: r.app,
            proxy: r.proxy === 'nginx' ? 'nginx' : 'haproxy',
            ...(Array.isArray(r.options) ? { options: r.options.map(String) } : {}),
            route: {
                ...(typeof r.route?.host === 'string' ? { host: r.route.host } : {}),
                ...(typeof r.route?.path === 'string' ? { path: r.route.path } : {})
            },
            ports: { blue: Number(r.ports.blue), green: Number(r.ports.green) },
            releases: {
                ...(typeof r.releases?.blue === 'string' ? { blue: r.releases.blue } : {}),
                ...(typeof r.releases?.green === 'string' ? { green: r.releases.green } : {})
            },
            ...(r.live === 'blue' || r.live === 'green' ? { live: r.live } : {})
        };
        assertApp(record);
        return record;
    }
    catch {
        return undefined;
    }
}
const recordText = (r) => JSON.stringify(r, null, 2) + '\n';
/** host.json as the host has it, with defaults for what it does not say. */
function parseHostSettings(home, text) {
    let raw = {};
    if (text.trim()) {
        try {
            raw = JSON.parse(text);
        }
        catch {
            throw new Error(`~/${PROXY_DIR}/host.json is not JSON`);
        }
    }
    const str = (v, fallback) => (typeof v === 'string' ? v : fallback);
    const host = {
        dir: `${home.replace(/\/+$/, '')}/${PROXY_DIR}`,
        upstreamHost: str(raw.upstreamHost, '127.0.0.1'),
        listen: {
            haproxy: str(raw.haproxy?.listen, DEFAULT_LISTEN.haproxy),
            nginx: str(raw.nginx?.listen, DEFAULT_LISTEN.nginx)
        }
    };
    assertHost(host);
    return host;
}


/***/ }),

/***/ 76933:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ releaseId),
/* harmony export */   E7: () => (/* binding */ parseInspect),
/* harmony export */   F4: () => (/* binding */ parseLockReply),
/* harmony export */   HR: () => (/* binding */ describeLockHolder),
/* harmony export */   QO: () => (/* binding */ isStale),
/* harmony export */   W3: () => (/* binding */ releasesToPrune),
/* harmony export */   bR: () => (/* binding */ evaluateWithProbes),
/* harmony export */   es: () => (/* binding */ rollbackTarget),
/* harmony export */   i$: () => (/* binding */ parseStatus),
/* harmony export */   x$: () => (/* binding */ versionOfRelease)
/* harmony export */ });
/* unused harmony export evaluateContainers */
/* harmony import */ var _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58003);
/** Release bookkeeping on a host, decided from what the host printed. Pure. */

function parseInspect(stdout) {
    const state = { now: 0, releases: [] };
    for (const line of stdout.split('\n')) {
        const eq = line.indexOf('=');
        if (eq < 0)
            continue;
        const key = line.slice(0, eq);
        const value = line.slice(eq + 1).trim();
        if (key === 'compose' && (value === 'docker compose' || value === 'docker-compose'))
            state.compose = value;
        else if (key === 'now')
            state.now = Number(value);
        else if (key === 'current' && value)
            state.current = value;
        else if (key === 'release' && RELEASE_ID.test(value))
            state.releases.push(value);
    }
    state.releases.sort();
    return state;
}
/** `20261122T153000Z-1.3.57-ab12`: sortable by time, readable, unique per deploy. */
const RELEASE_ID = /^\d{8}T\d{6}Z-[A-Za-z0-9_.-]+$/;
function releaseId(at, version, unique) {
    const stamp = at
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    return `${stamp}-${(0,_docker_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeTag */ .iP)(version) ?? 'release'}-${unique}`;
}
/** The version a release id was made for (the part between the time and the unique suffix). */
function versionOfRelease(id) {
    return id.replace(/^\d{8}T\d{6}Z-/, '').replace(/-[0-9a-f]{4}$/, '');
}
/** Releases to delete so that `keep` remain, never the ones in `protect`. */
function releasesToPrune(releases, keep, protect) {
    const excess = releases.length - keep;
    if (excess <= 0)
        return [];
    return releases.filter((r) => !protect.includes(r)).slice(0, excess);
}
/** For `rollback-to`: `previous` is the release before the current one; else the newest of that version. */
function rollbackTarget(state, to) {
    if (to === 'previous') {
        const index = state.current ? state.releases.indexOf(state.current) : -1;
        const previous = index > 0 ? state.releases[index - 1] : undefined;
        return previous
            ? { release: previous }
            : {
                error: state.current
                    ? `no release before ${state.current} is kept on the host`
                    : 'no current release on the host'
            };
    }
    const wanted = (0,_docker_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .sanitizeTag */ .iP)(to);
    const match = state.releases.filter((r) => versionOfRelease(r) === wanted).at(-1);
    return match
        ? { release: match }
        : {
            error: `no release of version ${to} is kept on the host (kept: ${state.releases.map(versionOfRelease).join(', ') || 'none'})`
        };
}
function parseLockReply(stdout) {
    const lines = stdout.split('\n');
    if (lines[0]?.trim() === 'acquired')
        return { acquired: true };
    const field = (name) => lines
        .find((l) => l.startsWith(`${name}=`))
        ?.slice(name.length + 1)
        .trim() ?? '';
    let owner;
    try {
        owner = JSON.parse(field('owner'));
    }
    catch {
        owner = undefined;
    }
    const sinceText = field('since');
    const [boot, bootNow] = [field('boot'), field('bootnow')];
    return {
        acquired: false,
        now: Number(field('now')),
        since: /^\d+$/.test(sinceText) ? Number(sinceText) : undefined,
        sinceText,
        owner,
        ...(boot && bootNow && boot !== bootNow ? { earlierBoot: true } : {})
    };
}
function describeLockHolder(reply) {
    const o = reply.owner ?? {};
    const age = reply.since !== undefined
        ? `${Math.max(0, reply.now - reply.since)}s ago`
        : 'at an unknown time';
    const boot = reply.earlierBoot ? ', before the host last booted' : '';
    return `${o.actor ?? 'someone'} deploying ${o.version ?? 'an unknown version'} (${o.runUrl ?? 'no run URL'}), locked ${age}${boot}`;
}
/** A lock with no readable time, older than the stale age, or from an earlier boot, may be broken. */
function isStale(reply, staleAfterSeconds) {
    if (reply.earlierBoot)
        return true;
    return reply.since === undefined
        ? reply.sinceText === ''
        : reply.now - reply.since >= staleAfterSeconds;
}
function parseStatus(stdout) {
    const containers = [];
    for (const line of stdout.split('\n')) {
        const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(-?\d+)(?:\s+([0-9a-f]{12,64})\s+(.*))?$/.exec(line.trim());
        if (!m)
            continue;
        const [, service = '', state = '', health = '', exit = '0', id, test] = m;
        const check = test === undefined ? undefined : healthCheckArgv(test);
        containers.push({
            service,
            state,
            health,
            exitCode: Number(exit),
            ...(id ? { id } : {}),
            ...(check ? { check } : {})
        });
    }
    return containers;
}
/** A health check's `Test` (JSON) as argv; undefined for NONE, none or unreadable. */
function healthCheckArgv(json) {
    let test;
    try {
        test = JSON.parse(json);
    }
    catch {
        return undefined;
    }
    if (!Array.isArray(test) || !test.every((t) => typeof t === 'string'))
        return undefined;
    const [kind, ...rest] = test;
    if (kind === 'CMD-SHELL' && rest.length === 1)
        return ['/bin/sh', '-c', rest[0]];
    if (kind === 'CMD' && rest.length > 0)
        return rest;
    return undefined;
}
/**
 * The project's health from its containers: failed as soon as one is unhealthy, exited, dead or
 * restarting; up when every one runs and those with a health check report healthy.
 */
function evaluateContainers(containers) {
    if (containers.length === 0)
        return { health: 'waiting', detail: 'no containers yet' };
    const failed = containers.find((c) => c.health === 'unhealthy' || ['exited', 'dead', 'restarting'].includes(c.state));
    if (failed) {
        const why = failed.health === 'unhealthy' ? 'unhealthy' : `${failed.state} (exit code ${failed.exitCode})`;
        return { health: 'failed', detail: `service ${failed.service} is ${why}` };
    }
    const pending = containers.find((c) => c.state !== 'running' || (c.health !== 'none' && c.health !== 'healthy'));
    if (pending)
        return {
            health: 'waiting',
            detail: `service ${pending.service} is ${pending.state}${pending.health !== 'none' ? `, ${pending.health}` : ''}`
        };
    return {
        health: 'up',
        detail: containers
            .map((c) => `${c.service} ${c.health === 'none' ? 'running' : 'healthy'}`)
            .join(', ')
    };
}
/**
 * With Gantry's own runs of the containers' health checks: still starting by Docker, but every
 * container running and each one still starting answering its check, is up.
 */
function evaluateWithProbes(containers, passed) {
    const verdict = evaluateContainers(containers);
    if (verdict.health !== 'waiting' || containers.length === 0)
        return verdict;
    const pending = containers.filter((c) => c.health === 'starting' || c.state !== 'running');
    const early = pending.length > 0 &&
        pending.every((c) => c.state === 'running' && c.health === 'starting' && passed.has(c.service)) &&
        containers.every((c) => c.state === 'running' && ['none', 'healthy', 'starting'].includes(c.health));
    if (!early)
        return verdict;
    return {
        health: 'up',
        detail: containers
            .map((c) => c.health === 'none'
            ? `${c.service} running`
            : c.health === 'starting'
                ? `${c.service} answers its health check`
                : `${c.service} healthy`)
            .join(', ')
    };
}


/***/ }),

/***/ 60453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DN: () => (/* binding */ statusStep),
/* harmony export */   EJ: () => (/* binding */ loginStep),
/* harmony export */   Fx: () => (/* binding */ stackStatusStep),
/* harmony export */   G$: () => (/* binding */ readRecordStep),
/* harmony export */   Hm: () => (/* binding */ swarmInspectStep),
/* harmony export */   K2: () => (/* binding */ parseRunningRelease),
/* harmony export */   LF: () => (/* binding */ STACK_RECORD),
/* harmony export */   M0: () => (/* binding */ readReleaseFileStep),
/* harmony export */   Oi: () => (/* binding */ LOCK_HELD),
/* harmony export */   PS: () => (/* binding */ switchStep),
/* harmony export */   Pl: () => (/* binding */ healthProbeStep),
/* harmony export */   Rl: () => (/* binding */ unlockStep),
/* harmony export */   Rw: () => (/* binding */ dirOf),
/* harmony export */   Uu: () => (/* binding */ COMPOSE_FILE),
/* harmony export */   Z2: () => (/* binding */ breakLockStep),
/* harmony export */   cP: () => (/* binding */ hookStep),
/* harmony export */   dM: () => (/* binding */ readStackRecordsStep),
/* harmony export */   eO: () => (/* binding */ pullStep),
/* harmony export */   gC: () => (/* binding */ healthUrlStep),
/* harmony export */   go: () => (/* binding */ uploadStep),
/* harmony export */   h9: () => (/* binding */ ENV_FILE),
/* harmony export */   iL: () => (/* binding */ serviceRollbackStep),
/* harmony export */   iv: () => (/* binding */ upStep),
/* harmony export */   jK: () => (/* binding */ runningReleaseStep),
/* harmony export */   oS: () => (/* binding */ RELEASE_RECORD),
/* harmony export */   pH: () => (/* binding */ RELEASES),
/* harmony export */   s9: () => (/* binding */ lockStep),
/* harmony export */   sr: () => (/* binding */ writeFileStep),
/* harmony export */   tg: () => (/* binding */ currentRecordStep),
/* harmony export */   uL: () => (/* binding */ stackDeployStep),
/* harmony export */   vh: () => (/* binding */ pruneStep),
/* harmony export */   xe: () => (/* binding */ inspectStep),
/* harmony export */   yu: () => (/* binding */ discardReleaseStep)
/* harmony export */ });
/* unused harmony export IMAGES_TAGGED */
/* harmony import */ var _lib_shell_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(66861);
/**
 * Every command Gantry runs on a deploy host, built as data: a POSIX sh script whose every value
 * went through quote(), plus what goes to its stdin (file contents, the registry password: never
 * on a command line). Nothing here runs anything; src/io/deploy executes these steps over SSH,
 * and the tests assert them exactly, as Kamal's command tests do.
 */

/** A path under the app's directory, ready for the remote shell. */
const dirOf = (layout, ...parts) => (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .remotePath */ .QZ)([layout.dir, ...parts].join('/').replace(/\/+/g, '/'));
const RELEASES = 'releases';
const COMPOSE_FILE = 'compose.yml';
const ENV_FILE = '.env';
const RELEASE_RECORD = 'release.json';
/** Written after a swarm rollout completed: each service's image, to recognise the release later. */
const STACK_RECORD = 'stack.json';
/** What the host has: its compose flavour, the current release, the releases kept, its clock. */
function inspectStep(layout) {
    return {
        name: 'inspect',
        script: [
            `if docker compose version >/dev/null 2>&1; then echo 'compose=docker compose'`,
            `elif command -v docker-compose >/dev/null 2>&1; then echo 'compose=docker-compose'`,
            `else echo 'compose='; fi`,
            `echo "now=$(date +%s)"`,
            ...releaseLines(layout)
        ].join('\n'),
        secretStdin: false
    };
}
/** Prints `current=<id>` and one `release=<id>` per kept release. */
function releaseLines(layout) {
    const dir = dirOf(layout);
    return [
        `if [ -L ${dir}/current ]; then echo "current=$(basename "$(readlink ${dir}/current)")"; fi`,
        `if [ -d ${dirOf(layout, RELEASES)} ]; then ls -1 ${dirOf(layout, RELEASES)} | sed 's/^/release=/'; fi`
    ];
}
/**
 * Takes the lock with an atomic mkdir; records who holds it and since when (the host's clock,
 * so no clock skew). When it is held, prints the holder instead and exits LOCK_HELD, so that in
 * a batch the steps after it (the release's upload, pull, up) do not run.
 */
function lockStep(layout, owner) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'lock',
        script: `mkdir -p ${dirOf(layout)} && if mkdir ${lock} 2>/dev/null; then ` +
            `date +%s > ${lock}/since && { cat ${BOOT_ID} > ${lock}/boot 2>/dev/null; ` +
            `cat > ${lock}/owner.json; } && echo acquired; ` +
            `else echo held; echo "now=$(date +%s)"; echo "since=$(cat ${lock}/since 2>/dev/null)"; ` +
            `echo "boot=$(cat ${lock}/boot 2>/dev/null)"; echo "bootnow=$(cat ${BOOT_ID} 2>/dev/null)"; ` +
            `echo "owner=$(cat ${lock}/owner.json 2>/dev/null)"; exit ${LOCK_HELD}; fi`,
        stdin: JSON.stringify(owner)
    };
}
/**
 * The kernel's id of this boot (Linux). A lock taken in an earlier boot is left by a run the
 * reboot ended (its connection, or the agent, died with it), so it need not wait out its age.
 */
const BOOT_ID = '/proc/sys/kernel/random/boot_id';
/** The lock step's exit code when another deploy holds the lock. */
const LOCK_HELD = 75;
/** Breaks a stale lock, but only the one seen (same `since`), never one taken meanwhile. */
function breakLockStep(layout, since) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'break stale lock',
        script: `if [ "$(cat ${lock}/since 2>/dev/null)" = ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(since)} ]; then rm -rf ${lock}; fi`
    };
}
/** Releases the lock only if it is still ours. */
function unlockStep(layout, token) {
    const lock = dirOf(layout, '.lock');
    return {
        name: 'unlock',
        script: `if grep -q ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(`"token":${JSON.stringify(token)}`)} ${lock}/owner.json 2>/dev/null; then rm -rf ${lock}; fi`
    };
}
function writeFileStep(layout, release, file, content) {
    const dir = dirOf(layout, RELEASES, release);
    return {
        name: `upload ${file}`,
        script: `mkdir -p ${dir} && cat > ${dir}/${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(file)}`,
        stdin: content
    };
}
function loginStep(registry, username, password) {
    return {
        name: `registry login ${registry}`,
        script: (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'login', '--username', username, '--password-stdin', registry]),
        stdin: password,
        secretStdin: true
    };
}
function composeIn(layout, compose, release, args) {
    const base = compose === 'docker compose' ? ['docker', 'compose'] : ['docker-compose'];
    return `cd ${dirOf(layout, RELEASES, release)} && ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)([...base, '-p', layout.project, '-f', COMPOSE_FILE, ...args])}`;
}
function pullStep(layout, compose, release) {
    return { name: 'pull', script: composeIn(layout, compose, release, ['pull']) };
}
function upStep(layout, compose, release) {
    return {
        name: 'up',
        script: composeIn(layout, compose, release, ['up', '-d', '--remove-orphans'])
    };
}
/**
 * One line per container of the project: service, state, health (or `none`), exit code, then its
 * id and health check command (JSON, `null` without one), so that Gantry can run the check of a
 * container still `starting` at once.
 */
function statusStep(layout) {
    const format = '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}}' +
        ' {{.Id}} {{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{else}}null{{end}}';
    return {
        name: 'status',
        script: `ids=$(${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${layout.project}`])}) && ` +
            `if [ -n "$ids" ]; then ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'inspect', '--format', format])} $ids; fi`
    };
}
/**
 * The directory each container of a compose project was started from (compose's working_dir
 * label): a release directory, so what the project runs, whatever `current` says.
 */
function runningReleaseStep(project) {
    const format = '{{index .Config.Labels "com.docker.compose.project.working_dir"}}';
    return {
        name: 'running release',
        script: `ids=$(${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'ps', '-q', '--filter', `label=com.docker.compose.project=${project}`])}) && ` +
            `if [ -n "$ids" ]; then ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'inspect', '--format', format])} $ids; fi`
    };
}
/** The one release directory every running container came from, or undefined. */
function parseRunningRelease(stdout) {
    const dirs = new Set(stdout
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean));
    const [dir] = dirs;
    const match = dirs.size === 1 ? new RegExp(`/${RELEASES}/([^/]+)/?$`).exec(dir ?? '') : null;
    return match?.[1];
}
/**
 * Runs a container's own health check now (`docker exec`, at most 10 s): exit 0 means the app
 * answers as its health check wants. Docker's verdict still rules a failure; this only sees
 * success sooner.
 */
function healthProbeStep(check) {
    const exec = (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'exec', check.id, ...check.argv]);
    return {
        name: `health check ${check.service}`,
        script: `if command -v timeout >/dev/null 2>&1; then timeout 10 ${exec}; else ${exec}; fi`,
        mayFail: true
    };
}
/** An HTTP check from the host itself (curl, else wget): exit 0 on a 2xx. */
function healthUrlStep(url) {
    const curl = (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['curl', '-fsS', '-o', '/dev/null', '-m', '5', url]);
    const wget = (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['wget', '-q', '-O', '/dev/null', '-T', '5', url]);
    return {
        name: 'health url',
        script: `if command -v curl >/dev/null 2>&1; then ${curl}; else ${wget}; fi`,
        mayFail: true
    };
}
/** Points `current` at a release. */
/**
 * Points `current` at a release atomically: a new symlink beside it, renamed over it (rename(2)
 * replaces the name in one step; `ln -sfn` alone unlinks first), so a reader finds the old tree
 * or the new one, never none.
 */
function switchStep(layout, release) {
    const next = dirOf(layout, `.current.${release}`);
    return {
        name: 'switch current',
        script: `ln -sfn ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(`${RELEASES}/${release}`)} ${next} && mv -T ${next} ${dirOf(layout, 'current')}`
    };
}
/** A file in a release directory once its images carry the release's tag (see pruneStep). */
const IMAGES_TAGGED = '.images-tagged';
/**
 * Removes old release directories and the images only they used, and nothing else: never an
 * image a kept release needs to roll back to, never an image Gantry did not pull for this app
 * (no host-wide `docker image prune`: it takes every untagged image no container runs, another
 * app's rollback image pulled by digest too). Images pulled by digest (`IMAGE=repo@sha256:…`)
 * have no tag, and a nightly `docker system prune -f` would take the previous release's: so with
 * compose each kept release's images get a tag of their own, `<repository>:gantry-<release id>`
 * (once, while they are the images the release pulled), removed with the release. A swarm's
 * releases name their images in their stack record.
 */
function pruneStep(layout, releases, 
/** The host's compose (compose targets): given, kept releases' images are tagged. */
compose) {
    const all = dirOf(layout, RELEASES);
    const config = compose === 'docker compose' ? 'docker compose' : 'docker-compose';
    const pruned = releases.map(_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD).join(' ');
    const skipPruned = `case " ${pruned} " in *" $(basename "$d") "*) continue;; esac`;
    // A release's images. Compose: the list its marker keeps, else what `config` prints (the
    // file interpolated with the release's .env; v1 has no `--images`). Swarm: its stack record.
    const imgsof = compose
        ? `imgsof() { if [ -s "$1"${IMAGES_TAGGED} ]; then cat "$1"${IMAGES_TAGGED}; else ` +
            `(cd "$1" && ${config} -f ${COMPOSE_FILE} config 2>/dev/null | sed -n "s/^ *image: *['\\"]*\\([^'\\"]*\\).*/\\1/p"); fi; }`
        : `imgsof() { if [ -f "$1"${STACK_RECORD} ]; then tr ',{}' '\\n\\n\\n' < "$1"${STACK_RECORD} | sed -n 's/^ *"[^"]*" *: *"\\(.*\\)" *$/\\1/p'; fi; }`;
    return {
        name: `prune ${releases.length} old release(s)`,
        script: [
            imgsof,
            ...(compose
                ? [
                    // A tag holds at most 128 characters; release ids are tag-safe already.
                    `gtag() { printf 'gantry-%s' "$1" | cut -c1-128; }`,
                    // Kept releases are tagged first: on Docker 20.10, removing a repository's last tag
                    // drops its digest references too, so untagging a pruned release that shares an
                    // image with a kept one before the kept one holds its own tag would take the image
                    // rollback needs. The marker (the list of the release's images) is written only
                    // when every image was tagged.
                    `if [ -d ${all} ]; then for d in ${all}/*/; do ${skipPruned}; ` +
                        `if [ -f "$d"${COMPOSE_FILE} ] && [ ! -s "$d"${IMAGES_TAGGED} ]; then t=$(gtag "$(basename "$d")"); ` +
                        `imgs=$(imgsof "$d"); ok=1; ` +
                        `for i in $imgs; do repo=\${i%%@*}; case \${repo##*/} in *:*) repo=\${repo%:*};; esac; ` +
                        `docker tag "$i" "$repo:$t" >/dev/null 2>&1 || ok=0; done; ` +
                        `if [ "$ok" = 1 ]; then printf '%s\\n' $imgs > "$d"${IMAGES_TAGGED}; fi; fi; done; fi`
                ]
                : []),
            ...(releases.length
                ? [
                    // The images kept releases run (by image id): a pruned release's references to
                    // any other image are removed, so old releases' images do not fill the disk (an
                    // image pulled by digest has no tag, and no image prune ever takes it). `docker rmi`
                    // of a reference leaves an image another tag or a container still uses.
                    `keep=$(for d in ${all}/*/; do [ -d "$d" ] || continue; ${skipPruned}; imgsof "$d"; done | ` +
                        `xargs -r docker image inspect -f '{{.Id}}' 2>/dev/null)`,
                    `for r in ${pruned}; do ` +
                        `for i in $(imgsof ${all}/"$r"/); do id=$(docker image inspect -f '{{.Id}}' "$i" 2>/dev/null) || continue; ` +
                        `case "$keep" in *"$id"*) ;; *) docker rmi "$i" >/dev/null 2>&1 || true;; esac; done` +
                        (compose
                            ? `; t=$(gtag "$r"); docker images --format '{{.Repository}}:{{.Tag}}' | awk -F: -v t="$t" '$NF == t' | ` +
                                `while read -r i; do docker rmi "$i" >/dev/null 2>&1 || true; done`
                            : '') +
                        '; done',
                    `rm -rf ${releases.map((r) => dirOf(layout, RELEASES, r)).join(' ')}`
                ]
                : [])
        ].join('\n'),
        // A failed prune leaves disk used, not a failed deploy.
        mayFail: true
    };
}
/**
 * A release that failed and is not live (nothing changed, or the previous one runs again): its
 * directory and the images only it pulled go at once, since pruning runs only after a success
 * and a host whose deploys keep failing would fill its disk.
 */
function discardReleaseStep(layout, release, compose) {
    return { ...pruneStep(layout, [release], compose), name: `discard the failed release ${release}` };
}
/**
 * A release's files in one stream: each file reads exactly its own bytes of stdin, so a compose
 * file, a `.env` and the release record cost one round trip, with the contents never on a command
 * line.
 */
function uploadStep(layout, release, files) {
    const dir = dirOf(layout, RELEASES, release);
    const bytes = (text) => new TextEncoder().encode(text).length;
    return {
        name: `upload ${files.map((f) => f.name).join(', ')}`,
        script: [
            `mkdir -p ${dir}`,
            ...files.map((f) => `head -c ${bytes(f.content)} > ${dir}/${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(f.name)}`)
        ].join(' && '),
        stdin: files.map((f) => f.content).join('')
    };
}
/** The record of the release `current` points at; empty when there is none. */
function currentRecordStep(layout) {
    return {
        name: 'read current release',
        script: `cat ${dirOf(layout, 'current', RELEASE_RECORD)} 2>/dev/null || true`
    };
}
function readRecordStep(layout, release) {
    return {
        name: 'read release',
        script: `cat ${dirOf(layout, RELEASES, release, RELEASE_RECORD)} 2>/dev/null || true`
    };
}
/** A user's pre-/post-deploy command, run in the release directory. Its text is the user's own shell. */
function hookStep(layout, release, name, command) {
    return { name, script: `cd ${dirOf(layout, RELEASES, release)} && ${command}` };
}
// ---------------------------------------------------------------------------------------------
// target: swarm. One manager; the swarm rolls the services out (and back) by the compose file's
// deploy.update_config; these steps start it and read its state.
const SWARM_INFO = '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}';
/**
 * For `target: swarm`: the node's swarm state (`swarm=active true` on a manager, else what
 * `docker info` said), whether `docker stack deploy` has `--detach` (CLI 26+), the clock, the
 * current release and the releases kept.
 */
function swarmInspectStep(layout) {
    return {
        name: 'inspect swarm',
        script: [
            `echo "swarm=$(${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'info', '--format', SWARM_INFO])} 2>&1 | tail -n 1)"`,
            `if docker stack deploy --help 2>/dev/null | grep -q -e --detach; then echo detach=yes; fi`,
            `echo "now=$(date +%s)"`,
            ...releaseLines(layout)
        ].join('\n')
    };
}
/**
 * `docker stack deploy` from the release directory. The `env` values arrive on stdin, one
 * `KEY=VALUE` per line, and are exported as data: nothing evaluates them (a `.env` sourced by the
 * shell would run any `$(…)` in a value). `docker stack deploy` reads no `.env` itself; compose
 * interpolates the environment. `--prune` removes services dropped from the file, as compose's
 * `--remove-orphans` does; `--detach=true` where the CLI has the flag (Gantry follows the rollout).
 */
function stackDeployStep(layout, release, stack, options) {
    const deploy = [
        'docker',
        'stack',
        'deploy',
        ...(options.detach ? ['--detach=true'] : []),
        '--prune',
        '--with-registry-auth',
        '-c',
        COMPOSE_FILE,
        stack
    ];
    return {
        name: 'stack deploy',
        script: `cd ${dirOf(layout, RELEASES, release)} && ` +
            `while IFS= read -r kv || [ -n "$kv" ]; do if [ -n "$kv" ]; then export "$kv" || exit 2; fi; done && ` +
            (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(deploy),
        stdin: options.env
    };
}
/** One JSON object per task; `json` quotes every field, whatever the error text holds. */
const TASK_FORMAT = '{"id":{{json .ID}},"name":{{json .Name}},"image":{{json .Image}},"node":{{json .Node}},' +
    '"desired":{{json .DesiredState}},"current":{{json .CurrentState}},"error":{{json .Error}}}';
/**
 * The stack's state in one round trip, in three sections: `#services` (`name running/desired`
 * from `docker service ls`), `#inspect` (one `docker service inspect` JSON per line: spec, previous
 * spec, UpdateStatus) and `#tasks` (`docker stack ps --no-trunc`, one JSON per line).
 */
function stackStatusStep(stack) {
    const filter = ['--filter', `label=com.docker.stack.namespace=${stack}`];
    return {
        name: 'stack status',
        script: [
            'set -e',
            'echo "#services"',
            (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'service', 'ls', ...filter, '--format', '{{.Name}} {{.Replicas}}']),
            `ids=$(${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'service', 'ls', '-q', ...filter])})`,
            'echo "#inspect"',
            `if [ -n "$ids" ]; then ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'service', 'inspect', '--format', '{{json .}}'])} $ids; fi`,
            'echo "#tasks"',
            // `stack ps` fails with "nothing found in stack" while no task exists yet (0 replicas).
            `if [ -n "$ids" ]; then ${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'stack', 'ps', '--no-trunc', '--format', TASK_FORMAT, stack])} || true; fi`
        ].join('\n')
    };
}
/** `rollback-to: previous`: each service back to its previous spec, by the swarm (rollback_config). */
function serviceRollbackStep(services) {
    return {
        name: `service rollback ${services.join(' ')}`,
        script: services
            .map((s) => (0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .shellCommand */ .q$)(['docker', 'service', 'rollback', '--detach', '--quiet', s]))
            .join(' && ')
    };
}
/** A file of a kept release (its `.env`, to deploy that release again); empty when missing. */
function readReleaseFileStep(layout, release, file) {
    return {
        name: `read ${file}`,
        script: `cat ${dirOf(layout, RELEASES, release)}/${(0,_lib_shell_js__WEBPACK_IMPORTED_MODULE_0__/* .quote */ .hD)(file)} 2>/dev/null || true`
    };
}
/** `<release>\t<stack.json on one line>` for every kept release that completed a swarm rollout. */
function readStackRecordsStep(layout) {
    return {
        name: 'read stack records',
        script: `for d in ${dirOf(layout, RELEASES)}/*/; do if [ -f "$d"${STACK_RECORD} ]; then ` +
            `printf '%s\t%s\n' "$(basename "$d")" "$(tr -d '\n' < "$d"${STACK_RECORD})"; fi; done`
    };
}


/***/ }),

/***/ 58003:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   cO: () => (/* binding */ tagOf),
/* harmony export */   iP: () => (/* binding */ sanitizeTag),
/* harmony export */   mL: () => (/* binding */ TAG_EXPECTATION),
/* harmony export */   nA: () => (/* binding */ withoutDigest),
/* harmony export */   o_: () => (/* binding */ parseImageReference),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports TAG_PATTERN, DIGEST_EXPECTATION, REFERENCE_EXPECTATION, isDigest, sameRepository */
/**
 * Image references as Docker reads them (the distribution/reference grammar and Docker's
 * normalisation): `[registry[:port]/]path[:tag][@digest]`. The one parser every action reads
 * image inputs with; nothing that fails it is ever output, or sent to a registry or a host.
 */
/** Docker Hub's name; `index.docker.io` is its legacy alias. */
const DOCKER_HUB = 'docker.io';
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TAG_EXPECTATION = 'a tag of 1 to 128 letters, digits, `_`, `.` and `-`, not starting with `.` or `-`';
const DIGEST_EXPECTATION = 'a digest such as `@sha256:` followed by 64 lowercase hex digits';
const REFERENCE_EXPECTATION = 'an image reference such as `ghcr.io/acme/shop:1.4.2` or `shop@sha256:…`';
function isValidTag(tag) {
    return TAG_PATTERN.test(tag);
}
/**
 * Turns a branch name into a tag: runs of characters outside the grammar become `-`, leading
 * characters a tag may not start with are dropped, and it is cut to 128 characters. Undefined
 * when nothing is left.
 */
function sanitizeTag(name) {
    const tag = name
        .replace(/[^A-Za-z0-9_.-]+/g, '-')
        .replace(/^[.-]+/, '')
        .slice(0, 128)
        .replace(/[.-]+$/, '');
    return isValidTag(tag) ? tag : undefined;
}
/** The digest algorithms registries verify (go-digest's), each with its length in hex. */
const DIGEST = /^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/;
function isDigest(text) {
    return DIGEST.test(text);
}
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
/** Docker refuses a name that could be mistaken for an image ID. */
const IMAGE_ID = /^[a-f0-9]{64}$/;
const NAME_MAX = 255;
/**
 * Parses `name[:tag][@digest]` (surrounding white space ignored). On failure, what was expected
 * and of which part, so callers can name their input and, for the name, their own example.
 */
function parseImageReference(text, options = {}) {
    const value = text.trim();
    const at = value.indexOf('@');
    const digest = at >= 0 ? value.slice(at + 1) : undefined;
    const nameAndTag = at >= 0 ? value.slice(0, at) : value;
    if (digest !== undefined && !isDigest(digest)) {
        return { error: DIGEST_EXPECTATION, part: 'digest' };
    }
    const colon = nameAndTag.indexOf(':', nameAndTag.lastIndexOf('/') + 1);
    const tag = colon >= 0 ? nameAndTag.slice(colon + 1) : undefined;
    const written = colon >= 0 ? nameAndTag.slice(0, colon) : nameAndTag;
    if (tag !== undefined && !isValidTag(tag))
        return { error: TAG_EXPECTATION, part: 'tag' };
    const split = splitDomain(written);
    const path = options.foldCase ? split.path.toLowerCase() : split.path;
    const name = split.domain === undefined ? path : `${split.domain}/${path}`;
    if (name.length > NAME_MAX ||
        (split.domain !== undefined && !DOMAIN.test(split.domain)) ||
        !PATH.test(path.toLowerCase()) ||
        IMAGE_ID.test(value)) {
        return { error: REFERENCE_EXPECTATION, part: 'name' };
    }
    if (path !== path.toLowerCase()) {
        const lowered = `${split.domain === undefined ? '' : `${split.domain}/`}${path.toLowerCase()}`;
        return {
            error: `${REFERENCE_EXPECTATION}; repository names are lower case (\`${lowered}\`)`,
            part: 'name'
        };
    }
    const registry = split.domain === undefined || split.domain === 'index.docker.io' ? DOCKER_HUB : split.domain;
    const repository = registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path;
    return {
        reference: {
            registry,
            repository,
            ...(tag === undefined ? {} : { tag }),
            ...(digest === undefined ? {} : { digest })
        },
        name
    };
}
/**
 * Docker's rule: the first component names a registry when it has a dot or a port, or is
 * `localhost` (or an IPv6 address in brackets); else the whole name is a Docker Hub path.
 */
function splitDomain(name) {
    const slash = name.indexOf('/');
    const first = slash >= 0 ? name.slice(0, slash) : '';
    const isDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.startsWith('['));
    return isDomain ? { domain: first, path: name.slice(slash + 1) } : { path: name };
}
/** The tag of a reference; undefined when it has none, or is none (upper case is forgiven). */
function tagOf(text) {
    const parsed = parseImageReference(text, { foldCase: true });
    return 'reference' in parsed ? parsed.reference.tag : undefined;
}
/**
 * The reference as written, without its digest: Swarm reports a service's image pinned
 * (`shop:1.4@sha256:…`) where the user wrote `shop:1.4`.
 */
function withoutDigest(text) {
    const at = text.lastIndexOf('@');
    return at >= 0 && isDigest(text.slice(at + 1)) ? text.slice(0, at) : text;
}
/** `registry/repository[:tag][@digest]`, always with the registry, so logs are unambiguous. */
function formatReference(ref) {
    return (`${ref.registry}/${ref.repository}` +
        (ref.tag ? `:${ref.tag}` : '') +
        (ref.digest ? `@${ref.digest}` : ''));
}
function sameRepository(a, b) {
    return a.registry === b.registry && a.repository === b.repository;
}


/***/ }),

/***/ 93848:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BB: () => (/* binding */ formatHostSpec),
/* harmony export */   eS: () => (/* binding */ HOST_SPEC_EXPECTED),
/* harmony export */   nn: () => (/* binding */ parseHostSpec)
/* harmony export */ });
const USER = /^[a-z_][a-z0-9_.-]*\$?$/i;
const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
const HOST_SPEC_EXPECTED = '`user@host` or `user@host:port`, e.g. `deploy@10.0.1.5:22`';
function parseHostSpec(text) {
    const m = /^([^@\s]+)@(\[[0-9A-Fa-f:.]+\]|[^:@\s[\]]+)(?::(\d{1,5}))?$/.exec(text.trim());
    if (!m)
        return undefined;
    const [, user = '', rawHost = '', rawPort] = m;
    const port = rawPort === undefined ? 22 : Number(rawPort);
    const host = rawHost.startsWith('[') ? rawHost.slice(1, -1) : rawHost;
    if (!USER.test(user) || port < 1 || port > 65535)
        return undefined;
    if (!rawHost.startsWith('[') && !HOSTNAME.test(host))
        return undefined;
    return { user, host, port };
}
function formatHostSpec(spec) {
    const host = spec.host.includes(':') ? `[${spec.host}]` : spec.host;
    return `${spec.user}@${host}${spec.port === 22 ? '' : `:${spec.port}`}`;
}


/***/ }),

/***/ 40417:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ deployHosts),
/* harmony export */   g: () => (/* binding */ deployHost)
/* harmony export */ });
/* harmony import */ var _io_ssh_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(34318);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/* harmony import */ var _session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(65031);
/**
 * The deploy engine: a release to many hosts, whatever the target. Hosts go in batches
 * (`max-parallel`), each batch in parallel; with `on-host-failure: stop` a failed batch skips
 * the rest. Per host: connect → Gantry's reads and the target's inspect → the lock, taken with
 * the target's first steps → the target's deploy or rollback → unlock (always, over a new connection if the old one dropped) → one
 * RolloutOutcome. The dry run is this same engine over printing runners and an instant clock.
 */



async function deployHost(target, job) {
    const started = job.clock.now();
    const done = (result) => ({
        unit: job.name,
        ...result,
        durationMs: job.clock.now() - started
    });
    let runner;
    try {
        runner = await job.connect();
    }
    catch (error) {
        const message = (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
        job.log(error instanceof _io_ssh_js__WEBPACK_IMPORTED_MODULE_0__/* .HostKeyRefusedError */ .GK ? `refused: ${message}` : message);
        return done({ status: 'failed', message });
    }
    const session = new _session_js__WEBPACK_IMPORTED_MODULE_2__/* .HostSession */ .H(job, runner);
    try {
        const { state, before } = await session.inspect(target);
        session.lockWithNextSteps();
        const { mode } = job.plan;
        const result = mode.kind === 'deploy'
            ? await target.deploy(session, state, mode)
            : await target.rollbackTo(session, state, mode.to);
        return done({ before, ...result });
    }
    catch (error) {
        const message = (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error);
        job.log(`failed: ${message}`);
        return done({ status: 'failed', before: session.before, message });
    }
    finally {
        await session.unlock();
        await runner.close();
    }
}
/** Hosts in batches of `maxParallel` (0: all at once); after a failed batch, `stop` skips the rest. */
async function deployHosts(hosts, options) {
    const size = options.maxParallel || hosts.length;
    const outcomes = [];
    for (let start = 0; start < hosts.length; start += size) {
        const batch = hosts.slice(start, start + size);
        if (options.onHostFailure === 'stop' &&
            outcomes.some((o) => o.status === 'failed' || o.status === 'rolled-back')) {
            outcomes.push(...batch.map((host) => ({
                unit: options.name(host),
                status: 'skipped',
                durationMs: 0,
                message: 'skipped after a failed host'
            })));
            continue;
        }
        outcomes.push(...(await Promise.all(batch.map((host, i) => options.deploy(host, start + i)))));
    }
    return outcomes;
}


/***/ }),

/***/ 91170:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ hostOutputLine)
/* harmony export */ });
/**
 * The one way a line a host printed reaches the log. Host output is untrusted (a compromised or
 * merely odd host can print anything), so whatever makes it safe to show belongs here, once.
 * Lines keep the `[user@host]   line` shape: the host prefix is added by the caller's log. What
 * Gantry says about the host's state in the host's words (a swarm's messages, service names) goes
 * through here too.
 */
function hostOutputLine(line) {
    return `  ${line}`;
}


/***/ }),

/***/ 45909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  $: () => (/* binding */ shellRunner)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./src/core/deploy/batch.ts
const byteLength = (text) => new TextEncoder().encode(text).length;
function batchScript(steps, mark) {
    const parts = steps.map((step, i) => {
        const run = step.stdin === undefined
            ? `(\n${step.script}\n) </dev/null`
            : `head -c ${byteLength(step.stdin)} | (\n${step.script}\nrc=$?; cat >/dev/null; exit $rc\n)`;
        const stop = step.mayFail ? '' : `; [ "$rc" -eq 0 ] || exit "$rc"`;
        return `${run}\nrc=$?; echo "${mark} ${i} $rc"; echo "${mark} ${i} $rc" >&2${stop}`;
    });
    const stdin = steps.some((s) => s.stdin !== undefined)
        ? steps.map((s) => s.stdin ?? '').join('')
        : undefined;
    return { script: parts.join('\n'), ...(stdin === undefined ? {} : { stdin }) };
}
/**
 * Follows one output stream of a batch line by line: which step each line belongs to, and each
 * finished step's exit code. A step's last line without a newline arrives glued to the marker.
 */
function batchReader(mark) {
    let step = 0;
    const codes = new Map();
    const pattern = new RegExp(`^(.*)${mark} (\\d+) (\\d+)$`);
    return {
        codes,
        /** The line as the step printed it, or undefined for a marker line. */
        read(line) {
            const m = pattern.exec(line);
            if (!m)
                return { step, line };
            const at = step;
            codes.set(Number(m[2]), Number(m[3]));
            step = Number(m[2]) + 1;
            return m[1] ? { step: at, line: m[1] } : undefined;
        }
    };
}

;// CONCATENATED MODULE: ./src/deploy/runners/shell.ts
/**
 * A step runner over anything that runs a POSIX sh script with stdin and reports lines and an
 * exit code: an SSH session (ssh.ts) or a local `sh` (local.ts). One step runs as its own script;
 * several run as one batch script (src/core/deploy/batch.ts), one round trip.
 */


function shellRunner(where, exec, close, 
/** Characters of each stream a step's result keeps (its last ones); all by default. */
outputKept = Infinity) {
    const printed = () => ({ stdout: new Tail(outputKept), stderr: new Tail(outputKept) });
    return {
        where,
        close,
        run: (steps, options = {}) => steps.length === 1
            ? runOne(exec, steps[0], options, printed)
            : runBatch(exec, steps, options, printed)
    };
}
async function runOne(exec, step, options, printed) {
    const out = printed();
    const { code, timedOutAfterMs } = await exec(step.script, {
        stdin: step.stdin,
        onLine: (line, stream) => {
            out[stream].push(line);
            options.onLine?.(step, line, stream);
        }
    });
    return [{ code, ...output(out), ...(timedOutAfterMs !== undefined ? { timedOutAfterMs } : {}) }];
}
async function runBatch(exec, steps, options, printed) {
    const mark = `#gantry-step-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`;
    const batch = batchScript(steps, mark);
    const readers = { stdout: batchReader(mark), stderr: batchReader(mark) };
    const lines = steps.map(printed);
    const { code, timedOutAfterMs } = await exec(batch.script, {
        stdin: batch.stdin,
        onLine: (text, stream) => {
            const read = readers[stream].read(text);
            const step = read && steps[read.step];
            if (!read || !step)
                return;
            lines[read.step]?.[stream].push(read.line);
            options.onLine?.(step, read.line, stream);
        }
    });
    const codes = readers.stdout.codes;
    const results = [];
    for (let i = 0; i < steps.length; i++) {
        const done = codes.get(i);
        // A step without its marker was cut off: it ends the batch with the script's own exit code.
        const result = {
            code: done ?? code,
            ...output(lines[i] ?? printed()),
            // The step the batch was in when the runner killed it is the one that timed out.
            ...(done === undefined && timedOutAfterMs !== undefined ? { timedOutAfterMs } : {})
        };
        results.push(result);
        if (done === undefined || (done !== 0 && !steps[i]?.mayFail))
            break;
    }
    return results;
}
/** Lines are kept joined in blocks of about this many characters: few objects, whatever the lines. */
const BLOCK = 64 * 1024;
/**
 * The newest lines of one stream, at most `max` characters with their newlines (every line
 * still reaches `onLine` as it arrives).
 */
class Tail {
    max;
    /** Whole lines, each ending in a newline. */
    blocks = [];
    size = 0;
    current = [];
    currentSize = 0;
    /** Characters (newlines included) of the whole blocks left out from the start. */
    droppedBlocks = 0;
    constructor(max) {
        this.max = max;
    }
    push(line) {
        this.current.push(line);
        this.currentSize += line.length + 1;
        if (this.currentSize >= BLOCK)
            this.seal();
    }
    /** The kept text, its first line whole, and how many characters before it were left out. */
    result() {
        this.seal();
        const text = this.blocks.join('');
        if (text.length <= this.max)
            return { text, dropped: this.droppedBlocks };
        const from = text.length - this.max;
        const start = text[from - 1] === '\n' ? from : text.indexOf('\n', from) + 1 || from;
        return { text: text.slice(start), dropped: this.droppedBlocks + start };
    }
    seal() {
        if (this.current.length === 0)
            return;
        const block = `${this.current.join('\n')}\n`;
        this.current = [];
        this.currentSize = 0;
        this.blocks.push(block);
        this.size += block.length;
        // Whole blocks the last `max` characters do not reach.
        while (this.size - (this.blocks[0]?.length ?? this.size) >= this.max) {
            const first = this.blocks.shift() ?? '';
            this.size -= first.length;
            this.droppedBlocks += first.length;
        }
    }
}
function output(tails) {
    const stdout = tails.stdout.result();
    const stderr = tails.stderr.result();
    return {
        stdout: stdout.text,
        stderr: stderr.text,
        ...(stdout.dropped || stderr.dropped
            ? { dropped: { stdout: stdout.dropped, stderr: stderr.dropped } }
            : {})
    };
}


/***/ }),

/***/ 65031:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ HostSession),
/* harmony export */   I: () => (/* binding */ recordVersion)
/* harmony export */ });
/* harmony import */ var _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60453);
/* harmony import */ var _core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76933);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(97268);
/* harmony import */ var _lib_poll_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(43962);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(91170);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99497);
/**
 * The host protocol every host target shares, over one step runner: Gantry's reads of the host,
 * the lock (waited for, a stale one broken, released even over a new connection), a new
 * release's upload with the registry login and the pre-deploy hook, and the finish (`current`,
 * the post-deploy hook, pruning, unlock) in one round trip. Targets (targets/*.ts) add only what
 * is theirs. Every step goes through run(), which logs it and every line the host printed.
 */






class HostSession {
    job;
    runner;
    unlocked = false;
    locked = false;
    /** Take the lock in the same round trip as the next steps (lockWithNextSteps). */
    lockPending = false;
    /** The version `current` ran before this deploy (known after inspect). */
    before;
    constructor(job, runner) {
        this.job = job;
        this.runner = runner;
    }
    get plan() {
        return this.job.plan;
    }
    get clock() {
        return this.job.clock;
    }
    log(line) {
        this.job.log(line);
    }
    /** Fast first, then every pollMs at most: for waits that usually end within a moment. */
    backoff() {
        return { initialMs: Math.min(100, this.job.pollMs), maxMs: this.job.pollMs };
    }
    /**
     * Runs steps in one round trip, logging each (`▸ name`) and the lines it printed, unless quiet.
     * A step that failed, and may not, throws a StepError naming it; the results come back
     * otherwise, one per step.
     */
    async run(steps, options = {}) {
        if (this.lockPending)
            return this.lockedRun(steps, options);
        const { quiet } = options;
        const shown = (step) => !(quiet === true || (Array.isArray(quiet) && quiet.includes(step)));
        let announced = 0;
        // Steps run as one batch but read as separate steps: each is named before its first line.
        const announce = (upTo) => {
            for (; announced <= upTo && announced < steps.length; announced++) {
                const step = steps[announced];
                options.starting?.(step);
                if (shown(step))
                    this.log(`▸ ${step.name}`);
            }
        };
        const results = await this.runner.run(steps, {
            onLine: (step, line) => {
                announce(steps.indexOf(step));
                if (shown(step))
                    this.log((0,_output_js__WEBPACK_IMPORTED_MODULE_3__/* .hostOutputLine */ .O)(line));
            }
        });
        announce(results.length - 1);
        results.forEach((result, i) => {
            const step = steps[i];
            if (result.code !== 0 && !step.mayFail)
                throw (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .stepFailure */ .nK)(step, result);
        });
        return results;
    }
    async runOne(step, options = {}) {
        return (await this.run([step], options))[0];
    }
    /**
     * The host's state as the target reads it, and the version `current` runs, in one round trip
     * before anything changes; a host that cannot take the target stops here.
     */
    async inspect(target) {
        const [inspected, record] = await this.run([target.inspectStep(this.plan.layout), (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .currentRecordStep */ .tg)(this.plan.layout)], { quiet: true });
        const state = target.parseInspect(inspected?.stdout ?? '');
        if ('problem' in state)
            throw new _step_js__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg(target.inspectStep(this.plan.layout), inspected, state.problem);
        const before = state.current
            ? (recordVersion(record?.stdout ?? '') ?? (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .versionOfRelease */ .x$)(state.current))
            : undefined;
        this.before = before;
        return { state, before };
    }
    /** The version a kept release was made for, from its record (else from its id). */
    async versionOf(release) {
        const record = await this.runOne((0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .readRecordStep */ .G$)(this.plan.layout, release), { quiet: true });
        return recordVersion(record.stdout) ?? (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .versionOfRelease */ .x$)(release);
    }
    /**
     * The lock is taken in the same round trip as the target's first steps (no decision lies
     * between them: a held lock stops that batch before anything else runs, and is then waited
     * for). A target that stops before running a step changed nothing and never locks.
     */
    lockWithNextSteps() {
        this.lockPending = true;
    }
    lockTake() {
        const { layout, mode, token, owner } = this.plan;
        const version = mode.kind === 'deploy' ? mode.version : `rollback to ${mode.to}`;
        return (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .lockStep */ .s9)(layout, { token, ...owner, version });
    }
    async lockedRun(steps, options) {
        this.lockPending = false;
        const take = this.lockTake();
        const quiet = options.quiet === true ? true : [take, ...(options.quiet || [])];
        // The next step starting means the lock was free: say so before that step's lines.
        const starting = (step) => {
            if (step !== take && !this.locked)
                this.acquired();
            options.starting?.(step);
        };
        try {
            const results = await this.run([take, ...steps], { quiet, starting });
            if (!(0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockReply */ .F4)(results[0]?.stdout ?? '').acquired)
                throw (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .stepFailure */ .nK)(take, results[0]);
            if (!this.locked)
                this.acquired();
            return results.slice(1);
        }
        catch (error) {
            if (error instanceof _step_js__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg && error.step === take) {
                // Killed at its time limit or failed otherwise, the take may have made the lock all
                // the same: the unlock (which removes only a lock that is ours) must still run.
                if (error.result?.code !== _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .LOCK_HELD */ .Oi) {
                    this.locked = true;
                    throw error;
                }
                // Held: wait for it (or break it when stale), then run the steps.
                await this.lock();
                return this.run(steps, options);
            }
            // A later step failed, or the connection dropped (then whether the lock was taken is
            // unknown: unlocking removes only a lock that is ours).
            if (!this.locked)
                this.acquired();
            throw error;
        }
    }
    acquired() {
        this.locked = true;
        this.log('▸ lock acquired');
    }
    /** Takes the deploy lock, waiting for another deploy's; breaks one older than the stale age. */
    async lock() {
        const { layout, lockTimeoutMs, lockStaleSeconds } = this.plan;
        // Held is an answer here, not an error.
        const take = { ...this.lockTake(), mayFail: true };
        let told = false;
        const tryTake = async () => {
            try {
                const result = await this.runOne(take, { quiet: true });
                // Cut off at its time limit, the take may have made the lock before.
                if (result.timedOutAfterMs !== undefined)
                    this.locked = true;
                return (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockReply */ .F4)(result.stdout);
            }
            catch (error) {
                // The connection dropped: whether the lock was made is unknown, and the unlock (which
                // removes only a lock that is ours) must run.
                this.locked = true;
                throw error;
            }
        };
        const attempt = async () => {
            const reply = await tryTake();
            if (reply.acquired || !(0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .isStale */ .QO)(reply, lockStaleSeconds))
                return reply;
            this.log(`breaking a stale lock: ${(0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLockHolder */ .HR)(reply)}`);
            await this.runOne((0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .breakLockStep */ .Z2)(layout, reply.sinceText), { quiet: true });
            return tryTake();
        };
        const result = await (0,_lib_poll_js__WEBPACK_IMPORTED_MODULE_5__/* .pollUntil */ .g)(async () => {
            const reply = await attempt();
            if (!reply.acquired && !told)
                this.log(`waiting for the deploy lock, held by ${(0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLockHolder */ .HR)(reply)}`);
            told ||= !reply.acquired;
            return reply;
        }, {
            clock: this.clock,
            timeoutMs: lockTimeoutMs,
            interval: { initialMs: Math.min(250, this.job.pollMs), maxMs: this.job.pollMs },
            done: (reply) => reply.acquired
        });
        const reply = result.value;
        if (!reply.acquired)
            throw new _step_js__WEBPACK_IMPORTED_MODULE_2__/* .StepError */ .zg(take, undefined, `Timed out after ${Math.round(lockTimeoutMs / 1000)}s waiting for the deploy lock, held by ${(0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLockHolder */ .HR)(reply)}`);
        this.acquired();
    }
    /** Releases the lock if held; over a fresh connection when this one dropped. */
    async unlock() {
        if (!this.locked || this.unlocked)
            return;
        const step = (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .unlockStep */ .Rl)(this.plan.layout, this.plan.token);
        const cannot = (error) => this.log(`could not release the lock (it expires after ${this.plan.lockStaleSeconds}s): ${(0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(error)}`);
        try {
            await this.runOne(step, { quiet: true });
            this.unlocked = true;
            this.log('▸ unlocked');
            return;
        }
        catch (error) {
            if (!(error instanceof _step_js__WEBPACK_IMPORTED_MODULE_2__/* .ConnectionLostError */ .N9))
                return cannot(error);
        }
        try {
            const fresh = await this.job.connect();
            try {
                const [result] = await fresh.run([step]);
                if (result?.code !== 0)
                    throw (0,_step_js__WEBPACK_IMPORTED_MODULE_2__/* .stepFailure */ .nK)(step, result ?? { code: null, stdout: '', stderr: '' });
                this.unlocked = true;
                this.log('▸ unlocked (over a new connection)');
            }
            finally {
                await fresh.close();
            }
        }
        catch (error) {
            cannot(error);
        }
    }
    /**
     * A new release directory's id and the steps that prepare it, to run in one round trip with
     * the target's next step: the upload of its files (compose file, `.env`, release record) in
     * one stream, the registry login (password on stdin), the pre-deploy hook.
     */
    newRelease(spec) {
        const { clock, plan } = this;
        const at = new Date(clock.now());
        const release = this.job.releaseId?.(spec.version) ?? (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseId */ .Bf)(at, spec.version, plan.token.slice(0, 4));
        const record = JSON.stringify({
            version: spec.version,
            release,
            deployedAt: at.toISOString(),
            ...plan.owner
        });
        const steps = [
            (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .uploadStep */ .go)(plan.layout, release, [
                { name: _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .COMPOSE_FILE */ .Uu, content: spec.composeFile },
                { name: _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .ENV_FILE */ .h9, content: spec.env },
                { name: _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .RELEASE_RECORD */ .oS, content: record + '\n' }
            ])
        ];
        if (spec.registry)
            steps.push((0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .loginStep */ .EJ)(spec.registry.server, spec.registry.username, spec.registry.password));
        if (spec.preDeploy)
            steps.push((0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .hookStep */ .cP)(plan.layout, release, 'pre-deploy', spec.preDeploy));
        return { release, steps };
    }
    /**
     * After a good release, in one round trip: the target's own last steps, `current` pointing at
     * the release, the post-deploy hook, the old releases and unused images pruned, the unlock.
     */
    async finish(state, release, options = {}) {
        const { layout, keepReleases, token } = this.plan;
        const kept = [...new Set([...state.releases, release])].sort();
        const prune = (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .releasesToPrune */ .W3)(kept, keepReleases, [release, state.current]);
        // Its failure leaves the lock to the engine's unlock, not the deploy failed.
        const unlock = { ...(0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .unlockStep */ .Rl)(layout, token), mayFail: true };
        const before = options.before ?? [];
        const steps = [
            ...before,
            (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .switchStep */ .PS)(layout, release),
            ...(options.postDeploy ? [(0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .hookStep */ .cP)(layout, release, 'post-deploy', options.postDeploy)] : []),
            ...(options.prune === false ? [] : [(0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_4__/* .pruneStep */ .vh)(layout, prune, state.compose)]),
            ...(this.locked ? [unlock] : [])
        ];
        const results = await this.run(steps, {
            quiet: [unlock, ...before.filter((s) => s.name.startsWith('upload '))]
        });
        if (results.length === steps.length && this.locked && results.at(-1)?.code === 0) {
            this.unlocked = true;
            this.log('▸ unlocked');
        }
    }
}
/** The version in a release record (`release.json`), if it is one. */
function recordVersion(text) {
    try {
        const record = JSON.parse(text);
        return typeof record.version === 'string' ? record.version : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 99497:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N9: () => (/* binding */ ConnectionLostError),
/* harmony export */   kL: () => (/* binding */ isTimeout),
/* harmony export */   nK: () => (/* binding */ stepFailure),
/* harmony export */   zg: () => (/* binding */ StepError)
/* harmony export */ });
/** The host could not be reached, or the connection dropped while steps ran. */
class ConnectionLostError extends Error {
}
/** A step failed: its name, its exit code and the tail of what it printed. */
class StepError extends Error {
    step;
    result;
    constructor(step, result, message) {
        super(message);
        this.step = step;
        this.result = result;
    }
}
/** `pull failed (exit code 1): the last | lines | it printed`. */
function stepFailure(step, result) {
    if (result.timedOutAfterMs !== undefined)
        return new StepError(step, result, `${step.name} timed out after ${formatSeconds(result.timedOutAfterMs)} (killed with its process group)`);
    const last = `${result.stdout}\n${result.stderr}`
        .split('\n')
        .filter((l) => l.trim())
        .slice(-5)
        .join(' | ');
    return new StepError(step, result, `${step.name} failed (exit code ${result.code})${last ? `: ${last}` : ''}`);
}
/** A step the runner killed at its time limit: a failure of the release, to roll back. */
function isTimeout(error) {
    return error instanceof StepError && error.result?.timedOutAfterMs !== undefined;
}
const formatSeconds = (ms) => `${Math.round(ms / 100) / 10}s`;


/***/ }),

/***/ 40626:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ resolveCommit),
/* harmony export */   y: () => (/* binding */ gitTarget)
/* harmony export */ });
/* harmony import */ var _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26407);
/* harmony import */ var _core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76933);
/* harmony import */ var _core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(60453);
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(97268);
/* harmony import */ var _lib_poll_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(43962);
/* harmony import */ var _step_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(99497);
/* harmony import */ var _rehearsal_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(70541);
/**
 * `target: git`: an app deployed from its repository, for what does not ship as a container (a
 * blog, a PHP site, a Python service under supervisor or systemd). Per host: fetch the exact
 * commit into the host's cache → its own release directory → linked shared files → build →
 * `current` switched atomically → restart → health. A failed build changes nothing live; a
 * failed restart or health check brings `current` back to the previous good release, restarts
 * and checks it again; the failed release is marked bad, so later rollbacks skip it.
 * Commands and decisions: src/core/deploy/git.ts.
 */







/**
 * A branch or tag to its commit, asked once of the repository from the first host (which can
 * reach it, with the deploy key), before any host changes: a push landing later does not change
 * what this run deploys. A full commit id is used as it is.
 */
async function resolveCommit(source, ref, connect) {
    if (_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .FULL_COMMIT */ .eI.test(ref))
        return ref;
    const runner = await connect();
    try {
        const step = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveStep */ .pE)(source, ref);
        const [result] = await runner.run([step]);
        if (!result || result.code !== 0)
            throw (0,_step_js__WEBPACK_IMPORTED_MODULE_3__/* .stepFailure */ .nK)(step, result ?? { code: null, stdout: '', stderr: '' });
        const resolved = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .parseResolve */ .qK)(result.stdout, ref);
        if ('error' in resolved)
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Input 'commit': ${resolved.error} in ${source.repository} (as seen from ${runner.where}); expected a branch, a tag or a full commit id.`);
        return resolved.commit;
    }
    finally {
        await runner.close();
    }
}
/** The health URL until it answers 2xx, quickly at first, backing off, until the timeout. */
async function waitHealthy(session) {
    const { healthUrl, healthTimeoutMs } = session.plan;
    if (!healthUrl)
        return { ok: true };
    session.log(`▸ wait healthy (${healthUrl})`);
    const probe = (0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .healthUrlStep */ .gC)(healthUrl);
    const result = await (0,_lib_poll_js__WEBPACK_IMPORTED_MODULE_6__/* .pollUntil */ .g)(async () => (await session.run([probe], { quiet: true }))[0], {
        clock: session.clock,
        timeoutMs: healthTimeoutMs,
        interval: session.backoff(),
        done: (r) => r?.code === 0
    });
    if (result.value?.code === 0) {
        session.log(`  healthy: ${healthUrl} answers`);
        return { ok: true };
    }
    const said = result.value?.stderr.trim().split('\n').at(-1) || `exit ${result.value?.code}`;
    return {
        ok: false,
        reason: `${healthUrl} did not answer within ${Math.round(healthTimeoutMs / 1000)}s (${said})`
    };
}
function gitTarget(options) {
    const { source, commit } = options;
    /** `current` → release, restart, health. */
    async function goLive(session, release) {
        const { layout } = session.plan;
        const steps = [
            (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .atomicSwitchStep */ .ap)(layout, release),
            ...(options.restart ? [(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .restartStep */ .se)(layout, options.restart)] : [])
        ];
        try {
            await session.run(steps);
        }
        catch (error) {
            // The switch or the restart failed: a verdict on the release. Anything else (the lock
            // taken in this round trip, a lost connection) is not, and ends the deploy.
            if (error instanceof _step_js__WEBPACK_IMPORTED_MODULE_3__/* .StepError */ .zg && steps.includes(error.step))
                return {
                    ok: false,
                    reason: (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error),
                    // A failed switch says nothing of the release: it never ran.
                    ...(error.step === steps[0] ? { release: false } : {})
                };
            throw error;
        }
        return waitHealthy(session);
    }
    const history = (session, entry) => (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .historyStep */ .RA)(session.plan.layout, {
        at: new Date(session.clock.now()).toISOString(),
        ...entry,
        ...session.plan.owner
    });
    return {
        name: 'git',
        rolledBackBy: 'Gantry',
        headline: ({ app, what, hosts, maxParallel }) => `Deploying ${app} ${what}${_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .FULL_COMMIT */ .eI.test(commit) && !what.startsWith('rollback') ? ` (commit ${commit})` : ''} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
        dryRunNote: 'A branch or tag is resolved to its commit once, from the first host, before any host changes; a host whose cache has the commit fetches nothing.',
        inspectStep: _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .gitInspectStep */ .$u,
        parseInspect: _core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .parseGitInspect */ .C6,
        async deploy(session, state, spec) {
            const { layout, rollback, keepReleases, token } = session.plan;
            const version = spec.version;
            const release = session.job.releaseId?.(version) ??
                (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_1__/* .releaseId */ .Bf)(new Date(session.clock.now()), version, token.slice(0, 4));
            const before = session.before;
            const previous = state.current;
            // Fetch and check out in one round trip: until the release directory exists (renamed into
            // place at the end), a failure changes nothing on the host but its cache.
            const { contains } = options;
            if (contains) {
                const [, verdict] = await session.run([
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchStep */ .BS)(layout, source, commit),
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .ancestorStep */ .Cx)(layout, contains.commit, commit)
                ]);
                if (verdict?.code !== 0) {
                    const message = `commit ${contains.commit} is not on branch ${contains.branch} (its head is ${(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .shortCommit */ .Ax)(commit)})`;
                    session.log(`✗ ${message}; nothing changed`);
                    return { status: 'failed', after: before, attempted: version, message };
                }
                session.log(`${(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .shortCommit */ .Ax)(contains.commit)} is on ${contains.branch}`);
                await session.run([(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkoutStep */ .vU)(layout, release, commit)]);
            }
            else
                await session.run([
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .fetchStep */ .BS)(layout, source, commit),
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .checkoutStep */ .vU)(layout, release, commit)
                ]);
            const prepare = [
                ...(options.linked.files.length || options.linked.dirs.length
                    ? [(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .linkStep */ .Vp)(layout, release, options.linked)]
                    : []),
                ...(spec.preDeploy ? [(0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .hookStep */ .cP)(layout, release, 'pre-deploy', spec.preDeploy)] : []),
                ...(options.build ? [(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .buildStep */ .R0)(layout, release, options.build)] : [])
            ];
            const failed = (reason) => [
                (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .markBadStep */ .Hl)(layout, release),
                history(session, { event: 'failed', release, commit, previous, message: reason })
            ];
            if (prepare.length) {
                try {
                    await session.run(prepare);
                }
                catch (error) {
                    const reason = (0,_lib_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(error);
                    session.log(`✗ ${version} failed before going live: ${reason}`);
                    await session.run([...failed(reason), (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .discardGitReleaseStep */ .uD)(layout, release)], {
                        quiet: true
                    });
                    return {
                        status: 'failed',
                        after: before,
                        attempted: version,
                        message: `${reason}; nothing changed: ${previous ? `current is still ${before}` : 'no release was current'}`
                    };
                }
            }
            const live = await goLive(session, release);
            if (live.ok) {
                const kept = [...new Set([...state.releases, release])].sort();
                const prune = (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_1__/* .releasesToPrune */ .W3)(kept, keepReleases, [
                    release,
                    previous,
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackCandidate */ .W5)(state)
                ]);
                await session.run([
                    history(session, { event: 'deployed', release, commit, previous }),
                    ...(spec.postDeploy ? [(0,_core_deploy_remote_js__WEBPACK_IMPORTED_MODULE_5__/* .hookStep */ .cP)(layout, release, 'post-deploy', spec.postDeploy)] : []),
                    (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .pruneGitStep */ .td)(layout, prune)
                ]);
                return { status: 'deployed', after: version };
            }
            session.log(`✗ ${version} failed: ${live.reason}`);
            await session.run(failed(live.reason), { quiet: true });
            const back = rollback ? (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .rollbackCandidate */ .W5)(state, commit) : undefined;
            if (!back) {
                const why = rollback ? 'no previous good release to roll back to' : 'rollback is off';
                return { status: 'failed', after: version, message: `${live.reason} (${why})` };
            }
            const backVersion = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .shortCommit */ .Ax)(state.revisions[back] ?? '') || before || back;
            session.log(`↩ rolling back to ${backVersion} (${back})`);
            const again = await goLive(session, back);
            // What serves after a failed rollback is not known: no version is named.
            if (!again.ok)
                return {
                    status: 'failed',
                    attempted: version,
                    message: `${live.reason}; the rollback to ${backVersion} is not healthy either: ${again.reason}`
                };
            await session.run([
                history(session, {
                    event: 'rolled-back',
                    release: back,
                    commit: state.revisions[back] ?? '',
                    previous: release
                }),
                (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .discardGitReleaseStep */ .uD)(layout, release)
            ], { quiet: true });
            return {
                status: 'rolled-back',
                after: backVersion,
                attempted: version,
                message: `${version} failed (${live.reason}); rolled back to ${backVersion}, ${version} marked bad`
            };
        },
        async rollbackTo(session, state, to) {
            const { layout } = session.plan;
            const target = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .gitRollbackTarget */ .Qs)(state, to);
            if ('error' in target)
                return { status: 'failed', message: `Cannot roll back: ${target.error}` };
            const targetCommit = state.revisions[target.release] ?? '';
            const version = (0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .shortCommit */ .Ax)(targetCommit) || target.release;
            session.log(`↩ rolling back to ${version} (${target.release})`);
            const live = await goLive(session, target.release);
            if (live.ok) {
                await session.run([
                    history(session, {
                        event: 'rollback',
                        release: target.release,
                        commit: targetCommit,
                        previous: state.current
                    })
                ]);
                return { status: 'deployed', after: version };
            }
            if (live.release !== false)
                await session.run([(0,_core_deploy_git_js__WEBPACK_IMPORTED_MODULE_0__/* .markBadStep */ .Hl)(layout, target.release)], { quiet: true });
            const current = state.current;
            if (current) {
                session.log(`↩ ${version} is not healthy: back to ${session.before ?? current}`);
                const again = await goLive(session, current);
                if (again.ok)
                    return {
                        status: 'rolled-back',
                        after: session.before,
                        attempted: version,
                        message: `the release ${version} is not healthy (${live.reason}); ${session.before} runs again`
                    };
            }
            return {
                status: 'failed',
                after: version,
                message: `the release ${version} is not healthy: ${live.reason}`
            };
        },
        /** `current` serves (switched, then restarted); healthy when the health URL answers. */
        async serving(session, state, { health }) {
            const release = state.current;
            if (!release)
                return { healthy: health ? false : undefined, detail: 'no release is current' };
            const version = session.before;
            if (!health)
                return { release, version };
            const live = await waitHealthy(session);
            return live.ok
                ? { release, version, healthy: true }
                : { release, version, healthy: false, detail: live.reason };
        },
        rehearsal(plan) {
            const host = (0,_rehearsal_js__WEBPACK_IMPORTED_MODULE_4__/* .rehearsalHost */ .S)(plan);
            const wanted = plan.mode.kind === 'rollback' ? plan.mode.to.toLowerCase() : '';
            const releases = host.releaseLines
                .split('\n')
                .filter((l) => l.startsWith('release='))
                .map((l) => l.slice('release='.length));
            // The release before the current one is the one `rollback-to` names.
            const revisions = releases.map((release, i) => {
                const named = i === releases.length - 2 && /^[0-9a-f]+$/.test(wanted) ? wanted : '';
                return `revision=${release} ${(named + String((i % 9) + 1).repeat(40)).slice(0, 40)}`;
            });
            return {
                'inspect git releases': `now=${host.now}\ngit=yes\n${host.releaseLines}${revisions.join('\n')}\n`,
                ...host.answers
            };
        }
    };
}


/***/ }),

/***/ 45842:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  YK: () => (/* binding */ HOST_TARGET_NAMES),
  az: () => (/* binding */ hostTarget)
});

// UNUSED EXPORTS: HOST_TARGETS

// EXTERNAL MODULE: ./src/lib/shell.ts
var shell = __webpack_require__(66861);
// EXTERNAL MODULE: ./src/core/deploy/proxy.ts
var deploy_proxy = __webpack_require__(17915);
;// CONCATENATED MODULE: ./src/core/deploy/haproxy.ts
/**
 * HAProxy for blue-green (Debian's 2.6): the configuration generated from the app records, and
 * the switch as runtime API commands on the admin socket (`set server … state ready/drain/maint`,
 * `set map`), so a release switch never reloads the proxy and drops nothing (testbed §11).
 *
 * The configuration holds only structure: one backend per app with its two slots (both
 * `disabled` until the runtime API enables one) and a `<app>.preview` backend for the preview
 * route. Which slot is live survives a reload through HAProxy's server-state file, saved right
 * before each reload. The version each slot runs lives in a map file per app (`maps/<app>.map`),
 * read by the response header rule and updated at runtime and on disk together. A reload happens
 * only when an app is added or its route or ports change. Pure.
 */

const haproxyPaths = (host) => {
    const dir = `${host.dir}/haproxy`;
    return {
        dir,
        config: `${dir}/haproxy.cfg`,
        pidfile: `${dir}/haproxy.pid`,
        adminSocket: `${dir}/admin.sock`,
        stateFile: `${dir}/server-state`,
        previewMap: `${dir}/preview.map`,
        map: (app) => `${dir}/maps/${app}.map`
    };
};
const previewBackend = (app) => `${app}.preview`;
/** The whole haproxy.cfg for these apps. Every value in it was validated (proxy.ts). */
function haproxyConfig(host, apps) {
    (0,deploy_proxy/* assertHost */.NS)(host);
    apps = (0,deploy_proxy/* servedBy */.nV)(apps, 'haproxy');
    (0,deploy_proxy/* assertApps */.r_)(apps);
    const p = haproxyPaths(host);
    const ordered = (0,deploy_proxy/* routeOrder */.sG)(apps);
    const lines = [
        '# Generated by Gantry (ssh-deploy, strategy: blue-green). Do not edit: the next deploy rewrites it.',
        'global',
        `  stats socket ${p.adminSocket} mode 600 level admin expose-fd listeners`,
        `  pidfile ${p.pidfile}`,
        `  server-state-file ${p.stateFile}`,
        'defaults',
        '  mode http',
        '  load-server-state-from-file global',
        '  option http-keep-alive',
        '  timeout connect 2s',
        '  timeout client 65s',
        '  timeout server 65s',
        '  timeout http-keep-alive 65s',
        '  timeout http-request 10s',
        'frontend gantry',
        `  bind ${host.listen.haproxy}`,
        // The preview route: a header whose value is a one-deploy token, mapped at runtime to the
        // app's preview backend. No token in the map, no preview: users cannot reach an idle slot.
        `  http-request set-var(txn.gantry_preview) req.hdr(${deploy_proxy/* PREVIEW_HEADER */.HH.toLowerCase()}),map(${p.previewMap})`,
        '  use_backend %[var(txn.gantry_preview)] if { var(txn.gantry_preview) -m found }'
    ];
    for (const a of ordered) {
        const acls = [];
        if (a.route.host) {
            lines.push(`  acl host_${a.app} req.hdr(host),field(1,:),lower -m str ${a.route.host}`);
            acls.push(`host_${a.app}`);
        }
        if (a.route.path) {
            lines.push(`  acl path_${a.app} path ${a.route.path}`);
            lines.push(`  acl path_${a.app} path_beg ${a.route.path}/`);
            acls.push(`path_${a.app}`);
        }
        if (acls.length)
            lines.push(`  use_backend ${a.app} if ${acls.join(' ')}`);
    }
    const fallback = ordered.find((a) => !a.route.host && !a.route.path);
    if (fallback)
        lines.push(`  default_backend ${fallback.app}`);
    for (const a of [...apps].sort((x, y) => x.app.localeCompare(y.app))) {
        for (const backend of [a.app, previewBackend(a.app)]) {
            lines.push(`backend ${backend}`, '  http-reuse safe', `  http-response set-header ${deploy_proxy/* RELEASE_HEADER */.kc} %[srv_name,map(${p.map(a.app)})]`, ...(a.options ?? []).map((line) => `  ${line.trim()}`), ...deploy_proxy/* SLOTS */._f.map((s) => `  server ${s} ${host.upstreamHost}:${a.ports[s]} disabled`));
        }
    }
    return lines.join('\n') + '\n';
}
/** `maps/<app>.map`: each slot's version (`-` for none). */
function releaseMap(a) {
    return deploy_proxy/* SLOTS */._f.map((s) => `${s} ${a.releases[s] ?? '-'}`).join('\n') + '\n';
}
/**
 * The runtime API commands of each phase of a blue-green deploy, joined by `; ` on one line (the
 * admin socket runs them in order). `from` is the live slot (none on an app's first deploy).
 */
const haproxyCommands = {
    /** The new slot's version in the map, and the preview route (token → preview backend → new slot). */
    preview(host, a, to, version, token) {
        (0,deploy_proxy/* assertToken */.Oi)(token);
        if ((0,deploy_proxy/* releaseLabel */.wr)(version) !== version)
            throw new Error(`invalid release ${JSON.stringify(version)} for the map of ${a.app}`);
        const p = haproxyPaths(host);
        const from = deploy_proxy/* SLOTS */._f.find((s) => s !== to);
        return [
            `set map ${p.map(a.app)} ${to} ${version}`,
            `set server ${previewBackend(a.app)}/${to} state ready`,
            `set server ${previewBackend(a.app)}/${from} state maint`,
            `add map ${p.previewMap} ${token} ${previewBackend(a.app)}`
        ];
    },
    /** Ends the preview route of this deploy. */
    endPreview(host, a, to, token) {
        (0,deploy_proxy/* assertToken */.Oi)(token);
        return [
            `del map ${haproxyPaths(host).previewMap} ${token}`,
            `set server ${previewBackend(a.app)}/${to} state maint`
        ];
    },
    /**
     * New requests go to `to`; those in flight on the other slot finish there (drain). The other
     * slot drains even when no record says it was live: whatever the proxy's runtime state was,
     * only `to` takes new requests after this.
     */
    switch(a, to) {
        return [
            `set server ${a.app}/${to} state ready`,
            `set server ${a.app}/${(0,deploy_proxy/* otherSlot */.jx)(to)} state drain`
        ];
    },
    /** After the drain: the old slot takes nothing any more, before it stops. */
    retire(a, slot) {
        return [`set server ${a.app}/${slot} state maint`];
    },
    /** The map file's version of a slot gone: `-`. */
    forget(host, a, slot) {
        return [`set map ${haproxyPaths(host).map(a.app)} ${slot} -`];
    }
};
/**
 * How many requests `slot` of the app still serves, from `show stat` (CSV: pxname, svname,
 * qcur, qmax, scur…): the current sessions column.
 */
function parseCurrentSessions(csv, app, slot) {
    for (const line of csv.split('\n')) {
        const f = line.split(',');
        if (f[0] === app && f[1] === slot)
            return Number(f[4]);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/deploy/nginx.ts
/**
 * nginx for blue-green, the reload-based driver (seed pipelines run nginx): the whole nginx.conf
 * generated from the app records, with the live slot and each slot's version written in, so every
 * switch is write → `nginx -t` → reload. nginx 1.22's reload closes idle keep-alive connections
 * of the old workers (testbed §11: 55 GET and 36 POST resets over 20 switches); the benchmark
 * shows those losses. The preview route is in the file only while a deploy's test runs. Pure.
 */

const nginxPaths = (host) => {
    const dir = `${host.dir}/nginx`;
    return {
        dir,
        config: `${dir}/nginx.conf`,
        pidfile: `${dir}/nginx.pid`,
        errorLog: `${dir}/error.log`
    };
};
const upstream = (app, slot) => `gantry_${app.replaceAll('-', '_')}_${slot}`;
function appLocation(a, preview, indent) {
    const live = a.live;
    const lines = [
        `set $gantry_upstream ${live ? upstream(a.app, live) : '""'};`,
        `set $gantry_release ${live ? (a.releases[live] ?? '-') : '-'};`
    ];
    if (preview && preview.app === a.app) {
        (0,deploy_proxy/* assertToken */.Oi)(preview.token);
        lines.push(`if ($http_${deploy_proxy/* PREVIEW_HEADER */.HH.toLowerCase().replaceAll('-', '_')} = ${preview.token}) {`, `  set $gantry_upstream ${upstream(a.app, preview.slot)};`, `  set $gantry_release ${a.releases[preview.slot] ?? '-'};`, '}');
    }
    lines.push('if ($gantry_upstream = "") { return 503 "no release of this app is live yet\\n"; }', ...(a.options ?? []).map((line) => line.trim()), 'proxy_pass http://$gantry_upstream;', 'proxy_http_version 1.1;', 'proxy_set_header Connection "";', 'proxy_set_header Host $host;', `add_header ${deploy_proxy/* RELEASE_HEADER */.kc} $gantry_release always;`);
    return lines.map((l) => indent + l);
}
function locations(apps, preview) {
    const lines = [];
    for (const a of apps) {
        const path = a.route.path;
        if (path) {
            for (const loc of [`= ${path}`, `^~ ${path}/`])
                lines.push(`    location ${loc} {`, ...appLocation(a, preview, '      '), '    }');
        }
        else
            lines.push('    location / {', ...appLocation(a, preview, '      '), '    }');
    }
    if (!apps.some((a) => !a.route.path))
        lines.push('    location / { return 404 "no app is routed here\\n"; }');
    return lines;
}
function nginxConfig(host, apps, preview) {
    (0,deploy_proxy/* assertHost */.NS)(host);
    apps = (0,deploy_proxy/* servedBy */.nV)(apps, 'nginx');
    (0,deploy_proxy/* assertApps */.r_)(apps);
    const p = nginxPaths(host);
    const ordered = (0,deploy_proxy/* routeOrder */.sG)(apps);
    const lines = [
        '# Generated by Gantry (ssh-deploy, strategy: blue-green, proxy: nginx). Do not edit: the next deploy rewrites it.',
        'worker_processes 1;',
        `pid ${p.pidfile};`,
        `error_log ${p.errorLog} warn;`,
        'events { worker_connections 1024; }',
        'http {',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${p.dir}/tmp_${t};`)
    ];
    for (const a of [...apps].sort((x, y) => x.app.localeCompare(y.app)))
        for (const s of deploy_proxy/* SLOTS */._f)
            lines.push(`  upstream ${upstream(a.app, s)} { server ${host.upstreamHost}:${a.ports[s]}; }`);
    const hosts = [...new Set(ordered.flatMap((a) => (a.route.host ? [a.route.host] : [])))];
    for (const name of hosts) {
        lines.push('  server {', `    listen ${host.listen.nginx};`, `    server_name ${name};`, ...locations(ordered.filter((a) => a.route.host === name), preview), '  }');
    }
    lines.push('  server {', `    listen ${host.listen.nginx} default_server;`, ...locations(ordered.filter((a) => !a.route.host), preview), '  }', '}');
    return lines.join('\n') + '\n';
}

// EXTERNAL MODULE: ./src/core/deploy/remote.ts
var remote = __webpack_require__(60453);
;// CONCATENATED MODULE: ./src/core/deploy/blue-green.ts
/**
 * `strategy: blue-green`, the remote steps as data (src/io executes them): read the host's proxy
 * state, put a generated configuration in place only once it validated, start a release in the
 * idle slot with the slot's documented variables, switch through HAProxy's runtime API or an
 * nginx reload, wait for the old slot to drain, stop it, run the user's post-deploy test with the
 * URL and version in its environment (on stdin, as data), probe through the proxy. Every value in
 * a script went through quote(); the user's own commands (post-deploy-test) are their shell.
 */





/** Debian installs haproxy and nginx in /usr/sbin, which is not on a login user's PATH. */
const SBIN_PATH = 'PATH="$PATH:/usr/sbin:/sbin"';
const proxyDir = (...parts) => (0,shell/* remotePath */.QZ)(['~', deploy_proxy/* PROXY_DIR */.TA, ...parts].join('/'));
/** The proxy's state on the host: home, host.json, every app's record, which proxy runs, tools. */
function proxyInspectStep(driver) {
    const pidfile = driver === 'haproxy' ? proxyDir('haproxy', 'haproxy.pid') : proxyDir('nginx', 'nginx.pid');
    return {
        name: 'inspect proxy',
        script: [
            SBIN_PATH,
            'echo "home=$HOME"',
            `for t in ${driver} socat curl; do if command -v "$t" >/dev/null 2>&1; then echo "tool=$t"; fi; done`,
            `pid=$(cat ${pidfile} 2>/dev/null); if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then echo running=yes; fi`,
            `echo "records=$(${RECORDS_SUM})"`,
            'echo "#host"',
            `cat ${proxyDir('host.json')} 2>/dev/null || true`,
            'echo "#records"',
            `for f in ${proxyDir('apps')}/*.json; do if [ -f "$f" ]; then tr -d '\\n' < "$f"; echo; fi; done`
        ].join('\n')
    };
}
function parseProxyInspect(stdout) {
    const lines = stdout.split('\n');
    const hostAt = lines.indexOf('#host');
    const recordsAt = lines.indexOf('#records');
    const head = lines.slice(0, hostAt < 0 ? lines.length : hostAt);
    const home = head.find((l) => l.startsWith('home='))?.slice(5) ?? '';
    if (!home)
        throw new Error('the host did not say where its home is ($HOME is empty)');
    const hostText = hostAt < 0 ? '' : lines.slice(hostAt + 1, recordsAt < 0 ? undefined : recordsAt).join('\n');
    const records = (recordsAt < 0 ? [] : lines.slice(recordsAt + 1))
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => (0,deploy_proxy/* parseRecord */.Hh)(l))
        .filter((r) => r !== undefined);
    return {
        host: (0,deploy_proxy/* parseHostSettings */.Xy)(home, hostText),
        records,
        recordsSum: head.find((l) => l.startsWith('records='))?.slice(8) ?? '',
        running: head.includes('running=yes'),
        tools: head.filter((l) => l.startsWith('tool=')).map((l) => l.slice(5))
    };
}
/** What a host lacks for this driver, or undefined. */
function missingTools(driver, tools) {
    const need = driver === 'haproxy' ? ['haproxy', 'socat', 'curl'] : ['nginx', 'curl'];
    const missing = need.filter((t) => !tools.includes(t));
    return missing.length
        ? `the host lacks ${missing.join(', ')} (on Debian: apt-get install -y ${missing.join(' ')})`
        : undefined;
}
/** Writes files under ~/gantry-proxy/ from stdin sections (the app's record, its map file). */
function writeProxyFileStep(name, relative, content) {
    const parts = relative.split('/');
    const dir = proxyDir(...parts.slice(0, -1));
    const file = proxyDir(...parts);
    return {
        name,
        script: `mkdir -p ${dir} && cat > ${file}.new && mv ${file}.new ${file}`,
        stdin: content
    };
}
const RECORDS_CHANGED_EXIT = 75;
const bytes = (text) => new TextEncoder().encode(text).length;
/** Checksum of every app record, as the inspect step prints it (`records=<cksum>`). */
const RECORDS_SUM = `cat ${proxyDir('apps')}/*.json 2>/dev/null | cksum | tr -d ' '`;
/**
 * One change to the proxy, atomic with respect to other deploys on the host (flock on
 * ~/gantry-proxy/.lock): the records unchanged since the runner read them, the new files
 * staged, the new configuration validated (`haproxy -c` / `nginx -t`; one that does not validate
 * is kept as `.rejected` and nothing changes), the files moved in (the ones they replace kept
 * until the end), then the runtime commands: when those fail, the files they replaced are moved
 * back, so the records never say what HAProxy does not do. Then the proxy is reloaded if its
 * configuration changed (HAProxy saves its servers' state first, so the live slots survive the
 * reload, and the step waits for the new worker, since the master keeps the old one when the new
 * cannot start), or started if it is not running, even with its configuration unchanged (after a
 * reboot). A started proxy does not inherit the lock's descriptor: it would hold the lock for as
 * long as it runs. Content arrives on stdin, each file reading exactly its bytes. Prints
 * `config=unchanged|reloaded|started`.
 */
function proxyCommitStep(c) {
    (0,deploy_proxy/* assertHost */.NS)(c.host);
    const h = haproxyPaths(c.host);
    const n = nginxPaths(c.host);
    const target = (f) => (0,shell/* quote */.hD)(`${c.host.dir}/${f.path}`);
    const dirs = [...new Set(c.files.map((f) => f.path.split('/').slice(0, -1).join('/')))];
    for (const f of c.files)
        if (!/^(?:[a-z0-9][a-z0-9_.-]*\/)*[a-z0-9][a-z0-9_.-]*$/.test(f.path))
            throw new Error(`proxy file path ${JSON.stringify(f.path)} is not a plain relative path`);
    const lines = [
        SBIN_PATH,
        `mkdir -p ${proxyDir('apps')} ${(0,shell/* quote */.hD)(`${h.dir}/maps`)} ${(0,shell/* quote */.hD)(n.dir)}${dirs.map((d) => ` ${(0,shell/* quote */.hD)(`${c.host.dir}/${d}`)}`).join('')} || exit 1`,
        `exec ${LOCK_FD}> ${proxyDir('.lock')} && flock -w 60 ${LOCK_FD} || { echo 'another deploy held the proxy lock ~/${deploy_proxy/* PROXY_DIR */.TA}/.lock for 60 s (if no deploy runs: a proxy that an older Gantry started may hold it; restart that proxy once)' >&2; exit 1; }`
    ];
    if (c.recordsSum !== undefined)
        lines.push(`if [ "$(${RECORDS_SUM})" != ${(0,shell/* quote */.hD)(c.recordsSum)} ]; then echo 'another deploy changed the proxy meanwhile' >&2; exit ${RECORDS_CHANGED_EXIT}; fi`);
    lines.push(...c.files.map((f) => `head -c ${bytes(f.content)} > ${target(f)}.new || exit 1`));
    const discard = c.files.length
        ? `rm -f ${c.files.map((f) => `${target(f)}.new`).join(' ')}; `
        : '';
    if (c.config !== undefined)
        lines.push(...stageConfig({ ...c, config: c.config }, discard));
    const runtime = c.runtime?.length ? c.runtime.join('; ') + '\n' : '';
    if (runtime)
        lines.push(`rt=$(head -c ${bytes(runtime)}) || { ${discard}exit 1; }`);
    lines.push(...moveFilesIn(c.files.map(target), discard));
    if (runtime)
        lines.push(...runtimeCommands(c.host, c.files.length ? 'restore; ' : ''));
    if (c.files.length)
        lines.push(`rm -f ${c.files.map((f) => `${target(f)}.old`).join(' ')}`);
    if (c.config !== undefined)
        lines.push(...(c.driver === 'haproxy' ? applyHaproxy(c.host) : applyNginx(c.host)));
    return {
        name: c.name,
        script: lines.join('\n'),
        stdin: c.files.map((f) => f.content).join('') + (c.config ?? '') + runtime,
        ...(c.secret ? { secretStdin: true } : {})
    };
}
/** The lock's descriptor in the commit script; closed for the proxies it starts. */
const LOCK_FD = 9;
/** The new configuration as `<config>.new`, `changed=yes` when it differs; exit 3 when it does not validate. */
function stageConfig(c, discard) {
    const h = haproxyPaths(c.host);
    const n = nginxPaths(c.host);
    const cfg = (0,shell/* quote */.hD)(c.driver === 'haproxy' ? h.config : n.config);
    const check = c.driver === 'haproxy'
        ? (0,shell/* shellCommand */.q$)(['haproxy', '-c', '-f', `${h.config}.new`])
        : (0,shell/* shellCommand */.q$)(['nginx', '-e', n.errorLog, '-t', '-c', `${n.config}.new`]);
    const checker = c.driver === 'haproxy' ? 'haproxy -c' : 'nginx -t';
    const target = (f) => (0,shell/* quote */.hD)(`${c.host.dir}/${f.path}`);
    return [
        'changed=',
        `head -c ${bytes(c.config)} > ${cfg}.new || { ${discard}exit 1; }`,
        // Map files a new configuration names must exist for it to validate.
        ...(c.driver === 'haproxy'
            ? [
                `touch ${(0,shell/* quote */.hD)(h.previewMap)} ${(0,shell/* quote */.hD)(h.stateFile)}`,
                ...c.files
                    .filter((f) => f.path.startsWith('haproxy/maps/'))
                    .map((f) => `[ -f ${target(f)} ] || : > ${target(f)}`)
            ]
            : []),
        `if cmp -s ${cfg}.new ${cfg}; then rm -f ${cfg}.new; else changed=yes; fi`,
        `if [ "$changed" = yes ] && ! out=$(${check} 2>&1); then ${discard}mv ${cfg}.new ${cfg}.rejected; printf '%s\\n' "$out" | grep -v -e '^$' -e NOTICE | tail -n 8 >&2; echo 'the new proxy configuration does not validate (${checker}): nothing changed, the running one stays' >&2; exit 3; fi`
    ];
}
/**
 * The staged files replace the live ones, each kept as `<file>.old` first; `restore` (defined
 * here) puts them back (a file that did not exist is removed again).
 */
function moveFilesIn(files, discard) {
    if (!files.length)
        return [];
    const restore = files
        .map((f) => `if [ -e ${f}.old ]; then mv -f ${f}.old ${f}; else rm -f ${f}; fi`)
        .join('; ');
    return [
        `restore() { ${restore}; rm -f ${files.map((f) => `${f}.new`).join(' ')}; }`,
        ...files.map((f) => `rm -f ${f}.old; if [ -e ${f} ]; then ln -f ${f} ${f}.old || { ${discard}exit 1; }; fi`),
        ...files.map((f) => `mv ${f}.new ${f} || { restore; exit 1; }`)
    ];
}
/**
 * HAProxy's runtime API commands (read into `$rt`); any answer is a refusal. The servers' state
 * is saved after them, so a restarted HAProxy (a reboot) brings back the slots as they were.
 */
function runtimeCommands(host, undo) {
    const h = haproxyPaths(host);
    const sock = (0,shell/* quote */.hD)(`UNIX-CONNECT:${h.adminSocket}`);
    return [
        `out=$(printf '%s\\n' "$rt" | socat -t 5 stdio ${sock}) || { ${undo}echo 'cannot reach the HAProxy admin socket ${h.adminSocket}' >&2; exit 1; }`,
        `if printf '%s' "$out" | grep -q '[^[:space:]]'; then ${undo}printf 'HAProxy refused: %s\\n' "$out" >&2; exit 1; fi`,
        `printf 'show servers state\\n' | socat -t 2 stdio ${sock} > ${(0,shell/* quote */.hD)(h.stateFile)}.new && mv ${(0,shell/* quote */.hD)(h.stateFile)}.new ${(0,shell/* quote */.hD)(h.stateFile)}`
    ];
}
/**
 * Starts a proxy in the background: without the lock's descriptor, its output in `log` (printed
 * when it fails to start, with the ways out of a privileged port); with `answers`, a condition
 * that holds once it takes commands, waited for up to 5 s (the next commit talks to it).
 */
function startProxy(argv, log, driver, listen, answers) {
    const name = driver === 'haproxy' ? 'HAProxy' : 'nginx';
    const privileged = `${name} may not listen on ${listen} as this user: allow it a privileged port ` +
        `(setcap cap_net_bind_service=+ep /usr/sbin/${driver}) or set a port above 1024 in ` +
        `~/${deploy_proxy/* PROXY_DIR */.TA}/host.json (${driver === 'haproxy' ? '"haproxy": {"listen": ":8080"}' : '"nginx": {"listen": "8080"}'})`;
    return (`if ${(0,shell/* shellCommand */.q$)(argv)} ${LOCK_FD}>&- < /dev/null > ${(0,shell/* quote */.hD)(log)} 2>&1; then ` +
        (answers
            ? `i=0; until ${answers}; do if [ $i -ge 50 ]; then echo ${(0,shell/* quote */.hD)(`${name} started but does not answer on its admin socket (see ${log})`)} >&2; exit 5; fi; sleep 0.1; i=$((i+1)); done; `
            : '') +
        `echo config=started; else ` +
        `grep -v -e '^$' -e NOTICE ${(0,shell/* quote */.hD)(log)} | tail -n 8 >&2; ` +
        `if grep -q 'Permission denied' ${(0,shell/* quote */.hD)(log)}; then echo ${(0,shell/* quote */.hD)(privileged)} >&2; fi; ` +
        `echo ${(0,shell/* quote */.hD)(`${driver} did not start (its output is in ${log})`)} >&2; exit 5; fi`);
}
/** The configuration in place: reloaded when it changed and the proxy runs, else started if not running. */
function applyHaproxy(host) {
    const h = haproxyPaths(host);
    const sock = (0,shell/* quote */.hD)(`UNIX-CONNECT:${h.adminSocket}`);
    const worker = `printf 'show info\\n' | socat -t 2 stdio ${sock} 2>/dev/null | sed -n 's/^Pid: //p'`;
    return [
        `pid=$(cat ${(0,shell/* quote */.hD)(h.pidfile)} 2>/dev/null)`,
        'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
        `  if [ "$changed" != yes ]; then echo config=unchanged; exit 0; fi`,
        `  before=$(${worker})`,
        `  printf 'show servers state\\n' | socat -t 2 stdio ${sock} > ${(0,shell/* quote */.hD)(h.stateFile)}.new && mv ${(0,shell/* quote */.hD)(h.stateFile)}.new ${(0,shell/* quote */.hD)(h.stateFile)}`,
        `  mv ${(0,shell/* quote */.hD)(h.config)}.new ${(0,shell/* quote */.hD)(h.config)} && kill -USR2 "$pid" || exit 1`,
        `  i=0; while [ $i -lt 50 ]; do now=$(${worker}); if [ -n "$now" ] && [ "$now" != "$before" ]; then echo config=reloaded; exit 0; fi; sleep 0.1; i=$((i+1)); done`,
        "  echo 'HAProxy did not start a worker with the new configuration within 5 s (a port taken? see its log); the old one keeps serving' >&2; exit 4",
        'fi',
        `if [ "$changed" = yes ]; then mv ${(0,shell/* quote */.hD)(h.config)}.new ${(0,shell/* quote */.hD)(h.config)} || exit 1; fi`,
        // The configuration names its pidfile: `-p` as well would make HAProxy complain.
        startProxy(['haproxy', '-W', '-D', '-f', h.config], `${h.dir}/start.log`, 'haproxy', host.listen.haproxy, `[ -n "$(${worker})" ]`)
    ];
}
function applyNginx(host) {
    const n = nginxPaths(host);
    const base = ['nginx', '-e', n.errorLog, '-c', n.config];
    return [
        `if [ "$changed" = yes ]; then mv ${(0,shell/* quote */.hD)(n.config)}.new ${(0,shell/* quote */.hD)(n.config)} || exit 1; fi`,
        `pid=$(cat ${(0,shell/* quote */.hD)(n.pidfile)} 2>/dev/null)`,
        'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then',
        `  if [ "$changed" != yes ]; then echo config=unchanged; exit 0; fi`,
        `  ${(0,shell/* shellCommand */.q$)([...base, '-s', 'reload'])} && echo config=reloaded; exit`,
        'fi',
        startProxy(base, `${n.dir}/start.log`, 'nginx', host.listen.nginx)
    ];
}
/** nginx: waits until the old workers (after a reload) finished their requests, at most `timeoutMs`. */
function nginxDrainStep(host, timeoutMs) {
    const pidfile = (0,shell/* quote */.hD)(nginxPaths(host).pidfile);
    const count = `ps -o args= --ppid "$(cat ${pidfile})" | grep -c 'shutting down'`;
    return {
        name: `drain (old nginx workers, up to ${Math.round(timeoutMs / 100) / 10}s)`,
        script: untilZero(count, timeoutMs)
    };
}
/** Polls `count` every 0.1 s until it prints 0 or `timeoutMs` passed; prints `sessions=<n>`. */
function untilZero(count, timeoutMs) {
    const rounds = Math.max(1, Math.ceil(timeoutMs / 100));
    return `i=0; while :; do n=$(${count}); if [ "\${n:-0}" = 0 ] || [ $i -ge ${rounds} ]; then break; fi; sleep 0.1; i=$((i+1)); done; echo "sessions=\${n:-0}"`;
}
/**
 * Waits until `slot` of the app serves no request any more, at most `timeoutMs`; prints
 * `sessions=<n>` (0 once drained).
 */
function haproxyDrainStep(host, app, slot, timeoutMs) {
    const sock = (0,shell/* quote */.hD)(`UNIX-CONNECT:${haproxyPaths(host).adminSocket}`);
    const count = `printf 'show stat\\n' | socat -t 2 stdio ${sock} | awk -F, -v b=${(0,shell/* quote */.hD)(app)} -v s=${(0,shell/* quote */.hD)(slot)} '$1==b && $2==s {print $5}'`;
    return {
        name: `drain ${slot} (up to ${Math.round(timeoutMs / 100) / 10}s)`,
        script: untilZero(count, timeoutMs)
    };
}

function parseSessions(stdout) {
    const m = /sessions=(\d+)/.exec(stdout);
    return m ? Number(m[1]) : 0;
}
const composeBase = (compose) => compose === 'docker compose' ? ['docker', 'compose'] : ['docker-compose'];
/** `up -d` of a release in a slot: its own compose project, the slot's variables in the environment. */
function slotUpStep(layout, compose, release, project, env) {
    const dir = (0,shell/* remotePath */.QZ)([layout.dir, remote/* RELEASES */.pH, release].join('/').replace(/\/+/g, '/'));
    const vars = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    return {
        name: `up (slot ${env.GANTRY_SLOT ?? ''})`,
        script: `cd ${dir} && ${(0,shell/* shellCommand */.q$)(['env', ...vars, ...composeBase(compose), '-p', project, '-f', remote/* COMPOSE_FILE */.Uu, 'up', '-d', '--remove-orphans'])}`
    };
}
/** Every container of a compose project, by its label (no compose file needed). */
const projectContainers = (project) => (0,shell/* shellCommand */.q$)(['docker', 'ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`]);
/** Stops and removes a slot's containers by their compose label (no compose file needed). */
function slotDownStep(project, slot, stopTimeoutSeconds) {
    const list = projectContainers(project);
    return {
        name: `stop slot ${slot}`,
        script: `ids=$(${list}) && if [ -n "$ids" ]; then ${(0,shell/* shellCommand */.q$)(['docker', 'stop', '-t', String(stopTimeoutSeconds)])} $ids >/dev/null && docker rm $ids >/dev/null; fi; ` +
            `${(0,shell/* shellCommand */.q$)(['docker', 'network', 'rm', `${project}_default`])} >/dev/null 2>&1; true`
    };
}
/**
 * Why a project's containers failed: per container its name, state, exit code and health, then
 * its last log lines (prefixed `| `).
 */
function failureReportStep(project, lines = 10) {
    const list = projectContainers(project);
    const format = '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} exit={{.State.ExitCode}}{{if .State.Health}} health={{.State.Health.Status}}{{end}}';
    return {
        name: 'why it failed',
        script: `for id in $(${list}); do ${(0,shell/* shellCommand */.q$)(['docker', 'inspect', '--format', format])} "$id"; ${(0,shell/* shellCommand */.q$)(['docker', 'logs', '--tail', String(lines)])} "$id" 2>&1 | sed 's/^/| /'; done`
    };
}
/** `<service> <state> exit=<n> [health=…]` lines and their log lines, as one message. */
function describeFailure(stdout) {
    const parts = [];
    let logs = [];
    const flush = () => {
        if (logs.length)
            parts[parts.length - 1] += `; last log lines: ${logs.slice(-5).join(' | ')}`;
        logs = [];
    };
    for (const raw of stdout.split('\n')) {
        const line = raw.trimEnd();
        if (!line)
            continue;
        if (line.startsWith('| '))
            logs.push(line.slice(2).trim());
        else {
            flush();
            const m = /^(\S+) (\S+) exit=(-?\d+)(?: health=(\S+))?$/.exec(line);
            if (!m)
                continue;
            const [, service, state, exit, health] = m;
            parts.push(`container of ${service} ${state} (exit code ${exit}${health ? `, ${health}` : ''})`);
        }
    }
    flush();
    return parts.length ? parts.join('; ') : undefined;
}
/**
 * One request through the proxy (curl; the preview header comes on stdin, never on the command
 * line): prints `status=<code>` and `release=<value of the release header>`.
 */
function probeStep(url, header, host) {
    const curl = ['curl', '-sS', '-m', '5', '-o', '/dev/null', '-D', '-', '-H', '@-', url];
    const lines = [...(host ? [`Host: ${host}`] : []), ...(header ? [header] : [])];
    return {
        name: `probe ${url}`,
        script: `${(0,shell/* shellCommand */.q$)(curl)} | tr -d '\\r' | awk 'NR==1 {print "status=" $2} ` +
            `tolower($1)=="${deploy_proxy/* RELEASE_HEADER */.kc.toLowerCase()}:" {print "release=" $2}'`,
        stdin: lines.map((l) => `${l}\n`).join(''),
        secretStdin: Boolean(header)
    };
}
function parseProbe(stdout) {
    const status = Number(/status=(\d+)/.exec(stdout)?.[1] ?? 0);
    const release = /release=(\S+)/.exec(stdout)?.[1];
    return release ? { status, release } : { status };
}
/**
 * The user's post-deploy test, run in the release directory. Its environment (GANTRY_TEST_URL,
 * GANTRY_TEST_HEADER, GANTRY_TEST_PHASE, GANTRY_VERSION) arrives on stdin as data, exported
 * without evaluation; the preview token never appears on a command line.
 */
function postDeployTestStep(layout, release, command, env) {
    const dir = (0,shell/* remotePath */.QZ)([layout.dir, remote/* RELEASES */.pH, release].join('/').replace(/\/+/g, '/'));
    const lines = [
        `GANTRY_TEST_URL=${env.url}`,
        `GANTRY_TEST_HEADER=${env.header}`,
        `GANTRY_TEST_HOST=${env.host}`,
        `GANTRY_TEST_PHASE=${env.phase}`,
        `GANTRY_VERSION=${env.version}`
    ];
    return {
        name: `post-deploy-test (${env.phase === 'preview' ? 'preview route, before the switch' : 'public route'})`,
        script: `cd ${dir} && while IFS= read -r kv || [ -n "$kv" ]; do export "$kv" || exit 2; done && { ${command}\n} < /dev/null`,
        stdin: lines.join('\n') + '\n',
        secretStdin: env.phase === 'preview'
    };
}
/** The preview header line a test sends: `X-Gantry-Preview: <token>`. */
const previewHeader = (token) => `${deploy_proxy/* PREVIEW_HEADER */.HH}: ${token}`;

// EXTERNAL MODULE: ./src/core/deploy/releases.ts
var releases = __webpack_require__(76933);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/lib/retry.ts
var retry = __webpack_require__(61737);
// EXTERNAL MODULE: ./src/deploy/step.ts
var deploy_step = __webpack_require__(99497);
// EXTERNAL MODULE: ./src/lib/poll.ts
var poll = __webpack_require__(43962);
// EXTERNAL MODULE: ./src/deploy/output.ts
var output = __webpack_require__(91170);
// EXTERNAL MODULE: ./src/deploy/targets/rehearsal.ts
var rehearsal = __webpack_require__(70541);
;// CONCATENATED MODULE: ./src/deploy/targets/compose.ts
/**
 * `target: compose`: the release's compose project on each host. Pull (a failed pull changes
 * nothing), `up`, wait until healthy (containers, their health checks, the health URL), then
 * switch `current`; an unhealthy release brings the previous one up again (rollback: true).
 * Commands: src/core/deploy/remote.ts; decisions: src/core/deploy/releases.ts.
 */








/** Without any health check, containers that keep running this long count as up. */
const STEADY_MS = 1000;
/**
 * Runs `first` (the `up`) with the first look at the containers in one round trip, then looks
 * again, quickly at first and backing off, until healthy, failed or out of time. A container
 * Docker still calls `starting` has its own health check run by Gantry at once (Docker's first
 * check comes one `interval` after the start): passing, it counts as up; Docker's `unhealthy`
 * alone fails it.
 */
async function waitHealthy(session, 
// undefined: only looks (recovery's check of what already runs).
up, before = [], 
// Blue-green checks a slot: its own compose project, the health URL on the slot's port.
target = session.plan) {
    const { clock, plan } = session;
    const { healthTimeoutMs } = plan;
    const { layout, healthUrl } = target;
    let starting = [];
    let announced = false;
    let upSince;
    const observe = async (attempt) => {
        const status = (0,remote/* statusStep */.DN)(layout);
        // The health checks of the containers Docker last called `starting`, run now.
        const probes = starting;
        const url = healthUrl ? (0,remote/* healthUrlStep */.gC)(healthUrl) : undefined;
        const look = [status, ...probes, ...(url ? [url] : [])];
        const steps = [...(attempt === 1 ? [...before, ...(up ? [up] : [])] : []), ...look];
        const results = await session.run(steps, { quiet: look }).catch((error) => {
            // `up` or a look at the containers failing is the release's failure; a step before `up`
            // (the lock, the upload, the pull) changed nothing, and stays an error. A step killed at
            // its time limit (the local runner's step timeout) is a failure of the release wherever
            // it hung: a hook or a pull cut off midway may have changed things, so it rolls back. Not
            // the lock's take (the session's, in this round trip): without the lock nothing may change.
            if (error instanceof deploy_step/* StepError */.zg &&
                (error.step === up ||
                    look.includes(error.step) ||
                    ((0,deploy_step/* isTimeout */.kL)(error) && before.includes(error.step))))
                throw new ReleaseFailure((0,errors/* errorMessage */.gJ)(error));
            throw error;
        });
        if (!announced)
            session.log(`▸ wait healthy${healthUrl ? ` (${healthUrl})` : ''}`);
        announced = true;
        const result = (step) => results[steps.indexOf(step)];
        const containers = (0,releases/* parseStatus */.i$)(result(status)?.stdout ?? '');
        starting = containers.flatMap((c) => c.health === 'starting' && c.id && c.check
            ? [(0,remote/* healthProbeStep */.Pl)({ id: c.id, service: c.service, argv: c.check })]
            : []);
        // A service passes when every probe of its containers did.
        const probed = new Map();
        for (const p of probes) {
            const service = p.name.replace(/^health check /, '');
            probed.set(service, (probed.get(service) ?? true) && result(p)?.code === 0);
        }
        const passed = new Set([...probed].filter(([, ok]) => ok).map(([service]) => service));
        const verdict = (0,releases/* evaluateWithProbes */.bR)(containers, passed);
        if (verdict.health !== 'up')
            upSince = undefined;
        if (verdict.health !== 'up')
            return { ...verdict, done: verdict.health === 'failed' };
        const probe = url && result(url);
        if (probe) {
            if (probe.code === 0)
                return { health: 'up', detail: `${healthUrl} answers`, done: true };
            const said = probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`;
            return {
                health: 'waiting',
                detail: `${healthUrl} does not answer yet (${said})`,
                done: false
            };
        }
        if (containers.some((c) => c.health !== 'none'))
            return { ...verdict, done: true };
        upSince ??= clock.now();
        return { ...verdict, done: clock.now() - upSince >= STEADY_MS };
    };
    const result = await (0,poll/* pollUntil */.g)(observe, {
        clock,
        timeoutMs: healthTimeoutMs,
        interval: session.backoff(),
        done: (v) => v.done
    });
    const { value } = result;
    if (value.done && value.health === 'up') {
        session.log((0,output/* hostOutputLine */.O)(`healthy: ${value.detail}`));
        return { ok: true };
    }
    if (value.health === 'failed')
        return { ok: false, reason: value.detail };
    return {
        ok: false,
        reason: `not healthy after ${Math.round(healthTimeoutMs / 1000)}s: ${value.detail}`
    };
}
/** The new release did not come up: a reason to roll back. */
class ReleaseFailure extends Error {
}
/**
 * `before` (the release's upload and pull) and `up`, then the wait, the first steps in one round
 * trip. A failure before `up` changed nothing and is thrown (a lost connection too: how far the
 * steps got is unknown); a failed `up` is a failure of the release, with its reason. Either way a
 * failed release's reason carries its containers' exit codes and last log lines.
 */
async function upAndWait(session, compose, release, before = []) {
    const project = session.plan.layout.project;
    let health;
    try {
        health = await waitHealthy(session, (0,remote/* upStep */.iv)(session.plan.layout, compose, release), before);
    }
    catch (error) {
        if (!(error instanceof ReleaseFailure))
            throw error;
        return {
            ok: false,
            reason: error.message + (await failureDetail(session, project)),
            error: true
        };
    }
    if (health.ok)
        return health;
    return { ok: false, reason: health.reason + (await failureDetail(session, project)) };
}
/**
 * Why a project's release failed, for the message: each container's state, exit code and health
 * and its last log lines (` (container of app exited (exit code 1); last log lines: …)`), or
 * nothing when the host cannot say.
 */
async function failureDetail(session, project) {
    try {
        const [report] = await session.run([{ ...failureReportStep(project), mayFail: true }], {
            quiet: true
        });
        const text = describeFailure(report?.stdout ?? '');
        return text ? ` (${text})` : '';
    }
    catch {
        return ''; // the report is a courtesy: the failure itself is already known
    }
}
/**
 * The release a compose project runs (its containers' directory; `current` when they cannot
 * say) and, with `check`, whether it passes the deploy's own health check, looked at only.
 */
async function servingProject(session, state, project, check, 
// When no container says: `current` (compose), the version the proxy names (blue-green).
otherwise = { release: state.current }) {
    const ran = await session.runOne((0,remote/* runningReleaseStep */.jK)(project), { quiet: true });
    const release = (0,remote/* parseRunningRelease */.K2)(ran.stdout) ?? otherwise.release;
    const version = release === undefined
        ? otherwise.version
        : release === state.current && session.before
            ? session.before
            : await session.versionOf(release);
    if (!release && !version)
        return { healthy: check ? false : undefined, detail: 'nothing runs' };
    if (!check)
        return { release, version };
    const health = await waitHealthy(session, undefined, [], check).catch((error) => ({
        ok: false,
        reason: (0,errors/* errorMessage */.gJ)(error)
    }));
    return health.ok
        ? { release, version, healthy: true }
        : { release, version, healthy: false, detail: health.reason };
}
/** After `current` was switched to the new release: the previous one up, `current` back to it. */
async function rollBackLive(session, state, spec, release, failure) {
    const previous = state.current;
    const before = session.before ?? previous;
    session.log(`✗ ${spec.version} failed: ${failure}`);
    session.log(`↩ rolling back to ${before}`);
    const again = await upAndWait(session, state.compose, previous);
    // What serves after a failed rollback is not known: no version is named.
    if (!again.ok)
        return {
            status: 'failed',
            attempted: spec.version,
            message: `${failure}; the rollback failed too: ${again.reason}`
        };
    await session.run([(0,remote/* switchStep */.PS)(session.plan.layout, previous)]);
    await discard(session, state, release);
    return {
        status: 'rolled-back',
        after: before,
        attempted: spec.version,
        message: `${spec.version} failed (${failure}); rolled back to ${before}`
    };
}
/** Removes a failed release that is not live; a failure here leaves disk used, nothing more. */
async function discard(session, state, release) {
    await session
        .run([(0,remote/* discardReleaseStep */.yu)(session.plan.layout, release, state.compose)])
        .catch(() => undefined);
}
/**
 * A `rollback-to` that failed once its release was started: the release `current` names comes
 * up again (and `current` names it), so what serves is what the host says.
 */
async function backToCurrent(session, state, version, failure) {
    const before = session.before;
    if (!state.current)
        return { status: 'failed', message: failure };
    session.log(`✗ ${failure}`);
    session.log(`↩ back to ${before ?? state.current}`);
    const again = await upAndWait(session, state.compose, state.current);
    if (!again.ok)
        return {
            status: 'failed',
            attempted: version,
            message: `${failure}; going back failed too: ${again.reason}`
        };
    await session.run([(0,remote/* switchStep */.PS)(session.plan.layout, state.current)]);
    return {
        status: 'rolled-back',
        after: before,
        attempted: version,
        message: `${failure}; ${before} runs again`
    };
}
const composeTarget = {
    name: 'compose',
    rolledBackBy: 'Gantry',
    headline: ({ app, what, hosts, maxParallel }) => `Deploying ${app} ${what} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
    dryRunNote: 'Where a host has only docker-compose v1, `docker-compose` replaces `docker compose`.',
    inspectStep: remote/* inspectStep */.xe,
    parseInspect(stdout) {
        const state = (0,releases/* parseInspect */.E7)(stdout);
        if (!state.compose)
            return { problem: 'Neither `docker compose` nor `docker-compose` is installed on the host.' };
        return { ...state, compose: state.compose };
    },
    async deploy(session, state, spec) {
        const { layout, rollback } = session.plan;
        const { release, steps } = session.newRelease(spec);
        const prepare = [...steps, (0,remote/* pullStep */.eO)(layout, state.compose, release)];
        // Upload, login, pre-deploy, pull and up in one round trip. A failed pull stops it before
        // `up`: nothing changed on the host, the running release keeps running.
        const health = await upAndWait(session, state.compose, release, prepare).catch(async (error) => {
            if (error instanceof deploy_step/* StepError */.zg && prepare.includes(error.step))
                await discard(session, state, release);
            throw error;
        });
        if (health.ok) {
            try {
                await session.finish(state, release, { postDeploy: spec.postDeploy });
                return { status: 'deployed', after: spec.version };
            }
            catch (error) {
                if (!(error instanceof deploy_step/* StepError */.zg))
                    throw error;
                // The post-deploy hook failed: `current` points at the new release, which serves.
                if (error.step.name === 'post-deploy' && !(0,deploy_step/* isTimeout */.kL)(error))
                    return {
                        status: 'failed',
                        after: spec.version,
                        message: `${(0,errors/* errorMessage */.gJ)(error)}; ${spec.version} is live`
                    };
                // The switch failed or a step was killed at its time limit: the new release's
                // containers serve while `current` may still name the old one, so the old one comes back.
                if (!rollback || !state.current)
                    return { status: 'failed', after: spec.version, message: (0,errors/* errorMessage */.gJ)(error) };
                return rollBackLive(session, state, spec, release, (0,errors/* errorMessage */.gJ)(error));
            }
        }
        const failure = health.reason;
        session.log(`✗ ${spec.version} failed: ${failure}`);
        if (!rollback || !state.current) {
            const why = rollback ? 'no previous release to roll back to' : 'rollback is off';
            return { status: 'failed', after: spec.version, message: `${failure} (${why})` };
        }
        const before = session.before ?? state.current;
        session.log(`↩ rolling back to ${before}`);
        const again = await upAndWait(session, state.compose, state.current);
        // What serves after a failed rollback is not known: no version is named.
        if (!again.ok)
            return {
                status: 'failed',
                attempted: spec.version,
                message: 'error' in again
                    ? `${failure}; the rollback failed too: ${again.reason}`
                    : `${failure}; the rollback is not healthy either: ${again.reason}`
            };
        await discard(session, state, release);
        return {
            status: 'rolled-back',
            after: before,
            attempted: spec.version,
            // `error`: a step failed (`up`, or one killed at its time limit), not the health check.
            message: `${spec.version} ${'error' in health ? 'failed' : 'failed its health check'} (${failure}); rolled back to ${before}`
        };
    },
    async rollbackTo(session, state, to) {
        const target = (0,releases/* rollbackTarget */.es)(state, to);
        if ('error' in target)
            return { status: 'failed', message: `Cannot roll back: ${target.error}` };
        const version = await session.versionOf(target.release);
        session.log(`↩ rolling back to ${version} (${target.release})`);
        const health = await upAndWait(session, state.compose, target.release);
        let failure = health.ok ? undefined : `the release ${version} is not healthy: ${health.reason}`;
        if (health.ok)
            try {
                // A rollback keeps every release (the one left may be wanted again).
                await session.finish(state, target.release, { prune: false });
                return { status: 'deployed', after: version };
            }
            catch (error) {
                if (!(error instanceof deploy_step/* StepError */.zg))
                    throw error;
                failure = (0,errors/* errorMessage */.gJ)(error);
            }
        return backToCurrent(session, state, version, failure);
    },
    serving: (session, state, { health }) => servingProject(session, state, session.plan.layout.project, health ? session.plan : undefined),
    rehearsal(plan) {
        const host = (0,rehearsal/* rehearsalHost */.S)(plan);
        return {
            inspect: `compose=docker compose\nnow=${host.now}\n${host.releaseLines}`,
            ...host.answers,
            status: '<each-service> running healthy 0\n'
        };
    }
};

;// CONCATENATED MODULE: ./src/deploy/targets/blue-green.ts
/**
 * `target: compose` with `strategy: blue-green`: each app has two slots (blue, green) on two
 * ports of the host behind a proxy (HAProxy by default, nginx as the reload-based driver). A
 * release starts in the idle slot with the slot's variables (GANTRY_SLOT, GANTRY_HOST,
 * GANTRY_PORT, GANTRY_ADDR), is health-checked directly, tested through the proxy's preview route
 * (a header only the test sends), and only then does the proxy send it new requests; the old slot
 * drains and stops. A release that never gets healthy or fails its preview test never receives a
 * user request; one that fails its test on the public route is switched back at once (the old
 * slot still runs). Commands: src/core/deploy/blue-green.ts, haproxy.ts, nginx.ts, proxy.ts.
 */










const PROXY_MARK = '#gantry-proxy';
/** A stopped slot gets this long to end its containers (compose's stop timeout). */
const STOP_TIMEOUT_S = 10;
/** After a switch: how long the probe through the proxy may take to see the new release. */
const CONFIRM_MS = 3000;
function blueGreenTarget(o) {
    return {
        name: 'compose',
        rolledBackBy: 'Gantry',
        headline: ({ app, what, hosts, maxParallel }) => `Deploying ${app} ${what} blue-green behind ${o.proxy} to ${hosts.length} host(s), ${maxParallel || 'all'} at a time`,
        dryRunNote: 'The release starts in the idle slot and is health-checked and tested there; the proxy switches only then, and the old slot drains before it stops.',
        inspectStep(layout) {
            return {
                name: 'inspect',
                script: `${(0,remote/* inspectStep */.xe)(layout).script}\necho '${PROXY_MARK}'\n${proxyInspectStep(o.proxy).script}`
            };
        },
        parseInspect(stdout) {
            const at = stdout.indexOf(`${PROXY_MARK}\n`);
            const compose = composeTarget.parseInspect(at < 0 ? stdout : stdout.slice(0, at));
            if ('problem' in compose)
                return compose;
            let proxy;
            try {
                proxy = parseProxyInspect(at < 0 ? '' : stdout.slice(at + PROXY_MARK.length + 1));
            }
            catch (error) {
                return {
                    problem: `The host's proxy settings are unusable: ${(0,errors/* errorMessage */.gJ)(error)}`
                };
            }
            const missing = missingTools(o.proxy, proxy.tools);
            if (missing)
                return {
                    problem: `strategy blue-green with proxy ${o.proxy}: ${missing}`
                };
            const record = (0,deploy_proxy/* appRecord */.zZ)(proxy.records, o.app, {
                proxy: o.proxy,
                route: o.route,
                options: o.options
            });
            try {
                (0,deploy_proxy/* assertApps */.r_)([...proxy.records.filter((r) => r.app !== o.app), record]);
            }
            catch (error) {
                return { problem: (0,errors/* errorMessage */.gJ)(error) };
            }
            return { ...compose, proxy, record };
        },
        async deploy(session, state, spec) {
            const { release, steps } = session.newRelease(spec);
            await session.run([...steps, (0,remote/* pullStep */.eO)(session.plan.layout, state.compose, release)]);
            return new BlueGreen(session, state, o).rollOut(release, (0,deploy_proxy/* releaseLabel */.wr)(spec.version), {
                postDeploy: spec.postDeploy
            });
        },
        async rollbackTo(session, state, to) {
            const target = (0,releases/* rollbackTarget */.es)(state, to);
            if ('error' in target)
                return {
                    status: 'failed',
                    message: `Cannot roll back: ${target.error}`
                };
            const version = await session.versionOf(target.release);
            session.log(`↩ rolling back to ${version} (${target.release}) through the idle slot`);
            return new BlueGreen(session, state, o).rollOut(target.release, (0,deploy_proxy/* releaseLabel */.wr)(version), {
                prune: false
            });
        },
        /** The proxy's live slot serves (`current` follows only once the old slot drained). */
        async serving(session, state, { health }) {
            const live = state.record.live;
            if (!live)
                return composeTarget.serving(session, state, { health });
            const { layout, healthUrl } = session.plan;
            const project = (0,deploy_proxy/* slotProject */.Uy)(layout.project, live);
            const check = {
                layout: { ...layout, project },
                healthUrl: healthUrl && (0,deploy_proxy/* slotHealthUrl */.AB)(healthUrl, state.proxy.host, state.record, live)
            };
            return servingProject(session, state, project, health ? check : undefined, {
                version: state.record.releases[live]
            });
        },
        rehearsal(plan) {
            const compose = composeTarget.rehearsal(plan);
            // The host it plays against: the app live in slot blue, the new release going to green.
            const record = JSON.stringify({
                app: o.app,
                proxy: o.proxy,
                route: o.route,
                ports: { blue: 20000, green: 20001 },
                live: 'blue',
                releases: { blue: 'current' }
            });
            const proxyAnswer = `home=/home/deploy\ntool=${o.proxy}\ntool=socat\ntool=curl\nrunning=yes\nrecords=0\n#host\n#records\n${record}\n`;
            return {
                ...compose,
                inspect: `${String(compose.inspect)}${PROXY_MARK}\n${proxyAnswer}`,
                'inspect proxy': proxyAnswer,
                probe: `status=200\nrelease=${(0,deploy_proxy/* releaseLabel */.wr)(plan.mode.kind === 'deploy' ? plan.mode.version : plan.mode.to)}\n`,
                drain: 'sessions=0\n'
            };
        }
    };
}
class BlueGreen {
    session;
    state;
    o;
    record;
    proxy;
    constructor(session, state, o) {
        this.session = session;
        this.state = state;
        this.o = o;
        this.record = state.record;
        this.proxy = state.proxy;
    }
    get host() {
        return this.proxy.host;
    }
    log(line) {
        this.session.log(line);
    }
    project(slot) {
        return (0,deploy_proxy/* slotProject */.Uy)(this.session.plan.layout.project, slot);
    }
    /** The configuration for the records as they will be (this app's record replaced). */
    config(record, preview) {
        const apps = [...this.proxy.records.filter((r) => r.app !== this.o.app), record];
        return this.o.proxy === 'haproxy'
            ? haproxyConfig(this.host, apps)
            : nginxConfig(this.host, apps, preview);
    }
    files(record) {
        return [
            { path: `apps/${record.app}.json`, content: (0,deploy_proxy/* recordText */.Pe)(record) },
            ...(this.o.proxy === 'haproxy'
                ? [
                    {
                        path: `haproxy/maps/${record.app}.map`,
                        content: releaseMap(record)
                    }
                ]
                : [])
        ];
    }
    /**
     * Commits a new record of this app: the files, the configuration (nginx always; HAProxy's only
     * changes with routes and ports), the runtime commands. Re-reads the proxy and tries again when
     * another app's deploy changed it meanwhile.
     */
    async commit(name, record, options = {}) {
        for (let attempt = 1;; attempt++) {
            const step = {
                ...proxyCommitStep({
                    name,
                    driver: this.o.proxy,
                    host: this.host,
                    recordsSum: this.proxy.recordsSum,
                    files: this.files(record),
                    config: this.config(record, options.preview),
                    runtime: this.o.proxy === 'haproxy' ? options.runtime?.(record) : undefined,
                    // The preview token is in the runtime commands or the nginx configuration.
                    secret: Boolean(options.runtime || options.preview)
                }),
                mayFail: true
            };
            const [result] = await this.session.run([step]);
            if (result?.code === 0) {
                this.record = record;
                // Our own write changed the checksum: read it again before the next commit.
                await this.reread();
                return result.stdout.match(/config=(\w+)/)?.[1] ?? 'unchanged';
            }
            if (result?.code === RECORDS_CHANGED_EXIT && attempt < 5) {
                this.log('  another deploy changed the proxy meanwhile: reading it again');
                await this.reread();
                continue;
            }
            const said = `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
                .split('\n')
                .filter((l) => l.trim())
                .slice(-8)
                .join(' | ');
            throw new deploy_step/* StepError */.zg(step, result, `${name} failed (exit code ${result?.code}): ${said}`);
        }
    }
    async reread() {
        const [result] = await this.session.run([proxyInspectStep(this.o.proxy)], {
            quiet: true
        });
        this.proxy = parseProxyInspect(result?.stdout ?? '');
    }
    /** A request through the proxy until it is answered by `release` (or CONFIRM_MS passed). */
    async confirm(url, release, header) {
        const { clock } = this.session;
        const deadline = clock.now() + CONFIRM_MS;
        let last = 'no answer';
        for (;;) {
            const [result] = await this.session.run([{ ...probeStep(url, header, this.record.route.host), mayFail: true }], {
                quiet: true
            });
            const probe = parseProbe(result?.stdout ?? '');
            if (probe.status >= 200 && probe.status < 300 && probe.release === release)
                return undefined;
            last = probe.status
                ? `HTTP ${probe.status}, ${probe.release ? `served by ${probe.release}` : 'no release header'}`
                : `no answer (${(result?.stderr ?? '').trim().split('\n').at(-1) ?? ''})`;
            if (clock.now() >= deadline)
                return `${url} did not answer from ${release} through the proxy: ${last}`;
            await clock.sleep(100);
        }
    }
    async test(release, version, phase) {
        const command = this.o.postDeployTest;
        if (!command)
            return undefined;
        const url = (0,deploy_proxy/* proxyUrl */.sd)(this.host, this.o.proxy, this.record.route);
        const step = {
            ...postDeployTestStep(this.session.plan.layout, release, command, {
                url,
                header: phase === 'preview' ? previewHeader(this.o.previewToken) : '',
                host: this.record.route.host ?? '',
                phase,
                version
            }),
            mayFail: true
        };
        const [result] = await this.session.run([step]);
        if (result?.code === 0)
            return undefined;
        const tail = `${result?.stdout ?? ''}\n${result?.stderr ?? ''}`
            .split('\n')
            .filter((l) => l.trim())
            .slice(-10)
            .join(' | ');
        return `post-deploy-test failed on the ${phase === 'preview' ? 'preview route (before the switch)' : 'public route (after the switch)'} (exit code ${result?.code})${tail ? `: ${tail}` : ''}`;
    }
    /**
     * Stops a slot; one more try after a failure (a busy engine). One that still runs is said in
     * the log: it takes no traffic, and the next deploy starts in it.
     */
    async stopSlot(slot) {
        const step = { ...slotDownStep(this.project(slot), slot, STOP_TIMEOUT_S), mayFail: true };
        await (0,retry/* retry */.L5)(async () => {
            const [result] = await this.session.run([step]);
            if (result?.code !== 0)
                throw new Error(`exit code ${result?.code ?? 'none'}`);
        }, {
            attempts: 2,
            baseDelayMs: 1000,
            retryable: () => true,
            sleep: (ms) => this.session.clock.sleep(ms)
        }).catch((error) => this.log(`  slot ${slot} could not be stopped (${(0,errors/* errorMessage */.gJ)(error)}): it takes no traffic`));
    }
    /** The outcome of a release that did not go live: the old slot never stopped serving. */
    notLive(version, reason) {
        const before = this.session.before;
        return before
            ? {
                status: 'rolled-back',
                after: before,
                attempted: version,
                message: `${version} did not go live: ${reason}; ${before} kept serving`
            }
            : // Its slot is stopped: nothing of it runs.
                { status: 'failed', attempted: version, message: `${version} did not go live: ${reason}` };
    }
    /** A commit whose failure the caller handles: its error message, or undefined once done. */
    async attempt(...args) {
        try {
            await this.commit(...args);
            return undefined;
        }
        catch (error) {
            return (0,errors/* errorMessage */.gJ)(error);
        }
    }
    /** Traffic back to `from` (one more try after a failure: a lock held, a busy socket). */
    async switchBack(from) {
        const name = `proxy: switch ${this.o.app} back to slot ${from}`;
        const back = { ...this.record, live: from };
        return (0,retry/* retry */.L5)(async () => {
            const failure = await this.attempt(name, back, {
                runtime: (r) => haproxyCommands.switch(r, from)
            });
            if (failure)
                throw new Error(failure);
        }, {
            attempts: 2,
            baseDelayMs: 1000,
            retryable: () => true,
            sleep: (ms) => this.session.clock.sleep(ms)
        }).then(() => undefined, (error) => (0,errors/* errorMessage */.gJ)(error));
    }
    /** What the public route answers now: `expected` once seen, else the release header seen (if any). */
    async servingNow(url, expected) {
        if (expected && !(await this.confirm(url, expected)))
            return expected;
        const [result] = await this.session.run([{ ...probeStep(url, undefined, this.record.route.host), mayFail: true }], { quiet: true });
        const probe = parseProbe(result?.stdout ?? '');
        return probe.status >= 200 && probe.status < 300 ? probe.release : undefined;
    }
    /**
     * After the switch failed, or the release failed its test on the public route: traffic back to
     * the old slot (on a first deploy: the new slot out of the proxy), the new slot stopped unless
     * it alone still serves (stopping it would leave nothing serving), and an outcome that names
     * what the proxy answers now.
     */
    async undo(version, from, to, reason) {
        const back = from
            ? await this.switchBack(from)
            : await this.attempt(`proxy: retire slot ${to}`, { ...this.record, live: undefined }, {
                runtime: (r) => haproxyCommands.retire(r, to)
            });
        if (from && !back)
            this.log(`↩ switched back to slot ${from} (${this.session.before ?? from})`);
        const url = (0,deploy_proxy/* proxyUrl */.sd)(this.host, this.o.proxy, this.record.route);
        const old = from ? this.record.releases[from] : undefined;
        const serving = await this.servingNow(url, back ? undefined : old);
        const failedBack = back ? `; switching back failed: ${back}` : '';
        if (back && serving === version) {
            this.log(`  ${version} still serves: slot ${to} is left running`);
            return {
                status: 'failed',
                after: version,
                message: `${version} still serves (slot ${to} left running): ${reason}${failedBack}`
            };
        }
        await this.stopSlot(to);
        if (from && serving === old)
            return this.notLive(version, `${reason}${failedBack}`);
        return {
            status: 'failed',
            ...(serving ? { after: serving } : {}),
            attempted: version,
            message: `${version} did not go live: ${reason}${failedBack}; ${serving ? `${serving} answers through the proxy` : 'no release answers through the proxy'}`
        };
    }
    async rollOut(release, version, finish) {
        const { session, o } = this;
        const { layout, healthUrl } = session.plan;
        const from = this.record.live;
        const to = (0,deploy_proxy/* idleSlot */.f0)(this.record);
        const header = previewHeader(o.previewToken);
        // 1. The proxy knows the app (routes, slots) before anything starts: a configuration that
        //    does not validate stops the deploy here, with nothing changed.
        const applied = await this.commit(`proxy: ${o.app} routes and slots`, {
            ...this.record,
            route: o.route
        });
        if (applied !== 'unchanged')
            this.log(`  proxy configuration ${applied}`);
        // 2. The release in the idle slot, checked directly on its own port.
        this.log(`▸ ${version} into slot ${to} (port ${this.record.ports[to]})${from ? `; ${from} keeps serving` : ''}`);
        const slotLayout = { ...layout, project: this.project(to) };
        const health = await waitHealthy(session, slotUpStep(layout, this.state.compose, release, slotLayout.project, (0,deploy_proxy/* slotEnv */.kz)(this.host, this.record, to)), [], {
            layout: slotLayout,
            healthUrl: healthUrl ? (0,deploy_proxy/* slotHealthUrl */.AB)(healthUrl, this.host, this.record, to) : undefined
        }).catch((error) => ({
            ok: false,
            reason: (0,errors/* errorMessage */.gJ)(error)
        }));
        if (!health.ok) {
            const why = await failureDetail(session, this.project(to));
            await this.stopSlot(to);
            return this.notLive(version, `${health.reason}${why}`);
        }
        const healthyAt = session.clock.now();
        // 3. The preview route reaches the new slot (a header only the test sends); the test runs
        //    through the proxy before any user request reaches the release.
        const previewing = {
            ...this.record,
            releases: { ...this.record.releases, [to]: version }
        };
        const unpreviewed = await this.attempt(`proxy: preview ${version} in slot ${to}`, previewing, {
            runtime: (r) => haproxyCommands.preview(this.host, r, to, version, o.previewToken),
            preview: { app: o.app, slot: to, token: o.previewToken }
        });
        if (unpreviewed) {
            // The public route was not touched: the preview's own backend and map only.
            await this.stopSlot(to);
            return this.notLive(version, `the proxy could not preview it: ${unpreviewed}`);
        }
        const url = (0,deploy_proxy/* proxyUrl */.sd)(this.host, o.proxy, this.record.route);
        const unseen = await this.confirm(url, version, header);
        const previewFailure = unseen ?? (await this.test(release, version, 'preview'));
        if (previewFailure) {
            const open = await this.attempt(`proxy: end the preview of slot ${to}`, this.record, {
                runtime: (r) => haproxyCommands.endPreview(this.host, r, to, o.previewToken)
            });
            if (open)
                this.log(`  the preview route could not be closed (${open}); its slot stops now`);
            await this.stopSlot(to);
            return this.notLive(version, previewFailure);
        }
        // 4. The switch: new requests to the new slot, those in flight finish on the old one.
        const live = { ...this.record, live: to };
        const unswitched = await this.attempt(`proxy: switch ${o.app} to slot ${to} (${version})`, live, {
            runtime: (r) => [
                ...haproxyCommands.endPreview(this.host, r, to, o.previewToken),
                ...haproxyCommands.switch(r, to)
            ]
        });
        if (unswitched)
            return this.undo(version, from, to, `the switch failed: ${unswitched}`);
        const switchedMs = session.clock.now() - healthyAt;
        const notServed = await this.confirm(url, version);
        const publicFailure = notServed ?? (await this.test(release, version, 'public'));
        if (publicFailure)
            return this.undo(version, from, to, publicFailure);
        this.log(`  switched to slot ${to} ${switchedMs} ms after it was healthy`);
        // 5. The old slot drains (requests in flight finish), then stops.
        if (from) {
            const drain = o.proxy === 'haproxy'
                ? haproxyDrainStep(this.host, o.app, from, o.drainTimeoutMs)
                : nginxDrainStep(this.host, o.drainTimeoutMs);
            const [drained] = await session.run([{ ...drain, mayFail: true }]);
            const left = parseSessions(drained?.stdout ?? '');
            if (left)
                this.log(`  ${left} request(s) still in flight on slot ${from} after the drain timeout`);
            // The release is live whatever this says: a drained slot takes no new request either.
            const kept = o.proxy === 'haproxy' &&
                (await this.attempt(`proxy: retire slot ${from}`, this.record, {
                    runtime: (r) => haproxyCommands.retire(r, from)
                }));
            if (kept)
                this.log(`  slot ${from} stays draining in the proxy (${kept}); it stops now`);
            await this.stopSlot(from);
        }
        else {
            if (o.proxy === 'haproxy')
                await this.commit(`proxy: retire slot ${(0,deploy_proxy/* otherSlot */.jx)(to)}`, this.record, {
                    runtime: (r) => haproxyCommands.retire(r, (0,deploy_proxy/* otherSlot */.jx)(to))
                });
            // The first blue-green deploy of an app deployed with `recreate` before: its container goes.
            await session.run([
                {
                    ...slotDownStep(layout.project, to, STOP_TIMEOUT_S),
                    name: 'stop the recreate container',
                    mayFail: true
                }
            ]);
        }
        const details = `slot ${to} (port ${this.record.ports[to]}) behind ${o.proxy}, switched ${switchedMs} ms after healthy`;
        try {
            await session.finish(this.state, release, finish);
        }
        catch (error) {
            // The proxy serves the new release whatever `current` says: the report names it, and the
            // next deploy starts from the proxy's record, not from `current`.
            return {
                status: 'failed',
                after: version,
                details,
                message: `${version} serves (slot ${to}), but what follows the switch failed: ${(0,errors/* errorMessage */.gJ)(error)}`
            };
        }
        return { status: 'deployed', after: version, details };
    }
}

// EXTERNAL MODULE: ./src/deploy/targets/git.ts
var git = __webpack_require__(40626);
// EXTERNAL MODULE: ./src/core/docker-reference.ts
var docker_reference = __webpack_require__(58003);
// EXTERNAL MODULE: ./src/core/json.ts
var json = __webpack_require__(86153);
;// CONCATENATED MODULE: ./src/core/deploy/swarm.ts
/**
 * `target: swarm`, decided from what the manager printed (`docker info`, `service ls`, `service
 * inspect`, `stack ps`). Pure. The swarm rolls the services out and back by the compose file's
 * `deploy.update_config`; Gantry reads its `UpdateStatus` per service and reports, it does not
 * roll back itself.
 */



function parseSwarmInspect(stdout) {
    const field = (key) => stdout
        .split('\n')
        .find((l) => l.startsWith(`${key}=`))
        ?.slice(key.length + 1)
        .trim() ?? '';
    const swarmInfo = field('swarm');
    const [state, control] = swarmInfo.split(' ');
    const role = state === 'active'
        ? control === 'true'
            ? 'manager'
            : 'worker'
        : state === 'inactive' && control !== undefined
            ? 'inactive'
            : 'unknown';
    return { ...(0,releases/* parseInspect */.E7)(stdout), role, swarmInfo, detach: field('detach') === 'yes' };
}
/** Why this host cannot take a stack, or undefined when it is a manager. */
function swarmProblem(state) {
    switch (state.role) {
        case 'manager':
            return undefined;
        case 'worker':
            return 'The host is a swarm worker: `target: swarm` deploys through a manager (`docker node ls` on a manager lists them).';
        case 'inactive':
            return 'The host is not part of a swarm (`docker info`: inactive): run `docker swarm init` there, or deploy to a manager.';
        default:
            return `Cannot read the host's swarm state with \`docker info\`: ${state.swarmInfo || 'no output'}`;
    }
}
const STACK_IMAGE_LABEL = 'com.docker.stack.image';
const swarm_text = (value) => (typeof value === 'string' ? value : '');
function jsonLines(lines) {
    const parsed = [];
    for (const line of lines) {
        if (!line.trim().startsWith('{'))
            continue;
        try {
            parsed.push((0,json/* asObject */.e)(JSON.parse(line)));
        }
        catch {
            // A partial line (a service removed mid-command): the next poll reads it whole.
        }
    }
    return parsed;
}
function serviceOf(inspected, replicas) {
    const spec = (0,json/* asObject */.e)(inspected.Spec);
    const name = swarm_text(spec.Name);
    const specImage = swarm_text((0,json/* asObject */.e)((0,json/* asObject */.e)(spec.TaskTemplate).ContainerSpec).Image);
    const update = (0,json/* asObject */.e)(inspected.UpdateStatus);
    const configured = (0,json/* asObject */.e)((0,json/* asObject */.e)(spec.Mode).Replicated).Replicas;
    const [running, desired] = replicas.get(name) ?? [
        0,
        typeof configured === 'number' ? configured : 0
    ];
    const service = {
        name,
        image: swarm_text((0,json/* asObject */.e)(spec.Labels)[STACK_IMAGE_LABEL]) || (0,docker_reference/* withoutDigest */.nA)(specImage),
        specImage,
        hasPreviousSpec: inspected.PreviousSpec !== undefined && inspected.PreviousSpec !== null,
        running: running ?? 0,
        desired: desired ?? 0
    };
    if (swarm_text(update.State))
        service.update = {
            state: swarm_text(update.State),
            startedAt: swarm_text(update.StartedAt),
            message: swarm_text(update.Message)
        };
    return service;
}
function taskOf(raw) {
    const name = swarm_text(raw.name).replace(/^\s*\\_\s*/, '');
    return {
        id: swarm_text(raw.id),
        name,
        service: name.split('.')[0] ?? name,
        image: swarm_text(raw.image),
        node: swarm_text(raw.node),
        desired: swarm_text(raw.desired),
        current: swarm_text(raw.current),
        // `docker service ps` prints the error in quotes: "\"task: non-zero exit (3)\"".
        error: swarm_text(raw.error).replace(/^"(.*)"$/s, '$1')
    };
}
/** Reads the three sections of stackStatusStep's output. */
function parseStackStatus(stdout) {
    const sections = { services: [], inspect: [], tasks: [] };
    let current;
    for (const line of stdout.split('\n')) {
        const header = /^#(services|inspect|tasks)$/.exec(line.trim());
        if (header)
            current = sections[header[1]];
        else
            current?.push(line);
    }
    const replicas = new Map();
    for (const line of sections.services ?? []) {
        const match = /^(\S+)\s+(\d+)\/(\d+)/.exec(line.trim());
        if (match)
            replicas.set(match[1], [Number(match[2]), Number(match[3])]);
    }
    return {
        services: jsonLines(sections.inspect ?? [])
            .map((s) => serviceOf(s, replicas))
            .filter((s) => s.name !== '')
            .sort((a, b) => a.name.localeCompare(b.name)),
        tasks: jsonLines(sections.tasks ?? []).map(taskOf)
    };
}
const WAITING = ['updating', 'rolling back', 'converging'];
/** An update that started after the baseline was taken: this deploy's (a deploy resets the old one). */
function freshUpdate(service, baseline) {
    const before = baseline.services.find((s) => s.name === service.name)?.update;
    return service.update && service.update.startedAt !== before?.startedAt
        ? service.update
        : undefined;
}
/** Every desired replica runs, and runs the current spec's image. */
function converged(service, tasks) {
    const upToDate = tasks.filter((t) => t.service === service.name &&
        t.desired === 'Running' &&
        t.current.startsWith('Running') &&
        t.image === service.specImage).length;
    return service.running === service.desired && upToDate >= service.desired;
}
function serviceState(update, done) {
    switch (update?.state) {
        case undefined:
            return done ? 'converged' : 'converging';
        case 'updating':
            return 'updating';
        case 'rollback_started':
            return 'rolling back';
        case 'completed':
            return done ? 'completed' : 'converging';
        case 'rollback_completed':
            // Settled once the previous spec runs again: the swarm says completed a moment before.
            return done ? 'rolled back' : 'rolling back';
        case 'paused':
            return 'paused';
        case 'rollback_paused':
            return 'rollback paused';
        default:
            return 'updating';
    }
}
/**
 * Tasks of this rollout (none the baseline listed) that explain a failure: with an error,
 * failed, rejected or exited on their own (`Complete`: a service's task is meant to keep
 * running), named by the swarm's message, or shut down after running the image the swarm rolled
 * back from.
 */
function failedTasksOf(service, baseline, tasks, explanation, attempted) {
    const earlier = new Set(baseline.tasks.map((t) => t.id));
    return tasks
        .filter((t) => t.service === service &&
        !earlier.has(t.id) &&
        (t.error !== '' ||
            /^(Failed|Rejected|Complete)\b/.test(t.current) ||
            (t.id !== '' && explanation.includes(t.id)) ||
            (attempted !== undefined &&
                t.desired !== 'Running' &&
                (0,docker_reference/* withoutDigest */.nA)(t.image) === attempted)))
        .slice(0, 3);
}
const emptyMemory = () => ({ attempted: {}, reasons: {} });
function observeRollout(memory, baseline, now) {
    const next = { attempted: { ...memory.attempted }, reasons: { ...memory.reasons } };
    for (const s of now.services) {
        const update = freshUpdate(s, baseline);
        const before = baseline.services.find((b) => b.name === s.name)?.image;
        if (update?.state === 'updating' && s.image !== before)
            next.attempted[s.name] = s.image;
        if (update?.state === 'rollback_started' && update.message)
            next.reasons[s.name] = update.message;
    }
    return next;
}
function reportService(s, baseline, now, kind, memory) {
    const update = freshUpdate(s, baseline);
    const state = serviceState(update, converged(s, now.tasks));
    const failed = state === 'paused' ||
        state === 'rollback paused' ||
        (kind === 'deploy' && state === 'rolled back');
    const reason = memory.reasons[s.name];
    const message = [reason, update?.message].filter((m, i, all) => m && all.indexOf(m) === i).join('; ') ||
        undefined;
    const rolledBack = kind === 'deploy' && state === 'rolled back';
    const heading = memory.attempted[s.name];
    const tasks = failedTasksOf(s.name, baseline, now.tasks, message ?? '', rolledBack ? heading : undefined);
    return {
        name: s.name,
        running: s.running,
        desired: s.desired,
        before: baseline.services.find((b) => b.name === s.name)?.image,
        image: s.image,
        attempted: rolledBack
            ? (heading ?? tasks.map((t) => (0,docker_reference/* withoutDigest */.nA)(t.image)).find((i) => i !== s.image))
            : undefined,
        state,
        failed,
        message,
        failedTasks: failed || WAITING.includes(state) ? tasks : []
    };
}
function evaluateRollout(baseline, now, kind, memory = emptyMemory()) {
    const services = now.services.map((s) => reportService(s, baseline, now, kind, memory));
    const detail = services.map(progressOf).join('; ');
    if (services.length === 0)
        return { phase: 'waiting', services, detail: 'no services in the stack yet' };
    if (services.some((s) => WAITING.includes(s.state)))
        return { phase: 'waiting', services, detail };
    if (services.some((s) => s.state === 'paused' || s.state === 'rollback paused'))
        return { phase: 'failed', services, detail };
    if (services.some((s) => s.failed))
        return { phase: 'rolled-back', services, detail };
    return { phase: 'completed', services, detail };
}
/** The state as the summary says it. */
function stateLabel(s) {
    if (s.failed && s.state === 'rolled back')
        return 'rolled back by swarm';
    if (s.state === 'converged' && s.before === undefined)
        return 'created';
    if (s.state === 'converged' && s.before === s.image)
        return 'unchanged';
    return s.state;
}
function imageChange(s) {
    if (s.attempted)
        return `${s.before ?? '—'} → ${s.attempted} ↩ ${s.image}`;
    return s.before === undefined || s.before === s.image ? s.image : `${s.before} → ${s.image}`;
}
function describeTask(t) {
    const id = t.id.slice(0, 12);
    return `${t.name} ${id} (${(0,docker_reference/* withoutDigest */.nA)(t.image)}) ${t.current}${t.error ? `: ${t.error}` : ''}`;
}
/** `shop_web updating 0/1 (v1 → v2)`: one service, for the progress log. */
function progressOf(s) {
    return `${s.name} ${stateLabel(s)} ${s.running}/${s.desired} (${imageChange(s)})`;
}
/** One service for an error: its progress, the swarm's message and the tasks that failed. */
function describeService(s) {
    const head = progressOf(s) + (s.message ? `: ${s.message}` : '');
    return [head, ...s.failedTasks.map((t) => `task ${describeTask(t)}`)].join(', ');
}
/** Services that did not end as asked (or, on a timeout, have not yet), described for an error. */
function describeProblems(verdict) {
    const bad = verdict.services.filter((s) => s.failed || WAITING.includes(s.state));
    return (bad.length ? bad : verdict.services).map(describeService).join('; ');
}
/** stack.json of a release: each service's image once its rollout completed. */
function stackRecord(services) {
    return (JSON.stringify({ services: Object.fromEntries(services.map((s) => [s.name, s.image])) }) + '\n');
}
function parseStackRecords(stdout) {
    const records = [];
    for (const line of stdout.split('\n')) {
        const tab = line.indexOf('\t');
        if (tab <= 0)
            continue;
        try {
            const services = (0,json/* asObject */.e)((0,json/* asObject */.e)(JSON.parse(line.slice(tab + 1))).services);
            records.push({
                release: line.slice(0, tab),
                services: Object.fromEntries(Object.entries(services).map(([k, v]) => [k, swarm_text(v)]))
            });
        }
        catch {
            // An unreadable record identifies nothing.
        }
    }
    return records;
}
/** The newest kept release whose recorded images are exactly what the services now run. */
function releaseRunning(records, services) {
    const running = Object.fromEntries(services.map((s) => [s.name, s.image]));
    const same = (r) => Object.keys(r.services).length === services.length &&
        Object.entries(r.services).every(([name, image]) => running[name] === image);
    return records
        .filter(same)
        .map((r) => r.release)
        .sort()
        .at(-1);
}

// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
;// CONCATENATED MODULE: ./src/deploy/targets/swarm.ts
/**
 * `target: swarm` on one manager: `docker stack deploy` (or `docker service rollback`), then the
 * swarm's rollout followed service by service until it completed, was rolled back or paused by
 * the swarm, or ran out of time. Gantry never rolls a stack back itself: the compose file's
 * `deploy.update_config.failure_action` decides, and the outcome reports what the swarm did.
 * Commands: src/core/deploy/remote.ts; decisions: src/core/deploy/swarm.ts.
 */









function swarmTarget(stack) {
    /** The stack's state, after `prepare` (the release's upload) in the same round trip. */
    const status = async (session, prepare = []) => {
        const step = (0,remote/* stackStatusStep */.Fx)(stack);
        const results = await session.run([...prepare, step], { quiet: [step] });
        return parseStackStatus(results.at(-1)?.stdout ?? '');
    };
    /** Polls the stack until the rollout settles or the deadline passes, logging each change. */
    const follow = async (session, kind, baseline, timeoutMs) => {
        session.log(`▸ follow the rollout of stack ${stack}`);
        let memory = emptyMemory();
        let shown = '';
        const result = await (0,poll/* pollUntil */.g)(async () => {
            let now;
            try {
                now = parseStackStatus((await session.runOne((0,remote/* stackStatusStep */.Fx)(stack), { quiet: true })).stdout);
            }
            catch (error) {
                // One failed look decides nothing: the rollout goes on, the next look may see it.
                if (!(error instanceof deploy_step/* StepError */.zg))
                    throw error;
                session.log((0,output/* hostOutputLine */.O)(`could not look at the stack: ${(0,errors/* errorMessage */.gJ)(error)}`));
                return { phase: 'waiting', services: [], detail: shown };
            }
            memory = observeRollout(memory, baseline, now);
            const verdict = evaluateRollout(baseline, now, kind, memory);
            // What the swarm said (service names, its messages): host output.
            if (verdict.detail !== shown)
                session.log((0,output/* hostOutputLine */.O)(verdict.detail));
            shown = verdict.detail;
            return verdict;
        }, {
            clock: session.clock,
            timeoutMs,
            interval: session.backoff(),
            // A deploy resets each UpdateStatus and the orchestrator starts the update a moment later.
            delayFirst: true,
            done: (verdict) => verdict.phase !== 'waiting'
        });
        return { verdict: result.value, timedOut: !result.settled };
    };
    const why = (session, verdict, timedOut) => {
        const problems = describeProblems(verdict);
        return timedOut
            ? `the rollout did not settle within ${Math.round(session.plan.healthTimeoutMs / 1000)}s (the swarm carries on with it): ${problems}`
            : `the rollout stopped: ${problems}`;
    };
    /** The optional health URL, checked from the manager once the rollout completed. */
    const checkHealthUrl = async (session, timeoutMs) => {
        const { healthUrl } = session.plan;
        if (!healthUrl)
            return undefined;
        const result = await (0,poll/* pollUntil */.g)(() => session.runOne((0,remote/* healthUrlStep */.gC)(healthUrl), { quiet: true }), {
            clock: session.clock,
            timeoutMs: Math.max(0, timeoutMs),
            interval: session.backoff(),
            done: (probe) => probe.code === 0
        });
        if (result.settled) {
            session.log(`  healthy: ${healthUrl} answers`);
            return undefined;
        }
        const probe = result.value;
        return `${healthUrl} does not answer (${probe.stderr.trim().split('\n').at(-1) || `exit ${probe.code}`})`;
    };
    /** Deploys a release directory as the stack; `env` goes to the command as data, on stdin. */
    const deployRelease = async (session, state, release, options) => {
        const { layout, healthTimeoutMs } = session.plan;
        const started = session.clock.now();
        // The release's upload, login and pre-deploy, and the baseline, in one round trip.
        const baseline = await status(session, options.prepare);
        try {
            await session.runOne((0,remote/* stackDeployStep */.uL)(layout, release, stack, { detach: state.detach, env: options.env }));
        }
        catch (error) {
            // Killed at its time limit, the deploy may have reached the swarm: followed if it did.
            if (!(0,deploy_step/* isTimeout */.kL)(error) || !updateStarted(baseline, await status(session)))
                throw error;
        }
        const { verdict, timedOut } = await follow(session, 'deploy', baseline, healthTimeoutMs);
        const { version } = options;
        const before = session.before;
        const services = verdict.services;
        const details = servicesTable(stack, services);
        if (verdict.phase === 'rolled-back')
            return {
                status: 'rolled-back',
                after: before,
                attempted: version,
                details,
                message: `${version} failed and the swarm rolled it back: ${describeProblems(verdict)}`
            };
        if (verdict.phase !== 'completed')
            return { status: 'failed', after: version, details, message: why(session, verdict, timedOut) };
        const left = healthTimeoutMs - (session.clock.now() - started);
        const unhealthy = await checkHealthUrl(session, left);
        if (unhealthy)
            return {
                status: 'failed',
                after: version,
                details,
                message: `the rollout completed but ${unhealthy}; the swarm keeps ${version} (roll back with \`rollback-to: previous\`)`
            };
        try {
            await session.finish(state, release, {
                before: [(0,remote/* writeFileStep */.sr)(layout, release, remote/* STACK_RECORD */.LF, stackRecord(services))],
                postDeploy: options.postDeploy
            });
        }
        catch (error) {
            // The swarm runs the release whatever Gantry's records say: the outcome names it.
            if (!(error instanceof deploy_step/* StepError */.zg))
                throw error;
            return {
                status: 'failed',
                after: version,
                details,
                message: `the rollout of ${version} completed, then ${(0,errors/* errorMessage */.gJ)(error)}`
            };
        }
        return { status: 'deployed', after: version, details };
    };
    return {
        name: 'swarm',
        scope: `stack ${stack}`,
        rolledBackBy: 'the swarm',
        headline: ({ app, what, hosts }) => `Deploying ${app} ${what} as stack ${stack} through the swarm manager ${hosts.join('')}`,
        dryRunNote: `Stack ${stack} through the swarm manager. \`--detach=true\` only where the host's docker CLI has it (26+); \`stack status\` repeats until the rollout settles.`,
        inspectStep: remote/* swarmInspectStep */.Hm,
        parseInspect(stdout) {
            const state = parseSwarmInspect(stdout);
            const problem = swarmProblem(state);
            return problem ? { problem } : state;
        },
        async deploy(session, state, spec) {
            const { release, steps } = session.newRelease(spec);
            // A release the swarm never ran (its upload failed) or rolled back goes at once: pruning
            // runs only after a success, and a manager whose deploys keep failing would fill its disk.
            const discard = () => session.run([(0,remote/* discardReleaseStep */.yu)(session.plan.layout, release)]).catch(() => undefined);
            const result = await deployRelease(session, state, release, {
                env: spec.env,
                version: spec.version,
                postDeploy: spec.postDeploy,
                prepare: steps
            }).catch(async (error) => {
                if (error instanceof deploy_step/* StepError */.zg && steps.includes(error.step))
                    await discard();
                throw error;
            });
            if (result.status === 'rolled-back')
                await discard();
            return result;
        },
        /** `previous`: `docker service rollback` per service; a version: that kept release again. */
        async rollbackTo(session, state, to) {
            const { layout, healthTimeoutMs } = session.plan;
            if (to !== 'previous') {
                const target = (0,releases/* rollbackTarget */.es)(state, to);
                if ('error' in target)
                    return { status: 'failed', message: `Cannot roll back: ${target.error}` };
                const version = await session.versionOf(target.release);
                session.log(`↩ deploying the kept release ${version} (${target.release}) again`);
                const envFile = (0,remote/* readReleaseFileStep */.M0)(layout, target.release, remote/* ENV_FILE */.h9);
                const env = (await session.runOne(envFile, { quiet: true })).stdout;
                return deployRelease(session, state, target.release, { env, version });
            }
            const baseline = await status(session);
            const names = baseline.services.map((s) => s.name);
            if (names.length === 0)
                return {
                    status: 'failed',
                    message: `Cannot roll back: the stack ${stack} has no services on this manager`
                };
            const without = baseline.services.filter((s) => !s.hasPreviousSpec).map((s) => s.name);
            if (without.length)
                return {
                    status: 'failed',
                    message: `Cannot roll back: the swarm has no previous spec for ${without.join(', ')} (created by the last deploy, or already rolled back by the swarm). Deploy a kept release again with \`rollback-to: <version>\`.`
                };
            session.log(`↩ rolling back ${names.join(', ')} to their previous spec`);
            await session.runOne((0,remote/* serviceRollbackStep */.iL)(names));
            const { verdict, timedOut } = await follow(session, 'rollback', baseline, healthTimeoutMs);
            const services = verdict.services;
            const details = servicesTable(stack, services);
            if (verdict.phase !== 'completed')
                return { status: 'failed', details, message: why(session, verdict, timedOut) };
            const records = await session.runOne((0,remote/* readStackRecordsStep */.dM)(layout), { quiet: true });
            const release = releaseRunning(parseStackRecords(records.stdout), services);
            if (!release) {
                session.log('  no kept release recorded these images: `current` stays as it was');
                return { status: 'deployed', details };
            }
            await session.run([(0,remote/* switchStep */.PS)(layout, release)]);
            return { status: 'deployed', after: await session.versionOf(release), details };
        },
        /** `current` serves; healthy when every service runs its replicas and the health URL answers. */
        async serving(session, state, { health }) {
            const release = state.current;
            if (!release)
                return { healthy: health ? false : undefined, detail: 'no release is current' };
            const version = session.before;
            if (!health)
                return { release, version };
            const short = (await status(session)).services.filter((s) => s.running < s.desired);
            const detail = short.length
                ? `${short.map((s) => `${s.name} runs ${s.running}/${s.desired}`).join(', ')}`
                : await checkHealthUrl(session, session.plan.healthTimeoutMs);
            return detail
                ? { release, version, healthy: false, detail }
                : { release, version, healthy: true };
        },
        rehearsal(plan) {
            const host = (0,rehearsal/* rehearsalHost */.S)(plan);
            const image = plan.mode.kind === 'deploy'
                ? (/^IMAGE=(.*)$/m.exec(plan.mode.env)?.[1] ?? '<image>')
                : '<image>';
            const service = `${stack}_<service>`;
            const inspect = (previous, update) => JSON.stringify({
                Spec: {
                    Name: service,
                    Labels: { 'com.docker.stack.image': image },
                    TaskTemplate: { ContainerSpec: { Image: image } },
                    Mode: { Replicated: { Replicas: 1 } }
                },
                ...(previous ? { PreviousSpec: { Name: service } } : {}),
                ...(update ? { UpdateStatus: { State: update, StartedAt: 'now', Message: '' } } : {})
            });
            const task = JSON.stringify({
                id: '<task>',
                name: `${service}.1`,
                image,
                node: '<node>',
                desired: 'Running',
                current: 'Running 1 second ago',
                error: ''
            });
            const running = (update) => `#services\n${service} 1/1\n#inspect\n${inspect(true, update)}\n#tasks\n${task}\n`;
            const statuses = plan.mode.kind === 'rollback' && plan.mode.to === 'previous'
                ? [running(), running('rollback_completed')]
                : ['#services\n#inspect\n#tasks\n', running()];
            return {
                'inspect swarm': `swarm=active true\ndetach=yes\nnow=${host.now}\n${host.releaseLines}`,
                ...host.answers,
                'stack status': statuses
            };
        }
    };
}
/** Whether a service's update started since the baseline (a deploy resets its UpdateStatus). */
function updateStarted(baseline, now) {
    return now.services.some((s) => s.update !== undefined &&
        s.update.startedAt !== baseline.services.find((b) => b.name === s.name)?.update?.startedAt);
}
/** Per service of the stack: replicas, old → new image, what the swarm did, its failed tasks. */
function servicesTable(stack, services) {
    if (!services.length)
        return undefined;
    const rows = services.map((s) => [
        { raw: (0,markdown/* code */.aY)(s.name) },
        `${s.running}/${s.desired}`,
        imageChange(s),
        stateLabel(s),
        s.failed ? [s.message ?? '', ...s.failedTasks.map(describeTask)].filter(Boolean).join('\n') : ''
    ]);
    return `\n\nStack ${(0,markdown/* code */.aY)(stack)}:\n\n${(0,markdown/* table */.tp)(['Service', 'Replicas', 'Image', 'Update', 'Details'], rows)}`;
}

;// CONCATENATED MODULE: ./src/deploy/targets/index.ts




const HOST_TARGETS = {
    compose: (options) => options.blueGreen ? blueGreenTarget({ app: options.app, ...options.blueGreen }) : composeTarget,
    swarm: (options) => swarmTarget(options.stack ?? options.app),
    git: (options) => {
        if (!options.git)
            throw new Error('target git needs its repository settings');
        return (0,git/* gitTarget */.y)(options.git);
    }
};
const HOST_TARGET_NAMES = Object.keys(HOST_TARGETS);
function hostTarget(name, options) {
    return HOST_TARGETS[name](options);
}


/***/ }),

/***/ 70541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ rehearsalHost)
/* harmony export */ });
/* harmony import */ var _core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76933);
/**
 * The host the dry run plays against: it keeps `keep-releases` releases (so the prune step shows
 * what it would delete), the newest one current, the one before it of the version `rollback-to`
 * names; the lock is free; every step succeeds. Targets add their own answers.
 */

function rehearsalHost(plan) {
    const wanted = plan.mode.kind === 'rollback' && plan.mode.to !== 'previous' ? plan.mode.to : 'previous';
    const count = Math.max(1, plan.keepReleases);
    const releases = Array.from({ length: count }, (_, i) => {
        const role = i === count - 1 ? 'current' : i === count - 2 ? wanted : `older-${i + 1}`;
        return (0,_core_deploy_releases_js__WEBPACK_IMPORTED_MODULE_0__/* .releaseId */ .Bf)(new Date(i * 60_000), role, '0000');
    });
    const current = releases.at(-1);
    return {
        now: Math.floor(Date.now() / 1000),
        current,
        releaseLines: [`current=${current}`, ...releases.map((r) => `release=${r}`)].join('\n') + '\n',
        answers: {
            lock: 'acquired\n',
            'read current release': '{"version":"current"}\n',
            '*': ''
        }
    };
}


/***/ }),

/***/ 34318:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GK: () => (/* binding */ HostKeyRefusedError),
/* harmony export */   LZ: () => (/* binding */ connectSsh),
/* harmony export */   s1: () => (/* binding */ lineSplitter)
/* harmony export */ });
/* unused harmony exports SshConnectError, LINE_CUT, LINE_END_KEPT */
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(16014);


class HostKeyRefusedError extends Error {
    host;
    verdict;
    constructor(host, verdict) {
        const why = {
            'unknown-host': 'is not in known-hosts/fingerprint',
            'changed-key': 'does not match the key in known-hosts/fingerprint (REMOTE HOST IDENTIFICATION HAS CHANGED?)',
            revoked: 'is marked @revoked in known-hosts'
        }[verdict.reason];
        super(`Host key verification failed for ${host}: the key it presented (${verdict.fingerprint}) ${why}. Nothing was run there.`);
        this.host = host;
        this.verdict = verdict;
    }
}
class SshConnectError extends Error {
}
const label = (t) => `${t.user}@${t.host}${t.port === 22 ? '' : `:${t.port}`}`;
/** Splits a stream of chunks into lines, keeping a partial last line until more arrives. */
function lineSplitter(emit, 
/**
 * A longer line is emitted cut: its first `maxLine` characters, LINE_CUT, its last
 * LINE_END_KEPT (where a batch's step marker is); the middle is never kept in memory.
 */
maxLine = Infinity) {
    let pending = '';
    let cut;
    // A character split across two chunks is decoded whole.
    const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8');
    const add = (text) => {
        if (cut)
            cut.end = (cut.end + text).slice(-LINE_END_KEPT);
        else if (pending.length + text.length <= maxLine)
            pending += text;
        else {
            const line = pending + text;
            cut = { head: line.slice(0, maxLine), end: line.slice(-LINE_END_KEPT) };
            pending = '';
        }
    };
    const end = () => {
        const line = cut ? `${cut.head}${LINE_CUT}${cut.end}` : pending;
        emit(line.endsWith('\r') ? line.slice(0, -1) : line);
        pending = '';
        cut = undefined;
    };
    return {
        push(chunk) {
            const parts = decoder.write(chunk).split('\n');
            parts.forEach((part, i) => {
                add(part);
                if (i < parts.length - 1)
                    end();
            });
        },
        flush() {
            add(decoder.end());
            if (pending || cut)
                end();
        }
    };
}
/** What stands for the middle of a line cut by lineSplitter. */
const LINE_CUT = ' … (line cut) … ';
/** The end of a cut line, kept. */
const LINE_END_KEPT = 1024;
async function connectSsh(target) {
    const { NodeSSH } = await __webpack_require__.e(/* import() */ 487).then(__webpack_require__.bind(__webpack_require__, 19487));
    const bastion = target.via ? await connectSsh(target.via) : undefined;
    let sock;
    if (bastion && target.via) {
        const via = target.via;
        const client = bastions.get(bastion);
        sock = await new Promise((resolve, reject) => {
            if (!client)
                return reject(new SshConnectError(`No connection to ${label(via)}`));
            client.forwardOut('127.0.0.1', 0, target.host, target.port, (error, stream) => error
                ? reject(new SshConnectError(`Cannot reach ${label(target)} through ${label(via)}: ${error.message}`))
                : resolve(stream));
        });
    }
    let refusal;
    const ssh = new NodeSSH();
    try {
        await ssh.connect({
            host: sock ? undefined : target.host,
            port: target.port,
            sock,
            username: target.user,
            privateKey: target.privateKey,
            passphrase: target.passphrase,
            readyTimeout: target.readyTimeoutMs ?? 20_000,
            keepaliveInterval: 5_000,
            keepaliveCountMax: 3,
            hostVerifier: (key) => {
                if (target.trust === 'insecure')
                    return true;
                const verdict = (0,_lib_known_hosts_js__WEBPACK_IMPORTED_MODULE_1__/* .verifyHostKey */ .Hj)(key, target.host, target.port, target.trust);
                if (!verdict.ok)
                    refusal = verdict;
                return verdict.ok;
            }
        });
    }
    catch (error) {
        await bastion?.close();
        if (refusal)
            throw new HostKeyRefusedError(label(target), refusal);
        const message = error instanceof Error ? error.message : String(error);
        throw new SshConnectError(`Cannot connect to ${label(target)}: ${message}`);
    }
    const shell = {
        async exec(script, options = {}) {
            const out = lineSplitter((line) => options.onLine?.(line, 'stdout'));
            const err = lineSplitter((line) => options.onLine?.(line, 'stderr'));
            try {
                const result = await ssh.execCommand(script, {
                    stdin: options.stdin,
                    noTrim: true,
                    onStdout: (chunk) => out.push(chunk),
                    onStderr: (chunk) => err.push(chunk)
                });
                out.flush();
                err.flush();
                return { code: result.code, stdout: result.stdout, stderr: result.stderr };
            }
            catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                throw new SshConnectError(`Connection to ${label(target)} lost: ${message}`);
            }
        },
        async close() {
            ssh.dispose();
            await bastion?.close();
        }
    };
    if (ssh.connection)
        bastions.set(shell, ssh.connection);
    return shell;
}
/** The raw ssh2 client behind a shell, for jumping through it. */
const bastions = new WeakMap();


/***/ }),

/***/ 84517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ realClock),
/* harmony export */   i: () => (/* binding */ instantClock)
/* harmony export */ });
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61737);
/** Time as a dependency: the real one, or a fake that tests advance without waiting. */

const realClock = { now: () => Date.now(), sleep: _retry_js__WEBPACK_IMPORTED_MODULE_0__/* .realSleep */ .uk };
/**
 * A clock whose sleeps return at once and move its time forward: the dry run walks the real
 * deploy sequence with it (every wait and timeout plays out, nothing waits).
 */
function instantClock(start = Date.now()) {
    let now = start;
    const slept = [];
    return {
        slept,
        now: () => now,
        sleep: async (ms) => {
            slept.push(ms);
            now += ms;
        }
    };
}


/***/ }),

/***/ 16014:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hj: () => (/* binding */ verifyHostKey),
/* harmony export */   uJ: () => (/* binding */ parseKnownHosts)
/* harmony export */ });
/* unused harmony exports fingerprintSha256, knownHostsName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Host-key verification as OpenSSH does it: known_hosts lines (plain, `[host]:port`, wildcards,
 * negations, hashed `|1|salt|hash` entries, `@revoked`) or pinned `SHA256:` fingerprints.
 * A key is accepted only when it is listed for this very host; anything else is refused.
 */

function fingerprintSha256(key) {
    return `SHA256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}
/** An SSH key blob starts with its own type name (RFC 4253 §6.6); a line whose blob does not is garbage. */
function blobKeyType(blob) {
    if (blob.length < 4)
        return undefined;
    const length = blob.readUInt32BE(0);
    return length > 0 && length < 64 && blob.length >= 4 + length
        ? blob.subarray(4, 4 + length).toString('latin1')
        : undefined;
}
/** Parses known_hosts text; returns entries and the numbers of lines it could not read. */
function parseKnownHosts(text) {
    const entries = [];
    const invalidLines = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const words = line.split(/\s+/);
        const marker = words[0] === '@revoked' || words[0] === '@cert-authority'
            ? words.shift()
            : undefined;
        const [hosts, keyType, keyText] = words;
        const key = keyText && /^[A-Za-z0-9+/]+=*$/.test(keyText) ? Buffer.from(keyText, 'base64') : undefined;
        if (!hosts || !keyType || !key || blobKeyType(key) !== keyType) {
            invalidLines.push(i + 1);
            return;
        }
        entries.push({ marker, hosts, keyType, key, line: i + 1 });
    });
    return { entries, invalidLines };
}
/** The name OpenSSH looks up: `host` on port 22, `[host]:port` otherwise. */
function knownHostsName(host, port) {
    return port === 22 ? host : `[${host}]:${port}`;
}
function globMatch(pattern, value) {
    const source = pattern
        .replace(/[\\^$.|+()[\]{}]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    return new RegExp(`^${source}$`, 'i').test(value);
}
function entryMatches(entry, name) {
    if (entry.hosts.startsWith('|1|')) {
        const [, , salt, hash] = entry.hosts.split('|');
        if (!salt || !hash)
            return false;
        const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
        return digest === hash;
    }
    let matched = false;
    for (const pattern of entry.hosts.split(',')) {
        if (pattern.startsWith('!')) {
            if (globMatch(pattern.slice(1), name))
                return false;
        }
        else if (globMatch(pattern, name))
            matched = true;
    }
    return matched;
}
/**
 * Checks a presented key (the raw SSH key blob) against known_hosts entries and/or pinned
 * fingerprints for this host.
 */
function verifyHostKey(presented, host, port, trust) {
    const fingerprint = fingerprintSha256(presented);
    const names = [knownHostsName(host, port)];
    const forHost = (trust.entries ?? []).filter((e) => names.some((n) => entryMatches(e, n)));
    if (forHost.some((e) => e.marker === '@revoked' && e.key.equals(presented))) {
        return { ok: false, fingerprint, reason: 'revoked' };
    }
    const trusted = forHost.filter((e) => e.marker === undefined);
    if (trusted.some((e) => e.key.equals(presented)))
        return { ok: true, fingerprint };
    if ((trust.fingerprints ?? []).some((f) => f.replace(/=+$/, '') === fingerprint))
        return { ok: true, fingerprint };
    const known = trusted.length > 0 || (trust.fingerprints ?? []).length > 0;
    return { ok: false, fingerprint, reason: known ? 'changed-key' : 'unknown-host' };
}


/***/ }),

/***/ 43962:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ pollUntil)
/* harmony export */ });
/* unused harmony export backoffWaits */
/** The waits a backoff gives, one per call: initial, initial×factor, … up to max. */
function backoffWaits(interval) {
    const b = typeof interval === 'number' ? { initialMs: interval, maxMs: interval } : interval;
    const factor = b.factor ?? 2;
    let next = Math.min(b.initialMs, b.maxMs);
    return () => {
        const wait = next;
        next = Math.min(b.maxMs, next * factor);
        return wait;
    };
}
/**
 * Observes until `done`, or until `timeoutMs` has passed; returns the last observation either
 * way (`settled` tells which). Errors thrown by `observe` propagate: a poll is no retry.
 */
async function pollUntil(observe, options) {
    const { clock } = options;
    const started = clock.now();
    const deadline = started + options.timeoutMs;
    const nextWait = backoffWaits(options.interval);
    if (options.delayFirst)
        await clock.sleep(Math.min(nextWait(), options.timeoutMs));
    for (let attempt = 1;; attempt++) {
        const value = await observe(attempt);
        const elapsedMs = clock.now() - started;
        if (options.done(value, attempt))
            return { settled: true, value, attempts: attempt, elapsedMs };
        const left = deadline - clock.now();
        if (left <= 0)
            return { settled: false, value, attempts: attempt, elapsedMs };
        await clock.sleep(Math.min(nextWait(), left));
    }
}


/***/ })

};
