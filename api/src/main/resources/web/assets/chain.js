// An evidence path (API.md: subjects and relations alternating) drawn as a chain of boxes and arrows, as text.
import { el, fmtDate, t } from './app.js';
import { label } from './labels.js';

export function chain(path) {
  if (!path || path.length === 0) return null;
  return el('div', { class: 'chain', role: 'list', 'aria-label': t('chain.label') }, path.map((p) => {
    if (p.rel) {
      const when = fmtDate(p.since) + (p.until ? ' – ' + fmtDate(p.until) : '');
      return el('span', { class: 'rel', role: 'listitem' }, (p.forward === false ? '← ' : '') + label('rel', p.rel)
        + ' (' + when + ')');
    }
    return el('span', { class: 'node', role: 'listitem' }, p.name || p.id,
      p.uscc || p.idNumber ? el('small', { class: 'muted' }, ' ' + (p.uscc || p.idNumber)) : null);
  }));
}
