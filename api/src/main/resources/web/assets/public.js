// /public (no key): the published red and black lists, filtered by list and by name or USCC, paged. Persons' ID
// numbers come masked from the API. An organisation's name opens its public page (/public/org?uscc=...: a USCC is
// public; person ID numbers never go in an address, so persons have no such page).
import { addStrings, api, el, fill, fmtDate, mountShell, showError, t } from './app.js';
import { label } from './labels.js';

addStrings({
  zh: {
    'public.title': '信用红黑名单公示', 'public.lead': '各部门依法公示的守信红名单和失信黑名单。个人身份证号已遮蔽。',
    'public.list': '名单', 'public.q': '名称或统一社会信用代码', 'public.date': '公示日期', 'public.show': '查询',
    'public.total': '共 {0} 条', 'public.name': '名称', 'public.key': '统一社会信用代码 / 身份证号',
    'public.record': '记录编号', 'public.department': '认定部门', 'public.decision': '决定文书号', 'public.from': '列入日期',
    'public.until': '有效期至', 'public.status': '状态', 'public.prev': '上一页', 'public.next': '下一页',
    'public.empty': '没有符合条件的记录。', 'public.disputed': '异议中', 'public.open': '长期',
  },
  en: {
    'public.title': 'Published red and black lists', 'public.lead': "The red (trustworthy) and black (dishonest) lists the departments publish. Persons' ID numbers are masked.",
    'public.list': 'List', 'public.q': 'Name or USCC', 'public.date': 'As of', 'public.show': 'Show',
    'public.total': '{0} entries', 'public.name': 'Name', 'public.key': 'USCC / ID number', 'public.record': 'Record',
    'public.department': 'Department', 'public.decision': 'Decision no.', 'public.from': 'Listed from',
    'public.until': 'Until', 'public.status': 'Status', 'public.prev': 'Previous', 'public.next': 'Next',
    'public.empty': 'No entries match.', 'public.disputed': 'objected', 'public.open': 'open',
  },
});

const { main } = await mountShell('public');
const listSelect = el('select', { id: 'public-list' });
const q = el('input', { id: 'public-q', type: 'search', autocomplete: 'off' });
const date = el('input', { id: 'public-date', type: 'date' });
const out = el('section', { id: 'public-result', 'aria-live': 'polite' });
const cursors = [];
let cursor = null;

fill(main, el('hgroup', {}, el('h1', {}, t('public.title')), el('p', {}, t('public.lead'))),
  el('form', { id: 'public-form', on: { submit: (ev) => { ev.preventDefault(); cursors.length = 0; cursor = null;
    show(); } } },
  el('div', { class: 'grid-form' },
    el('label', { for: 'public-list' }, t('public.list'), listSelect),
    el('label', { for: 'public-q' }, t('public.q'), q),
    el('label', { for: 'public-date' }, t('public.date'), date)),
  el('button', { type: 'submit', id: 'public-show' }, t('public.show'))),
  out);

const stored = sessionStorage.getItem('credgraph.publicQuery');
if (stored) {
  q.value = stored;
  sessionStorage.removeItem('credgraph.publicQuery');
}
try {
  const cat = await api('/api/v1/lists');
  const published = cat.lists.filter((l) => l.published);
  fill(listSelect, ['BLACK', 'RED'].map((kind) => el('optgroup', { label: label('kind', kind) },
    published.filter((l) => l.kind === kind).map((l) => el('option', { value: l.code }, l.name)))));
  await show();
} catch (e) {
  showError(out, e);
}

async function show() {
  fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  try {
    const page = await api('/api/v1/lists/' + encodeURIComponent(listSelect.value),
      { query: { q: q.value.trim(), asOf: date.value, limit: 50, cursor } });
    render(page);
  } catch (e) {
    showError(out, e);
  }
}

function render(page) {
  const rows = page.items.map((e) => {
    const s = e.subject;
    const name = s.uscc ? el('a', { href: '/public/org?uscc=' + encodeURIComponent(s.uscc) }, s.name) : s.name;
    return el('tr', {},
      el('td', { class: 'name' }, name),
      el('td', { class: 'key' }, s.uscc || s.idNumber || ''),
      el('td', { class: 'nw' }, e.record),
      el('td', {}, label('dept', e.department)),
      el('td', {}, e.decisionNo || ''),
      el('td', { class: 'nw' }, fmtDate(e.effectiveFrom)),
      el('td', { class: 'nw' }, e.effectiveUntil ? fmtDate(e.effectiveUntil) : t('public.open')),
      el('td', { class: 'nw' }, e.disputed ? el('span', { class: 'badge disputed' }, t('public.disputed')) : label('status', e.status)));
  });
  fill(out,
    el('h2', {}, el('span', { class: 'badge ' + (page.kind === 'BLACK' ? 'black' : 'red') }, label('kind', page.kind)),
      ' ', page.name),
    el('p', { class: 'muted' }, t('public.total', page.total) + ' · ' + fmtDate(page.asOf)),
    rows.length === 0 ? el('p', {}, t('public.empty')) : el('div', { class: 'overflow-auto' },
      el('table', { class: 'data striped', id: 'public-table' },
        el('thead', {}, el('tr', {}, ['public.name', 'public.key', 'public.record', 'public.department',
          'public.decision', 'public.from', 'public.until', 'public.status'].map((k) => el('th', { scope: 'col' },
          t(k))))),
        el('tbody', {}, rows))),
    el('div', { class: 'toolbar' },
      cursors.length ? el('button', { type: 'button', class: 'secondary', id: 'public-prev', on: { click: () => {
        cursor = cursors.pop(); show(); } } }, t('public.prev')) : null,
      page.next ? el('button', { type: 'button', class: 'secondary', id: 'public-next', on: { click: () => {
        cursors.push(cursor); cursor = page.next; show(); } } }, t('public.next')) : null));
}
