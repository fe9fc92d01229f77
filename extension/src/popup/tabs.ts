// The popup's tabs. A tab is a title and a mount function; adding a tab is adding an entry here.
import type * as core from '../core';
import { mountAuthorize } from './authorize';
import { mountLiveTest } from './live-test';
import { mountProfiles } from './profiles';
import { mountDeluge } from './deluge';

export type Api = Awaited<ReturnType<typeof core.core>>;

export interface Tab {
  id: string;
  title: string;
  mount(panel: HTMLElement, api: Api): void;
}

export const TABS: Tab[] = [
  { id: 'authorize', title: 'Authorize URL', mount: mountAuthorize },
  { id: 'test', title: 'Test', mount: mountLiveTest },
  { id: 'profiles', title: 'Profiles', mount: mountProfiles },
  { id: 'deluge', title: 'Deluge', mount: mountDeluge },
];
