export const PENDING_COOKIE_NAME: "pending_comments";
