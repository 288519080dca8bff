import { createHash } from 'node:crypto';

/** A stable shard for an id, so an item always lands in the same index partition. */
export const stableShard = (id: string, shards: number): number =>
  createHash('sha256').update(id).digest().readUInt32BE(0) % shards;

/** A random shard, for counters: consecutive increments spread over every partition. */
export const randomShard = (shards: number): number => Math.floor(Math.random() * shards);
