import { Link } from './Link';

/** "A, B, C" with each name linking to its page. */
export function LinkList({ items, href }: { items: { id: string; name: string }[]; href: (id: string) => string }) {
  return (
    <>
      {items.map((o, i) => (
        <span key={o.id}>
          {i > 0 && ', '}
          <Link href={href(o.id)}>{o.name}</Link>
        </span>
      ))}
    </>
  );
}
