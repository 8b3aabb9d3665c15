import { cpSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

// The static mirror: every public document rendered by the running app, written as plain files
// that any web server or CDN can serve with neither the app nor the database running.
// Layout (see docs/status-mirror.md for the matching nginx configuration):
//   index.html, history/index.html, history/N/index.html, incidents/<slug>/index.html,
//   feed.atom, feed.rss, 404.html, api/v1/status.json, api/v1/incidents/<slug>.json,
//   api/v1/incidents-pages/N.json, _next/static/**, mirror.json
// Each publish is a new folder under releases/; `current` is a symlink switched atomically.

export interface PublishMirrorOptions {
  /** Where the app answers, e.g. http://127.0.0.1:3000 */
  origin: string;
  /** The mirror root: releases/ and the `current` symlink live here. */
  root: string;
  /** The build's static assets (`<distDir>/static`). */
  staticDir: string;
  keepReleases?: number;
}

export interface PublishMirrorResult {
  release: string;
  documents: number;
  bytes: number;
  ms: number;
}

interface IncidentListPage {
  pages: number;
  incidents: { slug: string }[];
}

async function fetchText(origin: string, url: string, okStatuses?: number[]): Promise<string>;
async function fetchText(origin: string, url: string, okStatuses: number[], nullOn404: true): Promise<string | null>;
async function fetchText(origin: string, url: string, okStatuses = [200], nullOn404 = false): Promise<string | null> {
  // A page Next.js serves stale is being re-rendered; wait for the fresh copy (a few tries).
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(origin + url, { redirect: "manual", headers: { "accept-encoding": "identity" } });
    if (!okStatuses.includes(response.status)) throw new Error(`${url} answered ${response.status}; the mirror was not published`);
    const body = await response.text();
    if (nullOn404 && response.status === 404) return null;
    if (response.headers.get("x-nextjs-cache") !== "STALE" || attempt >= 20) return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Renders every public document into a new release and makes it current. */
export async function publishMirror({ origin, root, staticDir, keepReleases = 3 }: PublishMirrorOptions): Promise<PublishMirrorResult> {
  const started = Date.now();
  if (!existsSync(staticDir)) throw new Error(`No build assets at ${staticDir}: run npm run build first.`);
  const releases = path.join(root, "releases");
  const release = new Date().toISOString().replace(/[:.]/g, "-");
  const dir = path.join(releases, `${release}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let documents = 0;
  const write = (file: string, body: string) => {
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, body);
    bytes += Buffer.byteLength(body);
    documents += 1;
  };

  try {
    // The incident list comes from the public API itself, so publishing needs no database access.
    const first = JSON.parse(await fetchText(origin, "/api/v1/incidents?page=1")) as IncidentListPage;
    // Slugs become folder names; anything but a plain slug is left out rather than trusted.
    const plain = (slug: string) => /^[a-z0-9][a-z0-9-]{0,200}$/i.test(slug);
    const slugs: string[] = first.incidents.map((i) => i.slug).filter(plain);
    write("api/v1/incidents-pages/1.json", JSON.stringify(first));
    for (let page = 2; page <= first.pages; page++) {
      const body = await fetchText(origin, `/api/v1/incidents?page=${page}`);
      slugs.push(...(JSON.parse(body) as IncidentListPage).incidents.map((i) => i.slug).filter(plain));
      write(`api/v1/incidents-pages/${page}.json`, body);
    }
    const pages: [string, string][] = [
      ["/", "index.html"],
      ["/history", "history/index.html"],
      ["/feed.atom", "feed.atom"],
      ["/feed.rss", "feed.rss"],
      ["/api/v1/status", "api/v1/status.json"],
      ...Array.from({ length: first.pages - 1 }, (_, i): [string, string] => [`/history/${i + 2}`, `history/${i + 2}/index.html`]),
      ...slugs.flatMap((slug): [string, string][] => [
        [`/incidents/${encodeURIComponent(slug)}`, `incidents/${slug}/index.html`],
        [`/api/v1/incidents/${encodeURIComponent(slug)}`, `api/v1/incidents/${slug}.json`],
      ]),
    ];
    // A few at a time: the app keeps serving visitors while the mirror is rendered. An incident
    // named by a list that is a moment out of date may be gone; it is left out, not fatal.
    for (let i = 0; i < pages.length; i += 4) {
      const batch = pages.slice(i, i + 4);
      const bodies = await Promise.all(batch.map(([url]) => fetchText(origin, url, url.includes("/incidents/") ? [200, 404] : [200], true)));
      batch.forEach(([url, file], j) => {
        if (bodies[j] === null) console.warn(`Static mirror: ${url} is gone; left out.`);
        else write(file, bodies[j]!);
      });
    }
    write("404.html", await fetchText(origin, "/incidents/__mirror-not-found__", [404]));
    cpSync(staticDir, path.join(dir, "_next", "static"), { recursive: true });
    write("mirror.json", JSON.stringify({ publishedAt: new Date().toISOString(), origin, documents: documents + 1 }, null, 2));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  // Switch atomically: a web server following `current` never sees a half-written mirror.
  const current = path.join(root, "current");
  const next = path.join(root, `.current-${process.pid}`);
  rmSync(next, { force: true });
  symlinkSync(path.relative(root, dir), next);
  renameSync(next, current);

  const live = path.basename(readlinkSync(current));
  const old = readdirSync(releases).filter((name) => name !== live).sort().reverse().slice(keepReleases - 1);
  for (const name of old) rmSync(path.join(releases, name), { recursive: true, force: true });
  return { release: path.basename(dir), documents, bytes, ms: Date.now() - started };
}
