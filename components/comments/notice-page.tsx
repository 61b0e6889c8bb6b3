// The frame of the small pages a commenter reaches from an email.
export function NoticePage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-10">
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      <div className="mt-4 space-y-4 text-neutral-800">{children}</div>
    </div>
  );
}
