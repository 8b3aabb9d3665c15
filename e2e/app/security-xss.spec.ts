// The XSS corpus written into every field a person can write (incident title, update, postmortem,
// Q&A post, display name, compensation offer, CSV import) through the real use cases, then shown
// to be inert everywhere it appears: live pages in Chromium, both feeds, the JSON API and the email.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { withDb } from "../helpers/db";
import { waitForMail } from "../helpers/mailbox";
import { cookieHeader, newAccount, signInContext, type Account } from "../helpers/security-accounts";
import { callAction, type ActionArg } from "../helpers/security-actions";
import { builtActions } from "../helpers/security-build";
import { expectInertHtml, expectInertPage, liveMarkup, watchDialogs, xssPayload } from "../helpers/security-xss";

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PAYLOAD = xssPayload();
const tag = randomUUID().slice(0, 6);
/** A visible, unique label in front of each field's payload, so each check knows the field is there. */
const mark = (field: string) => `XSS ${field} ${tag}`;

interface Scene {
  support: Account;
  person: Account;
  incidentId: number;
  slug: string;
  batchAnswer: string;
  since: Date;
}
let scene: Scene;

async function act(request: APIRequestContext, name: string, path: string, account: Account, form: Record<string, string>): Promise<void> {
  const action = builtActions().find((a) => a.name === name);
  if (!action) throw new Error(`${name} is not in the build`);
  const args: ActionArg[] = [null, { form }];
  const answer = await callAction(request, { id: action.id, path, args, account });
  // Actions that finish with a redirect say where to (x-action-redirect); the others return { ok, message }.
  expect(answer.location !== "" || answer.result?.ok === true, `${name}: ${answer.status} ${answer.body.slice(0, 300)}`).toBe(true);
}

test.beforeAll(async ({ request }) => {
  const since = new Date(Date.now() - 1000);
  const support = await newAccount("SUPPORT");
  // Names come from the provider's own records (no page edits them): written where the provider's sync writes them.
  const person = await newAccount("SUBSCRIBER", { name: `Nia ${mark("name")} ${PAYLOAD}`, accountRef: `XSS-${tag.toUpperCase()}` });
  const photos = await withDb(async (c) => (await c.query<{ id: number }>(`SELECT id FROM "Component" WHERE slug = 'photos'`)).rows[0]!.id);

  const title = `${mark("title")} ${PAYLOAD}`;
  expect(title.length, "the title fits the form's 200 characters").toBeLessThanOrEqual(200);
  await act(request, "app/admin/incidents/actions.ts#createIncidentAction", "/admin/incidents/new", support, {
    title,
    impact: "MINOR",
    status: "INVESTIGATING",
    body: `${mark("first-update")} ${PAYLOAD}`,
    [`component-${photos}`]: "DEGRADED",
  });
  const { id: incidentId, slug } = await withDb(async (c) => {
    const incident = (await c.query<{ id: number; slug: string }>(`SELECT id, slug FROM "Incident" WHERE title = $1`, [title])).rows[0]!;
    // The person's data was affected, so the next update and the offers reach them by email.
    await c.query(
      `INSERT INTO "RestorationRecord" ("incidentId", "userId", "categoryId", state, "itemsLost", "itemsRecovered", "itemsRestored", "asOf")
       SELECT $1, $2, id, 'AFFECTED', 10, 0, 0, now() FROM "DataCategory" WHERE slug = 'contacts'`,
      [incident.id, person.id],
    );
    return incident;
  });
  const incidentPage = `/admin/incidents/${incidentId}`;
  await act(request, "app/admin/incidents/[id]/actions.ts#postUpdateAction", incidentPage, support, { incidentId: String(incidentId), status: "RESOLVED", body: `${mark("update")} ${PAYLOAD}` });
  // Resolved by that update, so its postmortem can be published.
  await act(request, "app/admin/incidents/[id]/actions.ts#savePostmortemAction", incidentPage, support, { incidentId: String(incidentId), body: `${mark("postmortem")} ${PAYLOAD}`, intent: "publish" });
  // An offer title holds 120 characters: the corpus is split over two offers; each description has it all.
  const halves = [PAYLOAD.split(" [d]")[0]!, `[d]${PAYLOAD.split(" [d]")[1]!}`];
  for (const [i, half] of halves.entries()) {
    await act(request, "app/admin/claims/offers/actions.ts#createOfferAction", "/admin/claims/offers", support, {
      incidentId: String(incidentId),
      kind: "SERVICE_CREDIT",
      title: `${mark(`offer${i}`)} ${half}`,
      description: `${mark(`offer-text${i}`)} ${PAYLOAD}`,
      months: "1",
      value: "",
      eligibility: "ANY_AFFECTED",
      mode: "AUTOMATIC",
      exclusiveGroup: "",
      opensAt: "2020-01-01T00:00",
      closesAt: "",
      autoApprove: "",
    });
  }
  const question = await request.post(`/api/forum/incidents/${slug}/questions`, { headers: cookieHeader(person), data: { body: `${mark("question")} ${PAYLOAD}` } });
  expect(question.status(), await question.text()).toBe(200);

  const csv = `subscriber_ref,category,state,items_lost,items_recovered,items_restored,as_of\n${mark("csv")} ${PAYLOAD},contacts,RECOVERED,10,10,0,${new Date().toISOString()}\n`;
  const batch = await request.post(`/api/v1/restoration/batches?incident=${slug}&mode=apply_valid`, {
    headers: { ...cookieHeader(support), "X-Requested-With": "aftercare", "Content-Type": "text/csv" },
    data: csv,
  });
  const batchAnswer = await batch.text();
  expect(batch.status(), batchAnswer).toBeLessThan(500);
  expect((JSON.parse(batchAnswer) as { rejectedRows: number }).rejectedRows, "the row naming an unknown subscriber is rejected").toBe(1);
  scene = { support, person, incidentId, slug, batchAnswer, since };
});

