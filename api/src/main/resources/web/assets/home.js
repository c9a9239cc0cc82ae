// / : what the product is, a public search box, the sign-in (in the header), links to the pages the role may use.
import { addStrings, el, mountShell, t } from './app.js';

addStrings({
  zh: {
    'home.title': '城市公共信用信息平台',
    'home.lead': '归集各部门的信用记录，把企业、个人及其关联关系组成信用图谱；公示红黑名单，核查任职资格和联合奖惩措施，每个结论都附有规则、法律依据和证据链。',
    'home.search': '查询红黑名单（企业名称或统一社会信用代码）', 'home.search.placeholder': '例如：中山市 或 9144…',
    'home.pages': '您可以使用的页面', 'home.signin': '部门工作人员：请在右上角粘贴 API 密钥登录，即可看到本角色可用的页面。',
    'page.public': '公示的红名单、黑名单，个人身份证号已遮蔽。', 'page.counter': '登记窗口：核查某人能否担任法定代表人、董事、监事、高管。',
    'page.checks': '部门批量核查企业和个人适用的联合惩戒、激励措施。', 'page.explore': '调查人员：关联图谱、股权穿透、最短路径、假设分析。',
    'page.dashboard': '风险聚类和统计图表。', 'page.alerts': '关注名单与预警。', 'page.steward': '上传批次数据、查看装载报告、记录的异议与修复。',
    'page.admin': '审计日志与哈希链状态，规则目录。',
  },
  en: {
    'home.title': 'City public credit information platform',
    'home.lead': "Credit records from every department, with enterprises, persons and their relations as one credit graph: published red and black lists, appointment and joint-sanctions checks, each answer with its rule, legal basis and evidence path.",
    'home.search': 'Search the published lists (enterprise name or USCC)', 'home.search.placeholder': 'e.g. 中山市 or 9144…',
    'home.pages': 'Pages you may use', 'home.signin': 'Department staff: paste your API key at the top right to see the pages of your role.',
    'page.public': 'The published red and black lists; persons\' ID numbers masked.',
    'page.counter': 'Registry counter: may this person be legal representative, director, supervisor or manager?',
    'page.checks': 'Departments: joint sanctions and incentives for many subjects at once.',
    'page.explore': 'Investigators: linked entities, ownership, shortest paths, what-if.',
    'page.dashboard': 'Risk clusters and charts.', 'page.alerts': 'Watchlist and alerts.',
    'page.steward': 'Upload batches, load reports, objections and repair of records.',
    'page.admin': 'Audit log and its hash chain, rule catalogue.',
  },
});

const { session, main } = await mountShell('home');
const q = el('input', { type: 'search', id: 'home-q', name: 'q', placeholder: t('home.search.placeholder'),
  'aria-label': t('home.search') });
main.replaceChildren(
  el('hgroup', {}, el('h1', {}, t('home.title')), el('p', {}, t('home.lead'))),
  el('form', { class: 'search-hero', on: { submit: (ev) => {
    ev.preventDefault();
    // the query travels to /public in this tab's session, not in the address
    sessionStorage.setItem('credgraph.publicQuery', q.value.trim());
    location.assign('/public');
  } } }, el('label', { for: 'home-q' }, t('home.search')),
  el('fieldset', { role: 'group' }, q, el('button', { type: 'submit' }, t('common.search')))),
  el('h2', {}, t('home.pages')),
  session.role ? null : el('p', { class: 'notice' }, t('home.signin')),
  el('div', { class: 'grid-form cards' }, (session.pages || []).filter((p) => p.allowed && p.id !== 'home'
    && p.id !== 'org').map((p) => el('article', { class: 'card' },
    el('h3', {}, el('a', { href: p.path }, t('nav.' + p.id))), el('p', {}, t('page.' + p.id))))));
