import type { Role } from "@/lib/generated/prisma/enums";

export const STAFF_ROLES: readonly Role[] = ["SUPPORT", "ADMIN"];

export function isStaff(role: Role | null | undefined): boolean {
  return role === "SUPPORT" || role === "ADMIN";
}

export function isAdmin(role: Role | null | undefined): boolean {
  return role === "ADMIN";
}

export const ROLE_LABEL: Record<Role, string> = {
  SUBSCRIBER: "Subscriber",
  SUPPORT: "Support staff",
  ADMIN: "Administrator",
};
