// /checks (DEPARTMENT): joint sanctions for up to 1,000 subjects at once: pasted or uploaded (CSV, one USCC or ID
// number a line, first column), a domain and a day; a results table with filters and a CSV download. The keys travel
// in the request body only.
import { addStrings, api, downloadCsv, el, fill, fmtDate, mountShell, showError, t, today } from './app.js';
import { DOMAINS, label } from './labels.js';
import { chain } from './chain.js';
import { CheckFeedback, drawItems, openCheckForm } from './checks-feedback.js';
import { feedbackReportSection } from './feedback-report.js';

addStrings({
  zh: {
    'checks.title': '联合奖惩批量核查', 'checks.lead': '粘贴或上传统一社会信用代码、身份证号（每行一个，最多 1000 个），选择领域和日期，核查适用的惩戒和激励措施。',
    'checks.keys': '统一社会信用代码或身份证号（每行一个）', 'checks.file': '或上传 CSV 文件（第一列）', 'checks.domain': '领域',
    'checks.allDomains': '全部领域', 'checks.date': '核查日期', 'checks.submit': '核查', 'checks.count': '已输入 {0} 个',
    'checks.tooMany': '一次最多核查 1000 个，当前 {0} 个。请分批核查。', 'checks.skipped': '已跳过 {0} 行（不是代码或号码）：{1}',
    'checks.none': '请至少输入一个统一社会信用代码或身份证号。', 'checks.subject': '主体', 'checks.key': '代码 / 号码',
    'checks.restricted': '受限制', 'checks.measures': '措施', 'checks.filter': '筛选', 'checks.filter.all': '全部',
    'checks.filter.restricted': '仅受限制的', 'checks.filter.clear': '仅无限制的', 'checks.filter.text': '按名称筛选',
    'checks.summary': '共 {0} 个主体，{1} 个受限制', 'checks.unknown': '库中无此主体', 'checks.noMeasures': '无适用措施',
    'checks.measure': '措施', 'checks.rule': '规则', 'checks.basis': '依据', 'checks.records': '记录', 'checks.until': '截止',
    'checks.from': '起始', 'checks.kind': '类型', 'checks.dept': '实施部门', 'checks.checkId': '核查编号', 'checks.open': '记录有效期间',
    'checks.disputed': '异议中', 'checks.warnings': '警示',
  },
  en: {
    'checks.title': 'Joint sanctions checks', 'checks.lead': 'Paste or upload USCCs and ID numbers (one a line, up to 1,000), choose a domain and a day: the measures that apply.',
    'checks.keys': 'USCCs or ID numbers (one a line)', 'checks.file': 'or upload a CSV file (first column)',
    'checks.domain': 'Domain', 'checks.allDomains': 'All domains', 'checks.date': 'Day', 'checks.submit': 'Check',
    'checks.count': '{0} entered', 'checks.tooMany': 'At most 1,000 at once, got {0}: split them.',
    'checks.skipped': 'Skipped {0} lines (not a USCC or ID number): {1}', 'checks.none': 'Enter at least one USCC or ID number.',
    'checks.subject': 'Subject', 'checks.key': 'USCC / ID number', 'checks.restricted': 'Restricted',
    'checks.measures': 'Measures', 'checks.filter': 'Filter', 'checks.filter.all': 'all',
    'checks.filter.restricted': 'restricted only', 'checks.filter.clear': 'unrestricted only',
    'checks.filter.text': 'Filter by name', 'checks.summary': '{0} subjects, {1} restricted',
    'checks.unknown': 'not known', 'checks.noMeasures': 'no measures', 'checks.measure': 'Measure', 'checks.rule': 'Rule',
    'checks.basis': 'Basis', 'checks.records': 'Records', 'checks.until': 'Until', 'checks.from': 'From',
    'checks.kind': 'Kind', 'checks.dept': 'Department', 'checks.checkId': 'Check reference',
    'checks.open': 'while in force', 'checks.disputed': 'objected', 'checks.warnings': 'Warnings',
  },
});

const MAX = 1000;
const PERSON = /^[1-9]\d{16}[\dXx]$/;
const KEY = /^[0-9A-Za-z]{15,18}$/;

