"use server";

import { refresh } from "next/cache";
import { expireNewsroomArticle } from "@/lib/cache-expiry";
import { createTaxonomyEntry, deleteTaxonomyEntry, moveSection, updateTaxonomyEntry } from "@/lib/data/newsroom/taxonomy";
import { staffAction, type ActionOutcome, type Needs } from "@/lib/staff/staff-action";
import { TAXONOMY_WORDS, taxonomyFormSchema } from "@/lib/validation/taxonomy";

// One action for the sections, topics and authors page: the posted intent says which change. The data layer checks
// the editor's capability again. Names and descriptions show on public pages (the navigation, topic and author
// pages, bylines), so every change expires them.

const EDITORS: Needs = { capability: "edit", refusal: "Only editors keep the sections, topics and authors." };

export const taxonomyAction = staffAction(
  { needs: EDITORS, parse: (fields) => taxonomyFormSchema.safeParse(fields) },
  async (staff, form): Promise<ActionOutcome> => {
    const words = TAXONOMY_WORDS[form.kind];
    const outcome =
      form.intent === "create"
        ? await createTaxonomyEntry(staff, form.kind, form)
        : form.intent === "update"
          ? await updateTaxonomyEntry(staff, form.kind, form.id, form)
          : form.intent === "delete"
            ? await deleteTaxonomyEntry(staff, form.kind, form.id)
            : await moveSection(staff, form.id, form.intent);
    if (!outcome.ok) return { ok: false, message: outcome.message };
    expireNewsroomArticle();
    refresh();
    const done = { create: "added", update: "saved", delete: "removed", up: "moved up", down: "moved down" }[form.intent];
    return { ok: true, message: `${words.one} “${outcome.entry.name}” ${done}.` };
  },
);
