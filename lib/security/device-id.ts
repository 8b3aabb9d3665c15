import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

const DEVICE_COOKIE = "aftercare_device";
const FOUR_HUNDRED_DAYS = 60 * 60 * 24 * 400;

/**
 * A long-lived random id per browser, set on first use: claims from one device across accounts
 * are a fraud signal. For server actions and route handlers alike (both may set cookies).
 */
export async function browserDeviceId(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(DEVICE_COOKIE)?.value;
  if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
  const id = randomUUID();
  jar.set(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: env().NEXTAUTH_URL.startsWith("https:"), maxAge: FOUR_HUNDRED_DAYS, path: "/" });
  return id;
}
