// Scripts read `.env` (if present) the way the Next.js server does, so one file configures both.
// Variables already set in the environment win.
import { existsSync } from "node:fs";

for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}
