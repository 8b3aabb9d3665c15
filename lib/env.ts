import { z } from "zod";
import { isAddressOrRange } from "@/lib/security/trusted-proxies";

const DEV_SECRET = "aftercare-development-secret-not-for-production-use";

const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\//.test(v), "must be a postgresql:// connection URL");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: postgresUrl,
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** The secret before the last rotation: links it signed keep working for SIGNED_LINK_GRACE_DAYS. */
    NEXTAUTH_SECRET_PREVIOUS: z.string().min(32, "must be at least 32 characters").optional(),
    SIGNED_LINK_GRACE_DAYS: z.coerce.number().int().min(0).default(30),
    SMTP_URL: z
      .string()
      .refine((v) => /^smtps?:\/\//.test(v), "must be an smtp:// or smtps:// URL")
      .optional(),
    MAIL_FROM_SIGNIN: z.string().min(3).default('"Nimbus Mobile sign-in" <signin@nimbus.example>'),
    MAIL_FROM_NOTIFY: z.string().min(3).default('"Nimbus Mobile status" <status@nimbus.example>'),
    PROVIDER_NAME: z.string().min(1).default("Nimbus Mobile"),
    MAILBOX_DIR: z.string().optional(),
    SIGNIN_LIMIT_PER_EMAIL: z.coerce.number().int().positive().default(5),
    SIGNIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(30),
    /** Proxies in front of the app, counted from the app; unset with no TRUSTED_PROXIES = none. */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).optional(),
    /** Addresses or CIDR ranges of the proxies in front of the app, comma-separated. */
    TRUSTED_PROXIES: z
      .string()
      .refine((v) => v.split(",").every((entry) => isAddressOrRange(entry.trim())), "must be IP addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8)")
      .optional(),
    CLAIM_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(30),
    IMPORT_LIMIT_PER_TOKEN: z.coerce.number().int().positive().default(60),
    STATUS_MIRROR_DIR: z.string().optional(),
    // Where the worker fetches the public documents it publishes to the mirror (default NEXTAUTH_URL).
    STATUS_MIRROR_ORIGIN: z.url().optional(),
    GIFT_CODE_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "must be 32 random bytes, base64-encoded (openssl rand -base64 32)")
      .optional(),
    /** Messages per second across all workers; 0 = as fast as the SMTP server accepts. */
    EMAIL_SEND_RATE: z.coerce.number().min(0).default(0),
    EMAIL_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(8),
    EMAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(200),
    EMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    EMAIL_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).default(30),
    /** How long a worker owns the messages it claimed; a crashed worker's messages return after it. */
    EMAIL_LEASE_SECONDS: z.coerce.number().min(1).default(60),
    /** Restoration changes within this window become one email. */
    EMAIL_COALESCE_SECONDS: z.coerce.number().min(0).default(300),
    /** UTC hour at which daily digests go out. */
    EMAIL_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(17),
    /** Where backups and their manifests are written (npm run db:backup, the worker). */
    BACKUP_DIR: z.string().min(1).default(".aftercare/backups"),
    /** Hours between the worker's backup-and-verify runs; 0 turns scheduled backups off. */
    BACKUP_SCHEDULE: z.coerce.number().min(0).default(24),
    /** Backup files kept in BACKUP_DIR; the newest verified one is kept whatever this says. */
    BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
    /** Server for the scratch databases of verification by restore; default DATABASE_URL's server. */
    BACKUP_VERIFY_URL: postgresUrl.optional(),
    PUBLIC_DATA_REVALIDATE_SECONDS: z.coerce.number().int().min(1).default(60),
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NEXTAUTH_SECRET_PREVIOUS && env.NEXTAUTH_SECRET_PREVIOUS === env.NEXTAUTH_SECRET)
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET_PREVIOUS"], message: "must differ from NEXTAUTH_SECRET" });
    // `next build` prerenders the public pages and needs only the database; secrets and mail are
    // checked when the server starts (instrumentation.ts).
    if (env.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return;
    if (!env.NEXTAUTH_SECRET)
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    if (!env.SMTP_URL) ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production" });
    if (!env.GIFT_CODE_KEY) ctx.addIssue({ code: "custom", path: ["GIFT_CODE_KEY"], message: "is required in production" });
  });

export type Env = z.infer<typeof EnvSchema> & { NEXTAUTH_SECRET: string };

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment, naming every variable that is missing or malformed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(environment)"}: ${issue.message}`);
    throw new EnvError(`Invalid environment — fix these variables (see .env.example):\n${lines.join("\n")}`);
  }
  return { ...result.data, NEXTAUTH_SECRET: result.data.NEXTAUTH_SECRET ?? DEV_SECRET };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
