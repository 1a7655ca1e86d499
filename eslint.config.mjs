// ESLint flat config. Besides the usual TypeScript/React/Next.js checks it encodes the project's layout as
// import rules, so a boundary is enforced rather than hoped for (see README "Layout"):
//   - pure engines import nothing from Next.js, Prisma or app/_core;
//   - app/_core imports no route-group file (it must not know the pages);
//   - public pages never import desk or editor code;
//   - domain modules never read request headers themselves (next/headers): the wrappers hand them what they need.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/** The pure engines: table-driven, importable from scripts and tests without a framework or a database. */
export const PURE_ENGINES = [
  "app/_modules/triage/engine.ts",
  "app/_modules/triage/text.ts",
  "app/_modules/triage/lexicon.ts",
  "app/_modules/triage/lexicon-topics.ts",
  "app/_modules/triage/protocol-hints.ts",
  "app/_modules/protocol/engine/**/*.ts",
  // The verzuimcheck's form side runs in the browser as well as on the server: the same rule keeps it light.
  "app/_modules/protocol/check-input.ts",
  "app/_modules/protocol/check-forms.ts",
  "app/_modules/sla/business-time.ts",
  "app/_modules/search/embedded.ts",
  "app/_modules/search/embedded-*.ts",
  "app/_modules/search/bucket-scratch.ts",
  "app/_modules/search/text.ts",
  "app/_modules/search/format.ts",
  "app/_modules/search/filter.ts",
  "app/_modules/search/synonyms.ts",
  "app/_modules/search/fallback.ts",
];

const framework = {
  group: ["next", "next/*", "@prisma/*", "**/_generated/**"],
  message: "Pure engines import nothing from Next.js or Prisma.",
};
const core = { group: ["@/app/_core/*", "**/_core/*"], message: "Pure engines import nothing from app/_core." };
/** The protocol engine (protocol/engine/) knows nothing of the service part beside it, which reads the database. */
const protocolService = {
  group: ["store", "check-service", "articles-for-rules", "load"].flatMap((m) => [`**/protocol/${m}`, `../${m}`]),
  message: "The protocol engine is pure: the service part (store, check-service, articles-for-rules, load) calls it.",
};
const routeGroups = {
  group: ["**/(desk)/**", "**/(editor)/**", "**/(portal)/**", "**/api/**/route"],
  message: "app/_core must not know the pages: register through a module instead.",
};
const staffCode = {
  group: ["**/(desk)/**", "**/(editor)/**"],
  message: "Public pages never import desk or editor code.",
};
const libUpward = {
  group: ["@/app/_modules/*", "**/_modules/**", "@/app/_components/*", "**/_components/**", ...routeGroups.group],
  message: "app/_lib is imported by components and modules alike: it imports neither.",
};
const headers = {
  name: "next/headers",
  message:
    "Domain modules do not read the request: take what you need as an argument from the page, route() or action().",
};

export default tseslint.config(
  {
    ignores: [
      "app/_generated/**",
      ".next/**",
      ".next-*/**",
      "node_modules/**",
      "data/**",
      "tmp/**",
      "next-env.d.ts",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "warn",
      "no-control-regex": "off",
      // An empty catch is how this code says "best effort, nothing to do"; an empty block elsewhere is a mistake.
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["app/_modules/**/*.ts", "app/_modules/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [headers] }] },
  },
  {
    files: PURE_ENGINES,
    rules: { "no-restricted-imports": ["error", { paths: [headers], patterns: [framework, core] }] },
  },
  {
    files: ["app/_modules/protocol/engine/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", { paths: [headers], patterns: [framework, core, protocolService] }],
    },
  },
  {
    files: ["app/_core/**/*.ts", "app/_core/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [routeGroups] }],
      // no-restricted-imports does not see import(): the same rule for dynamic imports.
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportExpression[source.value=/\\((desk|editor|portal)\\)\\/|\\/api\\/.*route/]",
          message: routeGroups.message,
        },
      ],
    },
  },
  {
    // Shared definitions (the one Tiptap schema) that both UI components and domain modules import: they import
    // neither, so no import loop can run through them.
    files: ["app/_lib/**/*.ts", "app/_lib/**/*.tsx"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [headers], patterns: [framework, core, libUpward] }] },
  },
  {
    files: ["app/(portal)/**/*.ts", "app/(portal)/**/*.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [staffCode] }] },
  },
  {
    files: ["scripts/**/*.ts", "tests/**/*.ts", "**/*.test.ts", "*.mts", "*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
