// Saved profiles in chrome.storage.local (or localStorage in the demo page), with a schema version.
// Stored data is checked on every read: anything corrupted, truncated, of a newer version or of the wrong shape is
// kept aside as a backup, the user is told, and nothing is silently dropped. Secrets (the fields the core's form
// schema marks secret: clientSecret, password) are stored only when the user ticks the box for that profile.
import { storage as backend } from '../browser';
import { core, type ConnectionFormSchema } from '../core';

export const STORE_SCHEMA_VERSION = 1;
const KEY = 'zck.profiles';
const BACKUP_KEY = 'zck.profiles.backup';

export type ProfileKind = 'connection' | 'mapping';

export interface Profile {
  id: string;
  name: string;
  kind: ProfileKind;
  /** The config exactly as `zck validate` (connection) or `zck map validate` (mapping) reads it. */
  data: Record<string, unknown>;
  /** True when the user chose to keep the secret with this profile. */
  keepSecret: boolean;
  updatedAt: number;
}

interface StoreFile {
  schemaVersion: number;
  profiles: Profile[];
}

export interface LoadResult {
  profiles: Profile[];
  /** Plain sentences for the user when stored data had to be set aside. */
  notices: string[];
}

function isProfile(p: unknown): p is Profile {
  if (typeof p !== 'object' || p === null) return false;
  const v = p as Record<string, unknown>;
  return typeof v.id === 'string' && v.id.length > 0 && typeof v.name === 'string'
    && (v.kind === 'connection' || v.kind === 'mapping')
    && typeof v.data === 'object' && v.data !== null && !Array.isArray(v.data)
    && typeof v.keepSecret === 'boolean' && typeof v.updatedAt === 'number';
}

/** Reads and checks the store. Never throws; never loses data. */
export async function loadProfiles(): Promise<LoadResult> {
  let raw: unknown;
  try {
    raw = await backend.get(KEY);
  } catch (e) {
    return { profiles: [], notices: [`Saved profiles could not be read (${String(e)}).`] };
  }
  if (raw === undefined) return { profiles: [], notices: [] };
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      await backup(raw);
      return { profiles: [], notices: ['Saved profiles were corrupted (not valid JSON). They were kept as a backup; new profiles start empty.'] };
    }
  }
  const file = parsed as Partial<StoreFile> | null;
  if (typeof file !== 'object' || file === null || typeof file.schemaVersion !== 'number' || !Array.isArray(file.profiles)) {
    await backup(raw);
    return { profiles: [], notices: ['Saved profiles had an unexpected shape. They were kept as a backup; new profiles start empty.'] };
  }
  if (file.schemaVersion > STORE_SCHEMA_VERSION) {
    return { profiles: [], notices: [`Saved profiles were written by a newer version (format ${file.schemaVersion}). Update the extension; they were left untouched.`], };
  }
  const good = file.profiles.filter(isProfile);
  const notices: string[] = [];
  if (good.length !== file.profiles.length) {
    await backup(raw);
    notices.push(`${file.profiles.length - good.length} saved profile(s) were damaged and set aside as a backup; the others are below.`);
  }
  return { profiles: good, notices };
}

async function backup(raw: unknown): Promise<void> {
  await backend.set(BACKUP_KEY, { savedAt: Date.now(), raw: typeof raw === 'string' ? raw : JSON.stringify(raw) });
}

/** Refuses to write while the stored data is of a newer version, so nothing is overwritten. */
async function write(profiles: Profile[]): Promise<void> {
  const raw = await backend.get(KEY);
  const current = typeof raw === 'string' ? safeParse(raw) : raw;
  const version = (current as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (typeof version === 'number' && version > STORE_SCHEMA_VERSION) {
    throw new Error('Saved profiles were written by a newer version of the extension; not overwriting them.');
  }
  await backend.set(KEY, { schemaVersion: STORE_SCHEMA_VERSION, profiles } satisfies StoreFile);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The keys of the secret fields, as the core's connection form schema marks them. */
export function secretFields(schema: ConnectionFormSchema): string[] {
  return schema.fields.filter((f) => f.secret).map((f) => f.key);
}

/** The data without the `secrets` fields (see {@link secretFields}). */
export function withoutSecrets(data: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const copy = { ...data };
  for (const f of secrets) delete copy[f];
  return copy;
}

function newId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Saves a new profile or replaces the one with the same id. Secrets are dropped unless `keepSecret`. */
export async function saveProfile(p: { id?: string; name: string; kind: ProfileKind; data: Record<string, unknown>; keepSecret?: boolean }): Promise<Profile> {
  const { profiles } = await loadProfiles();
  const keepSecret = p.keepSecret ?? false;
  const profile: Profile = {
    id: p.id ?? newId(),
    name: p.name.trim() || 'Untitled',
    kind: p.kind,
    data: keepSecret ? { ...p.data } : withoutSecrets(p.data, secretFields((await core()).connectionFormSchema())),
    keepSecret,
    updatedAt: Date.now(),
  };
  const i = profiles.findIndex((x) => x.id === profile.id);
  if (i >= 0) profiles[i] = profile;
  else profiles.push(profile);
  await write(profiles);
  return profile;
}

export async function renameProfile(id: string, name: string): Promise<void> {
  const { profiles } = await loadProfiles();
  const p = profiles.find((x) => x.id === id);
  if (!p) return;
  p.name = name.trim() || p.name;
  p.updatedAt = Date.now();
  await write(profiles);
}

export async function duplicateProfile(id: string): Promise<Profile | null> {
  const { profiles } = await loadProfiles();
  const p = profiles.find((x) => x.id === id);
  if (!p) return null;
  const copy: Profile = { ...p, id: newId(), name: `${p.name} (copy)`, data: { ...p.data }, updatedAt: Date.now() };
  profiles.splice(profiles.indexOf(p) + 1, 0, copy);
  await write(profiles);
  return copy;
}

/** Deletes a profile and returns a function that puts it back where it was. */
export async function deleteProfile(id: string): Promise<() => Promise<void>> {
  const { profiles } = await loadProfiles();
  const index = profiles.findIndex((x) => x.id === id);
  if (index < 0) return async () => {};
  const [removed] = profiles.splice(index, 1);
  await write(profiles);
  return async () => {
    const now = await loadProfiles();
    if (removed && !now.profiles.some((x) => x.id === removed.id)) {
      now.profiles.splice(Math.min(index, now.profiles.length), 0, removed);
      await write(now.profiles);
    }
  };
}
