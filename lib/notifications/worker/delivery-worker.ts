import type { Transporter } from "nodemailer";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import type { Pool } from "pg";
import { renderMessage } from "@/lib/notifications/templates/render";
import { templateNamed } from "@/lib/notifications/templates/registry";
import { classifyFailure, retryDelaySeconds } from "./classify-failure";
import { claimDue, markPermanent, markRetry, markSent, markSuppressed, reclaimExpired, takeSendBudget, type ClaimedMessage } from "./outbox-store";
import { loadRecipientStates, refusalReason } from "./recipient-policy";

export interface DeliverySettings {
  workerId: string;
  from: string;
  batchSize: number;
  leaseSeconds: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  /** Messages per second across every worker; 0 = no limit. */
  sendRate: number;
  idleMs?: number;
}

export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  suppressed: number;
}

/**
 * Delivers EmailOutbox rows through a pooled SMTP transport. Two batches are kept in flight so
 * the database and the SMTP connections are busy at the same time. Accepted messages are recorded
 * as SENT by group commit: one UPDATE every RECORD_INTERVAL_MS for everything accepted meanwhile,
 * so the window between the server's acceptance and our record stays within ~20 ms plus one round
 * trip, without an UPDATE per message.
 */
const RECORD_INTERVAL_MS = 20;

export class DeliveryWorker {
  readonly stats: DeliveryStats = { sent: 0, retried: 0, failed: 0, suppressed: 0 };
  private inFlight = 0;
  private stopping = false;
  private accepted: bigint[] = [];
  private flushing: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastReclaim = 0;
  private readonly domain: string;

  constructor(
    private readonly pool: Pool,
    private readonly transport: Transporter,
    private readonly settings: DeliverySettings,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.domain = /@([^>\s]+)/.exec(settings.from)?.[1] ?? "aftercare.local";
  }

  /** Runs until stop(): claims, sends and records, forever. */
  async run(): Promise<void> {
    const limit = this.settings.batchSize * 2;
    while (!this.stopping) {
      if (Date.now() - this.lastReclaim > 5_000) {
        this.lastReclaim = Date.now();
        const back = await reclaimExpired(this.pool, this.settings.maxAttempts);
        if (back) this.log(`${back} message(s) of a stopped worker returned to the queue`);
      }
      if (this.inFlight >= limit) {
        await this.waitForSlot();
        continue;
      }
      let want = Math.min(this.settings.batchSize, limit - this.inFlight);
      if (this.settings.sendRate > 0) {
        want = await takeSendBudget(this.pool, want, this.settings.sendRate);
        if (want === 0) {
          await this.sleep(Math.max(20, 1000 / this.settings.sendRate));
          continue;
        }
      }
      const batch = await claimDue(this.pool, this.settings.workerId, want, this.settings.leaseSeconds);
      if (batch.length === 0) {
        await this.sleep(this.settings.idleMs ?? 500);
        continue;
      }
      this.inFlight += batch.length;
      void this.deliver(batch).catch((error: unknown) => {
        // The rows stay SENDING and come back when their lease ends; nothing is lost.
        this.log(`batch failed before sending: ${String(error)}`);
        this.inFlight -= batch.length;
        this.signal();
      });
    }
    while (this.inFlight > 0) await this.waitForSlot();
    await this.flush();
  }

  /** Finish what is in flight, record it, then return from run(). */
  stop(): void {
    this.stopping = true;
    this.signal();
  }

