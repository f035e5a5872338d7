import type { SearchHit } from '../../core/library';
import type { SourceView } from '../../core/protocol';
import type { Workers } from '../../rpc/workers';
import { Store } from '../store';

export interface OpenSource {
  hit: SearchHit;
  view?: SourceView;
  /** Object URL of the rendered page, revoked when the source closes. */
  imageUrl?: string;
  error?: string;
}

/** The cited passage in view, if any: opening asks the library worker to render its page. */
export class SourceStore extends Store<{ open?: OpenSource }> {
  constructor(private readonly workers: Workers) {
    super({});
  }

  readonly open = (hit: SearchHit) => {
    this.close();
    this.update({ open: { hit } });
    const stillOpen = () => this.state.open?.hit === hit;
    this.workers.engine.openSource(hit.chunk.id).then(
      (view) => {
        if (stillOpen()) this.update({ open: { hit, view, imageUrl: view.kind === 'pdf-page' ? URL.createObjectURL(view.image) : undefined } });
      },
      (error: unknown) => {
        if (stillOpen()) this.update({ open: { hit, error: error instanceof Error ? error.message : String(error) } });
      },
    );
  };

  readonly close = () => {
    if (this.state.open?.imageUrl) URL.revokeObjectURL(this.state.open.imageUrl);
    if (this.state.open) this.update({ open: undefined });
  };
}
