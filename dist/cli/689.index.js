export const id = 689;
export const ids = [689,773];
export const modules = {

/***/ 46925:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  INPUTS: () => (/* binding */ INPUTS),
  readSettings: () => (/* binding */ readSettings),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/core/aws-region.ts
var aws_region = __webpack_require__(15507);
// EXTERNAL MODULE: ./src/core/registry/ecr.ts
var ecr = __webpack_require__(24181);
// EXTERNAL MODULE: ./src/io/docker-cli.ts
var docker_cli = __webpack_require__(28249);
// EXTERNAL MODULE: ./src/io/docker-config.ts + 1 modules
var docker_config = __webpack_require__(76701);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(97268);
// EXTERNAL MODULE: ./src/io/aws.ts
var aws = __webpack_require__(9773);
;// CONCATENATED MODULE: ./src/io/ecr.ts



function ecrApi(options) {
    let connected;
    const connect = () => (connected ??= Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 50630, 19)).then((sdk) => ({
        sdk,
        client: new sdk.ECRClient({
            region: options.region,
            maxAttempts: 1,
            customUserAgent: 'gantry-ecr-login',
            ...options.clientConfig
        })
    })));
    const attempts = options.attempts ?? 5;
    const call = async (operation, send) => {
        const { sdk, client } = await connect();
        return (0,aws.awsCall)(`ECR ${operation}`, () => send(sdk, client), {
            attempts,
            sleep: options.sleep,
            onRetry: options.onRetry
        });
    };
    return {
        async getAuthorizationTokens(registryIds) {
            const output = await call('GetAuthorizationToken', (sdk, client) => client.send(new sdk.GetAuthorizationTokenCommand(registryIds.length > 0 ? { registryIds: [...registryIds] } : {}))).catch((error) => {
                throw explain('GetAuthorizationToken', error, attempts);
            });
            const data = output.authorizationData ?? [];
            if (data.length === 0) {
                throw new errors/* ConfigurationError */.j1('ECR GetAuthorizationToken returned no authorization data.');
            }
            return data.map((entry) => {
                const decoded = (0,ecr/* decodeAuthorizationToken */.Bs)(entry.authorizationToken ?? '');
                if (!decoded || !entry.proxyEndpoint) {
                    throw new Error('ECR returned an authorization token that is not base64 `user:password`');
                }
                return {
                    registry: (0,ecr/* registryHost */.U$)(entry.proxyEndpoint),
                    proxyEndpoint: entry.proxyEndpoint,
                    ...decoded,
                    ...(entry.expiresAt ? { expiresAt: entry.expiresAt } : {})
                };
            });
        },
        async ensureRepository(name, settings) {
            const registryId = settings.registryId ? { registryId: settings.registryId } : {};
            try {
                await call('DescribeRepositories', (sdk, client) => client.send(new sdk.DescribeRepositoriesCommand({ repositoryNames: [name], ...registryId })));
                return 'exists';
            }
            catch (error) {
                if (error.name !== 'RepositoryNotFoundException') {
                    throw explain('DescribeRepositories', error, attempts);
                }
            }
            try {
                await call('CreateRepository', (sdk, client) => client.send(new sdk.CreateRepositoryCommand({
                    repositoryName: name,
                    ...registryId,
                    imageTagMutability: settings.tagMutability,
                    imageScanningConfiguration: { scanOnPush: settings.scanOnPush }
                })));
            }
            catch (error) {
                // Another job created it between our two calls: it exists, and it is not ours to change.
                if (error.name === 'RepositoryAlreadyExistsException')
                    return 'exists';
                throw explain('CreateRepository', error, attempts);
            }
            if (settings.expireUntaggedDays > 0) {
                await call('PutLifecyclePolicy', (sdk, client) => client.send(new sdk.PutLifecyclePolicyCommand({
                    repositoryName: name,
                    ...registryId,
                    lifecyclePolicyText: (0,ecr/* untaggedExpiryPolicy */.F1)(settings.expireUntaggedDays)
                }))).catch((error) => {
                    throw explain('PutLifecyclePolicy', error, attempts);
                });
            }
            return 'created';
        }
    };
}
/** What the user reads: what AWS said, and what to do about it. */
function explain(operation, error, attempts) {
    return (0,aws.explainAwsError)('ECR', operation, error, attempts, `the ecr:${operation} permission`);
}

// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(35577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(51662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(33862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(39445);
;// CONCATENATED MODULE: ./src/actions/ecr-login/state.ts
/**
 * What the main step tells the post step (runner.saveState → STATE_* in the post step): the
 * registries it logged in to, and how, so the post step undoes exactly that and nothing else.
 */
