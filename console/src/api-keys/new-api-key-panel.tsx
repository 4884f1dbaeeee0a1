import { useEffect, useRef } from 'react';
import type { CreatedApiKey } from '../api/types.js';
import { OneTimeSecret } from '../components/one-time-secret.js';

/** The one moment the whole key is visible. Focus moves here so keyboard and screen-reader users notice it. */
export function NewApiKeyPanel({ apiKey, onDone }: { apiKey: CreatedApiKey; onDone(): void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="card card--highlight" aria-labelledby="new-key-title">
      <div className="card__header">
        <h2 className="card__title" id="new-key-title" tabIndex={-1} ref={heading}>
          API key “{apiKey.name}” created
        </h2>
        <p className="card__description warning-text">
          Copy it now and store it somewhere safe, such as your secret manager. <strong>You won't see it again</strong>
          : m365hub keeps only a hash of it.
        </p>
      </div>
      <OneTimeSecret id="new-api-key" label="New API key" value={apiKey.key} copyLabel="Copy key" doneLabel="I've saved the key" onDone={onDone} />
    </section>
  );
}