async function pageAs(browser: Browser, baseURL: string, account: Account | null): Promise<{ page: Page; dialogs: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext();
  if (account) await signInContext(context, baseURL, account);
  const page = await context.newPage();
  return { page, dialogs: watchDialogs(page), close: () => context.close() };
}

test("the pages that show each field run none of it", async ({ browser, baseURL }) => {
  const { person, support, slug, incidentId } = scene;
  const visitor = await pageAs(browser, baseURL!, null);
  await expectInertPage(visitor.page, `/incidents/${slug}`, [mark("title"), mark("update"), mark("first-update"), mark("postmortem"), mark("question")], visitor.dialogs);
  await expectInertPage(visitor.page, "/history", [mark("title")], visitor.dialogs);
  await expectInertPage(visitor.page, "/", [], visitor.dialogs);
  await visitor.close();

  const subscriber = await pageAs(browser, baseURL!, person);
  await expectInertPage(subscriber.page, "/claims", [mark("offer0"), mark("offer1"), mark("offer-text0")], subscriber.dialogs);
  await expectInertPage(subscriber.page, "/me", [mark("offer0")], subscriber.dialogs);
  await expectInertPage(subscriber.page, `/incidents/${slug}`, [mark("question")], subscriber.dialogs);
  await subscriber.close();

  const staff = await pageAs(browser, baseURL!, support);
  await expectInertPage(staff.page, `/admin/incidents/${incidentId}`, [mark("title"), mark("update"), mark("postmortem")], staff.dialogs);
  await expectInertPage(staff.page, "/admin/incidents", [mark("title")], staff.dialogs);
  await expectInertPage(staff.page, `/admin/qa?incident=${slug}`, [mark("question")], staff.dialogs);
  await expectInertPage(staff.page, `/admin/restoration/subscribers/${person.id}`, [mark("name")], staff.dialogs);
  await expectInertPage(staff.page, `/admin/restoration/subscribers?q=${encodeURIComponent(person.email)}`, [mark("name")], staff.dialogs);
  await expectInertPage(staff.page, `/admin/claims/offers?incident=${slug}`, [mark("offer0"), mark("offer1")], staff.dialogs);
  await expectInertPage(staff.page, `/admin/restoration/imports?incident=${slug}`, [], staff.dialogs);
  await expectInertPage(staff.page, `/admin/email?to=${encodeURIComponent(person.email)}`, [], staff.dialogs);
  await expectInertPage(staff.page, "/admin", [], staff.dialogs);
  await staff.close();
});

test("the Atom and RSS feeds carry the fields as text, and their HTML is inert", async ({ page, request }) => {
  for (const [path, entryTag, htmlTag] of [["/feed.atom", "entry", "content"], ["/feed.rss", "item", "description"]] as const) {
    let xml = "";
    await expect(async () => {
      xml = await (await request.get(path)).text();
      expect(xml).toContain(mark("update"));
    }, `${path} lists the update`).toPass({ timeout: 20_000 });
    const entries = await page.evaluate(
      ({ xml, entryTag, htmlTag, marker }) => {
        const doc = new DOMParser().parseFromString(xml, "application/xml");
        if (doc.querySelector("parsererror")) return { error: doc.querySelector("parsererror")!.textContent };
        const found = Array.from(doc.getElementsByTagName(entryTag)).filter((e) => (e.textContent ?? "").includes(marker));
        return { titles: found.map((e) => e.getElementsByTagName("title")[0]?.textContent ?? ""), html: found.map((e) => e.getElementsByTagName(htmlTag)[0]?.textContent ?? "") };
      },
      { xml, entryTag, htmlTag, marker: tag },
    );
    expect(entries.error, `${path} is well-formed XML`).toBeUndefined();
    expect(entries.titles!.length, `${path} has the incident's entries`).toBeGreaterThan(0);
    // The title is plain text in the XML: the payload's characters, not markup.
    for (const title of entries.titles!) expect(title).toContain("<img src=x onerror=alert(1)>");
    for (const html of entries.html!) await expectInertHtml(page, html, `${path} entry HTML`);
    expect(entries.html!.join(" ")).toContain(mark("update"));
  }
});