const STATE = {
    /** JSON array of registry hosts, saved after each login (a later failure still logs out). */
    registries: 'registries',
    /** `docker` (docker logout) or `config` (the entry written into the Docker config). */
    logoutVia: 'logout-via',
    /** DOCKER_CONFIG at login time ('' for ~/.docker), so logout edits the same file. */
    dockerConfig: 'docker-config'
};
function parseRegistriesState(text) {
    if (text.trim() === '')
        return [];
    try {
        const value = JSON.parse(text);
        return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
    }
    catch {
        return [];
    }
}

;// CONCATENATED MODULE: ./src/actions/ecr-login/main.ts
/**
 * Action `ecr-login`: an ECR authorization token (the standard AWS credential chain), Docker
 * logged in with it (`docker login --password-stdin`, or the Docker config written directly
 * where no Docker CLI exists), optionally the repositories created, and a post step that logs
 * out again. Outputs as amazon-ecr-login users know them.
 */











const INPUTS = {
    registries: 'registries',
    region: 'region',
    maskPassword: 'mask-password',
    skipLogout: 'skip-logout',
    createRepository: 'create-repository',
    repositories: 'repositories',
    scanOnPush: 'scan-on-push',
    imageTagMutability: 'image-tag-mutability',
    expireUntaggedDays: 'expire-untagged-days'
};
function readSettings(inputs, env) {
    const registryIds = inputs.list(INPUTS.registries);
    for (const id of registryIds) {
        if (!(0,ecr/* isAccountId */.JG)(id)) {
            throw new errors/* InputError */.dz(INPUTS.registries, id, 'AWS account IDs of 12 digits, comma-separated (quote an ID that starts with 0)');
        }
    }
    const region = (0,aws_region/* resolveRegion */.Zv)(INPUTS.region, inputs.optional(INPUTS.region), env);
    const create = inputs.boolean(INPUTS.createRepository, false);
    const names = inputs.list(INPUTS.repositories);
    for (const name of names) {
        if (!(0,ecr/* isRepositoryName */.en)(name)) {
            throw new errors/* InputError */.dz(INPUTS.repositories, name, 'ECR repository names such as `shop/api` (lowercase letters, digits, `.`, `_`, `-`, `/`)');
        }
    }
    if (create && names.length === 0) {
        throw new errors/* InputError */.dz(INPUTS.repositories, '', 'the repositories to create when `create-repository` is `true`');
    }
    if (!create && names.length > 0) {
        throw new errors/* InputError */.dz(INPUTS.createRepository, 'false', '`true` when `repositories` is given (they are only used to create missing repositories)');
    }
    const repositorySettings = {
        scanOnPush: inputs.boolean(INPUTS.scanOnPush, true),
        tagMutability: inputs.choice(INPUTS.imageTagMutability, ['MUTABLE', 'IMMUTABLE'], 'MUTABLE'),
        expireUntaggedDays: inputs.integer(INPUTS.expireUntaggedDays, { min: 0, max: 3650 }) ?? 14
    };
    return {
        registryIds,
        region,
        maskPassword: inputs.boolean(INPUTS.maskPassword, true),
        skipLogout: inputs.boolean(INPUTS.skipLogout, false),
        ...(create ? { repositories: { names, ...repositorySettings } } : {})
    };
}
const defaultEcr = (region, runner) => ecrApi({ region, onRetry: (message) => runner.untrusted(message) });
async function run(deps = {}) {
    const runner = deps.runner ?? (0,lib_runner/* githubRunner */.O)();
    await (0,action/* runAction */.C)(runner, async () => {
        const settings = readSettings(new inputs/* InputReader */.i_(runner.getInput, runner.setSecret), runner.env);
        const ecr = (deps.ecr ?? defaultEcr)(settings.region, runner);
        const logins = await ecr.getAuthorizationTokens(settings.registryIds);
        // Masked before anything else happens; unmasked only when the user passes them on.
        if (settings.maskPassword)
            logins.forEach((login) => runner.setSecret(login.password));
        const created = settings.repositories
            ? await createRepositories(ecr, settings.repositories, settings.registryIds[0], runner)
            : [];
        const docker = deps.docker ?? (0,docker_cli/* dockerCli */.RK)({ env: runner.env });
        const via = docker.available() ? 'docker' : 'config';
        const helpers = deps.helpers ?? (0,docker_config/* credentialHelpers */.rl)(runner.env);
        if (!settings.skipLogout) {
            runner.saveState(STATE.logoutVia, via);
            runner.saveState(STATE.dockerConfig, runner.env.DOCKER_CONFIG ?? '');
        }
        const loggedIn = [];
        for (const login of logins) {
            const where = await logIn(login, via, docker, helpers, runner.env);
            loggedIn.push(login.registry);
            if (!settings.skipLogout)
                runner.saveState(STATE.registries, JSON.stringify(loggedIn));
            runner.info(`Logged in to ${login.registry} (${where})${expiry(login)}`);
        }
        const first = logins[0];
        runner.setOutput('registry', first.registry);
        setCredentialOutputs(runner, logins);
        runner.appendSummary(renderSummary(logins, via, created, settings));
    });
}
async function createRepositories(ecr, repositories, registryId, runner) {
    const results = [];
    for (const name of repositories.names) {
        const outcome = await ecr.ensureRepository(name, { ...repositories, registryId });
        runner.info(outcome === 'created'
            ? `Created repository ${name} (scan on push: ${repositories.scanOnPush}, tags ${repositories.tagMutability.toLowerCase()}${repositories.expireUntaggedDays ? `, untagged images expire after ${repositories.expireUntaggedDays} days` : ''})`
            : `Repository ${name} exists; left as it is`);
        results.push({ name, outcome });
    }
    return results;
}
async function logIn(login, via, docker, helpers, env) {
    if (via === 'config') {
        return (0,docker_config/* storeDockerCredentials */.uG)(login.registry, login.username, login.password, env, helpers);
    }
    try {
        await docker.login(login.registry, login.username, login.password);
        return 'docker login';
    }
    catch (error) {
        if (error instanceof docker_cli/* DockerCliError */.b1) {
            throw new errors/* ConfigurationError */.j1(`Could not log Docker in to ${login.registry}: ${error.message}`);
        }
        throw error;
    }
}
/**
 * The credentials as outputs, as amazon-ecr-login gives them: masked (usable by later steps of
 * this job, e.g. ssh-deploy's registry-password) unless `mask-password: false`, which lets
 * another job's `services`/`container` credentials use them (masked values cannot cross jobs).
 * Both the plain names and amazon-ecr-login's per-registry names, so its workflows work unchanged.
 */
