// /admin (ADMIN): the audit log with filters and the state of its hash chain; the rule and list catalogues as
// read-only tables.
import { addStrings, api, downloadCsv, el, fill, fmtDate, mountShell, showError, t } from './app.js';
import { label } from './labels.js';

addStrings({
  zh: {
    'admin.title': '系统管理', 'admin.chain': '审计日志哈希链', 'admin.verify': '重新校验', 'admin.intact': '完整：共 {0} 条，末条哈希 {1}',
    'admin.broken': '哈希链断裂：第 {0} 行。{1}', 'admin.audit': '审计日志', 'admin.who': '密钥名称', 'admin.subject': '主体编号',
    'admin.from': '起始日期', 'admin.to': '截止日期', 'admin.filter': '筛选', 'admin.seq': '序号', 'admin.at': '时间',
    'admin.whoRole': '调用者', 'admin.route': '操作', 'admin.subjects': '涉及主体', 'admin.status': '结果',
    'admin.outcome': '说明', 'admin.prev': '前条哈希', 'admin.next': '下一页', 'admin.first': '第一页', 'admin.empty': '没有符合条件的审计记录。',
    'admin.rules': '规则目录', 'admin.rule': '规则', 'admin.scope': '类型', 'admin.trigger': '触发名单', 'admin.targets': '对象与措施',
    'admin.period': '期限', 'admin.basis': '法律依据', 'admin.inForce': '施行期间', 'admin.roles': '限制职务', 'admin.holder': '记录主体本人',
    'admin.liable': '负有个人责任', 'admin.lists': '名单目录', 'admin.code': '代码', 'admin.name': '名称', 'admin.kind': '类别',
    'admin.issuer': '认定部门', 'admin.published': '公示', 'admin.version': '版本 {0}', 'admin.csv': '下载审计 CSV',
  },
  en: {
    'admin.title': 'Administration', 'admin.chain': "The audit log's hash chain", 'admin.verify': 'Verify again',
    'admin.intact': 'Intact: {0} entries, head {1}', 'admin.broken': 'The chain is broken at line {0}. {1}',
    'admin.audit': 'Audit log', 'admin.who': 'Key name', 'admin.subject': 'Subject id', 'admin.from': 'From',
    'admin.to': 'To', 'admin.filter': 'Filter', 'admin.seq': 'Seq', 'admin.at': 'At', 'admin.whoRole': 'Who',
    'admin.route': 'Operation', 'admin.subjects': 'Subjects', 'admin.status': 'Status', 'admin.outcome': 'Outcome',
    'admin.prev': 'Prev hash', 'admin.next': 'Next page', 'admin.first': 'First page', 'admin.empty': 'No audit entries match.',
    'admin.rules': 'Rule catalogue', 'admin.rule': 'Rule', 'admin.scope': 'Scope', 'admin.trigger': 'Trigger lists',
    'admin.targets': 'Targets and measures', 'admin.period': 'Period', 'admin.basis': 'Legal basis',
    'admin.inForce': 'In force', 'admin.roles': 'Offices barred', 'admin.holder': 'the record holder',
    'admin.liable': 'personally liable', 'admin.lists': 'List catalogue', 'admin.code': 'Code', 'admin.name': 'Name',
    'admin.kind': 'Kind', 'admin.issuer': 'Issuer', 'admin.published': 'Published', 'admin.version': 'version {0}',
    'admin.csv': 'Download audit CSV',
  },
});

const { allowed, main } = await mountShell('admin');
if (allowed) {
  main.classList.replace('container', 'container-fluid'); // wide tables
  const chainBox = el('div', { id: 'admin-chain', 'aria-live': 'polite' });
  const auditBox = el('div', { id: 'admin-audit' });
  const rulesBox = el('div', { id: 'admin-rules' });
  const listsBox = el('div', { id: 'admin-lists' });
  fill(main, el('h1', {}, t('admin.title')),
    el('section', {}, el('h2', {}, t('admin.chain')), chainBox,
      el('button', { type: 'button', class: 'secondary', id: 'admin-verify', on: { click: () => chain(chainBox) } },
        t('admin.verify'))),
    el('section', {}, el('h2', {}, t('admin.audit')), auditBox),
    el('section', {}, el('h2', {}, t('admin.rules')), rulesBox),
    el('section', {}, el('h2', {}, t('admin.lists')), listsBox));
  chain(chainBox);
  audit(auditBox);
  rules(rulesBox);
  lists(listsBox);
}

async function chain(box) {
  fill(box, el('p', { 'aria-busy': 'true' }, t('common.loading')));
  try {
    const c = await api('/api/v1/audit/chain');
    fill(box, c.intact
      ? el('p', { class: 'ok-text', id: 'admin-chain-state', dataset: { intact: 'true' } },
        '✔ ' + t('admin.intact', c.entries, c.head.slice(0, 16) + '…'))
      : el('p', { class: 'no-text', id: 'admin-chain-state', role: 'alert', dataset: { intact: 'false' } },
        '✘ ' + t('admin.broken', c.brokenAtLine, c.problem || '')));
  } catch (e) {
    showError(box, e);
  }
}

