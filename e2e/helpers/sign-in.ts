import { expect, type Page } from "@playwright/test";
import { magicLinkIn, waitForMail } from "./mailbox";

/** Asks for a link on the sign-in page and returns the link from the email. */
export async function requestMagicLink(page: Page, email: string, callbackUrl = "/me"): Promise<string> {
  const since = new Date(Date.now() - 1000);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  return magicLinkIn(await waitForMail(email, since, /sign-in link/));
}

export async function signIn(page: Page, email: string, callbackUrl = "/me"): Promise<void> {
  const link = await requestMagicLink(page, email, callbackUrl);
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[/?]/g, "\\$&")}$`));
}