function setCredentialOutputs(runner, logins) {
    const first = logins[0];
    runner.setOutput('docker-username', first.username);
    runner.setOutput('docker-password', first.password);
    for (const login of logins) {
        const suffix = (0,ecr/* outputSuffix */.JA)(login.registry);
        runner.setOutput(`docker_username_${suffix}`, login.username);
        runner.setOutput(`docker_password_${suffix}`, login.password);
    }
}
function expiry(login) {
    return login.expiresAt ? `; the token expires at ${login.expiresAt.toISOString()}` : '';
}
function renderSummary(logins, via, created, settings) {
    const rows = logins.map((l) => [
        { raw: (0,markdown/* code */.aY)(l.registry) },
        via === 'docker' ? 'docker login' : 'Docker config',
        l.expiresAt?.toISOString() ?? '—'
    ]);
    let body = (0,markdown/* table */.tp)(['Registry', 'Logged in with', 'Token expires'], rows);
    if (created.length > 0) {
        body +=
            '\n\n' +
                (0,markdown/* table */.tp)(['Repository', 'Result'], created.map((r) => [
                    { raw: (0,markdown/* code */.aY)(r.name) },
                    r.outcome === 'created' ? 'created' : 'exists, unchanged'
                ]));
    }
    body += settings.skipLogout ? '\n\nLogout skipped (`skip-logout: true`).' : '';
    return (0,markdown/* summary */.z)('Amazon ECR login', body);
}


/***/ }),

/***/ 15507:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zv: () => (/* binding */ resolveRegion)
/* harmony export */ });
/* unused harmony exports regionPartition, isRegion, REGION_EXPECTED */
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/**
 * AWS regions: the one rule every action that talks to AWS checks its region with. A region
 * belongs to a partition, and each partition names its regions by its own pattern (the
 * `regionRegex` of the AWS SDKs' partitions table); new regions of a partition fit its pattern
 * before any SDK lists them, so the patterns decide, not a list of today's regions.
 */

/**
 * In the SDKs' order; the specific patterns (`us-gov-`, `us-iso-`) come before nothing that
 * could also match them: `aws`'s pattern has one word between prefix and number, so
 * `us-gov-west-1` is not an `aws` region.
 */
