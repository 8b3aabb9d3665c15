import { describe, expect, it } from "vitest";
import { backupsToDelete } from "./retention";

const name = (day: number) => `aftercare-202612${String(day).padStart(2, "0")}T030000Z.dump`;

describe("backupsToDelete", () => {
  it("keeps the newest files and deletes the older ones", () => {
    const files = [name(1), name(2), name(3), name(4), `${name(4)}.manifest.json`, "notes.txt"];
    expect(backupsToDelete(files, 2, name(4))).toEqual([name(2), name(1)]);
  });

  it("never deletes the newest verified backup, even behind newer failed ones", () => {
    expect(backupsToDelete([name(1), name(2), name(3), name(4)], 2, name(1))).toEqual([name(2)]);
  });
});
