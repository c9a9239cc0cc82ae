// The shell every page of the credgraph web workspace shares: API calls with the key kept in this tab's session,
// safe element building (data only ever as text), labels in Chinese or English, the header with the navigation the
// server decides (GET /api/v1/session), the sign-in box, dates, CSV download and error display.
// Person ID numbers are only ever sent in request bodies: never put one in an address, a fragment or a title.

const KEY = 'credgraph.key';
const LANG = 'credgraph.lang';

const strings = { zh: {}, en: {} };

/** Adds labels: addStrings({zh: {key: '...'}, en: {key: '...'}}). */
export function addStrings(more) {
  for (const lang of Object.keys(more)) {
    strings[lang] = Object.assign(strings[lang] || {}, more[lang]);
  }
}

/** The language shown: 'zh' (default) or 'en', kept in localStorage. */
export function lang() {
  try {
    return localStorage.getItem(LANG) === 'en' ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

/** The label for key in the current language (Chinese when a label lacks a translation; the key itself at worst). */
export function t(key, ...args) {
  let s = (strings[lang()] || {})[key] ?? strings.zh[key] ?? key;
  args.forEach((a, i) => { s = s.replace('{' + i + '}', String(a)); });
  return s;
}

/** The key pasted in this tab (sessionStorage), or null. */
export function getKey() {
  try {
    return sessionStorage.getItem(KEY);
  } catch (e) {
    return null;
  }
}

export function setKey(key) {
  if (key) {
    sessionStorage.setItem(KEY, key);
  } else {
    sessionStorage.removeItem(KEY);
  }
}

/** An Error from a non-2xx answer: message from the problem body, with status and the problem itself. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Calls the API: api('/api/v1/checks/appointment', {method: 'POST', body: {...}}). JSON in and out; the key from
 * sessionStorage as a bearer header; query is an object of parameters (never put an ID number in it). A body that is
 * a Blob, File or string is sent as it is (set headers['Content-Type']). Throws ApiError on a non-2xx answer.
 */
export async function api(path, { method = 'GET', body, query, headers = {} } = {}) {
  const url = new URL(path, location.origin);
  if (query) {
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined || v === null || v === '') continue;
      if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, x));
      else url.searchParams.set(k, v);
    }
  }
  const h = Object.assign({ Accept: 'application/json, application/problem+json' }, headers);
  const key = getKey();
  if (key) h.Authorization = 'Bearer ' + key;
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    payload = JSON.stringify(body);
    h['Content-Type'] = h['Content-Type'] || 'application/json';
  }
  let res;
  try {
    res = await fetch(url, { method, headers: h, body: payload, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: t('error.network'), detail: String(e.message || e) });
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json().catch(() => null) : await res.text();
  if (!res.ok) {
    throw new ApiError(res.status, data && typeof data === 'object' ? data : { title: 'HTTP ' + res.status });
  }
  return data;
}

/**
 * Builds an element. attrs: attributes (strings), 'class', 'text', 'dataset' (object), 'on' (object of event
 * handlers), boolean attributes as true/false, and element properties given as 'prop:name'. Children: nodes,
 * strings (ALWAYS as text nodes, never parsed as HTML), numbers, arrays, null/false (skipped).
 */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'on') {
      for (const [ev, fn] of Object.entries(v)) e.addEventListener(ev, fn);
    } else if (k === 'text') {
      e.textContent = String(v);
    } else if (k === 'dataset') {
      Object.assign(e.dataset, v);
    } else if (k.startsWith('prop:')) {
      e[k.slice(5)] = v;
    } else if (/^on/i.test(k) || k === 'style' || k === 'srcdoc') {
      throw new Error('el: attribute ' + k + ' is not allowed (use on: {...} or a class)');
    } else {
      e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (c instanceof Node) parent.appendChild(c);
    else parent.appendChild(document.createTextNode(String(c)));
  }
}

