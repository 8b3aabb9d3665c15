import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/callback-url";

// The magic link's default destination: the role is only known once the link is used.
export default async function SignInLanding() {
  const user = await currentUser();
  redirect(user ? homePathFor(user.role) : "/signin");
}
