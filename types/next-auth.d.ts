import type { Role } from "@/lib/generated/prisma/enums";
import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
  }
  interface User {
    role?: Role;
  }
}
