// Tab "Profiles": the saved connection configs and mappings. Open, rename, duplicate, delete (with undo), export to
// a JSON file (the secret only when the box is ticked) and import (the whole file is checked first; a bad or newer
// file is refused with findings and nothing stored changes).
import type { Api } from './tabs';
import type { Finding } from '../core';
import { emit, on } from './bus';
import { findingsList, h } from './dom';
import {
  deleteProfile, duplicateProfile, loadProfiles, renameProfile, saveProfile, secretFields, withoutSecrets, type Profile,
} from '../profiles/store';

/** Checks an imported file with the core: JSON, version, shape (unknown fields are refused), and the findings. */
export function checkImport(api: Api, text: string): { data: Record<string, unknown> | null; kind: Profile['kind'] | null; diagnostics: Finding[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { data: null, kind: null, diagnostics: [{ code: 'import.syntax', severity: 'error', path: '', message: `The file is not valid JSON (${e instanceof Error ? e.message : String(e)}).`, fix: 'Choose a file exported by zoho-connector-kit.' }] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { data: null, kind: null, diagnostics: [{ code: 'import.shape', severity: 'error', path: '', message: 'The file does not hold one connection config (a JSON object).', fix: 'Choose a file exported by zoho-connector-kit.' }] };
  }
  const obj = parsed as Record<string, unknown>;
  // A mapping file has fields/module and none of a connection's fields; everything else is read as a connection.
  const looksLikeMapping = ('fields' in obj || 'module' in obj) && !('authType' in obj || 'clientId' in obj || 'serviceName' in obj);
  try {
    if (looksLikeMapping) {
      const module = typeof obj.module === 'string' && obj.module ? obj.module : 'Leads';
      const diagnostics = api.validateMapping(parsed as never, { module }, undefined);
      const newer = diagnostics.filter((d) => d.code === 'mapping.schema_newer');
      if (newer.length) return { data: null, kind: null, diagnostics: newer };
      return { data: obj, kind: 'mapping', diagnostics };
    }
    const report = api.validateConnection(parsed as never);
    const newer = report.diagnostics.filter((d) => d.code === 'connection.schema_newer');
    if (newer.length) return { data: null, kind: null, diagnostics: newer };
    return { data: obj, kind: 'connection', diagnostics: report.diagnostics };
  } catch (e) {
    const z = e as { code?: string; path?: string; message?: string; diagnostics?: Finding[] };
    return { data: null, kind: null, diagnostics: z.diagnostics ?? [{ code: (z.code as Finding['code'] | undefined) ?? 'import.invalid', severity: 'error', path: z.path ?? '', message: z.message ?? String(e), fix: 'Fix the file and import it again.' }] };
  }
}

/** The exported file: exactly what `zck validate` reads, with the format version; no secret unless asked. */
export function exportText(profile: Profile, includeSecret: boolean, secrets: readonly string[]): string {
  const data = includeSecret ? profile.data : withoutSecrets(profile.data, secrets);
  return `${JSON.stringify({ ...data, schemaVersion: 1 }, null, 2)}\n`;
}

/** A file name from the profile: the link name of a connection, `mapping-<module>` for a mapping. */
export function exportName(p: Profile): string {
  const base = p.kind === 'mapping' ? `mapping-${String(p.data.module ?? 'fields')}` : String(p.data.linkName ?? p.name);
  return base.replace(/[^A-Za-z0-9_.-]+/g, '_').slice(0, 60) || 'profile';
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * What an accepted import stores: the data without its format version, a name (the service name, `<module> mapping`
 * or the file's name), and whether its secret is kept (only when the file has one and the admin ticked the box).
 *
 * ```ts
 * importPlan({ data: { serviceName: 'Zoho CRM EU', clientSecret: 's', schemaVersion: 1 }, kind: 'connection', diagnostics: [] }, 'eu.json', false)
 * // → { name: 'Zoho CRM EU', kind: 'connection', data: { serviceName: 'Zoho CRM EU', clientSecret: 's' }, keepSecret: false, secretDropped: true }
 * ```
 */
export function importPlan(checked: { data: Record<string, unknown>; kind: Profile['kind'] }, fileName: string, includeSecret: boolean): { name: string; kind: Profile['kind']; data: Record<string, unknown>; keepSecret: boolean; secretDropped: boolean } {
  const data = { ...checked.data };
  delete data.schemaVersion;
  const hasSecret = typeof data.clientSecret === 'string' || typeof data.password === 'string';
  const name = (typeof data.serviceName === 'string' && data.serviceName)
    || (checked.kind === 'mapping' && typeof data.module === 'string' ? `${data.module} mapping` : '')
    || fileName.replace(/\.json$/, '');
  const keepSecret = hasSecret && includeSecret;
  return { name, kind: checked.kind, data, keepSecret, secretDropped: hasSecret && !keepSecret };
}

/** What a profile's row can do. */
interface ProfileActions {
  rename(p: Profile, name: string): void;
  open(p: Profile): void;
  duplicate(p: Profile): void;
  exportFile(p: Profile): void;
  remove(p: Profile): void;
}

/** render (answer → DOM): one stored profile: its name (editable), kind, data center and its actions. */
export function renderProfile(p: Profile, actions: ProfileActions): HTMLElement {
  const name = h('input', { type: 'text', value: p.name, 'aria-label': `Name of ${p.name}` });
  name.addEventListener('change', () => actions.rename(p, name.value));
  const dc = typeof p.data.dataCenter === 'string' ? p.data.dataCenter.toUpperCase() : '—';
  const button = (label: string, action: (p: Profile) => void) => {
    const b = h('button', { type: 'button', class: 'link' }, label);
    b.addEventListener('click', () => action(p));
    return b;
  };
  return h('li', { class: 'profile', 'data-id': p.id },
    name,
    h('span', { class: 'meta' }, `${p.kind} · ${dc}${p.keepSecret ? ' · secret kept' : ''}`),
    h('span', { class: 'row-actions' },
      button('Open', actions.open), button('Duplicate', actions.duplicate), button('Export', actions.exportFile), button('Delete', actions.remove)));
}

/** render (answer → DOM): every stored profile, or how to make the first one. */
export function renderProfiles(profiles: Profile[], actions: ProfileActions): HTMLElement[] {
  if (profiles.length === 0) {
    return [h('li', { class: 'empty' }, 'No profiles yet. Fill in the Connection tab and choose "Save as profile", or import a file exported here or by `zck preset start`.')];
  }
  return profiles.map((p) => renderProfile(p, actions));
}

/** Checks a file's text, then stores it as the plan says; answers what to show and whether it was imported. */
async function importFile(api: Api, fileName: string, text: string, includeSecret: boolean): Promise<{ ok: boolean; nodes: Node[] }> {
  const checked = checkImport(api, text);
  if (!checked.data || !checked.kind) {
    return { ok: false, nodes: [h('p', { class: 'verdict', 'data-ok': 'false' }, `"${fileName}" was not imported; your profiles are unchanged.`), findingsList(checked.diagnostics)] };
  }
  const plan = importPlan({ data: checked.data, kind: checked.kind }, fileName, includeSecret);
  try {
    await saveProfile({ name: plan.name, kind: plan.kind, data: plan.data, keepSecret: plan.keepSecret });
  } catch (e) {
    return { ok: false, nodes: [h('p', { class: 'verdict', 'data-ok': 'false' }, `"${fileName}" was not imported: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  const note = plan.secretDropped ? ' The secret in the file was not stored (tick the box above to keep secrets).' : '';
  return { ok: true, nodes: [h('p', { class: 'verdict', 'data-ok': 'true' }, `Imported "${plan.name}".${note}`), findingsList(checked.diagnostics.filter((d) => d.severity !== 'info'))] };
}

export function mountProfiles(panel: HTMLElement, api: Api): void {
  const secrets = secretFields(api.connectionFormSchema());
  const notices = h('div', { class: 'notices', role: 'status' });
  const list = h('ul', { class: 'profiles' });
  const undoBar = h('div', { class: 'undo', hidden: true });
  const includeSecret = h('input', { type: 'checkbox', id: 'p-include-secret' });
  const fileInput = h('input', { type: 'file', id: 'p-import', accept: 'application/json,.json' });
  const importOut = h('div', { class: 'import-out', 'aria-live': 'polite' });
  panel.append(
    notices,
    list,
    undoBar,
    h('div', { class: 'field check' }, h('label', { for: 'p-include-secret' }, includeSecret, ' Include secrets in exports and keep them from imports (off by default: files are often shared)')),
    h('div', { class: 'field' }, h('label', { for: 'p-import' }, 'Import a profile (JSON)'), fileInput),
    importOut,
  );
  const changed = () => emit('profiles:changed', undefined);
  const actions: ProfileActions = {
    rename: (p, name) => void renameProfile(p.id, name).then(changed),
    open: (p) => emit('profile:open', p),
    duplicate: (p) => void duplicateProfile(p.id).then(changed),
    exportFile: (p) => download(`${exportName(p)}.json`, exportText(p, includeSecret.checked, secrets)),
    remove: (p) => void deleteProfile(p.id).then((undo) => {
      const b = h('button', { type: 'button', class: 'copy' }, 'Undo');
      b.addEventListener('click', () => void undo().then(() => { undoBar.hidden = true; changed(); }));
      undoBar.replaceChildren(h('span', {}, `Deleted "${p.name}". `), b);
      undoBar.hidden = false;
      changed();
    }),
  };

  async function render(): Promise<void> {
    const { profiles, notices: messages } = await loadProfiles();
    notices.replaceChildren(...messages.map((m) => h('p', { class: 'finding warning' }, m)));
    list.replaceChildren(...renderProfiles(profiles, actions));
    panel.dataset.count = String(profiles.length);
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void file.text()
      .then((text) => importFile(api, file.name, text, includeSecret.checked))
      .then((r) => {
        importOut.replaceChildren(...r.nodes);
        panel.dataset.imported = r.ok ? 'ok' : 'refused';
        if (r.ok) changed();
      })
      .finally(() => { fileInput.value = ''; });
  });

  on('profiles:changed', () => void render());
  void render();
}
