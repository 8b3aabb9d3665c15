import { DomUtils, parseDocument } from "htmlparser2";

// Test support: what in a piece of HTML a browser would run or load. Parses the HTML the way a
// reader does (entities decoded), so escaped text that merely looks like markup is not reported.

const ACTIVE_TAGS = new Set(["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "img", "picture", "video", "audio", "source", "form", "input", "button", "textarea", "select", "link", "meta", "base", "template"]);
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "background", "cite", "data"]);

/** Every live element, event handler and script-bearing URL in `html`, described; empty when inert. */
export function findLiveMarkup(html: string): string[] {
  const found: string[] = [];
  for (const element of DomUtils.findAll(() => true, parseDocument(html).children)) {
    if (ACTIVE_TAGS.has(element.name)) found.push(`<${element.name}> element`);
    for (const [name, value] of Object.entries(element.attribs)) {
      if (name.startsWith("on")) found.push(`${name} handler on <${element.name}>`);
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const scheme = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(javascript|data|vbscript):/.test(scheme)) found.push(`${name}="${value}" on <${element.name}>`);
    }
  }
  return found;
}

/** The elements of `html` as "tag attr=value …", in document order, and its text: what a reader gets. */
export function describeMarkup(html: string): { elements: string[]; text: string } {
  const document = parseDocument(html);
  const elements = DomUtils.findAll(() => true, document.children).map((e) =>
    [e.name, ...Object.entries(e.attribs).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`)].join(" "),
  );
  return { elements, text: DomUtils.textContent(document) };
}
