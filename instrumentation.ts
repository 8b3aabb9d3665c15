// Validates the environment when the server starts, so a misconfiguration fails loudly and names
// the variable instead of surfacing later as a confusing runtime error.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  env();
}
