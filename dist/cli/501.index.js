export const id = 501;
export const ids = [501,76];
export const modules = {

/***/ 41501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseBranchMap: () => (/* binding */ parseBranchMap),
/* harmony export */   parseConfig: () => (/* binding */ parseConfig)
/* harmony export */ });
/* harmony import */ var _hosts_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93848);
/* harmony import */ var _lib_inputs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51662);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86153);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91076);




const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;
const SETTINGS_KEYS = [
    'hosts',
    'url',
    'requires-approval',
    'compose-file',
    'health-url',
    'slack-channel',
    'vars'
];
function mapping(value, path, what) {
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(value))
        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(path, `${what} must be a mapping`);
    return value;
}
function string(value, path, key) {
    if (typeof value !== 'string' && typeof value !== 'number')
        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(path, `'${key}' must be a string`);
    return String(value);
}
function rules(value, path, what) {
    return Object.entries(mapping(value, path, what)).map(([pattern, target]) => {
        const environment = string(target, [...path, pattern], pattern);
        if (!ENVIRONMENT_NAME.test(environment)) {
            throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([...path, pattern], `'${pattern}' maps to ${JSON.stringify(environment)}: expected an environment name (letters, digits, '_', '.', '-')`);
        }
        return { pattern, environment };
    });
}
/** The `map` input: YAML `pattern: environment` lines, first match wins. */
function parseBranchMap(text, source = "input 'map'") {
    return (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .validateYaml */ .u)(text, source, (value) => value === null ? [] : rules(value, [], 'the branch map'));
}
/**
 * `raw` is the same document read with every scalar as the text written (YAML failsafe), for the
 * values that are text to the user: `vars` (`1.10` stays `1.10`, `0x1F` stays `0x1F`).
 */
function settings(value, raw, path, env) {
    const result = {};
    if (value === null)
        return result;
    for (const [key, item] of Object.entries(mapping(value, path, `environment '${env}'`))) {
        const at = [...path, key];
        const known = key;
        switch (known) {
            case 'hosts': {
                const list = Array.isArray(item) ? item : [item];
                result.hosts = list.map((host, i) => {
                    const where = Array.isArray(item) ? [...at, i] : at;
                    const spec = (0,_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .parseHostSpec */ .nn)(string(host, where, 'hosts'));
                    if (!spec)
                        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(where, `'hosts' has ${JSON.stringify(String(host))}: expected ${_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .HOST_SPEC_EXPECTED */ .eS}`);
                    return (0,_hosts_js__WEBPACK_IMPORTED_MODULE_3__/* .formatHostSpec */ .BB)(spec);
                });
                break;
            }
            case 'url':
            case 'health-url': {
                const url = string(item, at, key);
                if (!(0,_lib_inputs_js__WEBPACK_IMPORTED_MODULE_0__/* .isHttpUrl */ .q$)(url))
                    throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(at, `'${key}' is ${JSON.stringify(url)}: expected an http(s) URL`);
                result[known] = url;
                break;
            }
            case 'requires-approval':
                if (typeof item !== 'boolean')
                    throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(at, `'requires-approval' must be true or false`);
                result[known] = item;
                break;
            case 'compose-file':
            case 'slack-channel':
                result[known] = string(item, at, key);
                break;
            case 'vars': {
                const vars = {};
                const written = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(raw) && (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(raw[key]) ? raw[key] : {};
                for (const [name, v] of Object.entries(mapping(item, at, `'vars' of environment '${env}'`))) {
                    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
                        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([...at, name], `'vars' key '${name}' must match [A-Za-z_][A-Za-z0-9_]*`, 'key');
                    }
                    if (v === null || typeof v === 'object')
                        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([...at, name], `'vars.${name}' must be a string, number or boolean`);
                    const text = written[name];
                    vars[name] = typeof text === 'string' ? text : String(v);
                }
                result.vars = vars;
                break;
            }
            default:
                throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L(at, `unknown key '${key}' in environment '${env}' (known: ${SETTINGS_KEYS.join(', ')})`, 'key');
        }
    }
    return result;
}
/** The settings file (`.github/gantry.yml` by default). */
function parseConfig(text, file) {
    // Valid YAML here parses both ways; a syntax error is reported by validateYaml below.
    let raw;
    try {
        raw = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__.parseYaml)(text, file, { strings: true });
    }
    catch {
        raw = undefined;
    }
    const rawEnvironments = (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(raw) && (0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(raw.environments) ? raw.environments : {};
    return (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .validateYaml */ .u)(text, file, (value) => {
        const config = { environments: {} };
        if (value === null)
            return config;
        for (const [key, item] of Object.entries(mapping(value, [], 'the file'))) {
            if (key === 'environments') {
                if (item === null)
                    continue;
                for (const [env, body] of Object.entries(mapping(item, [key], "'environments'"))) {
                    if (!ENVIRONMENT_NAME.test(env)) {
                        throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([key, env], `environment name '${env}' must use letters, digits, '_', '.', '-'`, 'key');
                    }
                    config.environments[env] = settings(body, rawEnvironments[env], [key, env], env);
                }
            }
            else if (key === 'branches') {
                config.branches = rules(item, [key], "'branches'");
            }
            else {
                throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([key], `unknown key '${key}' (known: environments, branches)`, 'key');
            }
        }
        return config;
    });
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
