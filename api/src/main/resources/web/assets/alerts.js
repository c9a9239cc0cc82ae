// /alerts (INVESTIGATOR): the caller's watchlist (add by search, remove, open in the explorer) and the alert inbox
// (sitting officers, escalations, WATCH alerts), each alert with the event and the path that raised it.
import { addStrings, api, el, fill, fmtDate, mountShell, showError, subjectLabel, t, today } from './app.js';

addStrings({
  zh: {
    'al.watchlist': '关注名单', 'al.watchEmpty': '关注名单为空：查询主体后加入。', 'al.add': '查询并加入关注',
    'al.addBtn': '查询', 'al.watch': '关注', 'al.remove': '移除', 'al.open': '图谱', 'al.inbox': '预警收件箱',
    'al.kind': '类型', 'al.all': '全部', 'al.since': '起始日期', 'al.asOf': '截至日期', 'al.show': '显示',
    'al.none': '没有符合条件的预警', 'al.more': '更多', 'al.raised': '{0} 发出', 'al.org': '{0} 的 {1}',
    'al.event.NEW_RECORD': '新增记录', 'al.event.STATUS_CHANGE': '状态变更', 'al.event.GRADE_CHANGE': '信用等级变化', 'al.path': '关联路径',
    'al.reason': '{0} {1}：记录 {2}，限制 {3} 至 {4}', 'al.disputed': '（异议中）', 'al.count': '共 {0} 条',
    'al.noIdSearch': '身份证号不放进网址：请按姓名或统一社会信用代码查询。',
    'alert.SITTING_OFFICER': '在任人员失信', 'alert.ESCALATION': '升级', 'alert.WATCH': '关注对象',
    'rel.LEGAL_REP': '法定代表人', 'rel.OFFICER': '高管', 'rel.SHAREHOLDER': '股东', 'rel.ACTUAL_CONTROLLER': '实际控制人',
    'rel.BRANCH_OF': '分支机构', 'rel.PRACTISES_AT': '执业于', 'rel.SERVES_IN': '任职于', 'rel.RELATIVE_OF': '亲属',
  },
  en: {
    'al.watchlist': 'Watchlist', 'al.watchEmpty': 'Nothing watched yet: search a subject and add it.',
    'al.add': 'Search and watch', 'al.addBtn': 'Search', 'al.watch': 'Watch', 'al.remove': 'Remove',
    'al.open': 'Graph', 'al.inbox': 'Alert inbox', 'al.kind': 'Kind', 'al.all': 'all', 'al.since': 'Since',
    'al.asOf': 'As of', 'al.show': 'Show', 'al.none': 'No alert matches', 'al.more': 'More', 'al.raised': 'raised {0}',
    'al.org': '{1} of {0}', 'al.event.NEW_RECORD': 'new record', 'al.event.STATUS_CHANGE': 'status change', 'al.event.GRADE_CHANGE': 'credit grade change',
    'al.path': 'Path', 'al.reason': '{0} {1}: record {2}, restricted {3} to {4}', 'al.disputed': ' (disputed)',
    'al.count': '{0} shown', 'al.noIdSearch': 'An ID number never goes into an address: search by name or USCC.',
    'alert.SITTING_OFFICER': 'sitting officer', 'alert.ESCALATION': 'escalation', 'alert.WATCH': 'watch',
    'rel.LEGAL_REP': 'legal rep.', 'rel.OFFICER': 'officer', 'rel.SHAREHOLDER': 'shareholder',
    'rel.ACTUAL_CONTROLLER': 'actual controller', 'rel.BRANCH_OF': 'branch of', 'rel.PRACTISES_AT': 'practises at',
    'rel.SERVES_IN': 'serves in', 'rel.RELATIVE_OF': 'relative of',
  },
});

const shell = await mountShell('alerts');
if (shell.allowed) {
  start(shell.main);
}

