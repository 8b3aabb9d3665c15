import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, isDeviceId, secureCookies } from "./device-cookie";

/** The browser's device id (see device-cookie.ts) in server actions, set on first use. */
export async function browserDeviceId(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(DEVICE_COOKIE)?.value;
  if (isDeviceId(existing)) return existing;
  const id = randomUUID();
  jar.set(DEVICE_COOKIE, id, { httpOnly: true, sameSite: "lax", secure: secureCookies(), maxAge: DEVICE_COOKIE_MAX_AGE, path: "/" });
  return id;
}
