import { TaxonomyList } from "@/components/console/taxonomy-list";
import { requireStaffPage } from "@/lib/auth";
import { listTaxonomy } from "@/lib/data/newsroom/taxonomy";
import { TAXONOMY_KINDS } from "@/lib/validation/taxonomy";

export const metadata = { title: "Sections, topics and authors" };

export default async function TaxonomyPage() {
  const staff = await requireStaffPage("edit");
  const lists = await listTaxonomy(staff);
  return (
    <>
      <h1 className="text-2xl font-bold">Sections, topics and authors</h1>
      <p className="mt-2 max-w-3xl text-sm text-neutral-700">
        Names and descriptions show on the site at once. An address is made from the first name and kept after a rename, so links keep working; one still on an
        article cannot be removed. Sections appear in the navigation in this order.
      </p>
      <div className="mt-6 grid gap-8 lg:grid-cols-3">
        {TAXONOMY_KINDS.map((kind) => (
          <TaxonomyList key={kind} kind={kind} entries={lists[kind]} />
        ))}
      </div>
    </>
  );
}
