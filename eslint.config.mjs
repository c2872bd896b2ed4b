// ESLint flat config: @eslint/js recommended + typescript-eslint recommended.
// `npm run lint` = `eslint . && tsc --noEmit -p tsconfig.json`.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores(["dist/", "dist-dev/", "build/", "node_modules/", "coverage/", "build-ts/", ".bench/"]),
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
    // The engine is pure: no Office, React, DOM or Node. The source texts are
    // read by the CLI and scripts, never by the core.
    files: ["src/core/**"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "child_process", "vm", "url"], message: "src/core får inte använda Node: läs filer i src/cli eller scripts." },
            { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core får inte använda React eller Fluent UI." },
            { group: ["office-*", "@microsoft/*", "@types/office-js"], message: "src/core får inte använda Office." },
            { group: ["../taskpane/*", "../office/*", "../functions/*", "../cli/*", "../sheets/*"], message: "Data flödar åt ett håll: kärnan känner inga ytor." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "fetch", "XMLHttpRequest", "Office", "Excel", "CustomFunctions", "process", "require", "Buffer"].map(
          (name) => ({ name, message: "src/core är ren: inga globala värdmiljöobjekt." }),
        ),
      ],
    },
  },
  {
    rules: {
      // `_name` marks a parameter that is unused on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
