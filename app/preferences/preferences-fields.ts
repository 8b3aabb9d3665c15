/** The preferences form's fields as the use cases take them (checkboxes send "on" or nothing). */
export function preferencesFields(form: FormData) {
  return {
    incidentEmails: form.get("incidentEmails"),
    digest: form.get("digest"),
    componentIds: form.getAll("componentIds"),
    restorationEmails: form.get("restorationEmails") === "on",
    claimEmails: form.get("claimEmails") === "on",
  };
}
