// The enforcement feedback report (GET /api/v1/feedback, DOMAIN.md section 7): counts of each outcome and the share
// applied by department, measure, domain or month, and the overdue checks. Shown only where the session says the key
// may read it (session.feedback.report); the page decides nothing else.
import { addStrings, api, el, fill, fmtDate, showError, t } from './app.js';
import { label } from './labels.js';

addStrings({
  zh: {
    'fbr.title': '反馈情况', 'fbr.lead': '各部门核查后报送的联合奖惩措施实施情况：实施率 = 已实施 ÷（已实施 + 未实施）。',
    'fbr.by': '分组', 'fbr.by.department': '按部门', 'fbr.by.measure': '按措施', 'fbr.by.domain': '按领域',
    'fbr.by.month': '按月份', 'fbr.from': '核查日期自', 'fbr.to': '统计截至（默认今天）', 'fbr.show': '查看',
    'fbr.group': '分组', 'fbr.checks': '核查数', 'fbr.measures': '措施数', 'fbr.pending': '待反馈', 'fbr.share': '实施率',
    'fbr.total': '合计', 'fbr.period': '统计截至 {0}，反馈期限为核查后 {1} 天', 'fbr.overdue': '逾期未反馈的核查',
    'fbr.noOverdue': '没有逾期未反馈的核查。', 'fbr.checkId': '核查编号', 'fbr.dept': '部门', 'fbr.checkedOn': '核查日期',
    'fbr.dueOn': '反馈期限', 'fbr.noGroups': '该期间没有需要反馈的核查。',
  },
  en: {
    'fbr.title': 'Feedback', 'fbr.lead': 'What the departments reported doing about the measures their checks found: '
      + 'share applied = applied ÷ (applied + not applied).',
    'fbr.by': 'Group by', 'fbr.by.department': 'department', 'fbr.by.measure': 'measure', 'fbr.by.domain': 'domain',
    'fbr.by.month': 'month', 'fbr.from': 'Checks from', 'fbr.to': 'Judged on (default today)', 'fbr.show': 'Show',
    'fbr.group': 'Group', 'fbr.checks': 'Checks', 'fbr.measures': 'Measures', 'fbr.pending': 'Pending',
    'fbr.share': 'Share applied', 'fbr.total': 'Total', 'fbr.period': 'Judged on {0}; feedback is due {1} days after a check',
    'fbr.overdue': 'Checks overdue for feedback', 'fbr.noOverdue': 'No check is overdue.', 'fbr.checkId': 'Check reference',
    'fbr.dept': 'Department', 'fbr.checkedOn': 'Checked on', 'fbr.dueOn': 'Due on',
    'fbr.noGroups': 'No check in this period takes feedback.',
  },
});

const BY = ['department', 'measure', 'domain', 'month'];

/** The share applied as a percentage, or an en dash when nothing was decided. */
export function share(x) {
  return x === undefined || x === null ? '–' : (x * 100).toFixed(1) + '%';
}

/**
 * The report's section (id prefix {@code prefix}), or null when the session may not read it. {@code by} is the grouping
 * shown first.
 */
export function feedbackReportSection(session, prefix, by) {
  if (!session || !session.feedback || !session.feedback.report) return null;
  const id = (s) => prefix + '-' + s;
  const sel = el('select', { id: id('by') }, BY.map((b) => el('option', { value: b, selected: b === by },
    t('fbr.by.' + b))));
  const from = el('input', { id: id('from'), type: 'date' });
  const to = el('input', { id: id('to'), type: 'date' });
  const out = el('div', { id: id('out'), 'aria-live': 'polite' });
  const load = async () => {
    fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
    try {
      const r = await api('/api/v1/feedback', { query: { by: sel.value, from: from.value, to: to.value } });
      draw(out, r, prefix);
    } catch (e) {
      showError(out, e);
    }
  };
  const section = el('section', { id: prefix },
    el('h2', {}, t('fbr.title')), el('p', { class: 'muted' }, t('fbr.lead')),
    el('form', { class: 'toolbar', on: { submit: (ev) => { ev.preventDefault(); load(); } } },
      el('label', { for: id('by') }, t('fbr.by'), sel),
      el('label', { for: id('from') }, t('fbr.from'), from),
      el('label', { for: id('to') }, t('fbr.to'), to),
      el('button', { type: 'submit', id: id('show'), class: 'secondary' }, t('fbr.show'))),
    out);
  load();
  return section;
}

function countCells(c) {
  return [c.checks, c.measures, c.applied, c.notApplied, c.notApplicable, c.pending, share(c.shareApplied)]
    .map((v, i) => el('td', { class: i === 6 ? 'share' : 'num' }, String(v)));
}

function groupName(by, key) {
  if (by === 'DOMAIN') return label('domain', key);
  return key;
}

function draw(out, r, prefix) {
  const head = ['fbr.group', 'fbr.checks', 'fbr.measures', 'outcome.APPLIED', 'outcome.NOT_APPLIED',
    'outcome.NOT_APPLICABLE', 'fbr.pending', 'fbr.share'];
  fill(out,
    el('p', { class: 'muted' }, t('fbr.period', fmtDate(r.to), r.feedbackDays)),
    el('div', { class: 'overflow-auto' }, el('table', { class: 'data', id: prefix + '-table' },
      el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, r.groups.length === 0
        ? el('tr', {}, el('td', { colspan: head.length, class: 'muted' }, t('fbr.noGroups')))
        : r.groups.map((g) => el('tr', { dataset: { group: g.key } }, el('th', { scope: 'row' }, groupName(r.by, g.key)),
          countCells(g.counts)))),
      el('tfoot', {}, el('tr', { dataset: { group: 'total' } }, el('th', { scope: 'row' }, t('fbr.total')),
        countCells(r.total))))),
    el('h3', {}, t('fbr.overdue')),
    r.overdue.length === 0 ? el('p', { id: prefix + '-overdue', class: 'muted' }, t('fbr.noOverdue'))
      : el('div', { class: 'overflow-auto' }, el('table', { class: 'data', id: prefix + '-overdue' },
        el('thead', {}, el('tr', {}, ['fbr.checkId', 'fbr.dept', 'fbr.checkedOn', 'fbr.dueOn', 'fbr.measures',
          'fbr.pending'].map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, r.overdue.map((o) => el('tr', { dataset: { check: o.checkId } },
          el('td', {}, el('code', {}, o.checkId)), el('td', {}, o.department), el('td', {}, fmtDate(o.checkedOn)),
          el('td', { class: 'no-text' }, fmtDate(o.dueOn)), el('td', { class: 'num' }, String(o.measures)),
          el('td', { class: 'num' }, String(o.pending))))))));
}
