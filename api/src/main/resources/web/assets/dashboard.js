// /dashboard (INVESTIGATOR): risk clusters ranked (a click opens the cluster in the explorer), and ECharts charts of
// records in force by list, department, district and industry, new records per month per list, alerts by kind, all
// for the chosen as-of date. Every number comes from the API (GET /api/v1/clusters, /stats, /stats/months,
// /stats/alerts).
import { addStrings, api, el, fill, mountShell, showError, t, today } from './app.js';

addStrings({
  zh: {
    'db.asOf': '统计日期', 'db.refresh': '刷新', 'db.subjects': '主体', 'db.records': '生效记录',
    'db.withRecords': '有记录的主体', 'db.measures': '生效的惩戒措施', 'db.clusters': '风险团伙（按风险排序）',
    'db.clustersOf': '共 {0} 个风险团伙，{1} 个连通分量含黑名单主体', 'db.rank': '#', 'db.size': '主体数',
    'db.blackMembers': '黑名单主体', 'db.blackRecords': '黑名单记录', 'db.risk': '风险', 'db.top': '风险最高的主体',
    'db.lists': '名单', 'db.open': '在图谱中打开', 'db.byList': '按名单的生效记录', 'db.byDept': '按部门的生效记录',
    'db.byDistrict': '按区域的生效记录', 'db.byIndustry': '按行业的生效记录', 'db.months': '每月新增记录（按名单）',
    'db.alerts': '预警（按类型）', 'db.noClusters': '该日没有含黑名单主体的团伙',
    'alert.SITTING_OFFICER': '在任人员失信', 'alert.ESCALATION': '升级', 'alert.WATCH': '关注对象',
  },
  en: {
    'db.asOf': 'As of', 'db.refresh': 'Refresh', 'db.subjects': 'Subjects', 'db.records': 'Records in force',
    'db.withRecords': 'Subjects with records', 'db.measures': 'Measures in force',
    'db.clusters': 'Risk clusters (riskiest first)', 'db.clustersOf': '{0} risk clusters; {1} components hold BLACK subjects',
    'db.rank': '#', 'db.size': 'Size', 'db.blackMembers': 'Black subjects', 'db.blackRecords': 'Black records',
    'db.risk': 'Risk', 'db.top': 'Subject carrying most risk', 'db.lists': 'Lists', 'db.open': 'Open in explorer',
    'db.byList': 'Records in force by list', 'db.byDept': 'by department', 'db.byDistrict': 'by district',
    'db.byIndustry': 'by industry', 'db.months': 'New records per month and list', 'db.alerts': 'Alerts by kind',
    'db.noClusters': 'No cluster holds a BLACK subject on this day',
    'alert.SITTING_OFFICER': 'sitting officer', 'alert.ESCALATION': 'escalation', 'alert.WATCH': 'watch',
  },
});

const shell = await mountShell('dashboard');
if (shell.allowed) {
  start(shell.main);
}

