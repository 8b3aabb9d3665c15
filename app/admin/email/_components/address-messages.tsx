import { formatDateTime } from "@/components/format";
import { StatusPill, type Tone } from "@/components/status-pill";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";
import type { MessagesTo } from "@/lib/notifications/admin/find-messages-to";

const STATE: Record<OutboxStatus, { label: string; tone: Tone }> = {
  QUEUED: { label: "Queued", tone: "info" },
  SENDING: { label: "Sending", tone: "info" },
  SENT: { label: "Sent", tone: "ok" },
  FAILED: { label: "Failed", tone: "bad" },
  DEAD: { label: "Dead letter", tone: "bad" },
  SUPPRESSED: { label: "Not sent", tone: "neutral" },
};

/** Every message to one address, so support can answer "did I get the email?". */
export function AddressMessages({ found }: { found: MessagesTo }) {
  const { address, messages, more, suppression } = found;
  return (
    <div className="space-y-3">
      <p className="break-words">
        {messages.length === 0 ? <>No email has ever been queued for <strong className="break-all">{address}</strong>.</> : (
          <><strong>{messages.length}{more ? "+" : ""}</strong> {messages.length === 1 ? "message" : "messages"} to <strong className="break-all">{address}</strong>, newest first{more ? " (the newest are shown)" : ""}.</>
        )}
      </p>
      {suppression && (
        <p className="flex flex-wrap items-center gap-2 rounded-lg bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          <StatusPill tone="bad">Address suppressed</StatusPill>
          <span className="break-words">Nothing is sent to this address since {formatDateTime(suppression.createdAt)}: {suppression.reason}</span>
        </p>
      )}
      {messages.length > 0 && (
        <ol aria-label={`Messages to ${address}`} className="divide-y divide-slate-200 dark:divide-slate-800">
          {messages.map((m) => (
            <li key={m.id} aria-label={`Message ${m.id}: ${m.template}, ${STATE[m.status].label}`} className="space-y-1 py-3">
              <p className="flex flex-wrap items-center gap-2">
                <StatusPill tone={STATE[m.status].tone}>{STATE[m.status].label}</StatusPill>
                <span className="font-medium">{m.template}</span>
                {m.eventRef && <span className="muted break-all text-sm">about {m.eventRef}</span>}
              </p>
              <p className="muted text-sm">
                #{m.id} · queued {formatDateTime(m.createdAt)}
                {m.sentAt && <> · sent {formatDateTime(m.sentAt)}</>}
                {m.status === "QUEUED" && <> · due {formatDateTime(m.nextAttemptAt)}</>}
                {" · "}{m.attempts} {m.attempts === 1 ? "attempt" : "attempts"}
              </p>
              {m.lastError && <p className="break-words font-mono text-xs text-red-800 dark:text-red-300">Last error: {m.lastError}</p>}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
