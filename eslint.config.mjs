// ESLint flat config: @eslint/js recommended + typescript-eslint recommended.
// `npm run lint` = `eslint . && tsc --noEmit -p tsconfig.json`.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "build/", "node_modules/", "coverage/", "build-ts/", ".bench/"]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Plain CommonJS files run by Node: webpack.config.js, jest.config.js,
    // scripts/make-icons.js, …
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: globals.node,
    },
    rules: {
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: globals.node },
  },
  {
    // Browser code (task pane, Excel runtime). Office/Excel/CustomFunctions
    // come from @types/office-js and @types/custom-functions-runtime.
    files: ["src/taskpane/**", "src/office/**", "src/functions/**"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  {
    rules: {
      // `_name` marks a parameter that is unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
