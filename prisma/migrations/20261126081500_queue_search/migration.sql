-- The trigram operator classes used by the indexes below.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Comment_body_trgm_idx" ON "Comment" USING GIN ("body" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorName_trgm_idx" ON "Comment" USING GIN ("authorName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Comment_authorEmail_trgm_idx" ON "Comment" USING GIN ("authorEmail" gin_trgm_ops);

