"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { moveArticleAction, saveArticleAction } from "@/app/admin/articles/actions";
import { ArticleChoices, SectionAndKind, type Choice } from "@/components/console/article-choices";
import { ArticleFinder } from "@/components/console/article-finder";
import { ArticleMoves } from "@/components/console/article-moves";
import { BodyPreview } from "@/components/console/body-preview";
import { PhotoField, type EditorPhoto } from "@/components/console/photo-field";
import { SourcesField } from "@/components/console/sources-field";
import { useAskBeforeLeaving } from "@/components/console/use-ask-before-leaving";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { isStale } from "@/lib/newsroom/stale-answer";
import { mayEditArticle, STATUS_WORDS, type ArticleStatusName, type EditorialActionName } from "@/lib/newsroom/workflow";
import type { ArticleSource } from "@/lib/validation/article-sources";

export type EditorArticle = {
  id: number;
  status: ArticleStatusName;
  version: number;
  createdById: number | null;
  /** On the newsroom's clock, as a datetime-local field writes it; empty when not scheduled. */
  scheduledFor: string;
  headline: string;
  dek: string;
  sectionId: number;
  kind: "NEWS" | "ANALYSIS" | "OPINION";
  authorIds: number[];
  tagIds: number[];
  markdown: string;
  commentsOpen: boolean;
  image: EditorPhoto | null;
  sources: ArticleSource[];
};

type Props = {
  article: EditorArticle;
  choices: { sections: Choice[]; authors: Choice[]; tags: Choice[] };
  staff: { id: number; role: StaffRole };
  headlines: Record<string, string>;
  zoneLabel: string;
};

// A draft is saved this long after the typing stops. Only drafts: saving a published article as it is typed would
// publish half a sentence, so other articles are saved with the button.
const AUTOSAVE_MS = 3000;

const field = "rounded border border-neutral-400 px-2 py-1";

