import { describe, expect, it } from "vitest";
import { can, rolesThat, STAFF_ROLES } from "@/lib/staff/capabilities";

describe("staff capabilities", () => {
  it("give each role exactly its work", () => {
    const table = Object.fromEntries(
      STAFF_ROLES.map((role) => [role, (["moderate", "write", "edit", "administer"] as const).filter((capability) => can(role, capability))]),
    );
    expect(table).toEqual({
      MODERATOR: ["moderate"],
      WRITER: ["write"],
      EDITOR: ["write", "edit"],
      ADMIN: ["moderate", "write", "edit", "administer"],
    });
    expect(rolesThat("moderate").sort()).toEqual(["ADMIN", "MODERATOR"]);
  });
});
