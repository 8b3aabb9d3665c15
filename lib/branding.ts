// The provider's name is configuration (PROVIDER_NAME); pages read it without requiring a database.
export function providerName(): string {
  return process.env.PROVIDER_NAME?.trim() || "Nimbus Mobile";
}
