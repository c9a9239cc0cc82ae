// /steward (STEWARD): upload a batch (.jsonl or .jsonl.gz) with a progress bar, read its load report (rejected lines
// with file, line, field and reason; pending references; conflicts), and keep records' lifecycle: objection, its
// resolution, repair, revocation, a person's release, with each record's history.
import { addStrings, api, ApiError, el, fill, fmtDate, getKey, mountShell, showError, t, today } from './app.js';
import { label } from './labels.js';
import { feedbackReportSection } from './feedback-report.js';

addStrings({
  zh: {
    'steward.title': '数据管理', 'steward.upload': '上传批次数据', 'steward.file': '批次文件（.jsonl 或 .jsonl.gz，交换格式）',
    'steward.department': '报送部门（可选，默认由文件名得出）', 'steward.send': '上传并装载', 'steward.progress': '上传进度',
    'steward.loading': '服务器正在装载…', 'steward.report': '装载报告', 'steward.lines': '行数', 'steward.accepted': '接收',
    'steward.rejected': '拒收', 'steward.pending': '待关联', 'steward.resolved': '已关联', 'steward.conflicts': '冲突',
    'steward.pendingInStore': '库中待关联总数', 'steward.outcome': '结果', 'steward.rejections': '拒收的行',
    'steward.rfile': '文件', 'steward.rline': '行号', 'steward.rfield': '字段', 'steward.rreason': '原因',
    'steward.truncated': '拒收行过多，仅列出前面部分。', 'steward.conflictsTruncated': '冲突过多，仅列出前面部分。', 'steward.noRejections': '没有拒收的行。',
    'steward.conflictList': '数据冲突', 'steward.ckind': '类型', 'steward.csubject': '主体', 'steward.con': '日期',
    'steward.cdetail': '说明', 'steward.csources': '来源', 'steward.pendingNote': '待关联：引用了尚未到达的主体的行已暂存，主体到达后自动生效。',
    'steward.lifecycle': '信用记录状态管理', 'steward.find': '查找主体（名称或统一社会信用代码）', 'steward.findBtn': '查找',
    'steward.records': '信用记录', 'steward.record': '记录编号', 'steward.status': '新状态', 'steward.on': '生效日期',
    'steward.note': '说明', 'steward.person': '解除的个人身份证号（仅“解除”时填写）', 'steward.apply': '变更状态',
    'steward.history': '历史', 'steward.list': '名单', 'steward.current': '当前状态', 'steward.choose': '选择',
    'steward.noMatch': '没有匹配的主体。', 'steward.changed': '记录 {0} 已变更为 {1}。', 'steward.event.OBJECTED': '异议',
    'steward.event.ACTIVE': '异议处理完毕（恢复有效）', 'steward.event.REPAIRED': '信用修复', 'steward.event.REVOKED': '撤销',
    'steward.event.RELEASED': '解除（个人）', 'steward.httpError': '上传失败',
  },
  en: {
    'steward.title': 'Data steward', 'steward.upload': 'Upload a batch', 'steward.file': 'Batch file (.jsonl or .jsonl.gz, exchange format)',
    'steward.department': 'Department (optional; taken from the file name)', 'steward.send': 'Upload and load',
    'steward.progress': 'Upload progress', 'steward.loading': 'The server is loading…', 'steward.report': 'Load report',
    'steward.lines': 'Lines', 'steward.accepted': 'Accepted', 'steward.rejected': 'Rejected', 'steward.pending': 'Pending',
    'steward.resolved': 'Resolved', 'steward.conflicts': 'Conflicts', 'steward.pendingInStore': 'Pending in store',
    'steward.outcome': 'Outcome', 'steward.rejections': 'Rejected lines', 'steward.rfile': 'File', 'steward.rline': 'Line',
    'steward.rfield': 'Field', 'steward.rreason': 'Reason', 'steward.truncated': 'Too many rejections: only the first are listed.',
    'steward.conflictsTruncated': 'Too many conflicts: only the first are listed.',
    'steward.noRejections': 'No line was rejected.', 'steward.conflictList': 'Data conflicts', 'steward.ckind': 'Kind',
    'steward.csubject': 'Subject', 'steward.con': 'On', 'steward.cdetail': 'Detail', 'steward.csources': 'Sources',
    'steward.pendingNote': 'Pending: lines naming a subject that has not arrived wait, and apply when it does.',
    'steward.lifecycle': 'Record lifecycle', 'steward.find': 'Find a subject (name or USCC)', 'steward.findBtn': 'Find',
    'steward.records': 'Records', 'steward.record': 'Record id', 'steward.status': 'New status', 'steward.on': 'Effective on',
    'steward.note': 'Note', 'steward.person': 'ID number of the person released (RELEASED only)', 'steward.apply': 'Change status',
    'steward.history': 'History', 'steward.list': 'List', 'steward.current': 'Status', 'steward.choose': 'Choose',
    'steward.noMatch': 'No subject matches.', 'steward.changed': 'Record {0} is now {1}.', 'steward.event.OBJECTED': 'objection',
    'steward.event.ACTIVE': 'objection resolved (active)', 'steward.event.REPAIRED': 'repair', 'steward.event.REVOKED': 'revocation',
    'steward.event.RELEASED': 'release of a person', 'steward.httpError': 'Upload failed',
  },
});