/** Every string in a JSON document, with the key it sits under. */
function strings(value: unknown, key = ""): { key: string; value: string }[] {
  if (typeof value === "string") return [{ key, value }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => strings(v, k));
  return [];
}

test("the JSON API returns the fields as data, and every HTML field in it is inert", async ({ page, request }) => {
  const { person, slug, batchAnswer } = scene;
  const documents: [string, string][] = [];
  for (const [path, account] of [
    [`/api/v1/incidents/${slug}`, null],
    ["/api/v1/incidents", null],
    [`/api/forum/incidents/${slug}/threads`, null],
    ["/api/me/recovery", person],
  ] as const) {
    const response = await request.get(path, { headers: cookieHeader(account) });
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], `${path} is JSON, never HTML`).toMatch(/^application\/json/);
    expect(response.headers()["x-content-type-options"], `${path} may not be sniffed as HTML`).toBe("nosniff");
    documents.push([path, await response.text()]);
  }
  documents.push(["the rejected batch's answer", batchAnswer]);
  const all = documents.flatMap(([path, text]) => strings(JSON.parse(text)).map((s) => ({ ...s, path })));
  // Plain fields hold exactly what was written: data, for the client to show as text.
  for (const field of ["title", "update", "postmortem", "question", "offer0"]) {
    expect(all.some((s) => s.value.includes(`${mark(field)} ${field === "offer0" ? PAYLOAD.split(" [d]")[0] : PAYLOAD}`)), `the API returns the ${field} as written`).toBe(true);
  }
  // The CSV's cells come back in the batch's error report: a CSV download, never a page.
  const reportUrl = (JSON.parse(batchAnswer) as { errorReportUrl: string }).errorReportUrl;
  const report = await request.get(reportUrl, { headers: cookieHeader(scene.support) });
  expect(report.headers()["content-type"]).toMatch(/^text\/csv/);
  expect(report.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(report.headers()["x-content-type-options"]).toBe("nosniff");
  expect(await report.text(), "the error report names the row as written").toContain(mark("csv"));
  const htmlFields = all.filter((s) => /html/i.test(s.key) && s.value.includes(tag));
  expect(htmlFields.length, "the API's sanitised HTML fields carry the update and postmortem").toBeGreaterThan(1);
  for (const field of htmlFields) await expectInertHtml(page, field.value, `${field.path} ${field.key}`);
});

test("the emails the fields go out in are inert HTML", async ({ page }) => {
  const { person, since } = scene;
  // The incident's first update and the later one each send an email with the title in its subject:
  // wait for the later one's.
  const update = await waitForMail(person.email, since, new RegExp(mark("title")), (mail) => mail.html.includes(mark("update")));
  const offers = await waitForMail(person.email, since, /You have received/);
  for (const mail of [update, offers]) {
    expect(mail.html.length, `${mail.subject} has an HTML part`).toBeGreaterThan(0);
    await expectInertHtml(page, mail.html, `the email "${mail.subject}"`);
    // And opened as a page, as a mail client without a sanitiser would show it.
    const dialogs = watchDialogs(page);
    await page.setContent(mail.html);
    expect(await page.evaluate(liveMarkup, null), `live markup in "${mail.subject}" opened as a page`).toEqual([]);
    expect(dialogs).toEqual([]);
  }
  expect(update.html).toContain(mark("update"));
  expect(offers.html).toContain("XSS offer");
});

test("the checks see the corpus when it is live markup", async ({ page }) => {
  // The control: the same corpus as raw HTML (what a missing sanitiser would emit) is caught.
  const live = `<p>${PAYLOAD}</p><a href="javascript:alert(3)">j</a><a href="data:text/html,<script>alert(4)</script>">d</a>`;
  const problems = await page.evaluate(liveMarkup, live);
  expect(problems.join("\n")).toMatch(/onerror/);
  expect(problems.join("\n")).toMatch(/onload/);
  expect(problems.join("\n")).toMatch(/javascript:/);
  expect(problems.join("\n")).toMatch(/data:text\/html/);
  const dialogs = watchDialogs(page);
  await page.setContent(live);
  await expect.poll(() => dialogs.length, { message: "the payload's alert() fires in a page that renders it raw" }).toBeGreaterThan(0);
});
