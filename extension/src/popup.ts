// The toolbar popup: a tab bar over the panels of popup/tabs.ts. Runs the Wasm core directly (extension pages
// allow 'wasm-unsafe-eval'); also runs as a plain page in the `npm start` demo.
import { core, CRASH_MESSAGE, errorRecord, instanceCount, setPanicHandler } from './core';
import { on } from './popup/bus';
import { copyButton } from './popup/dom';
import { h } from './popup/dom';
import { TABS } from './popup/tabs';
import { loadSources } from './sources';

async function main(): Promise<void> {
  const app = document.getElementById('app');
  if (!app) return;
  try {
    const coreStart = performance.now();
    // The source registry loads beside the core, so findings can link their sources from the first paint.
    const [api] = await Promise.all([core(), loadSources()]);
    // For the benchmark: fetching, compiling and instantiating the Wasm core, as the popup does it.
    document.body.dataset.coreMs = (performance.now() - coreStart).toFixed(1);
    setPanicHandler((report) => showPanic(app, report));
    // For the tests: the guarded API, to prove a panic is reported (the popup page is the extension's own).
    (globalThis as { __zck?: unknown }).__zck = api;
    (globalThis as { __zckInstances?: unknown }).__zckInstances = instanceCount;
    const version = document.getElementById('version');
    if (version) version.textContent = `v${api.version()}`;
    const bar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': 'Tools' });
    const panels = h('div', { class: 'panels' });
    const buttons: HTMLButtonElement[] = [];
    const panelEls: HTMLElement[] = [];
    // Only the first tab is built before the first paint; the others right after it (or when picked, if sooner).
    // Building all eight first cost about a quarter of the popup's start-up (issue 8).
    const mounted = new Set<number>();
    const ensureMounted = (i: number) => {
      const tab = TABS[i];
      const panel = panelEls[i];
      if (mounted.has(i) || !tab || !panel) return;
      mounted.add(i);
      tab.mount(panel, api);
    };
    TABS.forEach((tab, i) => {
      const button = h('button', { type: 'button', role: 'tab', id: `tab-${tab.id}`, 'aria-controls': `panel-${tab.id}`,
        'aria-selected': i === 0 ? 'true' : 'false', tabindex: i === 0 ? '0' : '-1' }, tab.title);
      const panel = h('section', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}`, class: 'panel' });
      panel.hidden = i !== 0;
      panelEls.push(panel);
      button.addEventListener('click', () => select(i));
      button.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = (i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length;
          select(next);
          buttons[next]?.focus();
        }
      });
      buttons.push(button);
      bar.append(button);
      panels.append(panel);
    });
    function select(index: number): void {
      ensureMounted(index);
      buttons.forEach((b, j) => {
        b.setAttribute('aria-selected', j === index ? 'true' : 'false');
        b.tabIndex = j === index ? 0 : -1;
        const panel = document.getElementById(b.getAttribute('aria-controls') ?? '');
        if (panel) panel.hidden = j !== index;
      });
    }
    on('tab:select', (id) => {
      const index = TABS.findIndex((t) => t.id === id);
      if (index >= 0) select(index);
    });
    ensureMounted(0);
    app.replaceChildren(bar, panels);
    // For the benchmark: navigation start to the first findings painted (the frame after they are in the DOM).
    requestAnimationFrame(() => {
      document.body.dataset.firstPaintMs = performance.now().toFixed(1);
      setTimeout(() => {
        TABS.forEach((_, i) => ensureMounted(i));
        document.body.dataset.ready = '1';
      }, 0);
    });
  } catch (e) {
    const err = errorRecord(e);
    app.replaceChildren(h('div', { class: 'fatal', role: 'alert' },
      h('p', {}, 'zoho-connector-kit could not start.'),
      h('pre', {}, `${err.code}: ${err.message}`),
      h('p', {}, 'Close and reopen the popup; if it persists, copy the text above into a bug report.')));
    document.body.dataset.ready = 'error';
  }
}

/** A trap or a stack overflow means a bug in the core: say so plainly and offer the report. The core starts a fresh
 *  instance for the next call (core.ts); the panels are closed all the same, as what they showed may be wrong. */
function showPanic(app: HTMLElement, report: string): void {
  if (document.body.dataset.ready === 'panic') return;
  app.replaceChildren(h('div', { class: 'fatal', role: 'alert' },
    h('p', {}, CRASH_MESSAGE),
    h('p', {}, 'Close and reopen the popup to continue. Please copy the report below into a bug report.'),
    h('pre', { class: 'report' }, report),
    copyButton('Copy report', () => report)));
  document.body.dataset.ready = 'panic';
}

void main();
