import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import { describe, expect, it } from "vitest";
import { applyMigrations } from "../../scripts/lib/migrate";
import { db } from "../helpers/integration-db";

type DbColumn = { table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string; datetime_precision: number | null };
type DbIndex = { table_name: string; columns: string[]; is_unique: boolean; is_primary: boolean };

const SCALAR_TYPES: Record<string, string> = { Int: "int4", BigInt: "int8", String: "text", Boolean: "bool", Json: "jsonb", DateTime: "timestamp" };

// Prisma's DMMF leaves out fields of types it does not support (the search vector); they are read from the schema text.
function unsupportedFields(schema: string): { model: string; name: string; type: string; optional: boolean }[] {
  return [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].flatMap(([, model, body]) =>
    [...body!.matchAll(/^\s+(\w+)\s+Unsupported\("(\w+)"\)(\?)?/gm)].map(([, name, type, optional]) => ({
      model: model!,
      name: name!,
      type: type!,
      optional: optional === "?",
    })),
  );
}

describe("the migrated database matches prisma/schema.prisma", async () => {
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const dmmf = await internals.getDMMF({ datamodel: schema });
  const unsupported = unsupportedFields(schema);
  const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.name));
  const columns = await db.$queryRaw<DbColumn[]>`
    SELECT table_name, column_name, data_type, udt_name, is_nullable, datetime_precision
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
  const indexes = await db.$queryRaw<DbIndex[]>`
    SELECT t.relname AS table_name, i.indisunique AS is_unique, i.indisprimary AS is_primary,
           array_agg(a.attname ORDER BY k.ord)::text[] AS columns
    FROM pg_index i
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
    WHERE t.relname <> '_prisma_migrations'
    GROUP BY t.relname, i.indexrelid, i.indisunique, i.indisprimary`;

  it("has exactly the schema's tables", () => {
    const tables = new Set(columns.map((column) => column.table_name));
    expect([...tables].sort()).toEqual(dmmf.datamodel.models.map((model) => model.dbName ?? model.name).sort());
  });

  for (const model of dmmf.datamodel.models) {
    it(`${model.name}: every column with its type and nullability, and nothing else`, () => {
      const scalars = model.fields.filter((field) => field.kind !== "object");
      const actual = columns.filter((column) => column.table_name === model.name);
      const extra = unsupported.filter((field) => field.model === model.name);
      expect(actual.map((column) => column.column_name).sort()).toEqual(
        [...scalars.map((field) => field.dbName ?? field.name), ...extra.map((field) => field.name)].sort(),
      );
      for (const field of extra) {
        const column = actual.find((candidate) => candidate.column_name === field.name)!;
        expect([column.udt_name, column.is_nullable], `${model.name}.${field.name}`).toEqual([field.type, field.optional ? "YES" : "NO"]);
      }
      for (const field of scalars) {
        const column = actual.find((candidate) => candidate.column_name === (field.dbName ?? field.name))!;
        const base = enumNames.has(field.type) ? field.type : SCALAR_TYPES[field.type];
        const expectedType = field.type === "DateTime" && field.nativeType?.[0] === "Timestamptz" ? "timestamptz" : base;
        expect(column.udt_name, `${model.name}.${field.name} type`).toBe(field.isList ? `_${expectedType}` : expectedType);
        if (field.type === "DateTime") expect(column.datetime_precision, `${model.name}.${field.name} precision`).toBe(3);
        // Prisma leaves scalar list columns nullable in PostgreSQL even when the field is required.
        expect(column.is_nullable, `${model.name}.${field.name} nullability`).toBe(field.isRequired && !field.isList ? "NO" : "YES");
      }
    });

    it(`${model.name}: exactly the schema's primary key, unique constraints and indexes`, () => {
      const expected = dmmf.datamodel.indexes
        .filter((index) => index.model === model.name)
        .map((index) => `${index.type === "id" ? "primary" : index.type === "unique" ? "unique" : "index"}(${index.fields.map((f) => f.name).join(",")})`)
        .sort();
      const actual = indexes
        .filter((index) => index.table_name === model.name)
        .map((index) => `${index.is_primary ? "primary" : index.is_unique ? "unique" : "index"}(${index.columns.join(",")})`)
        .sort();
      expect(actual).toEqual(expected);
    });
  }

  it("has exactly the schema's foreign keys with their delete rules", async () => {
    const rows = await db.$queryRaw<{ description: string }[]>`
      SELECT format('%s(%s) -> %s(%s) on delete %s', t.relname,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),
        r.relname,
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum),
        c.confdeltype) AS description
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f'`;
    const deleteRules: Record<string, string> = { Cascade: "c", SetNull: "n", Restrict: "r", NoAction: "a", SetDefault: "d" };
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((field) => field.kind === "object" && field.relationFromFields?.length)
        .map((field) => {
          const from = field.relationFromFields!;
          // Prisma's defaults: Restrict when the foreign key is required, SetNull when it is optional.
          const required = from.every((name) => model.fields.find((f) => f.name === name)?.isRequired);
          const onDelete = field.relationOnDelete ?? (required ? "Restrict" : "SetNull");
          return `${model.name}(${from.join(",")}) -> ${field.type}(${field.relationToFields!.join(",")}) on delete ${deleteRules[onDelete]}`;
        }),
    );
    expect(rows.map((row) => row.description).sort()).toEqual(expected.sort());
  });

  // The schema cannot say it: the rate-limit counters are the one table a crash may empty (its migration says why).
  it("keeps only the rate-limit counters unlogged", async () => {
    const rows = await db.$queryRaw<{ relname: string }[]>`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE c.relkind = 'r' AND c.relpersistence = 'u'`;
    expect(rows.map((row) => row.relname)).toEqual(["RateLimit"]);
  });

  // Nor can it declare an index on an expression (the comparison above sees only indexes on columns).
  it("has the revisions' photo address indexed, and no other index on an expression", async () => {
    const rows = await db.$queryRaw<{ indexname: string }[]>`
      SELECT c.relname AS indexname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      WHERE i.indexprs IS NOT NULL`;
    expect(rows.map((row) => row.indexname)).toEqual(["ArticleRevision_image_src_idx"]);
  });

  it("has every enum with the schema's values", async () => {
    const rows = await db.$queryRaw<{ name: string; labels: string[] }[]>`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`;
    const actual = Object.fromEntries(rows.map((row) => [row.name, row.labels]));
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((value) => value.name)]));
    expect(actual).toEqual(expected);
  });
});

describe("applying migrations", () => {
  it("records each migration as Prisma does and applies nothing a second time", async () => {
    const applied = await applyMigrations(process.env.DATABASE_URL!, () => {});
    expect(applied).toEqual([]);
    const rows = await db.$queryRaw<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }[]>`
      SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const sql = readFileSync(`prisma/migrations/${row.migration_name}/migration.sql`);
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).not.toBeNull();
    }
  });
});