const PARTITIONS = [
    {
        id: 'aws',
        dnsSuffix: 'amazonaws.com',
        pattern: /^(?:us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d{1,2}$/
    },
    { id: 'aws-cn', dnsSuffix: 'amazonaws.com.cn', pattern: /^cn-[a-z]+-\d{1,2}$/ },
    { id: 'aws-us-gov', dnsSuffix: 'amazonaws.com', pattern: /^us-gov-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso', dnsSuffix: 'c2s.ic.gov', pattern: /^us-iso-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-b', dnsSuffix: 'sc2s.sgov.gov', pattern: /^us-isob-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-e', dnsSuffix: 'cloud.adc-e.uk', pattern: /^eu-isoe-[a-z]+-\d{1,2}$/ },
    { id: 'aws-iso-f', dnsSuffix: 'csp.hci.ic.gov', pattern: /^us-isof-[a-z]+-\d{1,2}$/ },
    // The AWS European Sovereign Cloud: Germany first; its pattern names the country.
    { id: 'aws-eusc', dnsSuffix: 'amazonaws.eu', pattern: /^eusc-de-[a-z]+-\d{1,2}$/ }
];
/** The partition a region belongs to; undefined when the text is no region of any partition. */
function regionPartition(region) {
    const found = PARTITIONS.find((p) => p.pattern.test(region));
    return found && { id: found.id, dnsSuffix: found.dnsSuffix };
}
function isRegion(text) {
    return regionPartition(text) !== undefined;
}
const REGION_EXPECTED = 'an AWS region such as `eu-west-1` (default: AWS_REGION or AWS_DEFAULT_REGION, as aws-actions/configure-aws-credentials sets them)';
/**
 * The region from the action's input, else from AWS_REGION or AWS_DEFAULT_REGION (empty
 * variables count as unset); an InputError naming `input` when it is no region.
 */
function resolveRegion(input, given, env) {
    const region = given ?? (env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim());
    if (region === undefined || !isRegion(region)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, region ?? '', REGION_EXPECTED);
    }
    return region;
}


/***/ }),

/***/ 59709:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ac: () => (/* binding */ parseTokenResponse),
/* harmony export */   Bn: () => (/* binding */ scopesCover),
/* harmony export */   F7: () => (/* binding */ repositoryScope),
/* harmony export */   Gu: () => (/* binding */ planTokenRequest),
/* harmony export */   OL: () => (/* binding */ mergeScopes),
/* harmony export */   WG: () => (/* binding */ encodeBase64),
/* harmony export */   aR: () => (/* binding */ basicAuthorization),
/* harmony export */   lR: () => (/* binding */ AuthError),
/* harmony export */   tO: () => (/* binding */ pickChallenge),
/* harmony export */   uV: () => (/* binding */ parseChallenges),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(86153);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37882);
/**
 * Registry authentication as data: the `WWW-Authenticate` challenge a registry answers 401 with,
 * the token request the Bearer scheme asks for (Docker Hub, GHCR, Harbor, …), and the header
 * Basic registries (ECR's token, htpasswd) take. The io layer sends what is planned here.
 */


