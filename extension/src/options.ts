// Options page: default data center, default scopes and Deluge style (used by the popup), the version, and the
// data-center registry with its sources.
import { core } from './core';
import { dataCenterLabel, dataCenterSelect, h } from './popup/dom';
import { loadSettings, saveSettings, type Settings } from './settings';
import { loadSources, sourceNode } from './sources';

async function main(): Promise<void> {
  const [api] = await Promise.all([core(), loadSources()]);
  const root = document.getElementById('app');
  if (!root) return;
  const version = document.getElementById('version');
  if (version) version.textContent = `v${api.version()}`;

  const { settings, notices } = await loadSettings();
  const dc = dataCenterSelect(api.listDataCenters(), { id: 'o-dc' }, 'None (choose each time)');
  dc.value = settings.defaultDataCenter;
  const scopes = h('textarea', { id: 'o-scopes', rows: '3', spellcheck: 'false', placeholder: 'ZohoCRM.modules.ALL' });
  scopes.value = settings.defaultScopes.join('\n');
  const style = h('select', { id: 'o-style' },
    h('option', { value: 'putLines' }, 'Map() with put lines'),
    h('option', { value: 'literal' }, 'Map literal {…}'));
  style.value = settings.delugeStyle;
  const status = h('p', { class: 'hint', role: 'status', id: 'o-status' });
  const scopeFindings = h('div', { class: 'slot' });

  async function save(): Promise<void> {
    const list = scopes.value.split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
    // Check the scopes with the core before keeping them.
    const report = api.validateConnection({ authType: 'oauth2', scopes: list, dataCenter: dc.value || undefined });
    const scopeIssues = report.diagnostics.filter((d) => d.path.startsWith('scopes') && d.severity !== 'info');
    scopeFindings.replaceChildren(...scopeIssues.map((d) => h('p', { class: `finding ${d.severity}`, 'data-code': d.code }, `${d.message} ${d.fix}`)));
    const next: Settings = { defaultDataCenter: dc.value, defaultScopes: list, delugeStyle: style.value === 'literal' ? 'literal' : 'putLines' };
    await saveSettings(next);
    status.textContent = 'Saved.';
    document.body.dataset.saved = String(Date.now());
  }
  for (const c of [dc, scopes, style]) c.addEventListener('change', () => void save());

  const table = h('table', { class: 'registry' },
    h('thead', {}, h('tr', {}, h('th', {}, 'DC'), h('th', {}, 'Accounts server'), h('th', {}, 'API domain'), h('th', {}, 'Source'))));
  const body = h('tbody');
  for (const d of api.listDataCenters()) {
    body.append(h('tr', {},
      h('td', {}, dataCenterLabel(d)),
      h('td', {}, d.accountsServer.value),
      h('td', {}, d.apiDomain?.value ?? '—'),
      sourceNode(d.accountsServer.source, { prefix: '', tag: 'td' })));
  }
  table.append(body);
  root.replaceChildren(
    ...notices.map((n) => h('p', { class: 'finding warning' }, n)),
    h('section', { class: 'settings' },
      h('div', { class: 'field' }, h('label', { for: 'o-dc' }, 'Default data center'), dc),
      h('div', { class: 'field' }, h('label', { for: 'o-scopes' }, 'Default scopes (one per line)'), scopes, scopeFindings),
      h('div', { class: 'field' }, h('label', { for: 'o-style' }, 'Deluge style for generated maps'), style),
      status),
    h('h2', {}, 'Zoho data centers'),
    table);
  document.body.dataset.ready = '1';
}

void main();
