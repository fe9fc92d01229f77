// The popup's tabs. A tab is a title and a mount function; adding a tab is adding an entry here.
import type * as core from '../core';
import { mountAuthorize } from './authorize';
import { mountConnection } from './connection';
import { mountExplain } from './explain';
import { mountLiveTest } from './live-test';
import { mountMapping } from './mapping';
import { mountProfiles } from './profiles';
import { mountTokens } from './tokens';
import { mountDeluge } from './deluge';

export type Api = Awaited<ReturnType<typeof core.core>>;

export interface Tab {
  id: string;
  title: string;
  mount(panel: HTMLElement, api: Api): void;
}

export const TABS: Tab[] = [
  { id: 'connection', title: 'Connection', mount: mountConnection },
  { id: 'authorize', title: 'Authorize', mount: mountAuthorize },
  { id: 'tokens', title: 'Tokens', mount: mountTokens },
  { id: 'explain', title: 'Explain', mount: mountExplain },
  { id: 'deluge', title: 'Deluge', mount: mountDeluge },
  { id: 'mapping', title: 'Mapping', mount: mountMapping },
  { id: 'test', title: 'Test', mount: mountLiveTest },
  { id: 'profiles', title: 'Profiles', mount: mountProfiles },
];
