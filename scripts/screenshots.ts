// `npm run screenshots`: captures the key pages on a phone (390 px) and a desktop into
// docs/screenshots, from a running `npm run dev` (BASE_URL, default http://localhost:3000).
// Signed-in pages use a magic link read from the local mailbox folder. Names as arguments take only
// those shots: `npm run screenshots -- admin staff-email`.
import "./load-env";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { findLink, listMailbox } from "../lib/mail/mailbox";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const mailbox = path.resolve(process.env.MAILBOX_DIR ?? ".aftercare/mailbox");
const out = path.resolve("docs/screenshots");
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function signIn(page: Page, email: string) {
  const since = Date.now();
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();
  for (let i = 0; i < 50; i++) {
    const mail = (await listMailbox(mailbox)).find((m) => m.to.includes(email) && new Date(m.receivedAt).getTime() >= since - 1000);
    const link = mail && findLink(mail, "/api/auth/callback/email");
    if (link) return void (await page.goto(link));
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No sign-in link for ${email} in ${mailbox}`);
}

const shots: { name: string; path: string; as?: string; scheme?: "light" | "dark"; device?: "phone"; openMenu?: boolean }[] = [
  { name: "home", path: "/" },
  { name: "incident", path: "/incidents/subscriber-data-loss" },
  { name: "signin", path: "/signin" },
  { name: "mailbox", path: "/dev/mailbox" },
  { name: "me", path: "/me", as: "sam.rivera@example.com" },
  { name: "claims", path: "/claims", as: "sam.rivera@example.com" },
  { name: "admin", path: "/admin", as: "admin@nimbus.example" },
  { name: "restoration", path: "/admin/restoration", as: "admin@nimbus.example" },
  { name: "imports", path: "/admin/restoration/imports", as: "admin@nimbus.example" },
  { name: "subscriber", path: "/admin/restoration/subscribers?q=NM-100001", as: "admin@nimbus.example" },
  { name: "staff-incidents", path: "/admin/incidents", as: "admin@nimbus.example" },
  { name: "staff-qa", path: "/admin/qa", as: "admin@nimbus.example" },
  { name: "staff-claims", path: "/admin/claims", as: "admin@nimbus.example" },
  { name: "subscribe", path: "/subscribe" },
  { name: "staff-email", path: "/admin/email", as: "admin@nimbus.example" },
  { name: "staff-email-search", path: "/admin/email?to=sam.rivera%40example.com", as: "admin@nimbus.example" },
  { name: "staff-menu", path: "/admin", as: "admin@nimbus.example", device: "phone", openMenu: true },
  { name: "email-templates", path: "/admin/email/templates", as: "admin@nimbus.example" },
  { name: "home-dark", path: "/", scheme: "dark" },
  // The newest restoration email to the demo subscriber, as the local mailbox shows it.
  { name: "restoration-email", path: "mail:restoration:sam.rivera@example.com" },
];

// How each kind of email is recognised in the mailbox (stored messages keep no template name).
const MAIL_KINDS: Record<string, (text: string) => boolean> = {
  restoration: (text) => text.includes("Where your data stands after"),
};

/** "mail:<kind>:<address>" names the newest such message in the local mailbox. */
async function resolvePath(shotPath: string): Promise<string> {
  if (!shotPath.startsWith("mail:")) return shotPath;
  const [, kind, to] = shotPath.split(":");
  const mail = (await listMailbox(mailbox)).find((m) => m.to.includes(to!) && MAIL_KINDS[kind!]!(m.text));
  if (!mail) throw new Error(`No ${kind} email to ${to} in ${mailbox}: change a restoration record of theirs and wait for the worker`);
  return `/dev/mailbox/${encodeURIComponent(mail.id)}`;
}

const only = new Set(process.argv.slice(2));

// One sign-in per account (sign-in links are rate-limited per address); later shots reuse the cookie.
type StorageState = Awaited<ReturnType<Awaited<ReturnType<typeof browser.newContext>>["storageState"]>>;
const sessions = new Map<string, StorageState>();

for (const [device, viewport] of [["phone", { width: 390, height: 844 }], ["desktop", { width: 1280, height: 900 }]] as const) {
  for (const shot of shots) {
    if ((shot.device && shot.device !== device) || (only.size && !only.has(shot.name))) continue;
    const storageState = shot.as ? sessions.get(shot.as) : undefined;
    const context = await browser.newContext({ viewport, colorScheme: shot.scheme ?? "light", deviceScaleFactor: device === "phone" ? 2 : 1, storageState });
    const page = await context.newPage();
    if (shot.as && !storageState) {
      await signIn(page, shot.as);
      sessions.set(shot.as, await context.storageState());
    }
    await page.goto(`${base}${await resolvePath(shot.path)}`, { waitUntil: "networkidle" });
    if (shot.openMenu) await page.getByRole("navigation", { name: "Staff" }).locator("summary", { hasText: "Menu" }).click();
    const file = path.join(out, `${shot.name}-${device}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`Saved ${path.relative(process.cwd(), file)}`);
    await context.close();
  }
}
await browser.close();