/** Empties an element and appends children (as el does). */
export function fill(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

/** A date as YYYY-MM-DD (ISO) from a string, a Date or nothing (an en dash). */
export function fmtDate(d) {
  if (!d) return '–';
  if (typeof d === 'string') return d.length >= 10 ? d.slice(0, 10) : d;
  const p = (n) => String(n).padStart(2, '0');
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

/** Today in China Standard Time, YYYY-MM-DD. */
export function today() {
  const cst = new Date(Date.now() + 8 * 3600 * 1000);
  return cst.toISOString().slice(0, 10);
}

function csvCell(v) {
  let s = v === undefined || v === null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s; // a spreadsheet must not run a cell as a formula
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** Offers rows (arrays of cells, the first the header) as a UTF-8 CSV file named name. */
export function downloadCsv(name, rows) {
  const text = '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Shows an error (an ApiError's problem: title, detail, status; or any Error) in container, as text. */
export function showError(container, err) {
  const p = (err && err.problem) || {};
  const box = el('article', { class: 'problem', role: 'alert' },
    el('strong', {}, p.title || t('error.title')),
    err && err.status ? el('span', { class: 'status' }, ' (' + err.status + ')') : null,
    el('p', {}, p.detail || (err && err.message) || String(err)),
    Array.isArray(p.errors) ? el('ul', {}, p.errors.map((x) => el('li', {}, typeof x === 'string' ? x
      : [x.field, x.line, x.reason || x.message].filter(Boolean).join(' · ')))) : null,
    p.incidentId ? el('p', { class: 'muted' }, t('error.incident') + ' ' + p.incidentId) : null);
  fill(container, box);
  return box;
}

/** A subject's label: name, then USCC or (masked) ID number. */
export function subjectLabel(s) {
  if (!s) return '–';
  return [s.name, s.uscc || s.idNumber].filter(Boolean).join(' · ');
}

addStrings({
  zh: {
    'app.name': '信用图谱', 'app.tagline': '城市公共信用信息平台',
    'nav.home': '首页', 'nav.public': '红黑名单公示', 'nav.org': '机构信用', 'nav.counter': '任职资格核查',
    'nav.checks': '联合奖惩核查', 'nav.explore': '关联图谱', 'nav.dashboard': '风险看板', 'nav.alerts': '预警',
    'nav.steward': '数据管理', 'nav.admin': '系统管理', 'nav.docs': '接口文档',
    'signin.label': 'API 密钥', 'signin.placeholder': '粘贴密钥', 'signin.submit': '登录', 'signin.out': '退出',
    'signin.as': '已登录：{0}（{1}）', 'signin.anonymous': '未登录（公开访问）',
    'signin.unknown': '服务器不认识该密钥，已退出。请检查后重新粘贴。',
    'lang.switch': 'English', 'lang.label': '语言',
    'role.denied': '此密钥的角色不能使用本页：需要 {0} 或更高的角色。', 'role.needKey': '本页需要 {0} 或更高角色的密钥，请先在右上角登录。',
    'error.title': '出错了', 'error.network': '无法连接服务器', 'error.incident': '事件编号',
    'common.search': '查询', 'common.date': '日期', 'common.loading': '加载中…', 'common.none': '无',
    'common.more': '更多', 'common.download': '下载 CSV', 'common.print': '打印', 'common.yes': '是', 'common.no': '否',
    'footer.text': '数据来自各部门归集的公共信用信息。个人身份证号只在表单提交的请求正文中传送，不出现在网址中。',
  },
  en: {
    'app.name': 'credgraph', 'app.tagline': 'City public credit information platform',
    'nav.home': 'Home', 'nav.public': 'Published lists', 'nav.org': 'Organisation', 'nav.counter': 'Appointment check',
    'nav.checks': 'Sanctions checks', 'nav.explore': 'Explorer', 'nav.dashboard': 'Dashboard', 'nav.alerts': 'Alerts',
    'nav.steward': 'Data steward', 'nav.admin': 'Administration', 'nav.docs': 'API docs',
    'signin.label': 'API key', 'signin.placeholder': 'paste your key', 'signin.submit': 'Sign in',
    'signin.out': 'Sign out', 'signin.as': 'Signed in: {0} ({1})', 'signin.anonymous': 'Not signed in (public)',
    'signin.unknown': 'The server does not know this key; signed out. Check it and paste it again.',
    'lang.switch': '中文', 'lang.label': 'Language',
    'role.denied': "This key's role may not use this page: it needs {0} or above.",
    'role.needKey': 'This page needs a key with role {0} or above: sign in at the top right.',
    'error.title': 'Something went wrong', 'error.network': 'Cannot reach the server', 'error.incident': 'Incident',
    'common.search': 'Search', 'common.date': 'Date', 'common.loading': 'Loading…', 'common.none': 'none',
    'common.more': 'More', 'common.download': 'Download CSV', 'common.print': 'Print', 'common.yes': 'yes',
    'common.no': 'no',
    'footer.text': 'Data: public credit information collected from the departments. ID numbers travel only in '
      + 'request bodies, never in addresses.',
  },
});

addStrings({
  zh: { 'nav.me': '我的信用', 'role.subjectOnly': '本页只对绑定到某一主体（企业或个人）的 SUBJECT 密钥开放：用它登录即可查看该主体自己的信用档案。' },
  en: { 'nav.me': 'My credit file',
    'role.subjectOnly': "This page is for a SUBJECT key, bound to one enterprise or person: sign in with it to see that "
      + "subject's own credit file." },
});

/**
 * Draws the header (name, navigation of the pages the key's role may use, sign-in, language switch) and the footer,
 * and returns {session, page, allowed, main}. When the role may not use pageId, main shows why and allowed is false:
 * the page should then draw nothing else. The session comes from GET /api/v1/session.
 */
export async function mountShell(pageId) {
  document.documentElement.lang = lang() === 'en' ? 'en' : 'zh-CN';
  document.title = t('nav.' + pageId) + ' · ' + t('app.name');
  const header = document.getElementById('shell') || document.body.insertBefore(el('header', { id: 'shell' }),
    document.body.firstChild);
  const main = document.getElementById('main') || document.body.appendChild(el('main', { id: 'main' }));
  main.classList.add('container');
  let session;
  let signInError = null;
  try {
    session = await api('/api/v1/session');
  } catch (e) {
    if (e.status === 401 && getKey()) {
      setKey(null);
      signInError = t('signin.unknown');
      session = await api('/api/v1/session');
    } else {
      session = { pages: [] };
      signInError = e.message;
    }
  }
  const page = (session.pages || []).find((p) => p.id === pageId) || { id: pageId, allowed: true };
  header.classList.add('shell');
  fill(header, el('nav', { class: 'container-fluid', 'aria-label': t('app.name') },
    el('ul', {}, el('li', {}, el('a', { href: '/', class: 'brand' }, el('strong', {}, t('app.name'))))),
    el('ul', { class: 'pages' }, (session.pages || []).filter((p) => p.allowed && p.id !== 'org' && p.id !== 'home')
      .map((p) => el('li', {}, el('a', { href: p.path, 'aria-current': p.id === pageId ? 'page' : false },
        t('nav.' + p.id))))),
    el('ul', { class: 'tools' }, el('li', {}, signInBox(session)),
      el('li', {}, el('button', { type: 'button', class: 'secondary outline lang', lang: lang() === 'en' ? 'zh' : 'en',
        'aria-label': t('lang.label'), on: { click: () => { localStorage.setItem(LANG, lang() === 'en' ? 'zh' : 'en');
          location.reload(); } } }, t('lang.switch'))))));
  if (signInError) {
    header.appendChild(el('div', { class: 'container' }, el('p', { class: 'notice', role: 'alert' }, signInError)));
  }
  if (!document.querySelector('body > footer')) {
    document.body.appendChild(el('footer', { class: 'container muted' }, el('small', {}, t('footer.text'), ' ',
      el('a', { href: '/docs' }, t('nav.docs')))));
  }
  const allowed = page.allowed !== false;
  if (!allowed) {
    fill(main, el('article', { class: 'denied', role: 'alert' }, el('h1', {}, t('nav.' + pageId)),
      el('p', {}, page.role === 'SUBJECT' ? t('role.subjectOnly')
        : t(session.role ? 'role.denied' : 'role.needKey', page.role))));
  }
  return { session, page, allowed, main };
}

function signInBox(session) {
  if (session.role) {
    return el('span', { class: 'who' }, el('span', { class: 'whoami' }, t('signin.as', session.name, session.role)),
      ' ', el('button', { type: 'button', class: 'secondary outline', id: 'signout',
        on: { click: () => { setKey(null); location.reload(); } } }, t('signin.out')));
  }
  const input = el('input', { type: 'password', id: 'signin-key', name: 'key', autocomplete: 'off',
    placeholder: t('signin.placeholder'), 'aria-label': t('signin.label'), required: true });
  return el('form', { class: 'signin', role: 'group', on: { submit: (ev) => {
    ev.preventDefault();
    if (input.value.trim()) {
      setKey(input.value.trim());
      location.reload();
    }
  } } }, input, el('button', { type: 'submit', id: 'signin-submit' }, t('signin.submit')));
}
