// /me (SUBJECT): the subject's own credit file from GET /api/v1/me (records with status, history and whether they
// are still published; measures and appointment restrictions in force with reasons and until-dates; grade), a form
// to object to a record or apply for its repair (POST /api/v1/me/applications), and every application with its
// state, due date and steps. A repair filed too early shows the first allowed day from the 422 answer.
import { addStrings, api, el, fill, fmtDate, mountShell, showError, subjectLabel, t } from './app.js';
import { label } from './labels.js';

addStrings({
  zh: {
    'me.title': '我的信用档案', 'me.asOf': '截至', 'me.grade': '信用等级', 'me.records': '信用记录',
    'me.noRecords': '没有关于您的信用记录。', 'me.record': '记录编号', 'me.list': '名单', 'me.department': '认定部门及文号',
'me.from': '生效日期', 'me.period': '有效期间', 'me.dates': '日期', 'me.unpublished': '已停止公示',
    'me.until': '有效期至', 'me.open': '长期', 'me.status': '状态',
    'me.published': '公示中', 'me.repair': '信用修复', 'me.repairFrom': '可于 {0} 起申请', 'me.notRepairable': '不可申请修复',
    'me.history': '历史', 'me.measures': '正在实施的惩戒或激励措施', 'me.noMeasures': '目前没有对您实施的措施。',
    'me.measure': '措施', 'me.domain': '领域', 'me.kind': '类型', 'me.rule': '规则', 'me.basis': '依据',
    'me.disputed': '异议中', 'me.restrictions': '任职限制', 'me.restricted': '限制自',
    'me.apply': '提出异议或申请信用修复', 'me.type': '申请类型', 'me.type.OBJECTION': '异议', 'me.type.REPAIR': '信用修复',
    'me.grounds': '理由（事实与依据）', 'me.send': '提交申请', 'me.filed': '申请 {0} 已提交，应于 {1} 前处理。',
    'me.tooEarly': '该记录最早可于 {0} 申请信用修复。', 'me.applications': '我的申请', 'me.noApplications': '尚无申请。',
    'me.appId': '申请编号', 'me.filedOn': '提交日期', 'me.dueOn': '处理期限', 'me.state': '办理状态',
    'me.step.FILED': '提交', 'me.state.FILED': '办理中', 'me.state.DECIDED': '已决定', 'me.outcome': '决定', 'me.steps': '步骤',
    'me.recordStatus': '记录状态', 'me.outcome.UPHELD': '异议成立（撤销记录）', 'me.outcome.DISMISSED': '异议不成立',
    'me.outcome.GRANTED': '准予修复', 'me.outcome.REFUSED': '不予修复', 
  },
  en: {
    'me.title': 'My credit file', 'me.asOf': 'as of', 'me.grade': 'Credit grade', 'me.records': 'Credit records',
    'me.noRecords': 'There is no credit record about you.', 'me.record': 'Record', 'me.list': 'List',
    'me.department': 'Department and decision', 'me.from': 'In force from', 'me.period': 'In force',
    'me.dates': 'Dates', 'me.unpublished': 'no longer published', 'me.until': 'Until',
    'me.open': 'open', 'me.status': 'Status', 'me.published': 'published', 'me.repair': 'Repair',
    'me.repairFrom': 'may be applied for from {0}', 'me.notRepairable': 'not repairable', 'me.history': 'History',
    'me.measures': 'Measures in force', 'me.noMeasures': 'No measure applies to you now.', 'me.measure': 'Measure',
    'me.domain': 'Domain', 'me.kind': 'Kind', 'me.rule': 'Rule', 'me.basis': 'Basis', 'me.disputed': 'disputed',
    'me.restrictions': 'Appointment restrictions', 'me.restricted': 'Restricted from',
    'me.apply': 'Object to a record or apply for repair', 'me.type': 'Application', 'me.type.OBJECTION': 'Objection',
    'me.type.REPAIR': 'Credit repair', 'me.grounds': 'Grounds (facts and evidence)', 'me.send': 'File the application',
    'me.filed': 'Application {0} is filed; it is due to be decided by {1}.',
    'me.tooEarly': 'A repair of this record may be applied for from {0}.', 'me.applications': 'My applications',
    'me.noApplications': 'No application yet.', 'me.appId': 'Application', 'me.filedOn': 'Filed on',
    'me.dueOn': 'Due on', 'me.state': 'State', 'me.step.FILED': 'filed', 'me.state.FILED': 'filed', 'me.state.DECIDED': 'decided',
    'me.outcome': 'Decision', 'me.steps': 'Steps', 'me.recordStatus': 'Record status',
    'me.outcome.UPHELD': 'upheld (record revoked)', 'me.outcome.DISMISSED': 'dismissed', 'me.outcome.GRANTED': 'granted',
    'me.outcome.REFUSED': 'refused',
  },
});

