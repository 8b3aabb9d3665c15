import { newTokenSecret } from "../../lib/api-tokens/token-secret";
import { withDb } from "./db";

/** An API token for the recovery pipeline, stored as /admin/tokens stores one (hashed). */
export async function createPipelineToken(createdById: string): Promise<string> {
  const secret = newTokenSecret();
  await withDb((c) =>
    c.query(`INSERT INTO "ApiToken" (name, "tokenHash", prefix, "createdById") VALUES ($1, $2, $3, $4)`, [`Security suite ${secret.prefix}`, secret.hash, secret.prefix, createdById]),
  );
  return secret.token;
}
