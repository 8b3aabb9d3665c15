import { describe, expect, it } from "vitest";
import { describeSource } from "./staff-copy";

describe("describeSource", () => {
  it("names the batch, the staff member, or the system", () => {
    expect(describeSource({ source: "IMPORT", batchId: 12, actor: null })).toBe("Import batch #12");
    expect(describeSource({ source: "IMPORT", batchId: null, actor: null })).toBe("Import");
    expect(describeSource({ source: "STAFF", batchId: null, actor: { email: "support@nimbus.example" } })).toBe("Staff: support@nimbus.example");
    expect(describeSource({ source: "STAFF", batchId: null, actor: null })).toBe("Staff: a former staff member");
    expect(describeSource({ source: "SYSTEM", batchId: null, actor: null })).toBe("System");
  });
});
