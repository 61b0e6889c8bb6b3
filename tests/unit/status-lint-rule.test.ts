import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rule behind the state machine's promise (eslint.config.mjs): comment status writes only as a transition's
// result. Checked on code as it would sit in the data layer.
async function messages(code: string, filePath = "lib/data/probe.ts") {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-syntax").map((message) => message.message);
}

const prelude = `declare const tx: any; declare const next: { to: string }; declare const id: number;\n`;

// The first lint loads the whole configuration (Next.js, TypeScript and import plugins): seconds on a busy machine.
describe("the comment status rule", { timeout: 60_000 }, () => {
  it("refuses a status written by hand, in an update or in raw SQL", async () => {
    expect(await messages(`${prelude}await tx.comment.update({ where: { id }, data: { status: "APPROVED" } });`)).toHaveLength(1);
    expect(
      await messages(`${prelude}await tx.comment.updateMany({ where: { id }, data: { status: someStatus } }); declare const someStatus: string;`),
    ).toHaveLength(1);
    expect(await messages(`${prelude}await tx.$executeRaw\`UPDATE "Comment" SET status = 'SPAM' WHERE id = \${id}\`;`)).toHaveLength(1);
  });

  it("lets a transition's result through, and other writes alone", async () => {
    expect(await messages(`${prelude}await tx.comment.updateMany({ where: { id }, data: { status: next.to } });`)).toEqual([]);
    expect(await messages(`${prelude}await tx.comment.update({ where: { id }, data: { body: "edited" } });`)).toEqual([]);
    expect(await messages(`${prelude}await tx.article.update({ where: { id }, data: { status: "PUBLISHED" } });`)).toEqual([]);
    // Tests set up states directly; the rule covers the app.
    expect(await messages(`${prelude}await tx.comment.update({ where: { id }, data: { status: "APPROVED" } });`, "tests/integration/probe.test.ts")).toEqual(
      [],
    );
  });
});
