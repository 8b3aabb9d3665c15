// Every page, route handler and server action of the production build, enumerated from the build's
// manifests: who may reach each one (staff areas refuse anonymous callers and subscribers), whether
// a subscriber can see another's objects, and whether a write from another site is refused.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { cookieHeader, getAs, type Account } from "../helpers/security-accounts";
import { callAction, isRefusal, type ActionArg } from "../helpers/security-actions";
import { builtActions, builtRoutes } from "../helpers/security-build";
import { createSecurityFixture, identifying, type SecurityFixture } from "../helpers/security-fixture";
import { ACTIONS, CROSS_SITE_EXCEPTIONS, ROUTES, TOKEN_AUTHENTICATED_WRITES, type RouteRule } from "../helpers/security-table";

const EVIL = "https://evil.example";
const routes = builtRoutes();
const actions = builtActions();

let fixture: SecurityFixture;
test.beforeAll(async ({ request }) => {
  fixture = await createSecurityFixture(request);
});

test.describe.configure({ timeout: 90_000 });

test("every page and route handler in the build is classified, and nothing else", () => {
  const built = routes.map((r) => r.route);
  const unclassified = built.filter((route) => !(route in ROUTES));
  expect(unclassified, `Classify these routes in e2e/helpers/security-table.ts (ROUTES): who may reach them, and a concrete path to probe`).toEqual([]);
  const gone = Object.keys(ROUTES).filter((route) => !built.includes(route));
  expect(gone, "These routes are no longer in the build: remove them from ROUTES in e2e/helpers/security-table.ts").toEqual([]);
});

test("every server action in the build is classified, and nothing else", () => {
  const unclassified = actions.filter((a) => !(a.name in ACTIONS)).map((a) => `${a.name} (id ${a.id}, on ${a.pages.join(", ")})`);
  expect(unclassified, "Classify these server actions in e2e/helpers/security-table.ts (ACTIONS)").toEqual([]);
  const gone = Object.keys(ACTIONS).filter((name) => !actions.some((a) => a.name === name));
  expect(gone, "These server actions are no longer in the build: remove them from ACTIONS in e2e/helpers/security-table.ts").toEqual([]);
});

interface Answer {
  status: number;
  location: string;
  body: string;
}

async function probe(request: APIRequestContext, rule: RouteRule, path: string, account: Account | null): Promise<Answer> {
  if (!rule.probe) return getAs(request, path, account);
  const response = await request.fetch(path, {
    method: rule.probe.method,
    headers: { ...cookieHeader(account), ...rule.probe.headers },
    ...(rule.probe.data === undefined ? {} : { data: rule.probe.data }),
    maxRedirects: 0,
  });
  return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text() };
}

const toSignIn = (a: Answer) => a.status === 401 || (a.status >= 300 && a.status < 400 && /\/signin/.test(a.location));
const forbidden = (a: Answer) => a.status === 403 || (a.status >= 300 && a.status < 400 && /\/forbidden/.test(a.location));
const admitted = (a: Answer) => a.status < 500 && !toSignIn(a) && !forbidden(a);
const show = (who: string, path: string, a: Answer) => `${who} on ${path}: ${a.status} ${a.location} ${a.body.slice(0, 200)}`;

/** None of B's identifying strings in the answer, except what the caller put in the URL themselves. */
function expectNothingOf(party: SecurityFixture["b"], answer: Answer, what: string, requested = "") {
  const asked = decodeURIComponent(requested);
  for (const secret of identifying(party).filter((s) => !asked.includes(s))) expect(answer.body, `${what} shows B's "${secret}"`).not.toContain(secret);
}