const { allowed, main } = await mountShell('me');
if (allowed) {
  const file = el('div', { id: 'me-file', 'aria-live': 'polite' });
  const form = el('div', { id: 'me-apply-box' });
  const apps = el('div', { id: 'me-applications' });
  fill(main, el('h1', {}, t('me.title')), file, form, apps);
  await load(file, form, apps, null);
}

async function load(file, form, apps, message) {
  fill(file, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  let me;
  try {
    me = await api('/api/v1/me');
  } catch (e) {
    showError(file, e);
    return;
  }
  fill(file, el('p', { id: 'me-subject' }, el('strong', {}, subjectLabel(me.subject)), ' · ',
    label('subject', me.subject.kind), ' · ', t('me.asOf'), ' ', fmtDate(me.asOf)),
  me.grade ? el('p', { id: 'me-grade' }, t('me.grade'), ': ', el('strong', {}, String(me.grade.grade || '–'))) : null,
  el('h2', {}, t('me.records')), recordsTable(me.records),
  el('h2', {}, t('me.measures')), measuresTable(me.measures),
  me.appointmentRestrictions && me.appointmentRestrictions.length ? [el('h2', {}, t('me.restrictions')),
    restrictionsTable(me.appointmentRestrictions)] : null);
  fill(form, applyForm(me.records, file, form, apps, message));
  fill(apps, el('h2', {}, t('me.applications')), applicationsTable(me.applications));
}

function table(id, heads, rows) {
  return el('table', { class: 'data', id },
    el('thead', {}, el('tr', {}, heads.map((k) => el('th', { scope: 'col' }, t(k))))), el('tbody', {}, rows));
}

function recordsTable(records) {
  if (!records.length) return el('p', { id: 'me-no-records' }, t('me.noRecords'));
  return table('me-records', ['me.record', 'me.list', 'me.department', 'me.period', 'me.status', 'me.repair',
    'me.history'], records.map((x) => {
    const r = x.record;
    return el('tr', { dataset: { record: r.id } },
      el('td', { class: 'nw' }, r.id),
      el('td', {}, r.listKind ? el('span', { class: 'badge ' + (r.listKind === 'BLACK' ? 'black' : 'red') },
        label('kind', r.listKind)) : null, ' ', r.listName || r.list),
      el('td', {}, label('dept', r.department), r.decisionNo ? el('br') : null, r.decisionNo ? el('small', {}, r.decisionNo) : null),
      el('td', { class: 'nw' }, fmtDate(r.effectiveFrom), ' – ', r.effectiveUntil ? fmtDate(r.effectiveUntil)
        : t('me.open')),
      el('td', { class: 'status' }, r.disputed ? el('span', { class: 'badge disputed' }, label('status', r.status))
        : label('status', r.status), el('br'), el('small', {}, t(x.published ? 'me.published' : 'me.unpublished'))),
      el('td', {}, x.repairable ? t('me.repairFrom', fmtDate(x.repairFrom)) : t('me.notRepairable')),
      el('td', {}, r.history && r.history.length ? el('ol', { class: 'history' }, r.history.map((h) => el('li', {},
        fmtDate(h.on), ' ', label('status', h.event), h.note ? ' · ' + h.note : ''))) : '–'));
  }));
}

function measuresTable(measures) {
  if (!measures.length) return el('p', { id: 'me-no-measures' }, t('me.noMeasures'));
  return table('me-measures', ['me.measure', 'me.domain', 'me.kind', 'me.rule', 'me.basis', 'me.record', 'me.from',
    'me.until'], measures.map((m) => el('tr', {},
    el('td', {}, m.title || m.measure, m.disputed ? [' ', el('span', { class: 'badge disputed' }, t('me.disputed'))]
      : null),
    el('td', {}, label('domain', m.domain)), el('td', {}, label('kind', m.kind)), el('td', {}, m.rule),
    el('td', {}, m.basis), el('td', {}, (m.records || []).join(', ')), el('td', {}, fmtDate(m.from)),
    el('td', {}, m.until ? fmtDate(m.until) : t('me.open')))));
}

function restrictionsTable(reasons) {
  return table('me-restrictions', ['me.rule', 'me.basis', 'me.record', 'me.restricted', 'me.until'],
    reasons.map((r) => el('tr', {}, el('td', {}, r.title ? r.rule + ' ' + r.title : r.rule), el('td', {}, r.basis),
      el('td', {}, r.record), el('td', {}, fmtDate(r.restrictedFrom)),
      el('td', {}, r.restrictedUntil ? fmtDate(r.restrictedUntil) : t('me.open')))));
}

function applyForm(records, file, form, apps, message) {
  const out = el('div', { id: 'me-apply-result', 'aria-live': 'polite' }, message);
  if (!records.length) return out;
  const type = el('select', { id: 'me-type', name: 'type' }, ['OBJECTION', 'REPAIR'].map((k) =>
    el('option', { value: k }, t('me.type.' + k))));
  const record = el('select', { id: 'me-record', name: 'record' }, records.map((x) =>
    el('option', { value: x.record.id }, x.record.id + ' · ' + (x.record.listName || x.record.list))));
  const grounds = el('textarea', { id: 'me-grounds', name: 'grounds', rows: 3, required: true });
  const send = el('button', { type: 'submit', id: 'me-send' }, t('me.send'));
  return el('section', {}, el('h2', {}, t('me.apply')),
    el('form', { id: 'me-apply', on: { submit: async (ev) => {
      ev.preventDefault();
      if (!grounds.value.trim()) return;
      send.disabled = true;
      try {
        const a = await api('/api/v1/me/applications', { method: 'POST',
          body: { type: type.value, record: record.value, grounds: grounds.value.trim() } });
        await load(file, form, apps, el('p', { class: 'notice', id: 'me-filed' }, t('me.filed', a.id, fmtDate(a.dueOn))));
      } catch (e) {
        if (e.status === 422 && e.problem.firstAllowedOn) {
          fill(out, el('p', { class: 'notice', id: 'me-too-early', role: 'alert' },
            t('me.tooEarly', fmtDate(e.problem.firstAllowedOn))));
        } else {
          showError(out, e);
        }
      } finally {
        send.disabled = false;
      }
    } } },
    el('div', { class: 'grid-form' }, el('label', { for: 'me-type' }, t('me.type'), type),
      el('label', { for: 'me-record' }, t('me.record'), record)),
    el('label', { for: 'me-grounds' }, t('me.grounds'), grounds), send), out);
}

function applicationsTable(list) {
  if (!list || !list.length) return el('p', { id: 'me-no-applications' }, t('me.noApplications'));
  return table('me-applications-table', ['me.appId', 'me.type', 'me.dates', 'me.state', 'me.steps'],
    list.map((a) => el('tr', { dataset: { application: a.id } },
      el('td', {}, el('small', {}, a.id)),
      el('td', {}, t('me.type.' + a.type), el('br'), el('span', { class: 'nw' }, a.record)),
      el('td', { class: 'nw' }, t('me.filedOn'), ' ', fmtDate(a.filedOn), el('br'), t('me.dueOn'), ' ',
        fmtDate(a.dueOn)),
      el('td', { class: 'state' }, el('strong', {}, t('me.state.' + a.state)), a.decision ? [el('br'),
        t('me.outcome.' + a.decision.decision), ' (', fmtDate(a.decision.on), ')',
        (a.decision.reasons || []).length ? el('ul', {}, a.decision.reasons.map((r) => el('li', {}, r))) : null]
        : null, el('br'), el('small', {}, t('me.recordStatus'), ': ', label('status', a.recordStatus))),
      el('td', {}, el('ol', { class: 'history' }, (a.steps || []).map((s) => el('li', {}, fmtDate(s.on), ' ',
        stepLabel(s.step), ' · ', label('status', s.recordStatus), s.note ? ' · ' + s.note : '')))))));
}

/** A step's name: FILED, or the decision that closed the application. */
function stepLabel(step) {
  const k = t('me.step.' + step);
  if (k !== 'me.step.' + step) return k;
  const o = t('me.outcome.' + step);
  return o === 'me.outcome.' + step ? step : o;
}
