import { MATCH_END, MATCH_START } from "@/lib/format/search-snippet";

// The database marks matched words with control characters; they become <mark> elements here, and everything else
// stays text, so an article's words can never become markup.
export function SearchSnippet({ snippet }: { snippet: string }) {
  const parts = snippet.split(MATCH_START).flatMap((part, index) => {
    if (index === 0) return [{ text: part, match: false }];
    const [matched = "", rest = ""] = part.split(MATCH_END);
    return [
      { text: matched, match: true },
      { text: rest, match: false },
    ];
  });
  return (
    <p className="mt-2 text-neutral-800">
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="bg-yellow-200 px-0.5 text-neutral-900">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
