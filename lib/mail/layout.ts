import { env } from "@/lib/env";

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** A calm, single-column HTML email that reads well in any client, plus its plain-text twin. */
export function renderEmail({
  heading,
  paragraphs,
  bullets = [],
  action,
  footer,
  links = [],
}: {
  heading: string;
  paragraphs: string[];
  bullets?: string[];
  action?: { label: string; url: string };
  footer?: string;
  /** Small links under the footer (manage preferences, unsubscribe). */
  links?: { label: string; url: string }[];
}): { html: string; text: string } {
  const provider = env().PROVIDER_NAME;
  const button = action
    ? `<p style="margin:28px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:8px;text-decoration:none;font-weight:600;display:inline-block">${escapeHtml(action.label)}</a></p>
<p style="font-size:13px;color:#475569">Or paste this link into your browser:<br><span style="word-break:break-all">${escapeHtml(action.url)}</span></p>`
    : "";
  const html = `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#0f172a">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:12px;padding:28px" cellpadding="0" cellspacing="0"><tr><td>
<p style="margin:0 0 16px;font-size:13px;font-weight:600;color:#1d4ed8">${escapeHtml(provider)}</p>
<h1 style="margin:0 0 16px;font-size:20px;line-height:1.3">${escapeHtml(heading)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 12px;font-size:15px;line-height:1.55">${escapeHtml(p)}</p>`).join("\n")}
${bullets.length ? `<ul style="margin:0 0 12px;padding-left:20px;font-size:15px;line-height:1.55">${bullets.map((b) => `<li style="margin:0 0 4px">${escapeHtml(b)}</li>`).join("")}</ul>` : ""}
${button}
${footer ? `<p style="margin:24px 0 0;font-size:12px;color:#64748b">${escapeHtml(footer)}</p>` : ""}
${links.length ? `<p style="margin:8px 0 0;font-size:12px;color:#64748b">${links.map((l) => `<a href="${escapeHtml(l.url)}" style="color:#475569">${escapeHtml(l.label)}</a>`).join(" · ")}</p>` : ""}
</td></tr></table></td></tr></table></body></html>`;
  const text = [
    heading,
    "",
    ...paragraphs.flatMap((p) => [p, ""]),
    ...(bullets.length ? [...bullets.map((b) => `- ${b}`), ""] : []),
    ...(action ? [`${action.label}: ${action.url}`, ""] : []),
    ...(footer ? ["--", footer] : []),
    ...links.map((l) => `${l.label}: ${l.url}`),
    `${provider}`,
  ].join("\n");
  return { html, text };
}
