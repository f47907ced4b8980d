export const id = 514;
export const ids = [514,76];
export const modules = {

/***/ 18514:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkPayloadContent: () => (/* binding */ checkPayloadContent),
/* harmony export */   parseFields: () => (/* binding */ parseFields),
/* harmony export */   parsePayload: () => (/* binding */ parsePayload)
/* harmony export */ });
/* harmony import */ var _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(97268);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(86153);
/* harmony import */ var _yaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(91076);
/**
 * Custom payloads (`payload`, `payload-file`: JSON or YAML, parsed once) and the `fields` input
 * (YAML `Label: value` lines). Parsing uses src/core/yaml.ts, so errors say `source:line`.
 */



/** The payload as parsed data (JSON is YAML, so one parser serves both). */
function parsePayload(text, source) {
    const value = (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__.parseYaml)(text, source);
    if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(value)) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source}: expected a JSON or YAML object (with \`text\`, \`blocks\` or \`attachments\`), got ${describe(value)}.`);
    }
    return value;
}
const describe = (value) => value === null ? 'nothing' : Array.isArray(value) ? 'a list' : `a ${typeof value}`;
/** Slack refuses a message with nothing to show (`no_text`); say so before sending. */
function checkPayloadContent(payload, source) {
    const has = (key) => key === 'text'
        ? typeof payload.text === 'string' && payload.text.trim() !== ''
        : Array.isArray(payload[key]) && payload[key].length > 0;
    if (!has('text') && !has('blocks') && !has('attachments')) {
        throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source}: the payload has no \`text\`, \`blocks\` or \`attachments\`: Slack would refuse it (no_text).`);
    }
    for (const key of ['blocks', 'attachments']) {
        if (payload[key] !== undefined && !Array.isArray(payload[key])) {
            throw new _lib_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(`${source}: \`${key}\` must be a list.`);
        }
    }
    return payload;
}
/** `fields`: a YAML mapping of labels to scalar values, in order. */
async function parseFields(text, source) {
    return (0,_yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .validateYaml */ .u)(text, source, (value) => {
        if (value === null)
            return [];
        if (!(0,_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isPlainObject */ .Q)(value))
            throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([], 'expected `Label: value` lines');
        return Object.entries(value).map(([label, v]) => {
            if (v !== null && typeof v === 'object') {
                const kind = Array.isArray(v) ? 'list' : 'mapping';
                throw new _yaml_js__WEBPACK_IMPORTED_MODULE_1__/* .YamlPathError */ .L([label], `the value of '${label}' must be text, not a ${kind}`);
            }
            if (v === null)
                return [label, ''];
            return [label, String(v)];
        });
    }, { strings: true });
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
