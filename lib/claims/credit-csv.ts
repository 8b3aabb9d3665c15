// The billing system's CSV: one row per service credit. Cells that a spreadsheet would run as a
// formula (=, +, -, @ first) are prefixed with a quote, since offer titles are typed by staff.

export type CreditRow = { accountRef: string | null; email: string; months: number; claimNumber: string | null; offerId: number; offerTitle: string; exportRef: string };

export const CREDIT_CSV_HEADER = ["account_reference", "email", "months", "claim_number", "offer_id", "offer", "export_ref"] as const;

function cell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCreditCsv(rows: CreditRow[]): string {
  const lines = rows.map((r) => [r.accountRef ?? "", r.email, r.months, r.claimNumber ?? "automatic grant", r.offerId, r.offerTitle, r.exportRef].map(cell).join(","));
  return [CREDIT_CSV_HEADER.join(","), ...lines].join("\r\n") + "\r\n";
}
