// An API address that is not one: JSON, like every other API answer, not the site's 404 page.
function notFound(): Response {
  return Response.json({ error: "not_found", message: "There is no such API address." }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
