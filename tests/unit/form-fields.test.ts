import { describe, expect, it } from "vitest";
import { formFields } from "@/lib/comments/form-fields";

describe("formFields", () => {
  it("drops the framework's action fields and keeps everything else for validation", () => {
    const form = new FormData();
    form.set("$ACTION_ID_abc", "");
    form.set("$ACTION_KEY", "k");
    form.set("name", "Ana");
    form.set("status", "APPROVED");
    form.set("upload", new Blob(["x"]));
    expect(formFields(form)).toEqual({ name: "Ana", status: "APPROVED", upload: null });
  });
});
