// Options page: the version and the data-center registry with its sources (settings arrive with profiles).
import { core } from './core';
import { h } from './popup/dom';

async function main(): Promise<void> {
  const api = await core();
  const root = document.getElementById('app');
  if (!root) return;
  const version = document.getElementById('version');
  if (version) version.textContent = `v${api.version()}`;
  const table = h('table', { class: 'registry' },
    h('thead', {}, h('tr', {}, h('th', {}, 'DC'), h('th', {}, 'Accounts server'), h('th', {}, 'API domain'), h('th', {}, 'Source'))));
  const body = h('tbody');
  for (const dc of api.listDataCenters()) {
    body.append(h('tr', {},
      h('td', {}, `${dc.id.toUpperCase()} — ${dc.name}`),
      h('td', {}, dc.accountsServer.value),
      h('td', {}, dc.apiDomain?.value ?? '—'),
      h('td', { class: 'src' }, dc.accountsServer.source)));
  }
  table.append(body);
  root.replaceChildren(table);
  document.body.dataset.ready = '1';
}

void main();
