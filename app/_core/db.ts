// The Prisma client. DATABASE_URL is the only switch: `file:` → SQLite (embedded default), `postgres://` → PostgreSQL.
// Both generated clients share one API; the SQLite client's type stands for both.
import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/app/_generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "@/app/_generated/prisma-pg/client";
import { env, isPostgresUrl } from "./env";

export type Db = PrismaClient;
export type { Prisma } from "@/app/_generated/prisma/client";

/** Resolves a `file:` URL to an absolute path (relative paths are relative to the working directory). */
export function sqlitePath(url: string): string {
  const p = url.replace(/^file:/, "");
  return p === ":memory:" || path.isAbsolute(p) ? p : path.resolve(/*turbopackIgnore: true*/ process.cwd(), p);
}

/**
 * Connections per process to PostgreSQL: `?connection_limit=` on DATABASE_URL, else 10. Every server process, the
 * benchmarks and the tests use this one default (README "PostgreSQL"); the intake benchmark measured 10 and 20.
 */
export const PG_POOL_DEFAULT = 10;

// The pg pool under a PostgreSQL client, for the few hot writes that go around Prisma (tickets/pg-intake.ts). Kept on
// the client under a global symbol, not in a module-level map: the bundler may load this module more than once.
const PG_POOL = Symbol.for("portal.pgPool");

/** The pg pool a PostgreSQL client created by createDb runs on (undefined for SQLite). */
export function pgPoolOf(client: Db): pg.Pool | undefined {
  return (client as unknown as { [PG_POOL]?: pg.Pool })[PG_POOL];
}

/** Creates a client for a database URL. Callers own it and must `$disconnect()` it. */
export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    const u = new URL(url);
    const pool = new pg.Pool({
      host: u.hostname,
      port: Number(u.port || 5432),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password) || undefined,
      database: u.pathname.slice(1),
      max: Number(u.searchParams.get("connection_limit") ?? PG_POOL_DEFAULT),
    });
    // Prisma owns the pool: `$disconnect()` ends it.
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    const client = new PgPrismaClient({ adapter }) as unknown as Db;
    Object.defineProperty(client, PG_POOL, { value: pool });
    return client;
  }
  // busy timeout: concurrent writers wait instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 15_000 });
  return new PrismaClient({ adapter });
}

const g = globalThis as unknown as { __portalDb?: Db };

/** The process-wide client. */
export function db(): Db {
  g.__portalDb ??= createDb(env().DATABASE_URL);
  return g.__portalDb;
}

export const isPostgres = () => isPostgresUrl(env().DATABASE_URL);

/** Applies per-connection SQLite settings (WAL for concurrent readers, relaxed fsync that still survives a crash). */
export async function tuneSqlite(client: Db): Promise<void> {
  await client.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await client.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
}
