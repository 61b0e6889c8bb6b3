import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    staffId?: number;
    sessionVersion?: number;
  }
}
