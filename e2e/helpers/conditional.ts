import { expect, type APIRequestContext } from "@playwright/test";

/**
 * An unchanged public document answers 304 to its own ETag. Other browser tests post updates
 * meanwhile, so this asks again until two requests in a row see the same document.
 */
export async function expectNotModifiedWhenUnchanged(request: APIRequestContext, path: string): Promise<void> {
  await expect(async () => {
    const current = await request.get(path);
    const unchanged = await request.get(path, { headers: { "If-None-Match": current.headers()["etag"]! } });
    expect(unchanged.status()).toBe(304);
    expect(await unchanged.text()).toBe("");
  }).toPass({ timeout: 15_000 });
}
