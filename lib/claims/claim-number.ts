import { randomBytes } from "node:crypto";

// Crockford-style alphabet without 0/O, 1/I/L and U: easy to read out over the phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A claim number such as "C-7K4M-9Q2X": ~39 bits of randomness, so numbers cannot be guessed in sequence. */
export function newClaimNumber(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join("");
  return `C-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export const CLAIM_NUMBER_PATTERN = /^C-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

/** What a person typed, as stored: upper case, trimmed. */
export function normaliseClaimNumber(value: string): string {
  return value.trim().toUpperCase();
}
