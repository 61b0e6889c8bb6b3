import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { checkSync } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every regular expression literal in the code that serves requests, checked by recheck (which searches for inputs
// that make a pattern backtrack catastrophically). Finding them by parsing the sources means a pattern added later is
// checked too, without anyone remembering to list it.
const ROOTS = ["app", "lib", "components", "proxy.ts", "scripts/serve.mjs", "scripts/client-address.mjs", "scripts/shared-page-headers.mjs"];

function sourceFiles(entry: string): string[] {
  if (statSync(entry).isFile()) return [entry];
  return readdirSync(entry).flatMap((name) => {
    const full = path.join(entry, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
  });
}

function regexLiterals(file: string): { file: string; line: number; source: string; flags: string }[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { file: string; line: number; source: string; flags: string }[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const literal = node.getText(source);
      const end = literal.lastIndexOf("/");
      found.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, source: literal.slice(1, end), flags: literal.slice(end + 1) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const literals = ROOTS.flatMap(sourceFiles).flatMap(regexLiterals);

describe("regular expressions on request paths", () => {
  it("are found in the sources", () => {
    expect(literals.length).toBeGreaterThan(20);
  });

  it.each(literals.map((literal) => [`${literal.file}:${literal.line} /${literal.source}/${literal.flags}`, literal] as const))(
    "%s cannot backtrack catastrophically",
    (_name, literal) => {
      const diagnostics = checkSync(literal.source, literal.flags, { timeout: 10_000 });
      expect(diagnostics.status, diagnostics.status === "vulnerable" ? `attack: ${diagnostics.attack.pattern}` : "").toBe("safe");
    },
  );
});
