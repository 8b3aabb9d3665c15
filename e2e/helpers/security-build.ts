// What the production build contains: every page, route handler and server action, read from the
// manifests `next build` writes, so a new route is part of the security suite without anyone listing it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { API_PATHS } from "../../lib/http/api-origin";

const distDir = () => process.env.NEXT_DIST_DIR || ".next";

function readJson<T>(...parts: string[]): T {
  const file = path.join(distDir(), ...parts);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (error) {
    throw new Error(`Cannot read ${file}: run \`next build\` first (npm run test:e2e builds it). ${(error as Error).message}`);
  }
}

export interface BuiltRoute {
  /** The app path as written in app/, e.g. "/claims/[number]". */
  route: string;
  kind: "page" | "handler";
  /** The build's own key, e.g. "/claims/[number]/page". */
  entry: string;
}

export interface BuiltAction {
  id: string;
  /** "app/claims/actions.ts#submitClaimAction": how the classification table names it. */
  name: string;
  /** The app paths of the pages that carry it (its form lives there). */
  pages: string[];
}

/**
 * Every page and route handler in the build (`.next/app-path-routes-manifest.json`), and the
 * endpoints of the API service (lib/http/api-service.ts), which the edge serves beside them.
 */
export function builtRoutes(): BuiltRoute[] {
  const manifest = readJson<Record<string, string>>("app-path-routes-manifest.json");
  return [
    ...Object.entries(manifest).map(([entry, route]) => ({ entry, route, kind: entry.endsWith("/route") ? ("handler" as const) : ("page" as const) })),
    ...API_PATHS.map((route) => ({ entry: "api-service", route, kind: "handler" as const })),
  ].sort((a, b) => a.route.localeCompare(b.route));
}

interface ReferenceManifest {
  node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
}

/** Every server action in the build (`.next/server/server-reference-manifest.json`), by id. */
export function builtActions(): BuiltAction[] {
  const routes = readJson<Record<string, string>>("app-path-routes-manifest.json");
  const { node } = readJson<ReferenceManifest>("server", "server-reference-manifest.json");
  return Object.entries(node)
    .map(([id, action]) => ({
      id,
      name: `${action.filename}#${action.exportedName}`,
      // Worker keys are "app/<entry>", e.g. "app/admin/claims/page".
      pages: Object.keys(action.workers).map((worker) => routes[worker.replace(/^app/, "")] ?? worker),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