class AuthError extends Error {
    name = 'AuthError';
}
const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
/** RFC 7235 challenges; several may share one header (`Basic realm="x", Bearer realm="y"`). */
function parseChallenges(header) {
    const text = header ?? '';
    const challenges = [];
    let i = 0;
    const skip = (chars) => {
        while (i < text.length && chars.test(text[i]))
            i++;
    };
    const token = () => {
        TOKEN.lastIndex = i;
        const match = TOKEN.exec(text);
        if (!match)
            return undefined;
        i = TOKEN.lastIndex;
        return match[0];
    };
    const quoted = () => {
        let value = '';
        for (i++; i < text.length && text[i] !== '"'; i++) {
            if (text[i] === '\\' && i + 1 < text.length)
                i++;
            value += text[i];
        }
        i++;
        return value;
    };
    while (i < text.length) {
        skip(/[\s,]/);
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const params = {};
        challenges.push({ scheme: scheme.toLowerCase(), params });
        for (;;) {
            skip(/[ \t]/);
            const start = i;
            const name = token();
            if (!name)
                break;
            skip(/[ \t]/);
            if (text[i] !== '=') {
                i = start; // the scheme of the next challenge
                break;
            }
            i++;
            skip(/[ \t]/);
            params[name.toLowerCase()] = text[i] === '"' ? quoted() : (token() ?? '');
            skip(/[ \t]/);
            if (text[i] !== ',')
                break;
            i++;
        }
    }
    return challenges;
}
/** The challenge we can answer: Bearer before Basic, as Docker does. */
function pickChallenge(challenges) {
    return (challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic'));
}
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/** `type:name:actions`; names may hold colons (`registry:catalog:*` has none, ports do). */
function parseScope(scope) {
    const last = scope.lastIndexOf(':');
    if (last <= 0)
        return undefined;
    return { resource: scope.slice(0, last), actions: new Set(scope.slice(last + 1).split(',')) };
}
/** One scope per resource, actions merged and sorted: a stable key and a short token request. */
function mergeScopes(scopes) {
    const byResource = new Map();
    for (const scope of scopes.flatMap((s) => s.split(' ')).filter(Boolean)) {
        const parsed = parseScope(scope);
        if (!parsed)
            continue;
        const actions = byResource.get(parsed.resource) ?? new Set();
        parsed.actions.forEach((a) => actions.add(a));
        byResource.set(parsed.resource, actions);
    }
    return [...byResource.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
}
function scopesCover(granted, needed) {
    const have = new Map(mergeScopes(granted).map((s) => [parseScope(s)?.resource, parseScope(s)?.actions]));
    return mergeScopes(needed).every((scope) => {
        const want = parseScope(scope);
        const actions = want && have.get(want.resource);
        return !!want && !!actions && [...want.actions].every((a) => actions.has(a) || actions.has('*'));
    });
}
/**
 * The token request a Bearer challenge asks for: GET with Basic credentials (or anonymous), or,
 * for an identity token, the OAuth2 refresh-token POST. Credentials go to the realm only over
 * HTTPS (or to a loopback realm): a registry cannot make us send a password in clear text.
 */
function planTokenRequest(challenge, scopes, credentials, clientId) {
    const realm = challenge.params.realm;
    let url;
    try {
        url = new URL(realm ?? '');
    }
    catch {
        throw new AuthError(`the registry's Bearer challenge has no valid realm (${JSON.stringify(realm ?? '')})`);
    }
    const secure = url.protocol === 'https:' || (url.protocol === 'http:' && (0,_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .isLoopback */ .U9)(url.host));
    if (!secure) {
        throw new AuthError(`the registry's token service ${url.origin} is not HTTPS; refusing to use it`);
    }
    const service = challenge.params.service;
    const merged = mergeScopes(scopes);
    if (credentials && 'identityToken' in credentials) {
        const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: clientId });
        form.set('refresh_token', credentials.identityToken);
        if (service)
            form.set('service', service);
        if (merged.length)
            form.set('scope', merged.join(' '));
        return {
            url: url.toString(),
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString()
        };
    }
    if (service)
        url.searchParams.set('service', service);
    for (const scope of merged)
        url.searchParams.append('scope', scope);
    const headers = {};
    if (credentials) {
        url.searchParams.set('account', credentials.username);
        headers.authorization = basicAuthorization(credentials.username, credentials.password);
    }
    return { url: url.toString(), method: 'GET', headers };
}
/** The token service's answer: `token` or `access_token`, valid `expires_in` seconds (default 60). */
function parseTokenResponse(json, nowMs) {
    const body = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .asObject */ .e)(json);
    const token = [body.token, body.access_token].find((t) => typeof t === 'string' && t !== '');
    if (!token)
        throw new AuthError('the token service answered without a token');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    const issued = typeof body.issued_at === 'string' ? Date.parse(body.issued_at) : NaN;
    const start = Number.isNaN(issued) ? nowMs : Math.min(issued, nowMs);
    return { token, expiresAtMs: start + seconds * 1000 };
}
function basicAuthorization(username, password) {
    return `Basic ${encodeBase64(`${username}:${password}`)}`;
}
/** UTF-8 base64 without Buffer, so the core stays free of Node. */
function encodeBase64(text) {
    let binary = '';
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
function decodeBase64(base64) {
    try {
        const binary = atob(base64.trim());
        return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 37882:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Tn: () => (/* binding */ manifestReference),
/* harmony export */   U9: () => (/* binding */ isLoopback),
/* harmony export */   mO: () => (/* binding */ registryBaseUrl)
/* harmony export */ });
/* unused harmony exports DOCKER_HUB_API, apiHost */
/* harmony import */ var _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58003);
/**
 * Where a registry's API lives for an image reference (parsed by `../docker-reference.ts`): the
 * host to call, HTTP or HTTPS, and what to ask it for.
 */

