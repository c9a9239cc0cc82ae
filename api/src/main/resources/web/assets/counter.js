// /counter (REGISTRY): may this person hold this office? The answer in large type, every reason with its rule,
// legal basis, record, dates and evidence path, and a print slip carrying the check's audit reference (checkId).
// The ID number is typed into the form and sent in the request body only (the input has no name: it can never be
// sent in an address, even without this script).
import { addStrings, api, el, fill, fmtDate, mountShell, showError, t, today } from './app.js';
import { label, ROLES } from './labels.js';
import { chain } from './chain.js';

addStrings({
  zh: {
    'counter.title': '任职资格核查', 'counter.lead': '核查某人能否在指定日期担任企业的法定代表人、董事、监事或高级管理人员。',
    'counter.id': '身份证号码', 'counter.role': '拟任职务', 'counter.enterprise': '企业统一社会信用代码（可选）',
    'counter.enterprise.hint': '不填则按公司（《公司法》）核查', 'counter.date': '核查日期', 'counter.submit': '核查',
    'counter.eligible': '可以任职', 'counter.ineligible': '不得任职', 'counter.reasons': '不得任职的理由',
    'counter.person': '人员', 'counter.unknownPerson': '库中无此人记录（无任何限制）', 'counter.asOf': '核查日期',
    'counter.checkId': '核查编号', 'counter.rule': '规则', 'counter.basis': '法律依据', 'counter.record': '信用记录',
    'counter.list': '名单', 'counter.from': '限制起始', 'counter.until': '限制截止', 'counter.untilOpen': '记录有效期间持续',
    'counter.disputed': '该记录正在异议处理中', 'counter.path': '证据链', 'counter.print': '打印核查单',
    'counter.slip': '任职资格核查单', 'counter.printedAt': '打印时间', 'counter.law.company': '适用《公司法》',
    'counter.law.mer': '适用《市场主体登记管理条例》', 'counter.enterpriseName': '企业',
  },
  en: {
    'counter.title': 'Appointment check', 'counter.lead': 'May this person be legal representative, director, supervisor or manager of an enterprise on a given day?',
    'counter.id': 'ID number', 'counter.role': 'Office', 'counter.enterprise': 'Enterprise USCC (optional)',
    'counter.enterprise.hint': 'Empty: checked for a company (Company Law)', 'counter.date': 'Day', 'counter.submit': 'Check',
    'counter.eligible': 'May hold the office', 'counter.ineligible': 'May not hold the office',
    'counter.reasons': 'Reasons', 'counter.person': 'Person', 'counter.unknownPerson': 'No record of this person (nothing restricts them)',
    'counter.asOf': 'Day checked', 'counter.checkId': 'Check reference', 'counter.rule': 'Rule', 'counter.basis': 'Legal basis',
    'counter.record': 'Record', 'counter.list': 'List', 'counter.from': 'Restricted from', 'counter.until': 'Restricted until',
    'counter.untilOpen': 'while the record is in force', 'counter.disputed': 'This record is under objection',
    'counter.path': 'Evidence path', 'counter.print': 'Print slip', 'counter.slip': 'Appointment check slip',
    'counter.printedAt': 'Printed', 'counter.law.company': 'Company Law applies',
    'counter.law.mer': 'Market Entity Registration Regulation applies', 'counter.enterpriseName': 'Enterprise',
  },
});

