// Prisma CLI configuration: driver adapters and the JS engine, so every CLI command runs offline.
// The adapter is chosen by DATABASE_URL's scheme: `file:` → SQLite, `postgres(ql)://` → PostgreSQL.
import path from "node:path";
import { defineConfig } from "prisma/config";

process.env.DATABASE_URL ||= "file:./data/portal.db";
const url = process.env.DATABASE_URL;
const isPg = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPg ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: {
    path: isPg ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations"),
  },
  async adapter() {
    if (isPg) {
      const pg = (await import("pg")).default;
      // prisma/orm#27403: migrate commands fail on columns of type `name` (OID 19), which the adapter does not
      // map. Report such columns as `text` (OID 25) before the adapter reads the field list.
      const proto = pg.Result.prototype as unknown as {
        addFields(f: { dataTypeID: number }[]): void;
        __nameAsText?: boolean;
      };
      if (!proto.__nameAsText) {
        const addFields = proto.addFields;
        proto.addFields = function (fields) {
          for (const f of fields) if (f.dataTypeID === 19) f.dataTypeID = 25;
          return addFields.call(this, fields);
        };
        proto.__nameAsText = true;
      }
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const u = new URL(url);
      return new PrismaPg({
        host: u.hostname,
        port: Number(u.port || 5432),
        user: decodeURIComponent(u.username),
        password: decodeURIComponent(u.password),
        database: u.pathname.slice(1),
      });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    return new PrismaBetterSQLite3({ url: resolveSqliteUrl(url) });
  },
});

function resolveSqliteUrl(u: string): string {
  const p = u.replace(/^file:/, "");
  if (p === ":memory:" || path.isAbsolute(p)) return p;
  return path.resolve(process.cwd(), p);
}
