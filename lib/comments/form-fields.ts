// Turns a posted form into plain fields for validation. React adds its own `$ACTION_…` fields to forms posted
// before hydration; those are the framework's, everything else is the commenter's and is validated strictly.
export function formFields(formData: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    fields[key] = typeof value === "string" ? value : null;
  }
  return fields;
}