function uploadSection() {
  const file = el('input', { id: 'steward-file', type: 'file', accept: '.jsonl,.gz,.ndjson,application/x-ndjson',
    required: true });
  const dept = el('input', { id: 'steward-department', type: 'text', autocomplete: 'off' });
  const bar = el('progress', { id: 'steward-progress', max: 100, value: 0, 'aria-label': t('steward.progress'),
    hidden: true });
  const out = el('div', { id: 'steward-report', 'aria-live': 'polite' });
  const send = el('button', { type: 'submit', id: 'steward-send' }, t('steward.send'));
  return el('section', {}, el('h2', {}, t('steward.upload')),
    el('form', { id: 'steward-upload', on: { submit: (ev) => {
      ev.preventDefault();
      if (!file.files.length) return;
      send.disabled = true;
      upload(file.files[0], dept.value.trim(), bar, out).finally(() => { send.disabled = false; });
    } } },
    el('div', { class: 'grid-form' }, el('label', { for: 'steward-file' }, t('steward.file'), file),
      el('label', { for: 'steward-department' }, t('steward.department'), dept)),
    send, bar),
    out);
}

/** Sends the file with XMLHttpRequest (fetch reports no upload progress), showing the bytes sent. */
function upload(f, department, bar, out) {
  return new Promise((resolve) => {
    const url = new URL('/api/v1/batches', location.origin);
    url.searchParams.set('name', f.name.replace(/\.gz$/, ''));
    if (department) url.searchParams.set('department', department);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Authorization', 'Bearer ' + getKey());
    xhr.setRequestHeader('Content-Type', 'application/x-ndjson');
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (/\.gz$/i.test(f.name)) xhr.setRequestHeader('Content-Encoding', 'gzip');
    bar.hidden = false;
    bar.value = 0;
    fill(out);
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = Math.round((e.loaded / e.total) * 100);
    });
    xhr.upload.addEventListener('load', () => {
      bar.value = 100;
      fill(out, el('p', { 'aria-busy': 'true' }, t('steward.loading')));
    });
    xhr.addEventListener('load', () => {
      let body = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch (e) {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) report(out, body);
      else showError(out, new ApiError(xhr.status, body || { title: t('steward.httpError') }));
      resolve();
    });
    xhr.addEventListener('error', () => {
      showError(out, new ApiError(0, { title: t('steward.httpError'), detail: t('error.network') }));
      resolve();
    });
    xhr.send(f);
  });
}

