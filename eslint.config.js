import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/**
 * The dynamic imports src/core may not make, as an esquery regex (which cannot hold a `/`, so
 * `[^a-z]` stands for it).
 */
const DYNAMIC_FORBIDDEN = `/^(?:node:|@actions[^a-z]|(?:${builtinModules
  .filter((name) => !name.includes('/'))
  .join('|')})(?:[^a-z_]|$)|(?:[.][.][^a-z])+(?:io|actions|cli|lib[^a-z]runner)(?:[^a-z]|$))/`

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.tools/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
        AbortSignal: 'readonly'
      }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true }
      ]
    }
  },
  {
    // The core decides; it never reaches the runner, the environment, files or the network.
    // Relative imports are matched at any depth (`../io/x.js` from src/core, `../../io/x.js` from
    // src/core/deploy): test/unit/lint-purity.test.ts proves it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@actions/*'], message: 'src/core is pure: no runner access.' },
            {
              // node:crypto alone is allowed: HMAC signing and verification are pure computation.
              regex: `^(?!(?:node:)?crypto$)(?:node:.*|(?:${builtinModules.join('|')})(?:/.*)?)$`,
              message: 'src/core is pure: no I/O (no Node built-ins but node:crypto).'
            },
            {
              regex: String.raw`^(?:\./)?(?:\.\./)+(?:io|actions|cli)(?:/|$)`,
              message: 'src/core is pure: I/O lives in src/io, actions in src/actions.'
            },
            {
              regex: String.raw`^(?:\./)?(?:\.\./)+lib/runner(?:\.js|\.ts)?$`,
              message: 'src/core is pure: no runner access.'
            }
          ]
        }
      ],
      'no-restricted-syntax': [
        'error',
        {
          // `await import(…)` of a library is fine (yaml.ts loads one lazily); of I/O it is not.
          selector: `ImportExpression[source.value=${DYNAMIC_FORBIDDEN}]`,
          message: 'src/core is pure: no I/O, runner or actions, not even imported lazily.'
        }
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/core is pure: pass values in.' }
      ]
    }
  }
)
