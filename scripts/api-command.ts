/** How `npm run api` starts (package.json runs the same command), for the scripts that start it as a child process. */
export const API_NODE_ARGS = ["--import", "tsx", "scripts/api.ts"];
