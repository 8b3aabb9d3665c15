// The plain HTML page the server answers with when it cannot or will not render the app (a refusal,
// the database down): no scripts, styles or build assets, so it cannot fail in turn.

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `title` is text (escaped here); `main` is the page's content as HTML, escaped by the caller. */
export function plainPage(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}