function start(main) {
  const params = new URLSearchParams(location.search);
  const asOf = el('input', { type: 'date', id: 'asof', name: 'asOf', 'prop:value': params.get('asOf') || today() });
  const figures = el('div', { class: 'figures', id: 'figures' });
  const clusters = el('section', { id: 'clusters' });
  const errors = el('div', { id: 'errors' });
  const charts = {};
  const box = (id, title, wide) => el('article', { class: wide ? 'wide' : '' }, el('h2', {}, title),
    charts[id] = el('div', { class: 'chart' + (wide ? ' wide' : ''), id: 'chart-' + id, role: 'img', 'aria-label': title }));
  fill(main,
    el('h1', {}, t('nav.dashboard')),
    el('form', { class: 'toolbar', on: { submit: (ev) => { ev.preventDefault(); load(); } } },
      el('label', { for: 'asof' }, t('db.asOf'), asOf),
      el('button', { type: 'submit', id: 'refresh' }, t('db.refresh'))),
    errors, figures,
    el('div', { class: 'charts' }, box('list', t('db.byList')), box('alerts', t('db.alerts')),
      box('months', t('db.months'), true), box('department', t('db.byDept')), box('district', t('db.byDistrict')),
      box('industry', t('db.byIndustry'))),
    clusters);
  const instances = {};
  const chart = (id) => instances[id] || (instances[id] = echarts.init(charts[id], null, { renderer: 'canvas' }));
  window.addEventListener('resize', () => Object.values(instances).forEach((c) => c.resize()));
  asOf.addEventListener('change', () => asOf.value && load());
  load();

  async function load() {
    const day = asOf.value || today();
    fill(errors);
    document.body.dataset.loaded = '';
    let list, dept, district, industry, months, alerts, cl;
    try {
      [list, dept, district, industry, months, alerts, cl] = await Promise.all([
        api('/api/v1/stats', { query: { by: 'list', asOf: day } }),
        api('/api/v1/stats', { query: { by: 'department', asOf: day } }),
        api('/api/v1/stats', { query: { by: 'district', asOf: day } }),
        api('/api/v1/stats', { query: { by: 'industry', asOf: day } }),
        api('/api/v1/stats/months', { query: { months: 24, asOf: day } }),
        api('/api/v1/stats/alerts', { query: { asOf: day } }),
        api('/api/v1/clusters', { query: { top: 20, asOf: day } }),
      ]);
    } catch (e) {
      showError(errors, e);
      return;
    }
    const names = {};
    months.series.forEach((s) => { names[s.list] = s.listName; });
    const sum = (m) => Object.values(m || {}).reduce((a, b) => a + b, 0);
    fill(figures,
      figure(t('db.subjects'), sum(list.subjects)), figure(t('db.records'), sum(list.recordsInForce)),
      figure(t('db.withRecords'), list.subjectsWithRecords), figure(t('db.measures'), list.measuresInForce));
    bar(chart('list'), list.rows.map((r) => names[r.key] || r.key), list.rows.map((r) => r.records), '#b3261e', true);
    bar(chart('department'), dept.rows.map((r) => r.key), dept.rows.map((r) => r.records), '#0069c2');
    bar(chart('district'), district.rows.map((r) => r.key), district.rows.map((r) => r.records), '#6b4f2a');
    bar(chart('industry'), industry.rows.map((r) => r.key), industry.rows.map((r) => r.records), '#146c2e', true);
    chart('months').setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: months.months }, yAxis: { type: 'value', minInterval: 1 },
      series: months.series.map((s) => ({ name: s.listName, type: 'bar', stack: 'records', data: s.counts })),
    }, true);
    const kinds = Object.entries(alerts.byKind);
    chart('alerts').setOption({
      animation: false, tooltip: { trigger: 'item' }, legend: { bottom: 0 },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' },
        data: kinds.map(([k, v]) => ({ name: t('alert.' + k), value: v })) }],
    }, true);
    drawClusters(cl, day, names);
    document.body.dataset.loaded = day;
  }

  function drawClusters(cl, day, names) {
    fill(clusters, el('h2', {}, t('db.clusters')),
      el('p', { class: 'muted' }, t('db.clustersOf', cl.totalClusters, cl.riskyComponents)),
      cl.clusters.length === 0 ? el('p', {}, t('db.noClusters')) :
        el('div', { class: 'overflow-auto' }, el('table', { class: 'data striped clusters', id: 'cluster-table' },
          el('thead', {}, el('tr', {}, [t('db.rank'), t('db.size'), t('db.blackMembers'), t('db.blackRecords'),
            t('db.risk'), t('db.top'), t('db.lists'), ''].map((h) => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, cl.clusters.map((c, i) => {
            const top = c.blackMembers[0];
            const href = '/explore?' + new URLSearchParams({ subject: top.subject.id, asOf: day });
            return el('tr', { dataset: { cluster: c.id } },
              el('td', {}, String(i + 1)), el('td', {}, String(c.size)), el('td', {}, String(c.blackMembers.length)),
              el('td', {}, String(c.blackRecords)), el('td', {}, c.risk.toFixed(1)),
              el('td', {}, top.subject.name), el('td', {}, Object.entries(c.byList).map(([k, v]) =>
                (names[k] || k) + ' ' + v).join('；')),
              el('td', {}, el('a', { href, class: 'open-cluster' }, t('db.open'))));
          })))));
  }
}

function figure(label, n) {
  return el('article', {}, el('span', { class: 'n' }, String(n)), el('span', { class: 'muted' }, label));
}

function bar(c, labels, values, color, horizontal) {
  const cat = { type: 'category', data: labels, axisLabel: { width: 140, overflow: 'truncate', interval: 0 } };
  const val = { type: 'value', minInterval: 1 };
  c.setOption({
    animation: false, tooltip: { trigger: 'axis' },
    grid: horizontal ? { left: 150, right: 20, top: 10, bottom: 20 } : { left: 40, right: 10, top: 10, bottom: 60 },
    xAxis: horizontal ? val : Object.assign(cat, { axisLabel: { rotate: 30, interval: 0, width: 90, overflow: 'truncate' } }),
    yAxis: horizontal ? Object.assign(cat, { inverse: true }) : val,
    series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: horizontal ? 'right' : 'top' } }],
  }, true);
}