const { allowed, main, session } = await mountShell('checks');
let answer = null;
/** The feedback of the check shown (null when the key may not send feedback or the check has no checkId). */
let fb = null;
const LAST = 'credgraph.checks.last';
const canSend = Boolean(session.feedback && session.feedback.send);
if (allowed) {
  const keys = el('textarea', { id: 'checks-keys', rows: 8, autocomplete: 'off', spellcheck: 'false' });
  const file = el('input', { id: 'checks-file', type: 'file', accept: '.csv,.txt,text/csv,text/plain' });
  const domain = el('select', { id: 'checks-domain' }, el('option', { value: '' }, t('checks.allDomains')),
    DOMAINS.map((d) => el('option', { value: d }, label('domain', d))));
  const date = el('input', { id: 'checks-date', type: 'date', value: today(), required: true });
  const note = el('p', { id: 'checks-note', class: 'muted', 'aria-live': 'polite' });
  const out = el('section', { id: 'checks-result', 'aria-live': 'polite' });
  keys.addEventListener('input', () => { note.textContent = t('checks.count', parse(keys.value).keys.length); });
  file.addEventListener('change', async () => {
    if (file.files.length) {
      keys.value = await file.files[0].text();
      keys.dispatchEvent(new Event('input'));
    }
  });
  fill(main, el('hgroup', {}, el('h1', {}, t('checks.title')), el('p', {}, t('checks.lead'))),
    el('form', { id: 'checks-form', on: { submit: async (ev) => {
      ev.preventDefault();
      const parsed = parse(keys.value);
      const msgs = [];
      if (parsed.skipped.length) {
        msgs.push(t('checks.skipped', parsed.skipped.length, parsed.skipped.slice(0, 5).join(', ')));
      }
      note.textContent = [t('checks.count', parsed.keys.length), ...msgs].join(' · ');
      if (parsed.keys.length === 0) return showError(out, new Error(t('checks.none')));
      if (parsed.keys.length > MAX) return showError(out, new Error(t('checks.tooMany', parsed.keys.length)));
      fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
      try {
        answer = await api('/api/v1/checks/sanctions', { method: 'POST', body: {
          subjects: parsed.keys.map((k) => (PERSON.test(k) ? { idNumber: k.toUpperCase() } : { uscc: k.toUpperCase() })),
          domain: domain.value || undefined, asOf: date.value || undefined } });
        fb = canSend && answer.checkId ? new CheckFeedback(answer.checkId) : null;
        remember();
        render(out);
      } catch (e) {
        showError(out, e);
      }
    } } },
    el('label', { for: 'checks-keys' }, t('checks.keys'), keys),
    el('label', { for: 'checks-file' }, t('checks.file'), file),
    el('div', { class: 'grid-form' },
      el('label', { for: 'checks-domain' }, t('checks.domain'), domain),
      el('label', { for: 'checks-date' }, t('checks.date'), date)),
    note,
    el('button', { type: 'submit', id: 'checks-submit' }, t('checks.submit'))),
    out,
    canSend ? openCheckForm((id) => openCheck(out, id)) : null,
    feedbackReportSection(session, 'checks-fbr', 'department'));
  restore(out);
}

/**
 * Keeps the last answer in this tab so that a reload shows it with its feedback: only for a key that gives feedback
 * (a DEPARTMENT key, whose answers the API masks); an answer with full ID numbers (INVESTIGATOR and above) is never
 * written to the browser's storage.
 */
function remember() {
  if (!canSend) return;
  try {
    sessionStorage.setItem(LAST, JSON.stringify({ who: session.name, answer }));
  } catch (e) {
    // a full or disabled storage only loses the reload
  }
}

async function restore(out) {
  let last = null;
  try {
    last = JSON.parse(sessionStorage.getItem(LAST) || 'null');
  } catch (e) {
    last = null;
  }
  if (!canSend || !last || !last.answer || last.who !== session.name) {
    // another key in this tab: the answer it kept is not this key's to see
    if (last) sessionStorage.removeItem(LAST);
    return;
  }
  answer = last.answer;
  const day = document.getElementById('checks-date');
  if (day && answer.asOf) day.value = answer.asOf;
  fb = canSend && answer.checkId ? new CheckFeedback(answer.checkId) : null;
  render(out);
  if (fb && answer.results.some((r) => r.subject && (r.measures || []).length)) {
    try {
      await fb.load();
    } catch (e) {
      out.prepend(el('p', { class: 'no-text', role: 'alert', id: 'checks-fb-error' },
        t('fb.refused') + ' (' + (e.status || '') + ') ' + e.message));
    }
  }
}

/** Opens an earlier check by its reference: GET its feedback (the server refuses another department's check). */
async function openCheck(out, id) {
  fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  const check = new CheckFeedback(id);
  try {
    const a = await api('/api/v1/checks/' + encodeURIComponent(id) + '/feedback');
    answer = null;
    fb = check;
    drawItems(out, check, a);
  } catch (e) {
    showError(out, e);
  }
}

/** The keys of a pasted or uploaded text: the first CSV column of each line; other lines are skipped. */
function parse(text) {
  const out = { keys: [], skipped: [] };
  text.split(/\r?\n/).forEach((line, i) => {
    const first = line.split(/[,;\t]/)[0].trim().replace(/^"|"$/g, '').replace(/^\ufeff/, '');
    if (!first) return;
    if (KEY.test(first)) out.keys.push(first);
    else out.skipped.push(i + 1);
  });
  return out;
}

