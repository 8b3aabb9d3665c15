// The edge's nginx configuration, rendered from the shipped template (docs/nginx/) for one machine:
// used by npm run prod:local, the edge tests and the benchmarks, so all of them run the same file.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const TEMPLATE_DIR = path.resolve("docs/nginx");

/** nginx's path, installing Debian's nginx-light when it is missing (and apt-get may run); null if it cannot be had. */
export function ensureNginx(): string | null {
  const find = () => ["/usr/sbin/nginx", "/usr/bin/nginx"].find(existsSync) ?? null;
  const found = find();
  if (found) return found;
  console.log("nginx is not installed: installing Debian's nginx-light…");
  spawnSync("sh", ["-c", "apt-get install -y -qq nginx-light || (apt-get update -qq && apt-get install -y -qq nginx-light)"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return find();
}

/** The template with its ${AFTERCARE_*} placeholders filled, as envsubst would; an unknown one is an error. */
export function renderEdgeConfig(vars: Record<string, string>): string {
  const template = readFileSync(path.join(TEMPLATE_DIR, "aftercare.conf.template"), "utf8");
  return template.replace(/\$\{(AFTERCARE_[A-Z_]+)\}/g, (match, name: string) => {
    if (!(name in vars)) throw new Error(`The nginx template uses ${match}, which is not set.`);
    return vars[name]!;
  });
}

export interface EdgeConfigOptions {
  nginx: string;
  /** A folder of its own: the configuration, cache, temp files, pid and logs go here (emptied first). */
  dir: string;
  listen: string;
  /** host:port of each web instance. */
  upstreams: string[];
  /** host:port of each API service instance (npm run api). */
  apiUpstreams: string[];
  /** The static mirror's `current` folder. */
  mirrorRoot: string;
}

/** Writes a complete nginx.conf for the edge, checks it with `nginx -t`, and returns its path. */
export function writeEdgeConfig({ nginx, dir, listen, upstreams, apiUpstreams, mirrorRoot }: EdgeConfigOptions): string {
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ["cache", "temp", "logs"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const server = renderEdgeConfig({
    AFTERCARE_LISTEN: listen,
    AFTERCARE_UPSTREAMS: upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=2s;`).join("\n    "),
    AFTERCARE_API_UPSTREAMS: apiUpstreams.map((u) => `server ${u} max_fails=1 fail_timeout=2s;`).join("\n    "),
    AFTERCARE_CACHE_DIR: path.join(dir, "cache"),
    AFTERCARE_MIRROR_ROOT: mirrorRoot,
    AFTERCARE_EDGE_PAGES: TEMPLATE_DIR,
    AFTERCARE_CONF_DIR: TEMPLATE_DIR,
  });
  const temp = path.join(dir, "temp");
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(
    conf,
    `# Written from docs/nginx/aftercare.conf.template.
worker_processes auto;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "logs/error.log")} warn;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 65s;
    keepalive_requests 100000;
    client_body_temp_path ${temp}/body;
    proxy_temp_path ${temp}/proxy;
    fastcgi_temp_path ${temp}/fastcgi;
    uwsgi_temp_path ${temp}/uwsgi;
    scgi_temp_path ${temp}/scgi;
${server.replace(/^(?=.)/gm, "    ")}
}
`,
  );
  const check = spawnSync(nginx, ["-t", "-q", "-p", dir, "-c", conf], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx refused the configuration ${conf}:\n${check.stderr}`);
  return conf;
}
