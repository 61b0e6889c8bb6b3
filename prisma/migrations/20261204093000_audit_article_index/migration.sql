-- CreateIndex
CREATE INDEX "ModerationAction_articleId_id_idx" ON "ModerationAction"("articleId", "id");
