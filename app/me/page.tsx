import type { Metadata } from "next";
import { MyRecovery } from "./_components/my-recovery";

export const metadata: Metadata = { title: "My recovery" };

/**
 * The same page for everyone, built once: the subscriber's own data comes from GET
 * /api/me/recovery in the browser. Signed-out visitors are sent to sign in — by
 * proxy.ts before the page when they carry no session cookie, otherwise once the data answers 401.
 */
export default function MyRecoveryPage() {
  return (
    <>
      <noscript>
        <p className="card mb-6">This page needs JavaScript to show your recovery. Turn it on, or ask support for an update by email.</p>
      </noscript>
      <MyRecovery />
    </>
  );
}
