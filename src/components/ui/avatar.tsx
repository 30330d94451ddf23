function initials(name: string): string {
  return name
    .split(/[\s@._-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

export function Avatar({ name, url, size = 'md' }: { name: string; url?: string | null; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const box = size === 'xs' ? 'size-5 text-[9px]' : size === 'sm' ? 'size-7 text-xs' : size === 'lg' ? 'size-16 text-lg' : 'size-9 text-sm';
  if (url) return <img src={url} alt="" className={`${box} shrink-0 rounded-full object-cover`} />;
  return (
    <span aria-hidden className={`${box} inline-flex shrink-0 items-center justify-center rounded-full bg-brand-600 font-medium text-white`}>
      {initials(name) || '?'}
    </span>
  );
}
