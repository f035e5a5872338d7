import { useState } from 'react';
import { answerAsText } from '../../core/answer-text';
import type { Turn } from '../../core/conversation';

export function CopyAnswerButton({ turn }: { turn: Turn }) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(answerAsText(turn)).then(
      () => setCopied('copied'),
      () => setCopied('failed'),
    );
  return (
    <p className="turn__actions">
      <button type="button" onClick={() => void copy()}>
        Copy answer
      </button>
      <span role="status">{copied === 'copied' ? 'Copied with its sources.' : copied === 'failed' ? 'Copying was not allowed.' : ''}</span>
    </p>
  );
}
