import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request because they read the secret from the environment, which `next build` lacks.
async function handler(request: Request, context: RouteContext) {
  return NextAuth(request as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
