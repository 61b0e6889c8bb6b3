import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// A comment's status changes only through the state machine (lib/moderation/state-machine.ts): an update may write
// `status` only as a transition's result (`status: next.to`), and no raw SQL may set it.
const COMMENT_UPDATE = "CallExpression[callee.object.property.name='comment'][callee.property.name=/^(update|updateMany|updateManyAndReturn|upsert)$/]";
const statusRule = {
  files: ["app/**/*.{ts,tsx}", "lib/**/*.ts", "components/**/*.{ts,tsx}"],
  rules: {
    "no-restricted-syntax": [
      "error",
      {
        selector: `${COMMENT_UPDATE} Property[key.name=/^(data|update)$/] > ObjectExpression > Property[key.name='status']:not([value.type='MemberExpression'][value.property.name='to'])`,
        message: "A comment's status changes only through transition() in lib/moderation/state-machine.ts: write `status: next.to`.",
      },
      {
        selector: 'TemplateElement[value.raw=/UPDATE\\s+"Comment"\\s+SET[^;]*\\bstatus\\b/i]',
        message: "A comment's status changes only through transition() in lib/moderation/state-machine.ts, never in raw SQL.",
      },
    ],
  },
};

// Readers' pages and the public API never reach the staff side's data: the queue, a comment's history with its
// sender's record, staff accounts, the audit log (they return email addresses), nor the console's components and
// guards. Those modules also check who asks (lib/staff/staff-reads.ts); this keeps them out of public code at all.
const publicBoundary = {
  files: [
    "app/(site)/**/*.{ts,tsx}",
    "app/api/**/*.{ts,tsx}",
    "app/*.{ts,tsx}",
    "app/*/route.ts",
    "app/media/**/*.ts",
    "components/{article,comments,layout,privacy,seo}/**/*.{ts,tsx}",
  ],
  // The console's own route handlers (a photo upload is too large for a server action), guarded as app/admin is.
  ignores: ["app/api/newsroom/**"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^@/lib/data/(moderation|newsroom|staff)/",
            message: "Staff data stays on the staff side (app/admin); public pages and routes read through the public data modules.",
          },
          { regex: "^@/(components/console|lib/staff)/", message: "The console's components and guards belong to app/admin." },
        ],
      },
    ],
  },
};

// Imports: a type-only import says so (it costs nothing at run time), and imports come in one order — Node's own,
// packages, then the project's ("@/…"), then relative paths — alphabetically within each group.
const importRules = {
  files: ["**/*.{ts,tsx,mts}"],
  rules: {
    "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    "import/order": [
      "error",
      {
        groups: ["builtin", "external", "internal", ["parent", "sibling", "index"]],
        pathGroups: [{ pattern: "@/**", group: "internal" }],
        pathGroupsExcludedImportTypes: ["builtin"],
        "newlines-between": "never",
        alphabetize: { order: "asc", caseInsensitive: true },
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  statusRule,
  publicBoundary,
  importRules,
  globalIgnores([".next*/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
