-- Stores a new comment in one statement (lib/data/comments/comment-submission.ts), unless its sender had a comment
-- stored within the flood interval. Copies sent by one sender at the same moment take turns: a lock per client and
-- per address, held until the statement's transaction ends (also when its connection dies). Called on its own at
-- READ COMMITTED (the app's), each query of the function gets a fresh snapshot, so the check after the locks sees
-- what the previous holder stored.
-- Answers the new comment's id, or (id null) when the sender last stored one, and the time it was checked at.
CREATE FUNCTION "store_comment"(p_comment jsonb, p_flood_seconds integer, p_now timestamptz)
RETURNS TABLE ("id" integer, "lastStoredAt" timestamptz, "checkedAt" timestamptz)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_at timestamptz;
  v_last timestamptz;
BEGIN
  IF p_flood_seconds > 0 THEN
    PERFORM pg_advisory_xact_lock(k)
    FROM unnest(ARRAY[
      hashtextextended('flood:client:' || (p_comment->>'clientHash'), 0),
      hashtextextended('flood:email:' || (p_comment->>'authorEmail'), 0)
    ]) AS k
    ORDER BY k;
  END IF;
  -- The app's clock, which the pipeline's checks used, moved on by however long the locks took.
  v_at := p_now + (clock_timestamp() - statement_timestamp());
  IF p_flood_seconds > 0 THEN
    SELECT max(c."createdAt") INTO v_last FROM "Comment" c
    WHERE c."createdAt" > v_at - make_interval(secs => p_flood_seconds)
      AND (c."clientHash" = p_comment->>'clientHash' OR c."authorEmail" = p_comment->>'authorEmail');
    IF v_last IS NOT NULL THEN
      RETURN QUERY SELECT NULL::integer, v_last, v_at;
      RETURN;
    END IF;
  END IF;
  RETURN QUERY
  INSERT INTO "Comment" AS c (
    "articleId", "parentId", "depth", "authorName", "authorEmail", "authorWebsite", "body", "status", "heldReasons",
    "clientHash", "idempotencyKey", "notifyOnApproval", "notifyOnReply", "createdAt"
  )
  SELECT r."articleId", r."parentId", r."depth", r."authorName", r."authorEmail", r."authorWebsite", r."body", r."status",
    r."heldReasons", r."clientHash", r."idempotencyKey", r."notifyOnApproval", r."notifyOnReply", v_at
  FROM jsonb_populate_record(NULL::"Comment", p_comment) AS r
  RETURNING c."id", NULL::timestamptz, v_at;
END
$$;
