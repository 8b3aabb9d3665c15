/**
 * How `npm run worker` starts, for the scripts that start it as a child process. The heap cap
 * makes V8 collect garbage instead of growing: the live set of a worker is small (two batches),
 * but at a thousand messages a second it allocates fast, and an uncapped heap on a large machine
 * just keeps the garbage.
 */
export const WORKER_NODE_ARGS = ["--max-old-space-size=160", "--import", "tsx", "scripts/worker.ts"];
