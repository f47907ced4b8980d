export const id = 76;
export const ids = [76];
export const modules = {

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
