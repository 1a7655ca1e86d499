// Environment, validated once at start. A wrong value stops the app with a message naming the variable.
import "server-only";
import { z } from "zod";
import { parseTrustedProxies } from "./client-ip";

const bool = z.enum(["on", "off", "true", "false", "1", "0"]).transform((v) => v === "on" || v === "true" || v === "1");

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./data/portal.db"),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (generate one with `openssl rand -base64 33`)")
    .optional(),
  APP_URL: z.string().url("must be a URL such as http://localhost:3000").default("http://localhost:3000"),
  MEILISEARCH_HOST: z.string().url("must be a URL such as http://127.0.0.1:7700").optional(),
  MEILISEARCH_API_KEY: z.string().optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Onderwijs Helpdesk <noreply@helpdesk.invalid>"),
  MAIL_DIR: z.string().default("./data/mail"),
  UPLOAD_DIR: z.string().default("./data/uploads"),
  /** The e-mail channel (README "E-mail"): the embedded SMTP receiver, desk addresses and IMAP mailboxes. */
  INBOUND_SMTP: bool.default(true),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  INBOUND_SMTP_HOST: z.string().default("127.0.0.1"),
  INBOUND_ADDRESS_PO: z.string().email().optional(),
  INBOUND_ADDRESS_VO_MBO: z.string().email().optional(),
  IMAP_URL_PO: z
    .string()
    .regex(/^imaps?:\/\//, "must start with imap:// or imaps://")
    .optional(),
  IMAP_URL_VO_MBO: z
    .string()
    .regex(/^imaps?:\/\//, "must start with imap:// or imaps://")
    .optional(),
  RATE_LIMITS: bool.default(true),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (app/_core/client-ip.ts): comma-separated addresses or
   * CIDR blocks, or "loopback" / "private". Empty: the header is ignored and limits count the socket address.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .superRefine((v, ctx) => {
      const r = parseTrustedProxies(v);
      if (!r.ok)
        ctx.addIssue({
          code: "custom",
          message: `"${r.bad}" is not an IP address or CIDR block (e.g. 10.0.0.0/8, ::1, loopback, private)`,
        });
    }),
  /** Anonymous views of the search page answered from memory (app/_core/page-cache.ts). */
  PAGE_CACHE: bool.default(true),
  SEED_DEMO: bool.optional(),
  /**
   * Webhooks may call loopback/private/link-local addresses (app/_modules/webhooks/url.ts). Unset: allowed outside
   * production, refused in production.
   */
  WEBHOOK_ALLOW_PRIVATE: bool.optional(),
});

export type Env = z.infer<typeof schema>;

/** Parses an environment object; throws one Error listing every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = result.data;
  if (env.NODE_ENV === "production" && !env.AUTH_SECRET && !process.env.NEXT_PHASE?.includes("build")) {
    throw new Error(
      "Invalid environment:\n  AUTH_SECRET: required in production (`npm start` creates one in data/auth-secret)",
    );
  }
  return env;
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);