test.describe("access by role, for every route in the build", () => {
  for (const { route, kind } of routes) {
    const rule = ROUTES[route];
    if (!rule || rule.access === "framework") continue;
    test(`${kind} ${route} (${rule.access})`, async ({ request }) => {
      const { a, b, support, admin } = fixture;
      for (const path of rule.paths(fixture)) {
        const anonymous = await probe(request, rule, path, null);
        const subscriber = await probe(request, rule, path, a.account);
        switch (rule.access) {
          case "public":
          case "link":
            expect(anonymous.status, show("anonymous", path, anonymous)).toBeLessThan(500);
            if (rule.access === "link") expectNothingOf(b, anonymous, `${path} with a made-up token`, path);
            break;
          case "signed-in":
            expect(toSignIn(anonymous), show("anonymous", path, anonymous)).toBe(true);
            expect(admitted(subscriber), show("subscriber A", path, subscriber)).toBe(true);
            expectNothingOf(b, subscriber, `${path} as subscriber A`, path);
            break;
          case "staff":
          case "admin":
          case "token-or-staff": {
            expect(toSignIn(anonymous), show("anonymous", path, anonymous)).toBe(true);
            expect(forbidden(subscriber), show("subscriber A", path, subscriber)).toBe(true);
            for (const refused of [anonymous, subscriber]) expectNothingOf(b, refused, `${path} refused`, path);
            const asSupport = await probe(request, rule, path, support);
            if (rule.access === "admin") {
              expect(forbidden(asSupport), show("support staff", path, asSupport)).toBe(true);
              const asAdmin = await probe(request, rule, path, admin);
              expect(admitted(asAdmin), show("admin", path, asAdmin)).toBe(true);
            } else {
              expect(admitted(asSupport), show("support staff", path, asSupport)).toBe(true);
            }
            break;
          }
          case "dev":
            for (const [who, answer] of [["anonymous", anonymous], ["subscriber A", subscriber], ["admin", await probe(request, rule, path, admin)]] as const) {
              expect(answer.status, show(who, path, answer)).toBe(404);
            }
            break;
        }
      }
    });
  }
});

/** The arguments a form of this action would pass, with nothing in the form. */
function emptyCall(name: string): ActionArg[] {
  const rule = ACTIONS[name]!;
  return [...(rule.bound ?? []), null, ...(rule.noForm ? [] : [{ form: {} }])];
}

/** The page an action is posted to: its own page, with the fixture's ids in the path. */
function actionPath(pages: string[]): string {
  const page = pages[0]!;
  const rule = ROUTES[page];
  const path = rule?.paths(fixture)[0];
  if (!path) throw new Error(`No concrete path for ${page}: classify it in ROUTES`);
  return path;
}

test.describe("access by role, for every server action in the build", () => {
  for (const action of actions) {
    const rule = ACTIONS[action.name];
    if (!rule) continue;
    test(`action ${action.name} (${rule.access})`, async ({ request }) => {
      const path = actionPath(action.pages);
      const call = (account: Account | null) => callAction(request, { id: action.id, path, args: emptyCall(action.name), account });
      const anonymous = await call(null);
      const subscriber = await call(fixture.a.account);
      const describe = (who: string, x: { status: number; location: string; body: string }) => `${who} calling ${action.name} on ${path}: ${x.status} ${x.location} ${x.body.slice(0, 300)}`;
      switch (rule.access) {
        case "staff":
        case "admin": {
          expect(isRefusal(anonymous), describe("anonymous", anonymous)).toBe(true);
          expect(isRefusal(subscriber), describe("subscriber A", subscriber)).toBe(true);
          const support = await call(fixture.support);
          if (rule.access === "admin") expect(isRefusal(support), describe("support staff", support)).toBe(true);
          // The control: the same empty call from someone allowed reaches the action (which then
          // refuses the empty form for what it lacks, not for who sent it).
          const allowed = rule.access === "admin" ? await call(fixture.admin) : support;
          expect(allowed.status, describe("allowed staff", allowed)).toBe(200);
          expect(allowed.result?.ok, describe("allowed staff", allowed)).toBe(false);
          expect(isRefusal(allowed), describe("allowed staff", allowed)).toBe(false);
          break;
        }
        case "signed-in":
          expect(isRefusal(anonymous), describe("anonymous", anonymous)).toBe(true);
          expect(subscriber.status, describe("subscriber A", subscriber)).toBe(200);
          expect(isRefusal(subscriber), describe("subscriber A", subscriber)).toBe(false);
          break;
        case "link":
          // A made-up token is refused as a link, whoever calls.
          for (const [who, answer] of [["anonymous", anonymous], ["subscriber A", subscriber]] as const) {
            expect(answer.result?.ok, describe(who, answer)).toBe(false);
            expect(answer.result?.message ?? "", describe(who, answer)).toMatch(/link|token/i);
          }
          break;
        case "public":
          expect(anonymous.status, describe("anonymous", anonymous)).toBe(200);
          break;
      }
    });
  }
});

