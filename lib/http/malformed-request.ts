// A server action's body that only a broken or hand-made client sends, which Next.js answers with a server error
// (500) when it fails to read it deep in the action handler. The site's own forms never send one, so such a post
// gets a 400 that says what is wrong, before any work is done (scripts/serve.mjs checks the router state header,
// which Next.js keeps from the proxy). What the arguments mean stays the framework's to decide; here they are only
// checked to be readable.
export async function malformedRequest(request: Request): Promise<string | null> {
  if (request.method !== "POST") return null;
  const calledFromScript = request.headers.has("next-action");
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    if (!form) return "The form could not be read.";
    for (const [name, value] of form) {
      if (typeof value === "string" && isArgumentsPart(name, calledFromScript) && !isJson(value)) return "The form's action data could not be read.";
    }
  } else if (calledFromScript && !isJson(await request.clone().text())) {
    // Arguments that need no parts are sent as one JSON text, whatever the type says.
    return "The action's arguments could not be read.";
  }
  return null;
}

// React encodes an action's arguments as JSON parts: named by number when a script calls the action, and
// "$ACTION_<n>:<part>" in a form posted without JavaScript. Other fields are the form's own.
function isArgumentsPart(name: string, calledFromScript: boolean): boolean {
  return calledFromScript ? /^\d+$/.test(name) : /^\$ACTION_\d+:\d+$/.test(name);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