function report(out, r) {
  const counts = [['steward.lines', r.lines], ['steward.accepted', r.accepted], ['steward.rejected', r.rejected],
    ['steward.pending', r.pending], ['steward.resolved', r.resolved], ['steward.conflicts', r.conflicts],
    ['steward.pendingInStore', r.pendingInStore]];
  fill(out, el('h3', {}, t('steward.report')),
    el('table', { id: 'steward-counts', class: 'data' }, el('thead', {}, el('tr', {}, counts.map(([k]) =>
      el('th', { scope: 'col' }, t(k))))), el('tbody', {}, el('tr', {}, counts.map(([k, v]) =>
      el('td', { class: k === 'steward.rejected' && v > 0 ? 'no-text' : '' }, String(v)))))),
    r.pending > 0 || r.pendingInStore > 0 ? el('p', { class: 'muted' }, t('steward.pendingNote')) : null,
    r.batches.map((b) => el('article', { class: 'batch' },
      el('header', {}, el('strong', {}, b.name), ' · ', b.department || '', ' · ', t('steward.outcome') + ' ',
        el('code', {}, b.outcome), b.error ? el('p', { class: 'no-text' }, b.error) : null),
      el('h4', {}, t('steward.rejections') + ' (' + b.rejected + ')'),
      b.rejections.length === 0 ? el('p', {}, t('steward.noRejections'))
        : el('div', { class: 'overflow-auto' }, el('table', { class: 'data striped', id: 'steward-rejections' },
          el('thead', {}, el('tr', {}, ['steward.rfile', 'steward.rline', 'steward.rfield', 'steward.rreason'].map((k) =>
            el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, b.rejections.map((x) => el('tr', {}, el('td', { class: 'nw' }, x.file), el('td', { class: 'line' },
            String(x.line)), el('td', {}, el('code', {}, x.field)), el('td', {}, x.reason)))))),
      b.rejectionsTruncated ? el('p', { class: 'notice' }, t('steward.truncated')) : null,
      b.conflicts.length ? [el('h4', {}, t('steward.conflictList') + ' (' + b.conflictsFound + ')'),
        b.conflictsTruncated ? el('p', { class: 'notice' }, t('steward.conflictsTruncated')) : null,
        el('table', { class: 'data', id: 'steward-conflicts' },
          el('thead', {}, el('tr', {}, ['steward.ckind', 'steward.csubject', 'steward.con', 'steward.cdetail',
            'steward.csources'].map((k) => el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, b.conflicts.map((c) => el('tr', {}, el('td', {}, c.kind), el('td', {}, c.subject),
            el('td', {}, c.on), el('td', {}, c.detail), el('td', {}, (c.sources || []).join(', '))))))] : null)));
}

function lifecycleSection() {
  const q = el('input', { id: 'steward-q', type: 'search', autocomplete: 'off' });
  const found = el('div', { id: 'steward-found', 'aria-live': 'polite' });
  const recordId = el('input', { id: 'steward-record', type: 'text', autocomplete: 'off', required: true });
  const status = el('select', { id: 'steward-status' }, ['OBJECTED', 'ACTIVE', 'REPAIRED', 'REVOKED', 'RELEASED']
    .map((s) => el('option', { value: s }, s + ' · ' + t('steward.event.' + s))));
  const on = el('input', { id: 'steward-on', type: 'date', value: today(), required: true });
  const note = el('input', { id: 'steward-note', type: 'text', autocomplete: 'off' });
  const person = el('input', { id: 'steward-person', type: 'text', autocomplete: 'off', maxlength: 18 });
  const result = el('div', { id: 'steward-change', 'aria-live': 'polite' });
  const choose = (r) => {
    recordId.value = r.id;
    recordId.focus();
  };
  return el('section', {}, el('h2', {}, t('steward.lifecycle')),
    el('form', { id: 'steward-find', on: { submit: async (ev) => {
      ev.preventDefault();
      await find(q.value.trim(), found, choose);
    } } }, el('label', { for: 'steward-q' }, t('steward.find')),
    el('fieldset', { role: 'group' }, q, el('button', { type: 'submit', id: 'steward-find-btn' }, t('steward.findBtn')))),
    found,
    el('form', { id: 'steward-status-form', on: { submit: async (ev) => {
      ev.preventDefault();
      const body = { status: status.value, on: on.value, note: note.value.trim() || undefined };
      if (status.value === 'RELEASED' && person.value.trim()) body.person = { idNumber: person.value.trim().toUpperCase() };
      try {
        const rec = await api('/api/v1/records/' + encodeURIComponent(recordId.value.trim()) + '/status',
          { method: 'POST', body });
        fill(result, el('p', { class: 'ok-text', role: 'status' }, t('steward.changed', rec.id, label('status', rec.status))),
          recordTable([rec]));
      } catch (e) {
        showError(result, e);
      }
    } } },
    el('div', { class: 'grid-form' },
      el('label', { for: 'steward-record' }, t('steward.record'), recordId),
      el('label', { for: 'steward-status' }, t('steward.status'), status),
      el('label', { for: 'steward-on' }, t('steward.on'), on),
      el('label', { for: 'steward-note' }, t('steward.note'), note),
      el('label', { for: 'steward-person' }, t('steward.person'), person)),
    el('button', { type: 'submit', id: 'steward-apply' }, t('steward.apply'))),
    result);
}

async function find(q, out, choose) {
  if (!q) return;
  fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  try {
    const hits = await api('/api/v1/subjects', { query: { q, limit: 10 } });
    if (!hits.items.length) return fill(out, el('p', {}, t('steward.noMatch')));
    const profiles = await Promise.all(hits.items.slice(0, 5).map((s) =>
      api('/api/v1/subjects/' + encodeURIComponent(s.id))));
    fill(out, profiles.map((p) => el('article', {}, el('header', {}, el('strong', {}, p.subject.name), ' ',
      el('small', { class: 'muted' }, p.subject.uscc || p.subject.idNumber || '')),
    p.records.length ? recordTable(p.records, choose) : el('p', { class: 'muted' }, t('common.none')))));
  } catch (e) {
    showError(out, e);
  }
}

function recordTable(records, choose) {
  return el('div', { class: 'overflow-auto' }, el('table', { class: 'data records' },
    el('thead', {}, el('tr', {}, ['steward.record', 'steward.list', 'steward.current', 'steward.history', '']
      .map((k) => el('th', { scope: 'col' }, k ? t(k) : '')))),
    el('tbody', {}, records.map((r) => el('tr', { dataset: { record: r.id } },
      el('td', {}, el('code', {}, r.id), el('br'), el('small', { class: 'muted' }, r.department + ' · '
        + fmtDate(r.effectiveFrom) + ' – ' + (r.effectiveUntil ? fmtDate(r.effectiveUntil) : ''))),
      el('td', {}, r.listName || r.list),
      el('td', { class: 'status' }, label('status', r.status), r.disputed ? el('span', { class: 'badge disputed' },
        ' ' + label('status', 'OBJECTED')) : null),
      el('td', {}, r.history.length ? el('ol', { class: 'history' }, r.history.map((h) => el('li', {},
        fmtDate(h.on) + ' ' + h.event + (h.note ? ' — ' + h.note : '') + (h.person ? ' (' + (h.person.idNumber || '')
          + ')' : '') + (h.department ? ' · ' + h.department : '')))) : el('span', { class: 'muted' }, '–')),
      el('td', {}, choose ? el('button', { type: 'button', class: 'secondary outline', on: { click: () => choose(r) } },
        t('steward.choose')) : null))))));
}

addStrings({
  zh: {
    'steward.apps': '异议与信用修复申请', 'steward.appsRefresh': '刷新', 'steward.appsNone': '没有待处理的申请。',
    'steward.appId': '申请编号', 'steward.appType': '类型', 'steward.appSubject': '主体', 'steward.appGrounds': '理由',
    'steward.appFiled': '提交日期', 'steward.appDue': '处理期限', 'steward.appDecide': '决定',
    'steward.appReason': '决定理由', 'steward.appSend': '作出决定', 'steward.appDecided': '申请 {0} 已决定：{1}，记录状态 {2}。',
    'steward.type.OBJECTION': '异议', 'steward.type.REPAIR': '信用修复',
    'steward.outcome.UPHELD': '异议成立', 'steward.outcome.DISMISSED': '异议不成立', 'steward.outcome.GRANTED': '准予修复',
    'steward.outcome.REFUSED': '不予修复',
  },
  en: {
    'steward.apps': 'Objections and repair applications', 'steward.appsRefresh': 'Refresh',
    'steward.appsNone': 'No application waits for a decision.', 'steward.appId': 'Application',
    'steward.appType': 'Type', 'steward.appSubject': 'Subject', 'steward.appGrounds': 'Grounds',
    'steward.appFiled': 'Filed on', 'steward.appDue': 'Due on', 'steward.appDecide': 'Decision',
    'steward.appReason': 'Reasons', 'steward.appSend': 'Decide',
    'steward.appDecided': 'Application {0} decided: {1}; the record is {2}.',
    'steward.type.OBJECTION': 'objection', 'steward.type.REPAIR': 'repair', 'steward.outcome.UPHELD': 'upheld',
    'steward.outcome.DISMISSED': 'dismissed', 'steward.outcome.GRANTED': 'granted', 'steward.outcome.REFUSED': 'refused',
  },
});

/** The application queue (GET /api/v1/applications?state=FILED, due dates first), each decided in its row. */
function applicationsSection() {
  const out = el('div', { id: 'steward-apps', 'aria-live': 'polite' });
  const msg = el('div', { id: 'steward-app-result', 'aria-live': 'polite' });
  const refresh = () => loadApplications(out, msg);
  refresh();
  return el('section', {}, el('h2', {}, t('steward.apps')),
    el('button', { type: 'button', class: 'secondary outline', id: 'steward-apps-refresh', on: { click: refresh } },
      t('steward.appsRefresh')), msg, out);
}

async function loadApplications(out, msg) {
  try {
    const q = await api('/api/v1/applications', { query: { state: 'FILED', limit: 100 } });
    if (!q.items.length) {
      fill(out, el('p', { id: 'steward-apps-none' }, t('steward.appsNone')));
      return;
    }
    fill(out, el('table', { class: 'data', id: 'steward-apps-table' },
      el('thead', {}, el('tr', {}, ['steward.appId', 'steward.appType', 'steward.record', 'steward.appSubject',
        'steward.appGrounds', 'steward.appFiled', 'steward.appDue', 'steward.appDecide']
        .map((k) => el('th', { scope: 'col' }, t(k))))),
      el('tbody', {}, q.items.map((a) => appRow(a, out, msg)))));
  } catch (e) {
    showError(out, e);
  }
}

function appRow(a, out, msg) {
  const outcomes = a.type === 'OBJECTION' ? ['UPHELD', 'DISMISSED'] : ['GRANTED', 'REFUSED'];
  const decision = el('select', { 'aria-label': t('steward.appDecide'), class: 'app-decision' },
    outcomes.map((o) => el('option', { value: o }, t('steward.outcome.' + o))));
  const reason = el('input', { type: 'text', class: 'app-reason', 'aria-label': t('steward.appReason'),
    placeholder: t('steward.appReason'), required: true, autocomplete: 'off' });
  return el('tr', { dataset: { application: a.id } },
    el('td', {}, a.id), el('td', {}, t('steward.type.' + a.type)), el('td', {}, a.record), el('td', {}, a.subject),
    el('td', {}, a.grounds), el('td', {}, fmtDate(a.filedOn)), el('td', {}, fmtDate(a.dueOn)),
    el('td', {}, el('form', { class: 'app-decide', role: 'group', on: { submit: async (ev) => {
      ev.preventDefault();
      if (!reason.value.trim()) return;
      try {
        const d = await api('/api/v1/applications/' + encodeURIComponent(a.id) + '/decision', { method: 'POST',
          body: { decision: decision.value, reasons: [reason.value.trim()] } });
        fill(msg, el('p', { class: 'notice', id: 'steward-app-decided' }, t('steward.appDecided', a.id,
          t('steward.outcome.' + decision.value), label('status', d.record.status))));
        await loadApplications(out, msg);
      } catch (e) {
        showError(msg, e);
      }
    } } }, decision, reason, el('button', { type: 'submit', class: 'app-send' }, t('steward.appSend')))));
}

// last: every addStrings above has run before the page is drawn (the await suspends this module)
const { allowed, main, session } = await mountShell('steward');
if (allowed) {
  fill(main, el('h1', {}, t('steward.title')), uploadSection(), lifecycleSection(), applicationsSection(),
    feedbackReportSection(session, 'steward-fbr', 'month'));
}