export function ArticleEditor({ article, choices, staff, headlines, zoneLabel }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [status, setStatus] = useState(article.status);
  const [markdown, setMarkdown] = useState(article.markdown);
  const body = useRef<HTMLTextAreaElement>(null);
  // The headlines the preview shows for READ ALSO lines: the saved body's, and each one inserted since.
  const [known, setKnown] = useState(headlines);
  const [photo, setPhoto] = useState(article.image);
  // Every change counts up; a save clears "unsaved" only when nothing was typed while it was on its way.
  const [edits, setEdits] = useState(0);
  const [savedEdits, setSavedEdits] = useState(0);
  const [answer, setAnswer] = useState<{ ok: boolean; message: string } | null>(null);
  // Someone else saved since this page was opened: nothing more is sent from it until it is reloaded.
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  // The version this page's content is based on, read by saves and moves queued one after the other.
  const version = useRef(article.version);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const editable = mayEditArticle(staff, { status, createdById: article.createdById }) && !stale;
  const unsaved = edits !== savedEdits;
  // Changes that are no typing in a field (a photo uploaded or removed, a source added or removed) count as edits too.
  const edited = useCallback(() => setEdits((count) => count + 1), []);

  // A request that never got an answer (the network, a restart) is said so; what is typed stays on the page.
  const send = useCallback(async <Result,>(request: () => Promise<Result>): Promise<Result | { ok: false; message: string }> => {
    setBusy(true);
    try {
      return await request();
    } catch {
      return { ok: false, message: "The server could not be reached, so nothing was saved. Your text is still here: try again in a moment." };
    } finally {
      setBusy(false);
    }
  }, []);

  const save = useCallback((): Promise<boolean> => {
    const run = async () => {
      if (!form.current) return false;
      const data = new FormData(form.current);
      data.set("version", String(version.current));
      const sent = edits;
      const result = await send(() => saveArticleAction(null, data));
      if (!result.ok) {
        setAnswer(result);
        if (isStale(result)) setStale(true);
        return false;
      }
      version.current = result.version;
      setSavedEdits(sent);
      setAnswer({ ok: true, message: `Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}` });
      return true;
    };
    // One request at a time: two saves sent together would name the same version, and the second would be refused.
    const next = queue.current.then(run);
    queue.current = next.catch(() => false);
    return next;
  }, [edits, send]);

  // A photo is saved with its description or not at all: the draft waits for one rather than being refused on its own.
  const photoUndescribed = photo !== null && photo.alt.trim() === "";
  useEffect(() => {
    if (status !== "DRAFT" || !unsaved || !editable || photoUndescribed) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [status, unsaved, editable, photoUndescribed, save]);

  useAskBeforeLeaving(unsaved);

  const move = async (action: EditorialActionName, scheduledFor: string) => {
    // What is on screen goes with the move: a draft submitted a second after typing is submitted as typed.
    if (unsaved && editable && !(await save())) return;
    const data = new FormData();
    data.set("articleId", String(article.id));
    data.set("version", String(version.current));
    data.set("action", action);
    data.set("scheduledFor", scheduledFor);
    const result = await send(() => moveArticleAction(null, data));
    setAnswer(result);
    if (isStale(result)) setStale(true);
    if (!result.ok) return;
    version.current = result.version;
    setStatus(result.status);
  };

  // A READ ALSO line goes in where the cursor was, as a block of its own.
  const insertReadAlso = (linked: { slug: string; headline: string }) => {
    const at = body.current?.selectionStart ?? markdown.length;
    const before = markdown.slice(0, at).trimEnd();
    const after = markdown.slice(at).trimStart();
    setMarkdown(`${before}${before ? "\n\n" : ""}READ ALSO: ${linked.slug}${after ? `\n\n${after}` : ""}`);
    setKnown((map) => ({ ...map, [linked.slug]: linked.headline }));
    setEdits((count) => count + 1);
  };

  return (
    <div className="mt-4 grid gap-8 lg:grid-cols-2">
      <div className="min-w-0">
        <p className="text-sm">
          Status: <span className="font-semibold">{STATUS_WORDS[status]}</span>
          {status === "DRAFT" ? " · saved on its own a few seconds after you stop typing" : ""}
        </p>
        {!editable && !stale && <p className="mt-2 text-sm">This article is {STATUS_WORDS[status]}: editors take it from here.</p>}
        <form
          ref={form}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
          onChange={() => setEdits((count) => count + 1)}
          className="mt-4 text-sm"
        >
          <fieldset disabled={!editable} className="grid min-w-0 gap-4">
            <input type="hidden" name="articleId" value={article.id} />
            <label className="flex flex-col">
              <span className="font-semibold">Headline</span>
              <input name="headline" required maxLength={200} defaultValue={article.headline} className={field} />
            </label>
            <label className="flex flex-col">
              <span className="font-semibold">Summary (dek)</span>
              <textarea name="dek" rows={2} maxLength={400} defaultValue={article.dek} className={field} />
            </label>
            <PhotoField
              photo={photo}
              onChange={(next) => {
                setPhoto(next);
                edited();
              }}
            />
            <div className="flex flex-wrap gap-4">
              <SectionAndKind sections={choices.sections} sectionId={article.sectionId} kind={article.kind} />
            </div>
            <ArticleChoices legend="Authors" name="authorIds" choices={choices.authors} chosen={article.authorIds} />
            <ArticleChoices legend="Topics" name="tagIds" choices={choices.tags} chosen={article.tagIds} />
            <div className="flex flex-col">
              <label htmlFor="article-body" className="font-semibold">
                Body
              </label>
              <span id="body-help" className="text-neutral-600">
                A blank line between paragraphs; <code>## </code> before a subheading; <code>READ ALSO: address-of-article</code> on a line of its own.
              </span>
              <textarea
                ref={body}
                id="article-body"
                name="body"
                rows={18}
                aria-describedby="body-help"
                value={markdown}
                onChange={(event) => setMarkdown(event.target.value)}
                className={`${field} font-mono`}
              />
            </div>
            <ArticleFinder articleId={article.id} label="Find a story for a READ ALSO link" pickLabel="Insert READ ALSO" onPick={insertReadAlso} />
            <SourcesField sources={article.sources} onEdit={edited} />
            <label className="flex items-center gap-2">
              <input type="checkbox" name="commentsOpen" defaultChecked={article.commentsOpen} />
              <span className="font-semibold">Comments open</span>
            </label>
            {status === "PUBLISHED" && (
              <label className="flex items-center gap-2">
                <input type="checkbox" name="substantive" />
                <span className="font-semibold">Change is substantive (show Updated)</span>
              </label>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <button type="submit" disabled={busy} className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
                Save
              </button>
              {unsaved && editable && <span>Unsaved changes</span>}
            </div>
          </fieldset>
        </form>
        <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-medium ${answer?.ok === false ? "text-red-700" : "text-green-800"}`}>
          {answer?.message}
        </p>
        {!stale && <ArticleMoves status={status} role={staff.role} scheduledFor={article.scheduledFor} zoneLabel={zoneLabel} busy={busy} onMove={move} />}
      </div>
      <BodyPreview markdown={markdown} headlines={known} photo={photo} />
    </div>
  );
}
