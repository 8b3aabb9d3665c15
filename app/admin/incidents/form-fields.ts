// Reading the staff incident forms' FormData into the shapes the use cases validate.

/** The affected services of a form built with AffectedServicesField: component-<id> = status, "" when not affected. */
export function affectedComponentsFrom(form: FormData): { componentId: number; status: string }[] {
  const components: { componentId: number; status: string }[] = [];
  for (const [name, value] of form.entries()) {
    const match = /^component-(\d+)$/.exec(name);
    if (match && typeof value === "string" && value !== "") components.push({ componentId: Number(match[1]), status: value });
  }
  return components;
}
