import type { ReactNode } from 'react';

/** A titled panel of content; the building block of every page. */
export function Card({ title, description, children, id }: { title?: string; description?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="card" aria-labelledby={title ? headingId : undefined} id={id}>
      {title && (
        <div className="card__header">
          <h2 className="card__title" id={headingId}>
            {title}
          </h2>
          {description && <p className="card__description">{description}</p>}
        </div>
      )}
      <div className="card__body">{children}</div>
    </section>
  );
}
