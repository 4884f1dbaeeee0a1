import { useState } from 'react';

/** Copies text to the clipboard and says so; falls back to a selection copy where the Clipboard API is refused. */
export function CopyButton({ text, label = 'Copy', variant = 'primary' }: { text: string; label?: string; variant?: 'primary' | 'secondary' }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState(copyBySelection(text) ? 'copied' : 'failed');
    }
  }

  const className = variant === 'primary' ? 'button button--primary' : 'button button--secondary button--small';
  return (
    <button type="button" className={className} onClick={copy} aria-live="polite">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed — select and copy' : label}
    </button>
  );
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