function render(out) {
  const filter = el('select', { id: 'checks-filter' }, ['all', 'restricted', 'clear'].map((f) =>
    el('option', { value: f }, t('checks.filter.' + f))));
  const text = el('input', { id: 'checks-filter-text', type: 'search', placeholder: t('checks.filter.text'),
    'aria-label': t('checks.filter.text') });
  const body = el('tbody');
  const draw = () => {
    const f = filter.value;
    const q = text.value.trim();
    if (fb) fb.forgetControls();
    fill(body, answer.results.filter((r) => (f === 'all' || (f === 'restricted') === r.restricted)
      && (!q || (r.subject && r.subject.name.includes(q)))).map(resultRow));
  };
  filter.addEventListener('change', draw);
  text.addEventListener('input', draw);
  const restricted = answer.results.filter((r) => r.restricted).length;
  fill(out,
    el('p', { id: 'checks-summary' }, el('strong', {}, t('checks.summary', answer.results.length, restricted)),
      ' · ' + fmtDate(answer.asOf),
      answer.checkId ? [' · ' + t('checks.checkId') + ' ', el('code', { id: 'check-id' }, answer.checkId)] : null),
    el('div', { class: 'toolbar' },
      el('label', { for: 'checks-filter' }, t('checks.filter'), filter),
      el('label', { for: 'checks-filter-text' }, t('checks.filter.text'), text),
      el('button', { type: 'button', class: 'secondary', id: 'checks-csv', on: { click: csv } }, t('common.download'))),
    el('div', { class: 'overflow-auto' }, el('table', { class: 'data', id: 'checks-table' },
      el('thead', {}, el('tr', {}, ['checks.subject', 'checks.key', 'checks.restricted', 'checks.measures']
        .map((k) => el('th', { scope: 'col' }, t(k))))),
      body)));
  draw();
}

function resultRow(r) {
  const measures = (r.measures || []).concat((r.warnings || []).map((w) => Object.assign({ warning: true }, w)));
  return el('tr', { class: r.restricted ? 'row-no' : '', dataset: { restricted: String(r.restricted) } },
    el('td', {}, r.subject ? r.subject.name : el('span', { class: 'muted' }, t('checks.unknown')),
      r.grade ? el('small', { class: 'muted grade' }, ' ' + (typeof r.grade === 'object'
        ? [r.grade.grade, r.grade.title].filter(Boolean).join(' ') : r.grade)) : null),
    el('td', {}, (r.subject && (r.subject.uscc || r.subject.idNumber)) || r.key.uscc || r.key.idNumber || ''),
    el('td', {}, r.restricted ? el('span', { class: 'no-text' }, t('common.yes')) : el('span', { class: 'ok-text' },
      t('common.no'))),
    el('td', {}, measures.length === 0 ? el('span', { class: 'muted' }, t('checks.noMeasures'))
      : el('ul', { class: 'measures' }, measures.map((m) => el('li', {},
        el('strong', {}, m.title || m.measure), ' ',
        el('span', { class: 'badge ' + (m.kind === 'RESTRICT' ? 'no' : 'ok') }, label('kind', m.kind)), ' ',
        el('span', {}, label('domain', m.domain)),
        m.disputed ? el('span', { class: 'badge disputed' }, ' ' + t('checks.disputed')) : null,
        el('br'),
        el('small', {}, t('checks.rule') + ' ' + m.rule + ' · ' + t('checks.records') + ' ' + (m.records || []).join(', ')
          + ' · ' + fmtDate(m.from) + ' – ' + (m.until ? fmtDate(m.until) : t('checks.open'))
          + (m.department ? ' · ' + t('checks.dept') + ' ' + label('dept', m.department) : '')),
        el('br'),
        el('small', { class: 'muted' }, m.basis),
        m.path && m.path.length > 1 ? chain(m.path) : null,
        fb && r.subject && !m.warning ? fb.control(r.subject.id, m.rule, m.measure) : null)))));
}

function csv() {
  const rows = [[t('checks.subject'), t('checks.key'), t('checks.restricted'), t('checks.measure'), t('checks.kind'),
    t('checks.domain'), t('checks.rule'), t('checks.basis'), t('checks.records'), t('checks.from'), t('checks.until'),
    t('checks.dept')]];
  for (const r of answer.results) {
    const name = r.subject ? r.subject.name : '';
    const key = (r.subject && (r.subject.uscc || r.subject.idNumber)) || r.key.uscc || r.key.idNumber || '';
    const ms = (r.measures || []).concat(r.warnings || []);
    if (ms.length === 0) rows.push([name, key, r.restricted, '', '', '', '', '', '', '', '', '']);
    for (const m of ms) {
      rows.push([name, key, r.restricted, m.title || m.measure, m.kind, m.domain, m.rule, m.basis,
        (m.records || []).join(' '), m.from, m.until || '', m.department || '']);
    }
  }
  downloadCsv('sanctions-' + answer.asOf + '.csv', rows);
}
