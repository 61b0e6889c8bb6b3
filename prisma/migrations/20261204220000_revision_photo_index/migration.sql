-- The unused-photo job asks whether a stored photo is named by an article or any revision of one. Revisions keep
-- their fields as JSON, so the photo's address is indexed as an expression (which Prisma's schema cannot declare):
-- the question is a probe, not a read of every revision's JSON.
CREATE INDEX "ArticleRevision_image_src_idx" ON "ArticleRevision" ((content->'image'->>'src'));

CREATE INDEX "Article_imageSrc_idx" ON "Article"("imageSrc");
