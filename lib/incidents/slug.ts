const MAX_LENGTH = 60;

/**
 * The address part of a title: lower-case ASCII letters, digits and single hyphens, at most 60
 * characters. Accents fold to their base letter; a title with nothing usable gets the fallback.
 */
export function slugify(title: string, fallback: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** The base itself when it is free, otherwise the first free of base-2, base-3, … */
export function firstFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
