import { MODEL_CACHE_CHANNEL, type ModelCacheNotice } from '../../core/protocol';

let channel: BroadcastChannel | undefined;

/** Tells every page of this site (the UI shows it) what happened to a cached model: storage full, damage repaired. */
export function broadcastNotice(notice: ModelCacheNotice): void {
  if (typeof BroadcastChannel === 'undefined') return;
  channel ??= new BroadcastChannel(MODEL_CACHE_CHANNEL);
  channel.postMessage(notice);
}
