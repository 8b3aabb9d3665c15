import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, { title: string; body: string }> = {
  Verification: {
    title: "This sign-in link no longer works",
    body: "Sign-in links work once and expire after 10 minutes. Ask for a new one and use the newest email.",
  },
  AccessDenied: { title: "We could not sign you in", body: "This address does not have an account. Use the address on file with your subscription." },
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = MESSAGES[error ?? ""] ?? { title: "Something went wrong signing you in", body: "Please try again. If it keeps happening, contact support." };
  return (
    <div className="mx-auto max-w-md space-y-4">
      <div className="card space-y-3" role="alert">
        <h1 className="text-xl font-bold">{message.title}</h1>
        <p>{message.body}</p>
      </div>
      <Link href="/signin" className="btn-primary w-full">Get a new sign-in link</Link>
    </div>
  );
}