const { allowed, main } = await mountShell('counter');
const listNames = {};
if (allowed) {
  api('/api/v1/lists').then((c) => c.lists.forEach((l) => { listNames[l.code] = l.name; })).catch(() => {});
  const idInput = el('input', { id: 'counter-id', type: 'text', autocomplete: 'off', spellcheck: 'false',
    required: true, maxlength: 18, minlength: 15, inputmode: 'text', 'aria-describedby': 'counter-id-hint' });
  const roleSelect = el('select', { id: 'counter-role', required: true },
    ROLES.map((r) => el('option', { value: r }, label('role', r))));
  const uscc = el('input', { id: 'counter-uscc', type: 'text', autocomplete: 'off', maxlength: 18,
    'aria-describedby': 'counter-uscc-hint' });
  const date = el('input', { id: 'counter-date', type: 'date', required: true, value: today() });
  const result = el('section', { id: 'counter-result', 'aria-live': 'polite' });
  const form = el('form', { id: 'counter-form', class: 'no-print', on: { submit: async (ev) => {
    ev.preventDefault();
    fill(result, el('p', { 'aria-busy': 'true' }, t('common.loading')));
    const body = { person: { idNumber: idInput.value.trim().toUpperCase() }, role: roleSelect.value,
      asOf: date.value || undefined };
    if (uscc.value.trim()) body.enterprise = { uscc: uscc.value.trim().toUpperCase() };
    try {
      render(result, await api('/api/v1/checks/appointment', { method: 'POST', body }));
    } catch (e) {
      showError(result, e);
    }
  } } },
  el('div', { class: 'grid-form' },
    el('label', { for: 'counter-id' }, t('counter.id'), idInput),
    el('label', { for: 'counter-role' }, t('counter.role'), roleSelect),
    el('label', { for: 'counter-uscc' }, t('counter.enterprise'), uscc,
      el('small', { id: 'counter-uscc-hint' }, t('counter.enterprise.hint'))),
    el('label', { for: 'counter-date' }, t('counter.date'), date)),
  el('button', { type: 'submit', id: 'counter-submit' }, t('counter.submit')));
  fill(main, el('hgroup', { class: 'no-print' }, el('h1', {}, t('counter.title')), el('p', {}, t('counter.lead'))),
    form, result);
  idInput.focus();
}

function render(box, a) {
  const person = a.person;
  const who = person ? person.name + ' · ' + (person.idNumber || '') : (a.key && a.key.idNumber) || '';
  fill(box,
    el('div', { class: 'slip-head' }, el('h2', {}, t('counter.slip'))),
    el('div', { id: 'verdict', class: 'verdict ' + (a.eligible ? 'ok' : 'no'), role: 'status' },
      a.eligible ? t('counter.eligible') : t('counter.ineligible')),
    el('table', { class: 'facts' }, el('tbody', {},
      row(t('counter.person'), who + (person ? '' : ' — ' + t('counter.unknownPerson'))),
      row(t('counter.role'), label('role', a.role)),
      a.enterprise ? row(t('counter.enterpriseName'), a.enterprise.name + ' · ' + (a.enterprise.uscc || '')) : null,
      row(t('counter.asOf'), fmtDate(a.asOf)),
      row('', a.companyLaw ? t('counter.law.company') : t('counter.law.mer')),
      a.checkId ? row(t('counter.checkId'), el('code', { id: 'check-id' }, a.checkId)) : null)),
    a.reasons.length ? el('h2', {}, t('counter.reasons')) : null,
    a.reasons.map((r, i) => el('article', { class: 'reason', dataset: { rule: r.rule } },
      el('header', {}, el('strong', {}, (i + 1) + '. ' + (r.title || r.rule)), ' ',
        el('span', { class: 'badge no' }, r.rule),
        r.disputed ? el('span', { class: 'badge disputed' }, ' ' + t('counter.disputed')) : null),
      el('table', {}, el('tbody', {},
        row(t('counter.basis'), r.basis),
        row(t('counter.record'), (r.records && r.records.length ? r.records : [r.record]).join(', ')),
        row(t('counter.list'), listNames[r.list] ? listNames[r.list] + ' (' + r.list + ')' : r.list),
        row(t('counter.from'), fmtDate(r.restrictedFrom)),
        row(t('counter.until'), el('span', { class: 'until' }, r.restrictedUntil ? fmtDate(r.restrictedUntil)
          : t('counter.untilOpen'))))),
      r.path && r.path.length > 1 ? [el('h3', {}, t('counter.path')), chain(r.path)] : null)),
    el('p', { class: 'slip-foot' }, t('counter.printedAt') + ' ' + new Date().toISOString().slice(0, 19).replace('T', ' ')
      + ' UTC'),
    el('button', { type: 'button', id: 'counter-print', class: 'secondary no-print', on: { click: () => window.print() } },
      t('counter.print')));
}

function row(k, v) {
  return el('tr', {}, el('th', { scope: 'row' }, k), el('td', {}, v));
}
