import { NextResponse, type NextRequest } from "next/server";

// An address that is not valid percent-encoding is the client's mistake: answer 400, not a server error.
// Authorization is never decided here; every page, action and route checks the staff member itself.
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  return NextResponse.next();
}

export const config = { matcher: "/((?!_next/static|_next/image|images/).*)" };
