// /public/org?uscc=... (no key): an organisation's public credit page: the published lists it is on, since when and
// until when. The USCC of an organisation is public; it is the only key an address of these pages carries.
import { addStrings, api, el, fill, fmtDate, mountShell, showError, t } from './app.js';
import { label } from './labels.js';

addStrings({
  zh: {
    'org.title': '机构公示信用信息', 'org.uscc': '统一社会信用代码', 'org.none': '该机构未列入任何公示的红名单或黑名单。',
    'org.missing': '请在地址中给出机构的统一社会信用代码，或从公示名单中点击机构名称。', 'org.list': '名单',
    'org.record': '记录编号', 'org.department': '认定部门', 'org.from': '列入日期', 'org.until': '有效期至',
    'org.status': '状态', 'org.open': '长期', 'org.back': '返回公示名单',
  },
  en: {
    'org.title': "An organisation's public credit information", 'org.uscc': 'USCC',
    'org.none': 'This organisation is on no published red or black list.',
    'org.missing': "Give the organisation's USCC in the address, or open it from a published list.",
    'org.list': 'List', 'org.record': 'Record', 'org.department': 'Department', 'org.from': 'Listed from',
    'org.until': 'Until', 'org.status': 'Status', 'org.open': 'open', 'org.back': 'Back to the lists',
  },
});

const { main } = await mountShell('org');
const uscc = (new URLSearchParams(location.search).get('uscc') || '').trim().toUpperCase();
const out = el('section', { id: 'org-result', 'aria-live': 'polite' });
fill(main, el('p', {}, el('a', { href: '/public' }, '← ' + t('org.back'))), out);
if (!/^[0-9A-Z]{18}$/.test(uscc)) {
  fill(out, el('h1', {}, t('org.title')), el('p', { class: 'notice' }, t('org.missing')));
} else {
  fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  try {
    const cat = await api('/api/v1/lists');
    const pages = await Promise.all(cat.lists.filter((l) => l.published).map((l) =>
      api('/api/v1/lists/' + encodeURIComponent(l.code), { query: { q: uscc, limit: 500 } })));
    const entries = pages.flatMap((p) => p.items.map((e) => ({ list: p, e })));
    const name = entries.length ? entries[0].e.subject.name : '';
    fill(out, el('hgroup', {}, el('h1', {}, name || t('org.title')), el('p', {}, t('org.uscc') + ' ' + uscc)),
      entries.length === 0 ? el('p', { id: 'org-none' }, t('org.none')) : el('table', { class: 'data', id: 'org-table' },
        el('thead', {}, el('tr', {}, ['org.list', 'org.record', 'org.department', 'org.from', 'org.until', 'org.status']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, entries.map(({ list, e }) => el('tr', {},
          el('td', {}, el('span', { class: 'badge ' + (list.kind === 'BLACK' ? 'black' : 'red') }, label('kind', list.kind)),
            ' ', list.name),
          el('td', {}, e.record), el('td', {}, label('dept', e.department)), el('td', {}, fmtDate(e.effectiveFrom)),
          el('td', {}, e.effectiveUntil ? fmtDate(e.effectiveUntil) : t('org.open')),
          el('td', {}, e.disputed ? el('span', { class: 'badge disputed' }, label('status', 'OBJECTED'))
            : label('status', e.status)))))));
  } catch (e) {
    showError(out, e);
  }
}