  private async deliver(batch: ClaimedMessage[]): Promise<void> {
    const [contexts, recipients] = await Promise.all([this.loadContexts(batch), loadRecipientStates(this.pool, batch.map((m) => m.toEmail))]);
    const skip: { id: bigint; reason: string }[] = [];
    const sends: Promise<void>[] = [];
    for (const message of batch) {
      const template = templateNamed(message.template);
      const context = contexts.get(message.id);
      const state = recipients.get(message.toEmail.toLowerCase()) ?? { suppressed: false, subscription: null };
      const refusal = !template
        ? `Unknown template "${message.template}"`
        : context === undefined || context === null
          ? "Nothing to send any more (the subject of this message was removed)"
          : refusalReason(template.list, message.userId !== null, state);
      if (refusal || !template) {
        skip.push({ id: message.id, reason: refusal ?? "Unknown template" });
        continue;
      }
      const rendered = renderMessage(template, template.render(context, message), message.toEmail);
      sends.push(this.send(message, rendered));
    }
    if (skip.length) {
      await markSuppressed(this.pool, skip);
      this.stats.suppressed += skip.length;
      this.done(skip.length);
    }
    await Promise.all(sends);
  }

  private async loadContexts(batch: ClaimedMessage[]): Promise<Map<bigint, unknown>> {
    const byTemplate = new Map<string, ClaimedMessage[]>();
    for (const m of batch) byTemplate.set(m.template, [...(byTemplate.get(m.template) ?? []), m]);
    const contexts = new Map<bigint, unknown>();
    for (const [name, messages] of byTemplate) {
      const template = templateNamed(name);
      if (!template) continue;
      for (const [id, context] of await template.load(messages)) contexts.set(id, context);
    }
    return contexts;
  }

  private async send(message: ClaimedMessage, rendered: { subject: string; html: string; text: string; headers: Record<string, string> }): Promise<void> {
    try {
      // Composed in memory and handed over whole, the message reaches the socket in a few large
      // writes instead of one per MIME line; naming the text encoding spares nodemailer scanning
      // every part to choose one (quoted-printable, what it picks for these messages anyway).
      const raw = await new MailComposer({
        from: this.settings.from,
        to: message.toEmail,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: rendered.headers,
        // Stable across retries, so a copy resent after a crash can be recognised as the same message.
        messageId: `<outbox-${message.id}@${this.domain}>`,
        textEncoding: "quoted-printable",
      })
        .compile()
        .build();
      await this.transport.sendMail({ envelope: { from: this.settings.from, to: message.toEmail }, raw });
      this.accepted.push(message.id);
      this.stats.sent += 1;
      this.scheduleFlush();
    } catch (error) {
      const failure = classifyFailure(error);
      if (failure.kind === "permanent") {
        await markPermanent(this.pool, [{ id: message.id, email: message.toEmail, reason: failure.reason }]);
        this.stats.failed += 1;
        this.log(`permanent failure for ${message.toEmail}: ${failure.reason} (address suppressed)`);
      } else {
        const dead = message.attempts >= this.settings.maxAttempts;
        await markRetry(this.pool, [{ id: message.id, reason: failure.reason, delaySeconds: retryDelaySeconds(message.attempts, this.settings.retryBaseSeconds), dead }]);
        this.stats.retried += 1;
        if (dead) this.log(`gave up on message ${message.id} after ${message.attempts} attempts: ${failure.reason}`);
      }
      this.done(1);
    }
  }

  private flushTimer: NodeJS.Timeout | null = null;

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      void this.flush();
    }, RECORD_INTERVAL_MS);
  }

  /** Group commit: one UPDATE records everything accepted since the previous one. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.accepted.length === 0) return Promise.resolve();
    const ids = this.accepted;
    this.accepted = [];
    this.flushing = markSent(this.pool, ids)
      .then(
        () => this.done(ids.length),
        async (error: unknown) => {
          // Keep them and try again: giving up would let the lease resend accepted messages.
          this.log(`could not record ${ids.length} sent message(s), retrying: ${String(error)}`);
          this.accepted.push(...ids);
          await new Promise((resolve) => setTimeout(resolve, 1_000));
        },
      )
      .finally(() => {
        this.flushing = null;
        if (this.accepted.length) this.scheduleFlush();
      });
    return this.flushing;
  }

  private done(count: number): void {
    this.inFlight -= count;
    this.signal();
  }

  private signal(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private waitForSlot(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
