import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl py-16 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-neutral-700">The story you are looking for has moved or does not exist.</p>
      <Link href="/" className="mt-6 inline-block font-semibold text-brand underline">
        Go to the front page
      </Link>
    </div>
  );
}