function start(main) {
  const watchBox = el('section', { id: 'watchlist' });
  const q = el('input', { type: 'search', id: 'watch-q', name: 'q', autocomplete: 'off', placeholder: t('al.add') });
  const found = el('ul', { class: 'results', id: 'watch-results' });
  const kind = el('select', { id: 'kind', name: 'kind' }, el('option', { value: '' }, t('al.all')),
    ['SITTING_OFFICER', 'ESCALATION', 'WATCH'].map((k) => el('option', { value: k }, t('alert.' + k))));
  const since = el('input', { type: 'date', id: 'since', name: 'since' });
  const asOf = el('input', { type: 'date', id: 'asof', name: 'asOf',
    'prop:value': new URLSearchParams(location.search).get('asOf') || today() });
  const inbox = el('div', { id: 'inbox' });
  const count = el('p', { class: 'muted', id: 'alert-count', 'aria-live': 'polite' });
  const more = el('button', { type: 'button', class: 'secondary outline', id: 'more', hidden: true }, t('al.more'));
  let next = null;
  more.addEventListener('click', () => loadAlerts(false));

  fill(main, el('h1', {}, t('nav.alerts')),
    el('div', { class: 'grid' },
      el('div', {}, el('h2', {}, t('al.watchlist')), watchBox,
        el('form', { role: 'search', class: 'toolbar', on: { submit: (ev) => { ev.preventDefault(); searchToWatch(); } } },
          el('label', { for: 'watch-q' }, t('al.add'), q), el('button', { type: 'submit', id: 'watch-search' }, t('al.addBtn'))),
        found),
      el('div', {})),
    el('h2', {}, t('al.inbox')),
    el('form', { class: 'toolbar', id: 'alert-filter', on: { submit: (ev) => { ev.preventDefault(); loadAlerts(true); } } },
      el('label', { for: 'kind' }, t('al.kind'), kind), el('label', { for: 'since' }, t('al.since'), since),
      el('label', { for: 'asof' }, t('al.asOf'), asOf), el('button', { type: 'submit', id: 'show' }, t('al.show'))),
    count, inbox, more);
  loadWatchlist();
  loadAlerts(true);

  async function loadWatchlist() {
    try {
      drawWatchlist(await api('/api/v1/watchlist'));
    } catch (e) {
      showError(watchBox, e);
    }
  }

  function drawWatchlist(w) {
    if (w.subjects.length === 0) {
      fill(watchBox, el('p', { class: 'muted' }, t('al.watchEmpty')));
      return;
    }
    fill(watchBox, el('table', { class: 'data striped', id: 'watch-table' }, el('tbody', {}, w.subjects.map((s) =>
      el('tr', {}, el('td', {}, subjectLabel(s)), el('td', {}, el('small', { class: 'muted' }, s.kind)),
        el('td', {}, el('a', { href: '/explore?' + new URLSearchParams({ subject: s.id }) }, t('al.open'))),
        el('td', {}, el('button', { type: 'button', class: 'secondary outline', on: { click: async () => {
          try {
            drawWatchlist(await api('/api/v1/watchlist/' + encodeURIComponent(s.id), { method: 'DELETE' }));
          } catch (e) {
            showError(watchBox, e);
          }
        } } }, t('al.remove'))))))));
  }

  async function searchToWatch() {
    const text = q.value.trim();
    if (!text) return;
    if (/^\d{17}[\dXx]$/.test(text)) {
      fill(found, el('li', { class: 'notice' }, t('al.noIdSearch')));
      return;
    }
    try {
      const page = await api('/api/v1/subjects', { query: { q: text, limit: 10 } });
      fill(found, page.items.map((s) => el('li', {}, el('button', { type: 'button', class: 'secondary outline',
        on: { click: async () => {
          try {
            drawWatchlist(await api('/api/v1/watchlist', { method: 'POST', body: { subjects: [{ id: s.id }] } }));
            fill(found);
          } catch (e) {
            showError(found, e);
          }
        } } }, t('al.watch') + '：' + subjectLabel(s)))));
    } catch (e) {
      showError(found, e);
    }
  }

  async function loadAlerts(fresh) {
    if (fresh) {
      next = null;
      fill(inbox);
    }
    let page;
    try {
      page = await api('/api/v1/alerts', { query: { kind: kind.value, since: since.value, asOf: asOf.value, limit: 50,
        cursor: fresh ? undefined : next } });
    } catch (e) {
      showError(inbox, e);
      return;
    }
    page.items.forEach((a) => inbox.appendChild(alertCard(a)));
    next = page.next || null;
    more.hidden = !next;
    const shown = inbox.querySelectorAll('article.alert').length;
    count.textContent = shown === 0 ? t('al.none') : t('al.count', shown);
  }
}

function alertCard(a) {
  const w = a.watch;
  return el('article', { class: 'alert', dataset: { kind: a.kind } },
    el('header', {}, el('span', { class: 'badge ' + (a.kind === 'WATCH' ? 'disputed' : 'no') }, t('alert.' + a.kind)), ' ',
      el('strong', {}, a.subject.name), ' ',
      a.organisation ? el('span', {}, t('al.org', a.organisation.name, a.role ? t('rel.' + a.role) : '')) : null, ' ',
      el('small', { class: 'muted' }, t('al.raised', fmtDate(a.raisedOn)))),
    w ? [el('p', {}, t('al.event.' + w.event.type), '：', w.event.subject.name, ' · ', w.event.list, ' · ', w.event.record,
      ' · ', w.event.status, ' · ', fmtDate(w.event.on), w.event.note ? ' · ' + w.event.note : ''),
    el('p', { class: 'muted' }, t('al.path')), chain(w.path)] : null,
    a.reasons.map((r) => el('div', {},
      el('p', {}, t('al.reason', r.rule, r.title, r.record, fmtDate(r.restrictedFrom), fmtDate(r.restrictedUntil)),
        r.disputed ? t('al.disputed') : ''),
      el('p', { class: 'muted' }, r.basis), chain(r.path))));
}

function chain(path) {
  return el('div', { class: 'chain' }, (path || []).map((x) => x.rel
    ? el('span', { class: 'rel' }, t('rel.' + x.rel))
    : el('span', { class: 'node' }, x.name || x.id)));
}
