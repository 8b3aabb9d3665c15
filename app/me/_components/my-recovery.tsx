"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatDate, formatDateTime } from "@/components/format";
import { ProgressBar } from "@/components/progress-bar";
import { extraCompensationLine } from "@/lib/claims/compensation-lines";
import type { MyRecoveryJson } from "@/lib/restoration/my-recovery-api";
import { CategoryCard, EtaText } from "./category-card";
import { CompensationSummary } from "./compensation-summary";
import { SignOutButton } from "./sign-out-button";

/** The sentence about compensation for a category lost in part or in full, from this subscriber's offers. */
function extraLine(data: MyRecoveryJson, incidentId: number, state: MyRecoveryJson["incidents"][number]["categories"][number]["state"]) {
  const compensation = data.compensation.find((c) => c.incident.id === incidentId);
  return extraCompensationLine(state, compensation?.offers ?? [], { claimFiled: Boolean(compensation?.claim), formatDay: formatDate });
}

/** How often an open tracker checks for news; also whenever the tab comes back into view. */
const REFRESH_MS = 60_000;

type Load = { data: MyRecoveryJson | null; error: string | null; loading: boolean };

async function fetchMyRecovery(): Promise<MyRecoveryJson | "signed-out"> {
  let response: Response;
  try {
    response = await fetch("/api/me/recovery", { cache: "no-store", headers: { accept: "application/json" } });
  } catch {
    throw new Error("We could not reach the server. Check your connection and try again.");
  }
  if (response.status === 401) return "signed-out";
  const body = (await response.json().catch(() => null)) as (MyRecoveryJson & { error?: { message?: string } }) | null;
  if (!response.ok || !body) throw new Error(body?.error?.message ?? "Your recovery could not be loaded just now. Please try again in a moment.");
  return body;
}

/**
 * "My recovery": the page shell is the same for everyone, and this fills it from the signed-in
 * subscriber's own JSON (GET /api/me/recovery), then keeps it current while it is open.
 */
export function MyRecovery() {
  const [state, setState] = useState<Load>({ data: null, error: null, loading: true });
  const lastLoaded = useRef(0);

  const load = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const result = await fetchMyRecovery();
      if (result === "signed-out") {
        window.location.replace(`/signin?callbackUrl=${encodeURIComponent("/me")}`);
        return;
      }
      lastLoaded.current = Date.now();
      setState({ data: result, error: null, loading: false });
    } catch (error) {
      setState((s) => ({ ...s, error: (error as Error).message, loading: false }));
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible") void load();
    }, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() - lastLoaded.current > REFRESH_MS) void load();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [load]);

  const { data, error, loading } = state;
  return (
    <div className="space-y-8" aria-busy={loading && !data}>
      <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h1 className="page-title">My recovery</h1>
          {data && <p className="muted break-all text-sm">Signed in as {data.user.email}</p>}
        </div>
        {data && (
          <div className="flex gap-2">
            {data.user.staff && (
              <Link href="/admin" className="btn-secondary">
                Staff area
              </Link>
            )}
            <SignOutButton />
          </div>
        )}
      </header>

      {error && (
        <div role="alert" className="card space-y-3 border-amber-300 dark:border-amber-700">
          <p className="font-medium">{data ? `${error} What you see below was current at ${formatDateTime(new Date(data.generatedAt))}.` : error}</p>
          <button type="button" className="btn-secondary" onClick={() => void load()} disabled={loading}>
            {loading ? "Trying again…" : "Try again"}
          </button>
        </div>
      )}

      {!data && !error && <Skeleton />}
      {data && <Tracker data={data} />}

      {data && (
        <p className="muted flex flex-wrap items-center gap-2 text-xs">
          <span>Updated {formatDateTime(new Date(data.generatedAt))}; this page checks for news every minute.</span>
          <button type="button" className="underline underline-offset-2" onClick={() => void load()} disabled={loading}>
            {loading ? "Checking…" : "Check now"}
          </button>
        </p>
      )}
    </div>
  );
}

function Tracker({ data }: { data: MyRecoveryJson }) {
  return (
    <>
      <CompensationSummary incidents={data.compensation} />

      {data.incidents.length === 0 && (
        <div className="card space-y-2">
          <h2 className="font-semibold">None of your data was affected</h2>
          <p className="muted">Your account has no data affected by any incident. If something looks missing on your phone, contact support.</p>
        </div>
      )}

      {data.incidents.map(({ incident, categories, affectedCount, restoredCount, comingBack, next }) => (
        <section key={incident.id} aria-labelledby={`incident-${incident.id}`} className="space-y-4">
          <div className="card space-y-3">
            <h2 id={`incident-${incident.id}`} className="text-lg font-semibold">
              <Link href={`/incidents/${incident.slug}`}>{incident.title}</Link>
            </h2>
            <p className="text-2xl font-bold">
              {restoredCount} of {affectedCount} {affectedCount === 1 ? "category" : "categories"} restored
            </p>
            <ProgressBar value={restoredCount} max={affectedCount} label="Categories restored" tone="ok" />
            {comingBack.length > 0 && (
              <p className="text-sm" data-testid="coming-back">
                Coming back now: <strong>{comingBack.join(", ")}</strong>.
              </p>
            )}
            {next && (
              <p className="text-sm" data-testid="next-up">
                Next to come back: <strong>{next.name}</strong>. <EtaText eta={next.eta} />
              </p>
            )}
          </div>
          <ul className="grid gap-3 sm:grid-cols-2">
            {categories.map((record) => (
              <CategoryCard key={record.category.id} record={record} extra={extraLine(data, incident.id, record.state)} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function Skeleton() {
  return (
    <div className="space-y-4">
      <p className="sr-only" role="status">
        Loading your recovery…
      </p>
      <div className="card space-y-3" aria-hidden="true">
        <div className="h-5 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-8 w-1/2 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-2.5 w-full animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />
      </div>
      <ul className="grid gap-3 sm:grid-cols-2" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <li key={i} className="card space-y-3">
            <div className="h-4 w-1/3 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-2.5 w-full animate-pulse rounded-full bg-slate-200 dark:bg-slate-800" />
            <div className="h-3 w-3/4 animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
          </li>
        ))}
      </ul>
    </div>
  );
}
