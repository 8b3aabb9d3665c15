import type { Role } from "@/lib/generated/prisma/enums";

/** Who is acting: always resolved server-side from the session, never taken from input. */
export interface Actor {
  id: string;
  email: string;
  role: Role;
}
