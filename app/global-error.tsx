"use client";

import "./globals.css";

// The last resort, when even the root layout failed: its own <html>, no shared components.
export default function GlobalError() {
  return (
    <html lang="en">
      <body className="flex min-h-dvh items-center justify-center p-4 font-sans">
        <main className="card max-w-md space-y-4 text-center" role="alert">
          <h1 className="text-xl font-bold">This page can&apos;t be shown right now.</h1>
          <p>Something went wrong on our side. Nothing is lost; try again in a few minutes.</p>
          <ul className="flex flex-wrap justify-center gap-3">
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full page load, not a client-side navigation: the root layout itself just failed */}
            <li><a href="/" className="btn-primary">Go to the status page</a></li>
            <li><a href="/status-mirror" className="btn-secondary">Status page mirror</a></li>
          </ul>
        </main>
      </body>
    </html>
  );
}
