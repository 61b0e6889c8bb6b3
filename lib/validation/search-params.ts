import { z } from "zod";

export const slugSchema = z.string().max(200).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

// Query parameters are hints, never errors: anything malformed is simply ignored.
const optionalPositiveId = z
  .unknown()
  .optional()
  .transform((value) => (typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) ? Number(value) : null));

export const articleSearchParamsSchema = z.object({
  replyto: optionalPositiveId,
  comment: optionalPositiveId,
  cpage: optionalPositiveId,
});
