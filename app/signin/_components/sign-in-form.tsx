"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

const MESSAGES: Record<string, string> = {
  RateLimited: "Too many sign-in requests. Please wait a few minutes before asking for another link.",
  InvalidEmail: "Please enter a valid email address, like name@example.com.",
  EmailSignin: "We could not send the email just now. Please try again in a minute.",
  Unavailable: "We can't reach your account details right now. Nothing is lost; try again in a few minutes.",
};

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? MESSAGES.EmailSignin) : "");

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError("");
    try {
      const result = await signIn("email", { email: email.trim(), callbackUrl, redirect: false });
      if (result?.error) {
        setError(MESSAGES[result.error] ?? MESSAGES.EmailSignin!);
      } else {
        router.push(`/signin/check-email?email=${encodeURIComponent(email.trim())}`);
        return;
      }
    } catch {
      setError(MESSAGES.EmailSignin!);
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div>
        <label htmlFor="email" className="label">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-describedby={error ? "signin-error" : "signin-help"}
          aria-invalid={error ? true : undefined}
          className="input"
          placeholder="you@example.com"
        />
        <p id="signin-help" className="muted mt-1 text-sm">Use the address on file with your account.</p>
      </div>
      {error && (
        <p id="signin-error" role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
          {error === MESSAGES.Unavailable && <> <Link href="/">The status page</Link> has the latest news.</>}
        </p>
      )}
      <button type="submit" className="btn-primary w-full" disabled={pending || !email.trim()}>
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
