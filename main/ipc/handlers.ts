import type { ChannelName } from '../../shared/ipc/channels';
import type { ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

/** One handler per channel; a missing or extra one is a compile error where the map is built. */
export type Handlers = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<ChannelOutput<C>>;
};
