import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { formatDateTime, formatRelative } from "@/components/format";
import { StatusPill } from "@/components/status-pill";
import { listApiTokens } from "@/lib/api-tokens/list-api-tokens";
import { isAdmin } from "@/lib/auth/roles";
import { currentUser } from "@/lib/auth/session";
import { siteOrigin } from "@/lib/branding";
import { listImportIncidents } from "@/lib/restoration/list-import-incidents";
import { CreateTokenForm } from "./_components/create-token-form";
import { PipelineHelp } from "./_components/pipeline-help";
import { RevokeTokenButton } from "./_components/revoke-token-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const user = await currentUser();
  if (!user) redirect("/signin?callbackUrl=/admin/tokens");
  // The proxy answers support staff with a 403 already; this check must hold without it.
  if (!isAdmin(user.role)) redirect("/forbidden?for=admin");
  const [tokens, incidents] = await Promise.all([listApiTokens(user), listImportIncidents(user)]);
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="page-title">API tokens</h1>
        <p className="muted">Tokens let the recovery pipeline send restoration progress without a person signing in. Each one can be revoked on its own.</p>
      </div>

      <section aria-labelledby="create-title" className="card space-y-4">
        <h2 id="create-title" className="text-lg font-semibold">Create a token</h2>
        <CreateTokenForm />
      </section>

      <section aria-labelledby="tokens-title" className="space-y-3">
        <h2 id="tokens-title" className="text-lg font-semibold">Tokens</h2>
        {tokens.length === 0 ? (
          <p className="card muted">No tokens yet.</p>
        ) : (
          <ul className="space-y-3">
            {tokens.map((token) => (
              <li key={token.id} aria-label={`Token ${token.name}`} className="card flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="break-all font-semibold">{token.name}</span>
                    {token.revokedAt ? <StatusPill tone="neutral">Revoked</StatusPill> : <StatusPill tone="ok">Active</StatusPill>}
                  </p>
                  <p className="font-mono text-sm">act_{token.prefix}_…</p>
                  <p className="muted break-all text-sm">Created {formatDateTime(token.createdAt)}{token.createdBy ? ` by ${token.createdBy.email}` : ""}</p>
                  <p className="muted text-sm">
                    {token.lastUsedAt ? `Last used ${formatRelative(token.lastUsedAt, now)}` : "Never used"}
                    {token.revokedAt ? ` · revoked ${formatDateTime(token.revokedAt)}` : ""}
                  </p>
                </div>
                {!token.revokedAt && <RevokeTokenButton tokenId={token.id} name={token.name} />}
              </li>
            ))}
          </ul>
        )}
      </section>

      <PipelineHelp origin={siteOrigin()} incident={incidents[0]?.slug ?? "<incident slug>"} />
    </div>
  );
}