test.describe("subscriber A against subscriber B's objects", () => {
  test("B's claim page, gift-card code and recovery data are not A's to see", async ({ request }) => {
    const { a, b } = fixture;
    const claimOfB = await getAs(request, `/claims/${b.claimNumber}`, a.account);
    expect(claimOfB.status, "A opening B's claim").toBe(404);
    expectNothingOf(b, claimOfB, "B's claim page as A", `/claims/${b.claimNumber}`);
    const ownClaim = await getAs(request, `/claims/${b.claimNumber}`, b.account);
    expect(ownClaim.status, "B opening their own claim").toBe(200);
    expect(ownClaim.body).toContain(b.claimNumber);

    const reveal = actions.find((x) => x.name === "app/claims/[number]/actions.ts#revealCodeAction")!;
    const revealAs = (who: Account, path: string) => callAction(request, { id: reveal.id, path, account: who, args: [null, { form: { claimItemId: String(b.claimItemId) } }] });
    const stolen = await revealAs(a.account, `/claims/${a.claimNumber}`);
    expect(stolen.result?.ok, "A revealing B's gift-card code").toBe(false);
    expect(stolen.body).not.toContain(b.code);
    const own = await revealAs(b.account, `/claims/${b.claimNumber}`);
    expect(own.result, "B revealing their own code").toEqual({ ok: true, code: b.code });

    const recovery = await getAs(request, "/api/me/recovery", a.account);
    expect(recovery.status).toBe(200);
    expect(JSON.parse(recovery.body).user.email).toBe(a.account.email);
    expect(recovery.body).toContain(a.incidentTitle);
    expectNothingOf(b, recovery, "/api/me/recovery as A");
    // Nothing in the request can point it at someone else.
    const pointed = await getAs(request, `/api/me/recovery?userId=${b.account.id}&email=${encodeURIComponent(b.account.email)}`, a.account);
    expectNothingOf(b, pointed, "/api/me/recovery as A, asking for B", `?userId=${b.account.id}&email=${b.account.email}`);

    for (const path of ["/claims", "/preferences", "/me"]) expectNothingOf(b, await getAs(request, path, a.account), `${path} as A`);
  });

  test("B's votes are not A's, and A cannot moderate B's post", async ({ request }) => {
    const { a, qa } = fixture;
    const viewer = await getAs(request, `/api/forum/incidents/${qa.slug}/viewer?ids=${qa.postId}`, a.account);
    expect(JSON.parse(viewer.body).votedPostIds, "A's viewer lists B's vote").toEqual([]);
    for (const what of ["hide", "pin", "lock", "faq"]) {
      const response = await request.put(`/api/forum/posts/${qa.postId}/${what}`, { headers: cookieHeader(a.account), data: { reason: "Not yours to hide at all" } });
      expect(response.status(), `A trying to ${what} B's post`).toBe(403);
    }
  });

  test("a signed link made for A cannot be turned into one for B", async ({ request }) => {
    const { a, b } = fixture;
    const subscribe = actions.find((x) => x.name === "app/subscribe/actions.ts#subscribeByEmail")!;
    const since = new Date(Date.now() - 1000);
    const subscribed = await callAction(request, { id: subscribe.id, path: "/subscribe", args: [null, { form: { email: a.account.email, scope: "all" } }] });
    expect(subscribed.result?.ok, subscribed.body.slice(0, 300)).toBe(true);
    const { waitForMail } = await import("../helpers/mailbox");
    const mail = await waitForMail(a.account.email, since, /confirm/i);
    const confirmLink = /https?:\/\/\S+\/subscribe\/confirm\/([^\s"'<>]+)/.exec(mail.text);
    expect(confirmLink, "the confirmation email's link").not.toBeNull();
    const tokenOfA = decodeURIComponent(confirmLink![1]!);
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    const forged = [
      // A's signature under B's address.
      tokenOfA.includes(b64(a.account.email)) ? tokenOfA.replace(b64(a.account.email), b64(b.account.email)) : null,
      // A's token with one character of its signature changed.
      tokenOfA.slice(0, -1) + (tokenOfA.endsWith("A") ? "B" : "A"),
    ].filter((t): t is string => t !== null);
    expect(forged.length, "the token carries the address it was made for").toBe(2);
    for (const token of forged) {
      for (const path of [`/preferences/${encodeURIComponent(token)}`, `/subscribe/confirm/${encodeURIComponent(token)}`]) {
        const page = await getAs(request, path, null);
        expect(page.body, `${path} with a forged token`).toMatch(/not valid|no longer valid|invalid/i);
        expectNothingOf(b, page, `${path} with a forged token`);
      }
      const oneClick = await request.post(`/api/email/unsubscribe?list=incidents&token=${encodeURIComponent(token)}`, { form: { "List-Unsubscribe": "One-Click" } });
      expect(oneClick.status(), "one-click unsubscribe with a forged token").toBe(400);
    }
    // A confirmation link is not a preferences link, even for its own address.
    const wrongPurpose = await getAs(request, `/preferences/${encodeURIComponent(tokenOfA)}`, null);
    expect(wrongPurpose.body).toMatch(/not valid/i);
    expect(wrongPurpose.body).not.toContain(a.account.email);
  });
});

test.describe("writes from another site are refused (Origin: https://evil.example)", () => {
  const handlers = routes.filter((r) => r.kind === "handler" && ROUTES[r.route] && ROUTES[r.route]!.access !== "framework");
  for (const { route } of handlers) {
    test(`route handler ${route}`, async ({ request }) => {
      const rule = ROUTES[route]!;
      const { admin } = fixture;
      const paths = route === "/api/auth/[...nextauth]" ? ["/api/auth/signin/email", "/api/auth/signout", "/api/auth/callback/email"] : rule.paths(fixture);
      let writes = 0;
      for (const path of paths) {
        if (rule.internal) {
          // The browser tests reach the app through the edge, which does not route this at all.
          for (const method of ["OPTIONS", "GET", "POST", "PUT", "DELETE"]) {
            const response = await request.fetch(path, { method, headers: { ...cookieHeader(admin), Origin: EVIL }, data: { from: "x" }, maxRedirects: 0 });
            expect(response.status(), `${method} ${path} through the edge`).toBe(404);
          }
          continue;
        }
        const options = await request.fetch(path, { method: "OPTIONS", headers: cookieHeader(admin), maxRedirects: 0 });
        // Next.js answers OPTIONS for a route handler with the methods it exports.
        const allowed = (options.headers()["allow"] ?? "").split(",").map((m) => m.trim()).filter(Boolean);
        expect(allowed.length, `OPTIONS ${path} names the methods it serves (${options.status()})`).toBeGreaterThan(0);
        for (const method of allowed.filter((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m))) {
          writes++;
          // As a cross-site form would send it (cookies, a simple body), and as a script would
          // (the route's own JSON), both from the same signed-in admin.
          for (const body of [{ form: { email: admin.email, body: "From another site", "List-Unsubscribe": "One-Click" } }, { data: { body: "From another site" } }]) {
            const response = await request.fetch(path, { method, headers: { ...cookieHeader(admin), Origin: EVIL }, ...body, maxRedirects: 0 });
            const what = `${method} ${path} from ${EVIL} (${"form" in body ? "form" : "JSON"}): ${response.status()} ${(await response.text()).slice(0, 200)}`;
            if (route in CROSS_SITE_EXCEPTIONS) expect(response.status(), what).not.toBe(500);
            else expect(response.status(), what).toBe(403);
          }
        }
      }
      if (route in CROSS_SITE_EXCEPTIONS || route in TOKEN_AUTHENTICATED_WRITES) expect(writes, `${route} is listed as an exception but accepts no writes`).toBeGreaterThan(0);
    });
  }

  test("the pipeline's API token works from outside a browser; only the token makes it so", async ({ request }) => {
    const { createPipelineToken } = await import("../helpers/security-token");
    const token = await createPipelineToken(fixture.admin.id);
    for (const route of Object.keys(TOKEN_AUTHENTICATED_WRITES)) {
      const withToken = await request.post(`${route}?incident=${fixture.b.incidentSlug}`, {
        headers: { Authorization: `Bearer ${token}`, Origin: EVIL, "Content-Type": "text/csv" },
        data: "subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of\n",
      });
      expect(withToken.status(), `${route} with an API token from another origin: ${await withToken.text()}`).not.toBe(403);
      expect(withToken.status()).toBeLessThan(500);
      const withCookie = await request.post(`${route}?incident=${fixture.b.incidentSlug}`, { headers: { ...cookieHeader(fixture.admin), Origin: EVIL, "Content-Type": "text/csv" }, data: "x\n" });
      expect(withCookie.status(), `${route} with a staff cookie from another origin`).toBe(403);
    }
  });

  // One test for all actions, each checked softly: the failure lists every action that answered
  // otherwise, and a failing run does not restart the worker (and its fixture) once per action.
  test("every server action", async ({ request }) => {
    for (const action of actions.filter((a) => ACTIONS[a.name])) {
      const path = actionPath(action.pages);
      const answer = await callAction(request, { id: action.id, path, args: emptyCall(action.name), account: fixture.admin, origin: EVIL });
      expect.soft(answer.status, `${action.name} posted to ${path} from ${EVIL}: ${answer.status} ${answer.body.slice(0, 120)}`).toBe(403);
    }
  });
});
