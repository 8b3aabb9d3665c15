import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTemplate } from "./create-template";
import { deleteTemplate } from "./delete-template";
import { auditsFor, makeIncidentScenario } from "./incident-test-scenario";
import { listTemplates } from "./list-templates";
import { updateTemplate } from "./update-template";

describe("update templates (PostgreSQL)", () => {
  it("are created, renamed and deleted, each step audited with before and after", async () => {
    const { staff, tag } = await makeIncidentScenario(0);
    const created = await createTemplate({ actor: staff, input: { name: `  Investigating ${tag} `, status: "INVESTIGATING", body: "We are looking into **{service}**." } });
    expect(created).toMatchObject({ name: `Investigating ${tag}`, status: "INVESTIGATING" });
    expect((await listTemplates(staff)).map((t) => t.name)).toContain(`Investigating ${tag}`);

    const updated = await updateTemplate({ actor: staff, input: { templateId: created.id, name: `Identified ${tag}`, status: "IDENTIFIED", body: "We found the cause." } });
    expect(updated).toMatchObject({ name: `Identified ${tag}`, status: "IDENTIFIED", body: "We found the cause." });

    await deleteTemplate({ actor: staff, input: { templateId: created.id } });
    expect(await db.updateTemplate.findUnique({ where: { id: created.id } })).toBeNull();
    await expect(deleteTemplate({ actor: staff, input: { templateId: created.id } })).rejects.toMatchObject({ code: "NOT_FOUND", message: "That template has already been deleted." });

    const entries = await auditsFor("UpdateTemplate", created.id);
    expect(entries.map((e) => e.action)).toEqual(["template.created", "template.updated", "template.deleted"]);
    expect(entries[1]).toMatchObject({ before: { name: `Investigating ${tag}`, status: "INVESTIGATING" }, after: { name: `Identified ${tag}`, status: "IDENTIFIED" } });
    expect(entries[2]).toMatchObject({ before: { name: `Identified ${tag}`, body: "We found the cause." }, after: null });
  });

  it("refuse a name that is taken, also when two are saved at once", async () => {
    const { staff, tag } = await makeIncidentScenario(0);
    const input = { name: `Duplicate ${tag}`, status: "MONITORING", body: "Watching." };
    const results = await Promise.allSettled([createTemplate({ actor: staff, input }), createTemplate({ actor: staff, input })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT", message: `There is already a template called “Duplicate ${tag}”. Choose another name.` } });

    const other = await createTemplate({ actor: staff, input: { ...input, name: `Other ${tag}` } });
    await expect(updateTemplate({ actor: staff, input: { ...input, templateId: other.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuse a subscriber and explain what is missing", async () => {
    const { staff, subscriber, tag } = await makeIncidentScenario(0);
    await expect(createTemplate({ actor: subscriber, input: { name: `Sneaky ${tag}`, status: "RESOLVED", body: "Done." } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(listTemplates(subscriber)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createTemplate({ actor: staff, input: { name: " ", status: "RESOLVED", body: "Done." } })).rejects.toMatchObject({
      code: "INVALID",
      message: "Name the template, for example “Restoration progress”.",
      details: { field: "name" },
    });
    expect(await db.updateTemplate.count({ where: { name: `Sneaky ${tag}` } })).toBe(0);
  });
});
