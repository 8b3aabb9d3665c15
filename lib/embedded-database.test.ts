import { describe, expect, it } from "vitest";
import { EMBEDDED_APPLICATION_NAME, isEmbeddedDatabase } from "./embedded-database";

describe("isEmbeddedDatabase", () => {
  it("recognises the embedded database by the application name in its URL", () => {
    expect(isEmbeddedDatabase(`postgresql://postgres:postgres@127.0.0.1:54329/postgres?application_name=${EMBEDDED_APPLICATION_NAME}`)).toBe(true);
  });

  it("treats every other URL as a PostgreSQL server", () => {
    expect(isEmbeddedDatabase("postgresql://postgres@127.0.0.1:5432/aftercare")).toBe(false);
    expect(isEmbeddedDatabase("postgresql://app@db.internal:5432/aftercare?application_name=aftercare-web&sslmode=require")).toBe(false);
  });
});
