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
function exportName(p: Profile): string {
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

  async function render(): Promise<void> {
    const { profiles, notices: messages } = await loadProfiles();
    notices.replaceChildren(...messages.map((m) => h('p', { class: 'finding warning' }, m)));
    list.replaceChildren();
    if (profiles.length === 0) {
      list.append(h('li', { class: 'empty' }, 'No profiles yet. Fill in the Connection tab and choose "Save as profile", or import a file exported here or by `zck preset start`.'));
    }
    for (const p of profiles) {
      const name = h('input', { type: 'text', value: p.name, 'aria-label': `Name of ${p.name}` });
      name.addEventListener('change', () => void renameProfile(p.id, name.value).then(changed));
      const dc = typeof p.data.dataCenter === 'string' ? p.data.dataCenter.toUpperCase() : '—';
      const button = (label: string, action: () => void) => {
        const b = h('button', { type: 'button', class: 'link' }, label);
        b.addEventListener('click', action);
        return b;
      };
      list.append(h('li', { class: 'profile', 'data-id': p.id },
        name,
        h('span', { class: 'meta' }, `${p.kind} · ${dc}${p.keepSecret ? ' · secret kept' : ''}`),
        h('span', { class: 'row-actions' },
          button('Open', () => { emit('profile:open', p); }),
          button('Duplicate', () => void duplicateProfile(p.id).then(changed)),
          button('Export', () => download(`${exportName(p)}.json`, exportText(p, includeSecret.checked, secrets))),
          button('Delete', () => void remove(p)))));
    }
    panel.dataset.count = String(profiles.length);
  }

  async function remove(p: Profile): Promise<void> {
    const undo = await deleteProfile(p.id);
    const b = h('button', { type: 'button', class: 'copy' }, 'Undo');
    b.addEventListener('click', () => void undo().then(() => { undoBar.hidden = true; changed(); }));
    undoBar.replaceChildren(h('span', {}, `Deleted "${p.name}". `), b);
    undoBar.hidden = false;
    changed();
  }

  function changed(): void {
    emit('profiles:changed', undefined);
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    void file.text().then(async (text) => {
      const checked = checkImport(api, text);
      if (!checked.data || !checked.kind) {
        importOut.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, `"${file.name}" was not imported; your profiles are unchanged.`), findingsList(checked.diagnostics));
        panel.dataset.imported = 'refused';
        return;
      }
      const data = { ...checked.data };
      delete data.schemaVersion;
      const hasSecret = typeof data.clientSecret === 'string' || typeof data.password === 'string';
      const name = (typeof data.serviceName === 'string' && data.serviceName)
        || (checked.kind === 'mapping' && typeof data.module === 'string' ? `${data.module} mapping` : '')
        || file.name.replace(/\.json$/, '');
      const keepSecret = hasSecret && includeSecret.checked;
      try {
        await saveProfile({ name, kind: checked.kind, data, keepSecret });
      } catch (e) {
        importOut.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'false' }, `"${file.name}" was not imported: ${e instanceof Error ? e.message : String(e)}`));
        panel.dataset.imported = 'refused';
        return;
      }
      const note = hasSecret && !keepSecret ? ' The secret in the file was not stored (tick the box above to keep secrets).' : '';
      importOut.replaceChildren(h('p', { class: 'verdict', 'data-ok': 'true' }, `Imported "${name}".${note}`), findingsList(checked.diagnostics.filter((d) => d.severity !== 'info')));
      panel.dataset.imported = 'ok';
      changed();
    }).finally(() => { fileInput.value = ''; });
  });

  on('profiles:changed', () => void render());
  void render();
}
