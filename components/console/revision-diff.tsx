import type { BodyLine, RevisionDiff, Segment } from "@/lib/newsroom/revision-diff";

// Two revisions compared, drawn on the server. A change is told by more than its colour: removed text is in <del>
// and added text in <ins>, body lines begin with − or +, and screen readers (which do not announce those elements)
// hear "was", "now", "removed" and "added".

const BEFORE = "rounded bg-red-50 px-1 text-red-900";
const AFTER = "rounded bg-green-50 px-1 text-green-900";

export function RevisionDiffView({ diff, from, to }: { diff: RevisionDiff; from: number; to: number }) {
  if (diff.fields.length === 0 && diff.body.length === 0)
    return (
      <p className="mt-4 text-sm">
        Revisions {from} and {to} have the same content.
      </p>
    );
  return (
    <>
      {diff.fields.length > 0 && (
        <dl className="mt-4 grid gap-3 text-sm">
          {diff.fields.map((change) => (
            <div key={change.field} className="min-w-0">
              <dt className="font-semibold">{change.field}</dt>
              <dd className="mt-1 leading-relaxed break-words">
                <span className={BEFORE}>
                  <span className="sr-only">was: </span>
                  <Segments segments={change.before} Changed="del" />
                </span>
                <span aria-hidden="true"> → </span>
                <span className={AFTER}>
                  <span className="sr-only">, now: </span>
                  <Segments segments={change.after} Changed="ins" />
                </span>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="mt-6 font-semibold">Body</h3>
      {diff.body.length === 0 ? (
        <p className="mt-1 text-sm">The body is the same.</p>
      ) : (
        <ol aria-label="The body's changes, line by line" className="mt-2 rounded border border-neutral-300 py-1 font-mono text-sm">
          {diff.body.map((line, index) => (
            <BodyLineView key={index} line={line} />
          ))}
        </ol>
      )}
    </>
  );
}

// An empty field says so in words, outside the marked text.
function Segments({ segments, Changed }: { segments: Segment[]; Changed: "del" | "ins" }) {
  if (segments.every((segment) => segment.text === "")) return <em>none</em>;
  return segments.map((segment, index) =>
    segment.changed ? (
      <Changed key={index} className={`rounded-sm font-semibold ${Changed === "del" ? "bg-red-200" : "bg-green-200"}`}>
        {segment.text}
      </Changed>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}

function BodyLineView({ line }: { line: BodyLine }) {
  if (line.kind === "skipped")
    return (
      <li className="px-2 py-0.5 text-neutral-600 italic">
        … {line.count} unchanged line{line.count === 1 ? "" : "s"} …
      </li>
    );
  if (line.kind === "same")
    return (
      <li className="flex px-2">
        <span aria-hidden="true" className="w-5 shrink-0" />
        <span className="min-w-0 break-words whitespace-pre-wrap">{line.text || "\u00a0"}</span>
      </li>
    );
  const removed = line.kind === "removed";
  const Marked = removed ? "del" : "ins";
  return (
    <li className={`flex px-2 ${removed ? "bg-red-50 text-red-900" : "bg-green-50 text-green-900"}`}>
      <span aria-hidden="true" className="w-5 shrink-0 font-bold">
        {removed ? "−" : "+"}
      </span>
      <Marked className="min-w-0 break-words whitespace-pre-wrap no-underline">
        <span className="sr-only">{removed ? "removed: " : "added: "}</span>
        {line.segments.every((segment) => segment.text === "") ? (
          <>
            {"\u00a0"}
            <span className="sr-only">a blank line</span>
          </>
        ) : (
          line.segments.map((segment, index) =>
            segment.changed ? (
              <strong key={index} className={`rounded-sm ${removed ? "bg-red-200" : "bg-green-200"}`}>
                {segment.text}
              </strong>
            ) : (
              <span key={index}>{segment.text}</span>
            ),
          )
        )}
      </Marked>
    </li>
  );
}
