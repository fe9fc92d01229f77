// Which fields the admin has typed in. A finding about a field shows beside it only once the admin has typed there
// (or filled it with a preset, a profile or a "Use" button): an untouched form is not a wall of red. The counts
// still count every finding, and one line says how many wait for fields not filled in yet (issue 15, item 2).
import type { Finding } from '../core';
import { fieldOfPath, h } from './dom';
import type { FieldWords } from '../labels';

export class Touched {
  private readonly keys = new Set<string>();

  /** Marks a field (a config key) as typed in. */
  mark(key: string): void {
    this.keys.add(key);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  clear(): void {
    this.keys.clear();
  }

  /** Marks the field of the control an input or change event came from (its `name`). */
  markEvent(e: Event): void {
    const name = (e.target as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && name) this.mark(name);
  }

  /**
   * Splits findings into those to show and those that wait: a finding waits when its field is one of `fields`
   * (the fields this form shows) and the admin has not typed there. Findings of other paths always show.
   */
  split(diagnostics: Finding[], fields: ReadonlySet<string>): { shown: Finding[]; waiting: Finding[] } {
    const shown: Finding[] = [];
    const waiting: Finding[] = [];
    for (const d of diagnostics) {
      const key = fieldOfPath(d.path);
      (fields.has(key) && !this.keys.has(key) ? waiting : shown).push(d);
    }
    return { shown, waiting };
  }
}

/** "2 errors wait for fields not filled in yet: Client ID, Client secret." (errors and warnings only), or null. */
export function waitingNote(waiting: Finding[], words: FieldWords): HTMLElement | null {
  const serious = waiting.filter((d) => d.severity !== 'info');
  if (serious.length === 0) return null;
  const errors = serious.filter((d) => d.severity === 'error').length;
  const warnings = serious.length - errors;
  const what = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '']
    .filter(Boolean).join(' and ');
  const fields = [...new Set(serious.map((d) => fieldOfPath(d.path)))].map((k) => words[k] ?? k);
  return h('p', { class: 'waiting hint', 'data-waiting': String(serious.length) },
    `${what} wait${serious.length === 1 ? 's' : ''} for fields not filled in yet: ${fields.join(', ')}.`);
}
