import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "./send-magic-link";
import { sessionAdapter } from "./session-adapter";

let options: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  options ??= {
    adapter: sessionAdapter(),
    secret: env().NEXTAUTH_SECRET,
    // Database sessions: signing out or revoking a session deletes its row, effective at once.
    session: { strategy: "database", maxAge: 30 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    providers: [
      EmailProvider({
        from: env().MAIL_FROM_SIGNIN,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ identifier, url }),
      }),
    ],
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
    callbacks: {
      // Only addresses on file may finish signing in; unknown ones never receive a link anyway.
      async signIn({ user, email }) {
        if (email?.verificationRequest) return true;
        return Boolean(user.email && (await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } })));
      },
      session({ session, user }) {
        const role = (user as { role?: Role }).role ?? "SUBSCRIBER";
        session.user = { id: user.id, email: user.email ?? "", name: user.name ?? null, role };
        return session;
      },
    },
  };
  return options;
}
