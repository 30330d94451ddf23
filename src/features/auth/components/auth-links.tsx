import { Link } from 'react-router';

export function AuthLinks({ links }: { links: Array<{ to: string; label: string }> }) {
  return (
    <p className="mt-5 flex flex-wrap justify-center gap-x-4 gap-y-1 text-sm">
      {links.map((l) => (
        <Link key={l.to} to={l.to} className="text-brand-600 hover:underline dark:text-indigo-300">
          {l.label}
        </Link>
      ))}
    </p>
  );
}
