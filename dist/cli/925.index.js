export const id = 925;
export const ids = [925];
export const modules = {

/***/ 6925:
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
var aws_region = __webpack_require__(5507);
// EXTERNAL MODULE: ./src/core/registry/ecr.ts
var ecr = __webpack_require__(4181);
// EXTERNAL MODULE: ./src/io/docker-cli.ts
var docker_cli = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/io/docker-config.ts + 1 modules
var docker_config = __webpack_require__(6701);
// EXTERNAL MODULE: ./src/lib/errors.ts
var errors = __webpack_require__(7268);
// EXTERNAL MODULE: ./src/io/aws.ts
var aws = __webpack_require__(9773);
;// CONCATENATED MODULE: ./src/io/ecr.ts



function ecrApi(options) {
    let connected;
    const connect = () => (connected ??= Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 630, 19)).then((sdk) => ({
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
        return (0,aws/* awsCall */.uF)(`ECR ${operation}`, () => send(sdk, client), {
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
    return (0,aws/* explainAwsError */.Ni)('ECR', operation, error, attempts, `the ecr:${operation} permission`);
}

// EXTERNAL MODULE: ./src/lib/action.ts
var action = __webpack_require__(5577);
// EXTERNAL MODULE: ./src/lib/inputs.ts
var inputs = __webpack_require__(1662);
// EXTERNAL MODULE: ./src/lib/markdown.ts
var markdown = __webpack_require__(3862);
// EXTERNAL MODULE: ./src/lib/runner.ts
var lib_runner = __webpack_require__(9445);
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

/***/ 4181:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bs: () => (/* binding */ decodeAuthorizationToken),
/* harmony export */   F1: () => (/* binding */ untaggedExpiryPolicy),
/* harmony export */   JA: () => (/* binding */ outputSuffix),
/* harmony export */   JG: () => (/* binding */ isAccountId),
/* harmony export */   PE: () => (/* binding */ isImmutableTagRefusal),
/* harmony export */   U$: () => (/* binding */ registryHost),
/* harmony export */   en: () => (/* binding */ isRepositoryName)
/* harmony export */ });
/* harmony import */ var _auth_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9709);
/**
 * Amazon ECR facts as data: account IDs as ECR accepts them (regions: `../aws-region.ts`), its authorization token
 * (base64 `AWS:<password>`), the registry host, the output names amazon-ecr-login users know,
 * the untagged-image lifecycle policy, and how a PUT refusal for an immutable tag reads.
 */

const ACCOUNT_ID = /^\d{12}$/;
function isAccountId(text) {
    return ACCOUNT_ID.test(text);
}
/** `https://123456789012.dkr.ecr.eu-west-1.amazonaws.com` → the host Docker logs in to. */
function registryHost(proxyEndpoint) {
    return proxyEndpoint.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
}
/** GetAuthorizationToken's `authorizationToken`: base64 of `AWS:<password>`. */
function decodeAuthorizationToken(token) {
    const decoded = (0,_auth_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeBase64 */ .y4)(token);
    const colon = decoded?.indexOf(':') ?? -1;
    if (decoded === undefined || colon <= 0 || colon === decoded.length - 1)
        return undefined;
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
/**
 * The suffix of amazon-ecr-login's per-registry outputs:
 * `123456789012.dkr.ecr.us-east-1.amazonaws.com` → `123456789012_dkr_ecr_us_east_1_amazonaws_com`.
 */
function outputSuffix(registry) {
    return registry.replace(/[^A-Za-z0-9]/g, '_');
}
/** Repository names as ECR takes them (`team/app`): lowercase components, 2 to 256 characters. */
const REPOSITORY = /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/;
function isRepositoryName(text) {
    return text.length >= 2 && text.length <= 256 && REPOSITORY.test(text);
}
/** Expires untagged images (old layers of moved tags) after `days`; tagged ones stay. */
function untaggedExpiryPolicy(days) {
    return JSON.stringify({
        rules: [
            {
                rulePriority: 1,
                description: `Expire untagged images ${days} days after push`,
                selection: {
                    tagStatus: 'untagged',
                    countType: 'sinceImagePushed',
                    countUnit: 'days',
                    countNumber: days
                },
                action: { type: 'expire' }
            }
        ]
    });
}
/**
 * ECR refuses to move an immutable tag with 400 and
 * `{"errors":[{"code":"TAG_INVALID","message":"The image tag 'v1' already exists in the 'app'
 * repository and cannot be overwritten because the repository is immutable."}]}` (newer: "…
 * because the tag is immutable."). Other registries say "immutable" in some other code.
 */
function isImmutableTagRefusal(status, errors) {
    if (status !== 400 && status !== 403 && status !== 409)
        return false;
    return errors.some((e) => /immutable/i.test(e.message ?? '') &&
        (e.code === undefined || ['TAG_INVALID', 'MANIFEST_INVALID', 'DENIED'].includes(e.code)));
}


/***/ })

};
