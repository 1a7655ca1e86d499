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
      const pg = await import("pg");
      // prisma/orm#27403: migrate commands fail to read columns of type `name` (OID 19) unless parsed as text.
      pg.types.setTypeParser(19, pg.types.getTypeParser(25));
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
