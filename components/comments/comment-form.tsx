"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { submitComment } from "@/app/(site)/articles/[slug]/actions";
import { EMPTY_COMMENT_FORM_STATE, type CommentFormValues } from "@/components/comments/comment-form-state";
import { FieldError, fieldProps } from "@/components/comments/field-error";
import { keepAuthor, recallAuthor } from "@/components/comments/remembered-author";

type Props = {
  articleId: number;
  articlePath: string;
  /** The page's title, given again with "Error: " in front while the form shows errors. */
  pageTitle: string;
  /**
   * Where the form is posted without JavaScript: the address of the view it is on, ending in #respond, so that the
   * answer (the same view, with the errors) opens at the form, and React matches the answer to this form.
   */
  formAddress: string;
  token: string;
  replyTo: { id: number; name: string } | null;
};

export function CommentForm({ articleId, articlePath, pageTitle, formAddress, token, replyTo }: Props) {
  const [state, formAction, isPending] = useActionState(submitComment, EMPTY_COMMENT_FORM_STATE, formAddress);
  const [values, setValues] = useState<CommentFormValues>(state.values ?? { name: "", email: "", website: "", body: "" });
  const [remember, setRemember] = useState(false);
  const [ownToken, setOwnToken] = useState<string | null>(null);
  const tokenAsked = useRef(false);
  const errors = state.errors;
  const formRef = useRef<HTMLFormElement>(null);

  // The page may be the cached one everybody gets, whose token is shared; ask for one of the reader's own when they
  // start to write. Without it (an error, no JavaScript) the page's token still works.
  function askForOwnToken() {
    if (tokenAsked.current) return;
    tokenAsked.current = true;
    fetch(`/api/comments/form-token?articleId=${articleId}`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ token: string }>) : null))
      .then((body) => body && setOwnToken(body.token))
      .catch(() => undefined);
  }

  // After a refused submission, take keyboard and screen-reader users straight to the first field to fix.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [state]);

  // Stored in this browser for next time only when the reader ticked the box; for this tab's visit otherwise.
  useEffect(() => {
    const recalled = recallAuthor();
    if (!recalled) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- web storage exists only after hydration
    setValues((current) => ({ ...current, ...recalled.author }));
    setRemember(recalled.saved);
  }, []);

  function update(field: keyof CommentFormValues) {
    return (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((current) => ({ ...current, [field]: event.target.value }));
  }

  function rememberOnSubmit() {
    keepAuthor(values, remember);
  }

  return (
    <section id="respond" aria-labelledby="reply-title" className="mt-10 scroll-mt-4">
      <h2 id="reply-title" className="font-serif text-2xl font-bold">
        {replyTo ? `Leave a Reply to ${replyTo.name}` : "Leave a Reply"}
        {replyTo && (
          <Link href={`${articlePath}#respond`} scroll={false} className="ml-3 text-sm font-normal text-brand underline">
            Cancel reply
          </Link>
        )}
      </h2>
      <p className="mt-2 text-sm text-neutral-700">
        Your email address will not be published (
        <Link href="/privacy" className="text-brand underline">
          what we keep, and for how long
        </Link>
        ). Required fields are marked <span aria-hidden="true">*</span>
      </p>
      <form ref={formRef} action={formAction} onSubmit={rememberOnSubmit} onFocus={askForOwnToken} noValidate className="mt-4 space-y-4">
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="parentId" value={replyTo?.id ?? ""} />
        <input type="hidden" name="token" value={state.token ?? ownToken ?? token} />
        {/* Left empty by people, who never see it; form-filling robots tend to fill it in. */}
        <div className="hidden" aria-hidden="true">
          <label htmlFor="company">Leave this field empty</label>
          <input id="company" name="company" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <div role="alert" aria-live="assertive">
          <ErrorSummary errors={errors} pageTitle={pageTitle} />
        </div>
        <div>
          <label htmlFor="comment" className="block text-sm font-semibold">
            Comment <span aria-hidden="true">*</span>
          </label>
          <textarea
            id="comment"
            name="body"
            rows={6}
            required
            value={values.body}
            onChange={update("body")}
            {...fieldProps("body", errors)}
            className="mt-1 w-full rounded border border-neutral-400 px-3 py-2"
          />
          <FieldError field="body" errors={errors} />
        </div>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField id="author" name="name" label="Name" required autoComplete="name" value={values.name} onChange={update("name")} errors={errors} />
          <TextField
            id="email"
            name="email"
            label="Email"
            type="email"
            required
            autoComplete="email"
            value={values.email}
            onChange={update("email")}
            errors={errors}
          />
          <TextField
            id="url"
            name="website"
            label="Website"
            type="url"
            autoComplete="url"
            value={values.website}
            onChange={update("website")}
            errors={errors}
          />
        </div>
        <fieldset className="space-y-1">
          <legend className="sr-only">Email notifications</legend>
          <Checkbox name="notifyOnApproval" label="Email me when my comment is published or refused" />
          <Checkbox name="notifyOnReply" label="Email me when someone replies to my comment" />
        </fieldset>
        <div className="flex items-start gap-2">
          <input id="remember-me" type="checkbox" checked={remember} onChange={(event) => setRemember(event.target.checked)} className="mt-1" />
          <label htmlFor="remember-me" className="text-sm text-neutral-700">
            Save my name, email, and website in this browser for the next time I comment.
          </label>
        </div>
        <button type="submit" disabled={isPending} className="rounded bg-brand px-5 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-60">
          {isPending ? "Posting…" : "Post Comment"}
        </button>
      </form>
    </section>
  );
}