function audit(box) {
  const who = el('input', { id: 'admin-who', type: 'text', autocomplete: 'off' });
  const subject = el('input', { id: 'admin-subject', type: 'text', autocomplete: 'off' });
  const from = el('input', { id: 'admin-from', type: 'date' });
  const to = el('input', { id: 'admin-to', type: 'date' });
  const out = el('div', { id: 'admin-audit-result', 'aria-live': 'polite' });
  let shown = [];
  const load = async (cursor) => {
    fill(out, el('p', { 'aria-busy': 'true' }, t('common.loading')));
    try {
      const page = await api('/api/v1/audit', { query: { who: who.value.trim(), subject: subject.value.trim(),
        from: from.value, to: to.value, limit: 100, cursor } });
      shown = page.items;
      fill(out, page.items.length === 0 ? el('p', {}, t('admin.empty')) : el('div', { class: 'overflow-auto' },
        el('table', { class: 'data striped', id: 'admin-audit-table' },
          el('thead', {}, el('tr', {}, ['admin.seq', 'admin.at', 'admin.whoRole', 'admin.route', 'admin.subjects',
            'admin.status', 'admin.outcome', 'admin.prev'].map((k) => el('th', { scope: 'col' }, t(k))))),
          el('tbody', {}, page.items.map((e) => el('tr', {},
            el('td', {}, String(e.seq)), el('td', {}, e.at.replace('T', ' ').slice(0, 19)),
            el('td', {}, e.who + (e.role ? ' / ' + e.role : '')), el('td', {}, e.method + ' ' + e.route),
            el('td', {}, e.subjects.join(', ')), el('td', {}, String(e.status)), el('td', {}, e.outcome),
            el('td', {}, el('code', {}, e.prev.slice(0, 12)))))))),
      el('div', { class: 'toolbar' },
        cursor ? el('button', { type: 'button', class: 'secondary', on: { click: () => load(null) } }, t('admin.first'))
          : null,
        page.next ? el('button', { type: 'button', class: 'secondary', id: 'admin-next',
          on: { click: () => load(page.next) } }, t('admin.next')) : null,
        shown.length ? el('button', { type: 'button', class: 'secondary outline', on: { click: () => downloadCsv(
          'audit.csv', [['seq', 'at', 'who', 'role', 'method', 'route', 'subjects', 'status', 'outcome', 'prev']]
            .concat(shown.map((e) => [e.seq, e.at, e.who, e.role, e.method, e.route, e.subjects.join(' '), e.status,
              e.outcome, e.prev]))) } }, t('admin.csv')) : null));
    } catch (e) {
      showError(out, e);
    }
  };
  fill(box, el('form', { id: 'admin-audit-form', on: { submit: (ev) => { ev.preventDefault(); load(null); } } },
    el('div', { class: 'grid-form' },
      el('label', { for: 'admin-who' }, t('admin.who'), who),
      el('label', { for: 'admin-subject' }, t('admin.subject'), subject),
      el('label', { for: 'admin-from' }, t('admin.from'), from),
      el('label', { for: 'admin-to' }, t('admin.to'), to)),
    el('button', { type: 'submit', id: 'admin-filter' }, t('admin.filter'))), out);
  load(null);
}

async function rules(box) {
  try {
    const cat = await api('/api/v1/rules');
    fill(box, el('p', { class: 'muted' }, t('admin.version', cat.version)), el('div', { class: 'overflow-auto' },
      el('table', { class: 'data striped', id: 'admin-rules-table' },
        el('thead', {}, el('tr', {}, ['admin.rule', 'admin.trigger', 'admin.targets', 'admin.period']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, cat.rules.map((r) => el('tr', { dataset: { rule: r.id } },
          el('td', { class: 'rule' }, el('strong', {}, r.id), ' ', el('small', { class: 'badge' }, r.scope), el('br'),
            r.title, el('br'), el('small', { class: 'muted' }, r.basis),
            r.roles.length ? [el('br'), el('small', {}, t('admin.roles') + ': ' + r.roles.join(', '))] : null),
          el('td', {}, r.triggerLists.join(', '), r.subjectKinds.length ? el('small', { class: 'muted' },
            ' (' + r.subjectKinds.join(', ') + ')') : null, r.conditions.length ? [el('br'),
            el('small', {}, r.conditions.join('; '))] : null),
          el('td', {}, el('ul', {}, r.targets.map((tg) => el('li', {},
            tg.via.length ? tg.via.join(' → ') : t('admin.holder'),
            tg.kinds.length ? ' [' + tg.kinds.join(', ') + ']' : '', tg.liable ? ' · ' + t('admin.liable') : '',
            el('br'), el('small', {}, tg.measures.map((m) => m.code + ' (' + label('kind', m.kind) + ', '
              + label('domain', m.domain) + ')').join('; ')))))),
          el('td', {}, r.period, el('br'), el('small', { class: 'muted' }, t('admin.inForce') + ' '
            + (r.inForceFrom ? fmtDate(r.inForceFrom) : '…') + ' – '
            + (r.inForceUntil ? fmtDate(r.inForceUntil) : '…')))))))));
  } catch (e) {
    showError(box, e);
  }
}

async function lists(box) {
  try {
    const cat = await api('/api/v1/lists');
    fill(box, el('p', { class: 'muted' }, t('admin.version', cat.version)), el('div', { class: 'overflow-auto' },
      el('table', { class: 'data striped', id: 'admin-lists-table' },
        el('thead', {}, el('tr', {}, ['admin.code', 'admin.name', 'admin.kind', 'admin.issuer', 'admin.published']
          .map((k) => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, cat.lists.map((l) => el('tr', {}, el('td', {}, el('code', {}, l.code)), el('td', {}, l.name),
          el('td', {}, label('kind', l.kind)), el('td', {}, l.issuer),
          el('td', {}, l.published ? t('common.yes') : t('common.no'))))))));
  } catch (e) {
    showError(box, e);
  }
}
