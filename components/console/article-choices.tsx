"use client";

// The fields both the first form of a draft and the editor ask for: the section and kind, and the authors and topics
// ticked from the newsroom's lists (each ticked box posted under the field's name).

export type Choice = { id: number; name: string };

const field = "rounded border border-neutral-400 px-2 py-1";

export function SectionAndKind({ sections, sectionId, kind = "NEWS" }: { sections: Choice[]; sectionId?: number; kind?: string }) {
  return (
    <>
      <label className="flex flex-col">
        <span className="font-semibold">Section</span>
        <select name="sectionId" defaultValue={sectionId} className={field}>
          {sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        <span className="font-semibold">Kind</span>
        <select name="kind" defaultValue={kind} className={field}>
          <option value="NEWS">News</option>
          <option value="ANALYSIS">Analysis</option>
          <option value="OPINION">Opinion</option>
        </select>
      </label>
    </>
  );
}

export function ArticleChoices({ legend, name, choices, chosen }: { legend: string; name: string; choices: Choice[]; chosen: number[] }) {
  return (
    <fieldset className="min-w-0">
      <legend className="font-semibold">{legend}</legend>
      {choices.length === 0 ? (
        <p className="text-neutral-600">None yet.</p>
      ) : (
        <div className="mt-1 flex max-h-40 flex-wrap gap-x-4 gap-y-1 overflow-y-auto rounded border border-neutral-300 p-2">
          {choices.map((choice) => (
            <label key={choice.id} className="flex items-center gap-1">
              <input type="checkbox" name={name} value={choice.id} defaultChecked={chosen.includes(choice.id)} />
              {choice.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