/** Where Docker Hub's registry API lives (`docker.io` is only its name). */
const DOCKER_HUB_API = 'registry-1.docker.io';
/** What to ask the registry for: the digest when there is one (it wins over a tag), else the tag. */
function manifestReference(ref) {
    return ref.digest ?? ref.tag ?? 'latest';
}
/** The host to call for a registry's API (`docker.io` is served by `registry-1.docker.io`). */
function apiHost(registry) {
    return registry === _docker_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .DOCKER_HUB */ .Xb ? DOCKER_HUB_API : registry;
}
/**
 * Loopback registries speak plain HTTP, as Docker assumes for 127.0.0.0/8; every other registry
 * is reached over HTTPS only.
 */
function isLoopback(host) {
    const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    return (hostname === 'localhost' || hostname === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(hostname ?? ''));
}
function registryBaseUrl(registry) {
    const host = apiHost(registry);
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}


/***/ }),

/***/ 9773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   awsCall: () => (/* binding */ awsCall),
/* harmony export */   awsRetryDecision: () => (/* binding */ awsRetryDecision),
/* harmony export */   awsSaid: () => (/* binding */ awsSaid),
/* harmony export */   explainAwsError: () => (/* binding */ explainAwsError)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/* harmony import */ var _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(61737);
/**
 * What every AWS call of ours shares: our retries (the SDK clients run with `maxAttempts: 1`, so
 * throttling is handled one way and tests drive it with a fake clock), which failures are worth
 * another attempt, and the messages a user can act on for the errors every service answers alike
 * (expired, invalid or missing credentials, access denied).
 */


const RETRYABLE = new Set([
    'ThrottlingException',
    'ThrottledException',
    'Throttling',
    'TooManyRequestsException',
    'RequestLimitExceeded',
    'ServerException',
    'ServiceUnavailable',
    'ServiceUnavailableException',
    'InternalFailure',
    'RequestTimeout',
    'RequestTimeoutException',
    'TimeoutError'
]);
const NETWORK = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNREFUSED']);
function awsRetryDecision(error) {
    const e = (error ?? {});
    const status = e.$metadata?.httpStatusCode;
    return (RETRYABLE.has(e.name ?? '') ||
        e.$retryable !== undefined ||
        (status !== undefined && (status === 429 || status >= 500)) ||
        NETWORK.has(e.code ?? ''));
}
/** `Name: message`, as AWS said it. */
function awsSaid(error) {
    const e = (error ?? {});
    return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`;
}
/** One SDK call with our retries; `label` names it in retry messages (`ECR GetAuthorizationToken`). */
function awsCall(label, send, options) {
    return (0,_lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .retry */ .L5)(send, {
        attempts: options.attempts,
        baseDelayMs: 1000,
        maxDelayMs: 20_000,
        sleep: options.sleep ?? _lib_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .uk,
        retryable: awsRetryDecision,
        onRetry: (error, attempt, delayMs) => options.onRetry?.(`${label}: ${awsSaid(error)}; attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`)
    });
}
/**
 * What the user reads for a failed call: what AWS said and what to do. `permission` completes
 * "The role or user needs …" for an access denial. Service-specific errors are the caller's.
 */
function explainAwsError(service, operation, error, attempts, permission) {
    const e = (error ?? {});
    const said = awsSaid(error);
    switch (e.name ?? 'Error') {
        case 'ExpiredTokenException':
        case 'ExpiredToken':
        case 'RequestExpired':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials have expired (${said}). Refresh them right before this step (aws-actions/configure-aws-credentials, or new AWS_* variables on CircleCI).`);
        case 'UnrecognizedClientException':
        case 'InvalidClientTokenId':
        case 'InvalidSignatureException':
        case 'SignatureDoesNotMatch':
        case 'IncompleteSignature':
        case 'MissingAuthenticationTokenException':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS refused ${operation}: the credentials are not valid (${said}). Check the access key, secret and session token.`);
        case 'AccessDeniedException':
        case 'AccessDenied':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`AWS denied ${operation} (${said}). The role or user needs ${permission}.`);
        case 'CredentialsProviderError':
            return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`No AWS credentials found (${e.message}). Configure them before this step: aws-actions/configure-aws-credentials (access keys or an OIDC role), or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN) on CircleCI.`);
    }
    if (awsRetryDecision(error)) {
        return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} still failed after ${attempts} attempts (${said}).`);
    }
    return new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${service} ${operation} failed (${said}).`);
}


/***/ })

};
