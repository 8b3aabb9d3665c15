/**
 * How `npm run worker` starts (package.json runs the same command), for the scripts that start it
 * as a child process. At a thousand messages a second the worker allocates fast while its live set
 * stays small (two batches): a profile of a drain showed a fifth of its time in garbage collection,
 * and a larger young generation lets most of that die in cheap scavenges (the benchmark's drain ran
 * about 15% faster). The old-space cap makes V8 collect instead of growing, so the whole process
 * stays under 256 MB.
 */
export const WORKER_RUNTIME_FLAGS = ["--max-semi-space-size=32", "--max-old-space-size=160"];
export const WORKER_NODE_ARGS = [...WORKER_RUNTIME_FLAGS, "--import", "tsx", "scripts/worker.ts"];
