// ssh2's bundled poly1305 (emscripten) reads __dirname, which ESM bundles do not define. This
// module must be the entry's first import so the shim exists before any chunk evaluates.
const scope = globalThis as { __dirname?: string }
scope.__dirname ??= import.meta.dirname
