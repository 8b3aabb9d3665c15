import { test } from "./test";
import { PUBLIC_PAGES, staffPages, SUBSCRIBER_PAGES } from "./a11y-pages";
import { visitAndCheck } from "./axe";
import { createClaimFixture } from "./claims-fixture";
import { newStaffMember } from "./restoration";
import { signIn } from "./sign-in";

/**
 * Every public, subscriber and staff page, in the light and the dark scheme: no serious or
 * critical axe violation anywhere. Each spec file that calls this runs it on its project's device.
 */
export function defineAccessibilitySweep(): void {
  for (const colorScheme of ["light", "dark"] as const) {
    test.describe(`${colorScheme} scheme`, () => {
      test.use({ colorScheme });
      test.describe.configure({ timeout: 240_000 });

      test("public pages", async ({ page }) => {
        for (const path of PUBLIC_PAGES) await visitAndCheck(page, path);
      });

      test("a subscriber's pages", async ({ page }) => {
        const { email } = await createClaimFixture();
        await signIn(page, email, "/claims");
        for (const path of SUBSCRIBER_PAGES) await visitAndCheck(page, path);
      });

      // In parts, so that the two browser workers share them.
      for (const part of [0, 1, 2, 3]) {
        test(`staff pages, part ${part + 1} of 4`, async ({ page }) => {
          await signIn(page, await newStaffMember("ADMIN"), "/admin");
          const pages = await staffPages();
          for (const path of pages.filter((_, i) => i % 4 === part)) await visitAndCheck(page, path);
        });
      }
    });
  }
}