type TextFieldProps = {
  id: string;
  name: "name" | "email" | "website";
  label: string;
  type?: string;
  required?: boolean;
  autoComplete: string;
  value: string;
  onChange: (event: React.ChangeEvent<HTMLInputElement>) => void;
  errors: Parameters<typeof fieldProps>[1];
};

function TextField({ id, name, label, type = "text", required = false, autoComplete, value, onChange, errors }: TextFieldProps) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label} {required && <span aria-hidden="true">*</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        required={required}
        autoComplete={autoComplete}
        value={value}
        onChange={onChange}
        {...fieldProps(name, errors)}
        className="mt-1 w-full rounded border border-neutral-400 px-3 py-2"
      />
      <FieldError field={name} errors={errors} />
    </div>
  );
}

function Checkbox({ name, label }: { name: string; label: string }) {
  return (
    <div className="flex items-start gap-2">
      <input id={name} name={name} type="checkbox" className="mt-1" />
      <label htmlFor={name} className="text-sm text-neutral-700">
        {label}
      </label>
    </div>
  );
}

// The fields in the order they appear, with the id each error links to.
const FIELD_LINKS = [
  { field: "body", id: "comment", label: "Comment" },
  { field: "name", id: "author", label: "Name" },
  { field: "email", id: "email", label: "Email" },
  { field: "website", id: "url", label: "Website" },
] as const;

// What went wrong, above the form and visible to everyone: a problem with the whole form in words, and one link per
// field to fix. After a post without JavaScript the page opens here (#respond), and the title starts with "Error:"
// so that the tab and a screen reader's first announcement say so.
function ErrorSummary({ errors, pageTitle }: { errors: Parameters<typeof fieldProps>[1]; pageTitle: string }) {
  const formError = errors.form ?? errors.parentId ?? errors.articleId;
  const fieldErrors = FIELD_LINKS.filter(({ field }) => errors[field]);
  if (!formError && fieldErrors.length === 0) return null;
  return (
    <div className="rounded border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-800">
      <title>{`Error: ${pageTitle}`}</title>
      <h3 className="font-semibold">{fieldErrors.length > 0 ? "Please correct your comment:" : "Your comment was not posted."}</h3>
      {formError && <p className="mt-1">{formError}</p>}
      {fieldErrors.length > 0 && (
        <ul className="mt-1 list-disc pl-5">
          {fieldErrors.map(({ field, id, label }) => (
            <li key={field}>
              <a href={`#${id}`} className="underline">
                {label}: {errors[field]}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
