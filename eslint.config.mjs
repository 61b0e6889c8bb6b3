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
        selector: "TemplateElement[value.raw=/UPDATE\\s+\"Comment\"\\s+SET[^;]*\\bstatus\\b/i]",
        message: "A comment's status changes only through transition() in lib/moderation/state-machine.ts, never in raw SQL.",
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  statusRule,
  globalIgnores([".next/**", ".next-test/**", ".next-bench/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**"]),
]);
