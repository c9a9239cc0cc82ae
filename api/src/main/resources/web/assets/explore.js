// /explore (INVESTIGATOR): search subjects, draw and expand their neighbourhood (Cytoscape.js + fcose), the profile
// in a side panel, shortest paths, the equity view, an as-of date, a what-if panel, watchlist, PNG and CSV export.
// Every fact shown comes from the API; data is rendered as text only (canvas labels are drawn, never parsed).
import { addStrings, api, downloadCsv, el, fill, fmtDate, mountShell, showError, subjectLabel, t, today }
  from './app.js';

addStrings({
  zh: {
    'ex.search': '按名称、统一社会信用代码或身份证号查询', 'ex.searchBtn': '查询',
    'ex.noIdSearch': '身份证号不放进网址：请按姓名查询，或在“任职资格核查”页的表单中提交身份证号。', 'ex.asOf': '查询日期',
    'ex.results': '查询结果（点击在图中打开）', 'ex.noResults': '没有找到匹配的主体',
    'ex.counts': '图中 {0} 个主体 · {1} 条关系', 'ex.hidden': '（{0} 条关系已隐藏）',
    'ex.truncated': '结果已截断：邻居过多，只画出前 {0} 个', 'ex.hint': '单击主体查看档案，双击展开其关联关系。',
    'ex.empty': '先查询一个主体，再在图中展开。', 'ex.fit': '适应窗口', 'ex.clear': '清空',
    'ex.png': '导出 PNG', 'ex.csv': '导出 CSV', 'ex.relTypes': '关系类型',
    'ex.legend.black': '黑名单', 'ex.legend.red': '红名单', 'ex.legend.risk': '关联风险', 'ex.legend.plain': '其他主体',
    'ex.legend.path': '路径', 'ex.legend.whatif': '假设影响',
    'ex.profile': '主体档案', 'ex.expand': '展开关系', 'ex.equity': '股权穿透', 'ex.watch': '加入关注',
    'ex.watched': '已加入关注名单（共 {0} 个）', 'ex.from': '设为路径起点', 'ex.to': '设为路径终点',
    'ex.path': '最短路径', 'ex.pathFrom': '起点：{0}', 'ex.pathTo': '终点：{0}', 'ex.pathNone': '两者在 {0} 跳内不相连',
    'ex.pathFound': '{0} 条 {1} 跳的最短路径（已在图中高亮）', 'ex.pathPick': '在档案中选择起点和终点。',
    'ex.attrs': '基本信息', 'ex.kind': '类型', 'ex.uscc': '统一社会信用代码', 'ex.idNumber': '身份证号',
    'ex.legalForm': '组织形式', 'ex.status': '状态', 'ex.registeredOn': '成立日期', 'ex.district': '区域',
    'ex.industry': '行业', 'ex.relations': '关联关系', 'ex.rel': '关系', 'ex.other': '对方', 'ex.since': '起',
    'ex.until': '止', 'ex.inForce': '有效', 'ex.ratio': '比例', 'ex.provenance': '来源（部门 · 批次:行）',
    'ex.records': '信用记录', 'ex.record': '记录', 'ex.list': '名单', 'ex.dept': '部门', 'ex.effective': '有效期',
    'ex.disputed': '异议中', 'ex.measures': '生效的惩戒措施', 'ex.rule': '规则', 'ex.restrictions': '任职限制',
    'ex.risk': '关联风险', 'ex.riskNone': '三跳内无生效的黑名单记录', 'ex.riskScore': '风险分 {0}：{1}（{2}，{3} 跳）',
    'ex.owners': '最终受益人（按穿透持股比例）', 'ex.controller': '实际控制人：{0}（{1}）', 'ex.noController': '无实际控制人',
    'ex.conflicts': '数据冲突', 'ex.owner': '股东', 'ex.share': '穿透比例', 'ex.chains': '持股链',
    'ex.whatif': '假设分析（不会保存）', 'ex.whatifList': '假设新增名单记录', 'ex.whatifSeverity': '处罚严重程度（行政处罚）', 'ex.whatifRun': '模拟',
    'ex.whatifNone': '该记录不会影响其他主体', 'ex.whatifAffected': '会影响 {0} 个主体（已在图中标出）',
    'ex.supernode': '{0} 个 {1} 关系未逐一画出（{2}）', 'ex.in': '入', 'ex.out': '出', 'ex.yes': '是', 'ex.no': '否',
    'ex.sittingOfficers': '在任人员将不再符合任职资格：{0}',
    'rel.LEGAL_REP': '法定代表人', 'rel.OFFICER': '高管', 'rel.SHAREHOLDER': '股东', 'rel.ACTUAL_CONTROLLER': '实际控制人',
    'rel.BRANCH_OF': '分支机构', 'rel.PRACTISES_AT': '执业于', 'rel.SERVES_IN': '任职于', 'rel.RELATIVE_OF': '亲属',
    'rel.DIRECTOR': '董事', 'rel.SUPERVISOR': '监事', 'rel.MANAGER': '经理',
  },
  en: {
    'ex.search': 'Search by name, USCC or ID number', 'ex.searchBtn': 'Search',
    'ex.noIdSearch': 'An ID number never goes into an address: search by name, or use the appointment check form.', 'ex.asOf': 'As of',
    'ex.results': 'Results (click to open in the graph)', 'ex.noResults': 'No subject matches',
    'ex.counts': '{0} subjects · {1} relations on the canvas', 'ex.hidden': '({0} relations hidden)',
    'ex.truncated': 'Cut short: too many neighbours, only the first {0} drawn',
    'ex.hint': 'Click a subject for its profile, double-click to expand its relations.',
    'ex.empty': 'Search for a subject, then expand it in the graph.', 'ex.fit': 'Fit', 'ex.clear': 'Clear',
    'ex.png': 'Export PNG', 'ex.csv': 'Export CSV', 'ex.relTypes': 'Relation types',
    'ex.legend.black': 'black list', 'ex.legend.red': 'red list', 'ex.legend.risk': 'associated risk',
    'ex.legend.plain': 'other subject', 'ex.legend.path': 'path', 'ex.legend.whatif': 'what-if reach',
    'ex.profile': 'Profile', 'ex.expand': 'Expand', 'ex.equity': 'Equity', 'ex.watch': 'Watch',
    'ex.watched': 'Added to the watchlist ({0} watched)', 'ex.from': 'Path from here', 'ex.to': 'Path to here',
    'ex.path': 'Shortest path', 'ex.pathFrom': 'From: {0}', 'ex.pathTo': 'To: {0}',
    'ex.pathNone': 'Not connected within {0} hops', 'ex.pathFound': '{0} shortest path(s) of {1} hops (highlighted)',
    'ex.pathPick': 'Pick the start and the end in a profile.',
    'ex.attrs': 'Attributes', 'ex.kind': 'Kind', 'ex.uscc': 'USCC', 'ex.idNumber': 'ID number',
    'ex.legalForm': 'Legal form', 'ex.status': 'Status', 'ex.registeredOn': 'Registered', 'ex.district': 'District',
    'ex.industry': 'Industry', 'ex.relations': 'Relations', 'ex.rel': 'Relation', 'ex.other': 'Other end',
    'ex.since': 'Since', 'ex.until': 'Until', 'ex.inForce': 'In force', 'ex.ratio': 'Ratio',
    'ex.provenance': 'Source (department · batch:line)', 'ex.records': 'Records', 'ex.record': 'Record',
    'ex.list': 'List', 'ex.dept': 'Department', 'ex.effective': 'In effect', 'ex.disputed': 'disputed',
    'ex.measures': 'Measures in force', 'ex.rule': 'Rule', 'ex.restrictions': 'Appointment restrictions', 'ex.risk': 'Associated risk',
    'ex.riskNone': 'No BLACK record in force within three hops', 'ex.riskScore': 'Score {0}: {1} ({2}, {3} hops)',
    'ex.owners': 'Ultimate owners (effective ownership)', 'ex.controller': 'Actual controller: {0} ({1})',
    'ex.noController': 'No actual controller', 'ex.conflicts': 'Data conflicts', 'ex.owner': 'Owner',
    'ex.share': 'Effective', 'ex.chains': 'Chains', 'ex.whatif': 'What-if (nothing is stored)',
    'ex.whatifList': 'Hypothetical record on list', 'ex.whatifSeverity': 'Severity (administrative penalties)', 'ex.whatifRun': 'Simulate',
    'ex.whatifNone': 'The record would reach no subject', 'ex.whatifAffected': 'Would reach {0} subjects (marked)',
    'ex.supernode': '{0} {1} relations not drawn one by one ({2})', 'ex.in': 'in', 'ex.out': 'out', 'ex.yes': 'yes',
    'ex.no': 'no', 'ex.sittingOfficers': 'Sitting officers who would become ineligible: {0}',
    'rel.LEGAL_REP': 'legal rep.', 'rel.OFFICER': 'officer', 'rel.SHAREHOLDER': 'shareholder',
    'rel.ACTUAL_CONTROLLER': 'actual controller', 'rel.BRANCH_OF': 'branch of', 'rel.PRACTISES_AT': 'practises at',
    'rel.SERVES_IN': 'serves in', 'rel.RELATIVE_OF': 'relative of',
  },
});

const LISTS = ['DISHONEST_JUDGMENT_DEBTOR', 'SERIOUS_ILLEGAL_DISHONEST', 'ABNORMAL_OPERATION', 'TAX_MAJOR_VIOLATION',
  'A_GRADE_TAXPAYER'];
const ANIMATE_MAX = 200; // above this many nodes the layout runs without animation
// above this many edges, edge labels are laid out only once zoomed in far enough to read them (their text is drawn
// from a zoom of 9/8 on, 'min-zoomed-font-size'); measuring thousands of unreadable labels cost more than the layout
const EDGE_LABELS_MAX = 1000;
const EDGE_LABELS_ZOOM = 1.1;
const params = new URLSearchParams(location.search);

const shell = await mountShell('explore');
if (shell.allowed) {
  start(shell.main);
}

function start(main) {
  const state = {
    asOf: params.get('asOf') || today(),
    roots: [], // subjects whose neighbourhoods are drawn (the first searched, then each expanded)
    selected: null,
    pathFrom: null,
    pathTo: null,
    hiddenRels: new Set(),
    expanding: new Set(),
    limit: Number(params.get('limit')) || 200,
    depth: Number(params.get('depth')) || 1,
    // the API's own cut for hubs (relations of one type above it are summarised); the API's default when absent
    supernode: Number(params.get('supernodeThreshold')) || undefined,
  };
  const q = el('input', { type: 'search', id: 'q', name: 'q', placeholder: t('ex.search'), 'aria-label': t('ex.search'),
    autocomplete: 'off' });
  const asOf = el('input', { type: 'date', id: 'asof', name: 'asOf', 'prop:value': state.asOf });
  const results = el('ul', { class: 'results', id: 'results', 'aria-label': t('ex.results') });
  const counts = el('span', { class: 'counts', id: 'counts', 'aria-live': 'polite' }, t('ex.empty'));
  const notes = el('span', { class: 'muted', id: 'notes' });
  const toggles = el('div', { class: 'rel-toggles', id: 'rel-toggles', role: 'group', 'aria-label': t('ex.relTypes') });
  const canvas = el('div', { id: 'cy', role: 'img', 'aria-label': t('nav.explore') });
  const side = el('aside', { class: 'side', id: 'side', 'aria-live': 'polite' }, el('p', { class: 'muted' }, t('ex.hint')));
  const pathBox = el('section', { id: 'path-box' });
  const errors = el('div', { id: 'errors' });

  fill(main,
    el('h1', {}, t('nav.explore')),
    el('form', { class: 'toolbar', id: 'search-form', role: 'search', on: { submit: (ev) => { ev.preventDefault(); search(); } } },
      el('label', { for: 'q', class: 'grow' }, t('ex.search'), q),
      el('label', { for: 'asof' }, t('ex.asOf'), asOf),
      el('button', { type: 'submit', id: 'search-btn' }, t('ex.searchBtn'))),
    results, errors,
    el('div', { class: 'explore-layout' },
      el('div', {},
        el('div', { class: 'canvas-bar' }, counts, notes,
          el('span', { class: 'btn-row' },
            el('button', { type: 'button', class: 'secondary outline', id: 'fit', on: { click: () => cy.fit(undefined, 30) } }, t('ex.fit')),
            el('button', { type: 'button', class: 'secondary outline', id: 'export-png', on: { click: exportPng } }, t('ex.png')),
            el('button', { type: 'button', class: 'secondary outline', id: 'export-csv', on: { click: exportCsv } }, t('ex.csv')),
            el('button', { type: 'button', class: 'secondary outline', id: 'clear', on: { click: clear } }, t('ex.clear')))),
        toggles, canvas,
        el('div', { class: 'legend' }, ['black', 'red', 'risk', 'plain', 'path', 'whatif'].map((k) =>
          el('span', {}, el('span', { class: 'sw ' + k }), t('ex.legend.' + k))))),
      el('div', {}, pathBox, side)));

  if (!cytoscape('layout', 'fcose')) cytoscape.use(cytoscapeFcose);
  const cy = cytoscape({
    container: canvas,
    minZoom: 0.05,
    maxZoom: 4,
    multiClickDebounceTime: 400,
    textureOnViewport: true,
    hideEdgesOnViewport: true,
    style: graphStyle(),
  });
  let labelTimer = null;
  /**
   * Edge labels (class lbl): on a small canvas on every edge; on a large one only once zoomed in to read them, and
   * then only on the edges in view (restyling thousands of edges at once froze the page for seconds at 2,000 nodes).
   */
  function syncEdgeLabels(beforeLayout) {
    const edges = cy.edges();
    if (edges.length <= EDGE_LABELS_MAX) {
      const bare = edges.filter((e) => !e.hasClass('lbl'));
      if (bare.nonempty()) bare.addClass('lbl');
      return;
    }
    if (beforeLayout || cy.zoom() < EDGE_LABELS_ZOOM) {
      const labelled = cy.edges('.lbl');
      if (labelled.nonempty()) labelled.removeClass('lbl');
      return;
    }
    const ext = cy.extent();
    const inView = (p) => p.x >= ext.x1 && p.x <= ext.x2 && p.y >= ext.y1 && p.y <= ext.y2;
    cy.batch(() => edges.forEach((e) => {
      const want = inView(e.source().position()) || inView(e.target().position());
      if (want !== e.hasClass('lbl')) {
        if (want) e.addClass('lbl'); else e.removeClass('lbl');
      }
    }));
  }
  cy.on('zoom pan', () => {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(() => syncEdgeLabels(false), 120);
  });
  window.credgraphExplorer = { cy, state, load: (id) => openSubject(id), expand: (id) => expand(id) };

  cy.on('tap', 'node', (e) => select(e.target.id()));
  cy.on('dbltap', 'node', (e) => expand(e.target.id()));
  // the browser's own double-click too (Cytoscape's dbltap wants both clicks within its debounce time)
  canvas.addEventListener('dblclick', (ev) => {
    const r = canvas.getBoundingClientRect();
    const x = ev.clientX - r.left;
    const y = ev.clientY - r.top;
    const hit = cy.nodes(':visible').filter((n) => {
      const b = n.renderedBoundingBox({ includeLabels: false });
      return x >= b.x1 && x <= b.x2 && y >= b.y1 && y <= b.y2;
    });
    if (hit.nonempty()) expand(hit[0].id());
  });
  asOf.addEventListener('change', () => {
    if (asOf.value) {
      state.asOf = asOf.value;
      redraw();
    }
  });
  drawPathBox();
  if (params.get('subject')) {
    openSubject(params.get('subject'));
  }

  async function search() {
    const text = q.value.trim();
    if (!text) return;
    fill(errors);
    fill(results, el('li', { class: 'muted' }, t('common.loading')));
    try {
      // sent as a query parameter only when it is not an ID number (ID numbers never go in an address)
      if (/^\d{17}[\dXx]$/.test(text)) {
        throw Object.assign(new Error(t('ex.noIdSearch')), { problem: { title: t('ex.noIdSearch') } });
      }
      const page = await api('/api/v1/subjects', { query: { q: text, limit: 20 } });
      fill(results, page.items.length === 0 ? el('li', { class: 'muted' }, t('ex.noResults')) :
        page.items.map((s) => el('li', {}, el('button', { type: 'button', class: 'secondary outline result',
          dataset: { id: s.id }, on: { click: () => { fill(results); openSubject(s.id); } } },
        subjectLabel(s), ' ', el('small', { class: 'muted' }, s.kind)))));
    } catch (e) {
      fill(results);
      showError(errors, e);
    }
  }

  async function fetchGraph(id) {
    return api('/api/v1/subjects/' + encodeURIComponent(id) + '/graph',
      { query: { depth: state.depth, limit: state.limit, supernodeThreshold: state.supernode, asOf: state.asOf } });
  }

  async function openSubject(id) {
    cy.elements().remove();
    state.roots = [];
    state.pathFrom = state.pathTo = null;
    drawPathBox();
    await expand(id);
    select(id);
  }

  /** Adds the neighbourhood of id to the canvas (double-click). */
  async function expand(id) {
    if (state.expanding.has(id)) return; // one expansion of a node at a time (dbltap and dblclick both fire)
    state.expanding.add(id);
    fill(errors);
    busy(1);
    try {
      let g;
      try {
        g = await fetchGraph(id);
      } catch (e) {
        showError(errors, e);
        return;
      }
      const arrived = performance.now();
      if (!state.roots.includes(id)) state.roots.push(id);
      const drawn = cy.nodes().length;
      const added = addGraph(g);
      // a canvas already drawn keeps its positions: only the new subjects are placed (by their neighbours on it)
      await layout(arrived, drawn > 0 ? added : null);
    } finally {
      state.expanding.delete(id);
      busy(-1);
    }
  }

  /** Marks the page busy (body[data-busy]) while answers are awaited or the layout runs (tests wait on it). */
  function busy(delta) {
    state.busy = (state.busy || 0) + delta;
    if (state.busy > 0) document.body.dataset.busy = String(state.busy);
    else delete document.body.dataset.busy;
  }

  /** Redraws every drawn neighbourhood as it stood on the chosen day. */
  async function redraw() {
    const roots = state.roots.slice();
    if (roots.length === 0) return;
    fill(errors);
    let graphs;
    try {
      graphs = await Promise.all(roots.map(fetchGraph));
    } catch (e) {
      showError(errors, e);
      return;
    }
    const arrived = performance.now();
    cy.elements().remove();
    graphs.forEach(addGraph);
    await layout(arrived);
    if (state.selected && cy.getElementById(state.selected).nonempty()) select(state.selected);
    if (state.pathFrom && state.pathTo) findPath();
  }

  function nodeData(n) {
    const s = n.subject;
    return { id: s.id, label: short(s.name), name: s.name, kind: s.kind, uscc: s.uscc || '',
      lists: (n.lists || []).join(' '), black: n.black ? 1 : 0, red: n.red ? 1 : 0, risk: n.risk || 0,
      ring: (!n.black && n.risk > 0) ? 1 : 0 };
  }

  function edgeData(e) {
    const ratio = e.ratio !== undefined && e.ratio !== null ? ' ' + pct(e.ratio) : '';
    return { id: e.from + '>' + e.rel + '>' + e.to + '>' + e.since, source: e.from, target: e.to, rel: e.rel,
      since: e.since, until: e.until || '', ratio: e.ratio ?? '', label: t('rel.' + e.rel) + ratio };
  }

  function addGraph(g) {
    const add = [];
    for (const n of g.nodes) {
      const existing = cy.getElementById(n.subject.id);
      if (existing.empty()) add.push({ group: 'nodes', data: nodeData(n) });
      else existing.data(nodeData(n));
    }
    for (const e of g.edges) {
      const d = edgeData(e);
      if (cy.getElementById(d.id).empty()) add.push({ group: 'edges', data: d });
    }
    let added;
    cy.batch(() => {
      added = cy.add(add).nodes();
      for (const s of g.supernodes) {
        const n = cy.getElementById(s.subject.id);
        const more = (n.data('more') || []).concat([t('ex.supernode', s.count, t('rel.' + s.rel),
          s.direction === 'OUTGOING' ? t('ex.out') : t('ex.in'))]);
        n.data('more', more);
        n.data('label', short(n.data('name')) + ' (+' + s.count + ')');
      }
      applyHidden();
    });
    notes.textContent = g.truncated ? t('ex.truncated', g.nodes.length) : '';
    drawToggles();
    drawCounts();
    return added;
  }

  /**
   * Lays the canvas out and resolves once it is drawn. With {@code added} (subjects added to a canvas already laid
   * out) only those are placed: near their neighbours on the canvas, then settled by fcose among themselves with
   * those neighbours held where they are, so an expansion costs what it adds, not what the canvas holds.
   */
  function layout(arrived, added) {
    const n = cy.nodes().length;
    syncEdgeLabels(true);
    const incremental = added && added.length < n;
    return new Promise((resolve) => {
      const stopped = () => {
        const at = performance.now();
        syncEdgeLabels(false);
        requestAnimationFrame(() => requestAnimationFrame(() => {
          // the draw timings (answer arrived -> layout stopped -> painted), read by api/bench/explorer.sh
          const ms = performance.now() - arrived;
          performance.measure('credgraph.draw', { start: arrived, end: performance.now() });
          document.body.dataset.layoutMs = String(Math.round(at - arrived));
          document.body.dataset.drawMs = String(Math.round(ms));
          document.body.dataset.drawnNodes = String(cy.nodes().length);
          resolve(ms);
        }));
      };
      let l;
      if (incremental && added.empty()) {
        stopped(); // nothing new: the canvas stays as it is
        return;
      } else if (incremental) {
        const anchors = added.neighborhood('node').not(added);
        placeNear(added, anchors);
        l = added.union(anchors).union(added.connectedEdges()).layout({
          name: 'fcose', quality: 'default', randomize: false, animate: false, fit: false,
          nodeRepulsion: 6000, idealEdgeLength: 80, numIter: 1000,
          fixedNodeConstraint: anchors.map((a) => ({ nodeId: a.id(), position: Object.assign({}, a.position()) })),
        });
        l.one('layoutstop', () => cy.fit(undefined, 30));
      } else {
        // a whole canvas: spectral placement, then fewer force-directed rounds the larger it is
        l = cy.layout({
          name: 'fcose', quality: n > 1000 ? 'draft' : 'default', randomize: true, animate: n <= ANIMATE_MAX,
          animationDuration: 400, fit: true, padding: 30, nodeDimensionsIncludeLabels: false,
          nodeRepulsion: 6000, idealEdgeLength: 80, numIter: n > 300 ? 500 : 2500,
        });
      }
      l.one('layoutstop', stopped);
      l.run();
    });
  }

  /** Puts each added node next to a neighbour already placed, outwards from the canvas's centre, layer by layer. */
  function placeNear(added, anchors) {
    const box = cy.nodes().not(added).boundingBox();
    const centre = { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
    const placed = new Set(cy.nodes().not(added).map((x) => x.id()));
    let rest = added;
    while (rest.nonempty()) {
      let layer = rest.filter((x) => x.neighborhood('node').some((m) => placed.has(m.id())));
      if (layer.empty()) layer = rest; // not connected to the canvas: around the centre
      layer.forEach((x) => {
        const next = x.neighborhood('node').filter((m) => placed.has(m.id()));
        const p = next.nonempty() ? next[0].position() : (anchors.nonempty() ? anchors[0].position() : centre);
        const a = Math.atan2(p.y - centre.y, p.x - centre.x) + (Math.random() - 0.5) * 2.4;
        const r = 60 + Math.random() * 60;
        x.position({ x: p.x + r * Math.cos(a), y: p.y + r * Math.sin(a) });
      });
      layer.forEach((x) => placed.add(x.id()));
      rest = rest.not(layer);
    }
  }

  function drawCounts() {
    const nodes = cy.nodes(':visible').length;
    const edges = cy.edges().filter((e) => !state.hiddenRels.has(e.data('rel'))).length;
    const hidden = cy.edges().length - edges;
    counts.dataset.nodes = String(nodes);
    counts.dataset.edges = String(edges);
    fill(counts, t('ex.counts', nodes, edges), hidden ? ' ' + t('ex.hidden', hidden) : '');
  }

  function drawToggles() {
    const byRel = {};
    cy.edges().forEach((e) => { byRel[e.data('rel')] = (byRel[e.data('rel')] || 0) + 1; });
    fill(toggles, el('strong', {}, t('ex.relTypes'), ':'), Object.keys(byRel).sort().map((rel) => {
      const box = el('input', { type: 'checkbox', id: 'rel-' + rel, name: 'rel', value: rel,
        'prop:checked': !state.hiddenRels.has(rel), on: { change: (ev) => {
          if (ev.target.checked) state.hiddenRels.delete(rel); else state.hiddenRels.add(rel);
          cy.batch(applyHidden);
          drawCounts();
        } } });
      return el('label', { for: 'rel-' + rel }, box, t('rel.' + rel) + ' (' + byRel[rel] + ')');
    }));
  }

  function applyHidden() {
    if (state.hiddenRels.size === 0 && cy.edges('.off').empty()) return; // nothing to hide or show again
    cy.edges().forEach((e) => {
      if (state.hiddenRels.has(e.data('rel'))) e.addClass('off'); else e.removeClass('off');
    });
  }

  function clear() {
    cy.elements().remove();
    state.roots = [];
    state.selected = state.pathFrom = state.pathTo = null;
    drawPathBox();
    drawToggles();
    drawCounts();
    fill(side, el('p', { class: 'muted' }, t('ex.hint')));
  }

  async function select(id) {
    state.selected = id;
    cy.$(':selected').unselect();
    cy.getElementById(id).select();
    fill(side, el('p', { class: 'muted' }, t('common.loading')));
    busy(1);
    try {
      const p = await api('/api/v1/subjects/' + encodeURIComponent(id), { query: { asOf: state.asOf } });
      if (state.selected === id) drawProfile(p);
    } catch (e) {
      showError(side, e);
    } finally {
      busy(-1);
    }
  }

  function drawProfile(p) {
    const s = p.subject;
    const node = cy.getElementById(s.id);
    const more = node.nonempty() ? node.data('more') || [] : [];
    const whatif = el('section', { id: 'whatif' });
    const equity = el('section', { id: 'equity' });
    const status = el('p', { class: 'muted', 'aria-live': 'polite' });
    fill(side,
      el('section', { id: 'profile' },
        el('h2', {}, s.name),
        el('div', { class: 'btn-row' },
          el('button', { type: 'button', id: 'btn-expand', on: { click: () => expand(s.id) } }, t('ex.expand')),
          s.kind !== 'PERSON' ? el('button', { type: 'button', class: 'secondary', id: 'btn-equity',
            on: { click: () => showEquity(s, equity) } }, t('ex.equity')) : null,
          el('button', { type: 'button', class: 'secondary', id: 'btn-watch', on: { click: () => watch(s, status) } }, t('ex.watch')),
          el('button', { type: 'button', class: 'secondary outline', id: 'btn-from', on: { click: () => { state.pathFrom = s; drawPathBox(); findPath(); } } }, t('ex.from')),
          el('button', { type: 'button', class: 'secondary outline', id: 'btn-to', on: { click: () => { state.pathTo = s; drawPathBox(); findPath(); } } }, t('ex.to'))),
        status,
        more.map((m) => el('p', { class: 'notice' }, m)),
        el('h3', {}, t('ex.attrs')),
        el('dl', {},
          dt(t('ex.kind'), s.kind), s.uscc ? dt(t('ex.uscc'), s.uscc) : null,
          s.idNumber ? dt(t('ex.idNumber'), s.idNumber) : null,
          p.legalForm ? dt(t('ex.legalForm'), p.legalForm) : null, p.status ? dt(t('ex.status'), p.status) : null,
          p.registeredOn ? dt(t('ex.registeredOn'), p.registeredOn) : null,
          p.district ? dt(t('ex.district'), p.district) : null, p.industry ? dt(t('ex.industry'), p.industry) : null,
          Object.entries(p.attributes || {}).map(([k, v]) => dt(k, v))),
        riskSection(p.associatedRisk),
        p.measures.length ? [el('h3', {}, t('ex.measures')), table([t('ex.measures'), t('ex.rule'), t('ex.until')], p.measures.map((m) => [m.title + ' (' + m.domain + ')', m.rule,
          fmtDate(m.until)]))] : null,
        p.appointmentRestrictions.length ? [el('h3', {}, t('ex.restrictions')), table([t('ex.rule'), t('ex.record'),
          t('ex.until')], p.appointmentRestrictions.map((r) => [r.rule + ' ' + r.title, r.record,
          fmtDate(r.restrictedUntil)]))] : null,
        el('h3', {}, t('ex.records'), ' (' + p.records.length + ')'),
        p.records.length ? table([t('ex.record'), t('ex.list'), t('ex.dept'), t('ex.status'), t('ex.effective')],
          p.records.map((r) => [r.id, r.listName || r.list, r.department,
            el('span', { class: 'badge ' + (r.disputed ? 'disputed' : r.inForce ? (r.listKind === 'RED' ? 'red' : 'black') : '') },
              r.status + (r.disputed ? ' · ' + t('ex.disputed') : '') + (r.inForce ? ' · ' + t('ex.inForce') : '')),
            fmtDate(r.effectiveFrom) + ' – ' + fmtDate(r.effectiveUntil)])) : el('p', { class: 'muted' }, t('common.none')),
        el('h3', {}, t('ex.relations'), ' (' + p.relations.length + ')'),
        table([t('ex.rel'), t('ex.other'), t('ex.since'), t('ex.until'), t('ex.inForce'), t('ex.provenance')],
          p.relations.slice(0, 200).map((r) => [
            t('rel.' + r.rel) + (r.direction === 'OUT' ? ' →' : ' ←') + (r.ratio !== undefined ? ' ' + pct(r.ratio) : ''),
            r.other.name, fmtDate(r.since), fmtDate(r.until), r.inForce ? t('ex.yes') : t('ex.no'),
            (r.provenance || []).map((x) => x.department + ' · ' + x.batch + ':' + x.line).join('; ')]))),
      equity, whatif);
    drawWhatIf(s, whatif);
  }

  function riskSection(risk) {
    if (!risk) return null;
    return [el('h3', {}, t('ex.risk')), risk.source ? [
      el('p', {}, t('ex.riskScore', risk.score.toFixed(2), risk.source.holder.name, risk.source.list, risk.source.hops)),
      chain(risk.source.path)] : el('p', { class: 'muted' }, t('ex.riskNone'))];
  }

  async function watch(s, status) {
    try {
      const w = await api('/api/v1/watchlist', { method: 'POST', body: { subjects: [{ id: s.id }] } });
      status.textContent = t('ex.watched', w.subjects.length);
    } catch (e) {
      showError(status, e);
    }
  }

  function drawPathBox() {
    fill(pathBox, el('h2', {}, t('ex.path')),
      el('p', { class: 'pathpick' }, state.pathFrom ? t('ex.pathFrom', state.pathFrom.name) : t('ex.pathPick'),
        state.pathTo ? el('br') : null, state.pathTo ? t('ex.pathTo', state.pathTo.name) : null),
      el('div', { id: 'path-result' }));
  }

  async function findPath() {
    cy.elements().removeClass('path');
    if (!state.pathFrom || !state.pathTo || state.pathFrom.id === state.pathTo.id) return;
    const out = pathBox.querySelector('#path-result');
    fill(out, el('p', { class: 'muted' }, t('common.loading')));
    let r;
    try {
      r = await api('/api/v1/paths', { query: { from: state.pathFrom.id, to: state.pathTo.id, maxHops: 6, asOf: state.asOf } });
    } catch (e) {
      showError(out, e);
      return;
    }
    if (r.paths.length === 0) {
      fill(out, el('p', {}, r.reason || t('ex.pathNone', r.maxHops)));
      return;
    }
    const add = [];
    for (const p of r.paths) {
      for (const x of p.path) {
        if (x.id && cy.getElementById(x.id).empty() && !add.some((a) => a.data.id === x.id)) {
          add.push({ group: 'nodes', data: nodeData({ subject: x, lists: [], risk: 0 }) });
        }
      }
      for (const hop of p.hops) {
        for (const e of hop) {
          const d = edgeData(e);
          if (cy.getElementById(d.id).empty() && !add.some((a) => a.data.id === d.id)) add.push({ group: 'edges', data: d });
        }
      }
    }
    const fresh = cy.add(add);
    if (fresh.nodes().length) {
      await layout(performance.now(), fresh.nodes());
    }
    cy.batch(() => {
      for (const p of r.paths) {
        p.path.filter((x) => x.id).forEach((x) => cy.getElementById(x.id).addClass('path'));
        p.hops.flat().forEach((e) => cy.getElementById(edgeData(e).id).addClass('path'));
      }
    });
    out.dataset.hops = String(r.hops);
    fill(out, el('p', { class: 'ok-text' }, t('ex.pathFound', r.paths.length, r.hops)), r.paths.map((p) => chain(p.path)),
      r.truncated ? el('p', { class: 'muted' }, '…') : null);
    drawToggles();
    drawCounts();
  }

  async function showEquity(s, box) {
    fill(box, el('p', { class: 'muted' }, t('common.loading')));
    let c;
    try {
      c = await api('/api/v1/subjects/' + encodeURIComponent(s.id) + '/controllers', { query: { asOf: state.asOf, threshold: 0.05 } });
    } catch (e) {
      showError(box, e);
      return;
    }
    const add = [];
    const seen = new Set();
    const addNode = (x) => {
      if (x.id && cy.getElementById(x.id).empty() && !seen.has(x.id)) {
        seen.add(x.id);
        add.push({ group: 'nodes', data: nodeData({ subject: x, lists: [], risk: 0 }) });
      }
    };
    cy.batch(() => {
      cy.elements().removeClass('owner controller equity');
      for (const o of c.owners) {
        for (const w of o.paths) {
          w.path.filter((x) => x.id).forEach(addNode);
        }
      }
    });
    const added = cy.add(add);
    // the ownership edges, labelled with their ratio; the effective share on the owner
    const edges = [];
    for (const o of c.owners) {
      for (const w of o.paths) {
        const subjects = w.path.filter((x) => x.id);
        for (let i = 0; i + 1 < subjects.length; i++) {
          const id = 'eq>' + subjects[i].id + '>' + subjects[i + 1].id;
          if (cy.getElementById(id).empty() && !edges.some((e) => e.data.id === id)) {
            edges.push({ group: 'edges', data: { id, source: subjects[i].id, target: subjects[i + 1].id,
              rel: 'SHAREHOLDER', label: pct(w.ratios[i]), ratio: w.ratios[i], since: '', until: '' }, classes: 'equity' });
          }
        }
      }
    }
    cy.add(edges);
    cy.batch(() => {
      cy.getElementById(s.id).addClass('equity');
      for (const o of c.owners) {
        const n = cy.getElementById(o.subject.id);
        n.addClass('owner');
        n.data('label', short(o.subject.name) + ' ' + pct(o.ratio));
      }
      if (c.actualController) cy.getElementById(c.actualController.subject.id).addClass('controller');
    });
    if (add.length) await layout(performance.now(), added);
    fill(box, el('h3', {}, t('ex.owners')),
      c.actualController ? el('p', { class: 'no-text' }, t('ex.controller', c.actualController.subject.name,
        c.actualController.basis + (c.actualController.ratio !== undefined ? ' ' + pct(c.actualController.ratio) : '')))
        : el('p', { class: 'muted' }, t('ex.noController')),
      table([t('ex.owner'), t('ex.share'), t('ex.chains')], c.owners.map((o) => [o.subject.name, pct(o.ratio),
        o.paths.map((w) => w.ratios.map(pct).join(' × ') + ' = ' + pct(w.product)).join('; ')])),
      c.conflicts.length ? [el('h3', { class: 'no-text' }, t('ex.conflicts')), el('ul', {}, c.conflicts.map((x) =>
        el('li', {}, x.kind + ': ' + x.reason + ' (' + x.cycle.map((y) => y.name).join(' → ') + ')')))] : null);
    drawToggles();
    drawCounts();
  }

  function drawWhatIf(s, box) {
    const list = el('select', { id: 'whatif-list', name: 'list' }, LISTS.map((l) => el('option', { value: l }, l)));
    const severity = el('select', { id: 'whatif-severity', name: 'severity' },
      ['GENERAL', 'SERIOUS'].map((v) => el('option', { value: v }, v)));
    const out = el('div', { id: 'whatif-result', 'aria-live': 'polite' });
    // the lists that hold records, with their names (new records per month over ten years names them all)
    api('/api/v1/stats/months', { query: { months: 120, asOf: state.asOf } }).then((m) => {
      const known = new Set(m.series.map((x) => x.list));
      const extra = LISTS.filter((l) => !known.has(l)).map((l) => ({ list: l, listName: l }));
      fill(list, m.series.concat(extra).map((x) => el('option', { value: x.list }, x.listName + ' · ' + x.list)));
    }).catch(() => {});
    fill(box, el('h3', {}, t('ex.whatif')),
      el('form', { id: 'whatif-form', on: { submit: async (ev) => {
        ev.preventDefault();
        cy.nodes().removeClass('whatif');
        fill(out, el('p', { class: 'muted' }, t('common.loading')));
        const subject = s.uscc ? { uscc: s.uscc } : s.idNumber ? { idNumber: s.idNumber, idType: s.idType } : { uscc: s.uscc };
        try {
          const r = await api('/api/v1/simulations', { method: 'POST', query: { asOf: state.asOf },
            body: Object.assign({ type: 'record', subject, list: list.value, asOf: state.asOf },
              list.value === 'ADMINISTRATIVE_PENALTY' ? { severity: severity.value } : {}) });
          cy.batch(() => r.affected.forEach((a) => cy.getElementById(a.subject.id).addClass('whatif')));
          out.dataset.affected = String(r.affected.length);
          fill(out, el('p', { class: r.affected.length ? 'no-text' : 'muted' }, r.affected.length
            ? t('ex.whatifAffected', r.affected.length) : t('ex.whatifNone')),
          r.affected.length ? table([t('ex.other'), t('ex.measures')], r.affected.map((a) => [a.subject.name,
            a.measures.map((m) => m.title).concat(a.appointmentRestrictions.map((x) => x.rule + ' ' + x.title)).join('; ')])) : null,
          r.sittingOfficers.length ? el('p', {}, t('ex.sittingOfficers', r.sittingOfficers.map((a) => a.subject.name).join('、'))) : null);
        } catch (e) {
          showError(out, e);
        }
      } } },
      el('label', { for: 'whatif-list' }, t('ex.whatifList'), list),
      el('label', { for: 'whatif-severity' }, t('ex.whatifSeverity'), severity),
      el('button', { type: 'submit', id: 'whatif-run' }, t('ex.whatifRun'))), out);
  }

  function exportPng() {
    const blob = cy.png({ full: true, bg: '#ffffff', output: 'blob', maxWidth: 4000, maxHeight: 4000 });
    const url = URL.createObjectURL(blob);
    const a = el('a', { href: url, download: 'credgraph-' + state.asOf + '.png', hidden: true });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function exportCsv() {
    // subjects by opaque id, name and USCC: a person's ID number is not written to the file
    const rows = [['type', 'id', 'kind', 'name', 'uscc', 'lists', 'risk', 'from', 'rel', 'to', 'since', 'until', 'ratio']];
    cy.nodes().forEach((n) => rows.push(['node', n.id(), n.data('kind'), n.data('name'), n.data('uscc'), n.data('lists'),
      n.data('risk'), '', '', '', '', '', '']));
    cy.edges().forEach((e) => rows.push(['edge', e.id(), '', '', '', '', '', e.data('source'), e.data('rel'),
      e.data('target'), e.data('since'), e.data('until'), e.data('ratio')]));
    downloadCsv('credgraph-' + state.asOf + '.csv', rows);
  }
}

function graphStyle() {
  return [
    { selector: 'node', style: {
      'background-color': '#7a8ca5', label: 'data(label)', 'font-size': 10, color: '#1b1b1b',
      'text-valign': 'bottom', 'text-margin-y': 3, 'min-zoomed-font-size': 7, width: 22, height: 22,
      'border-width': 1, 'border-color': '#4a5a70' } }, // labels come shortened (short())
    { selector: 'node[kind = "PERSON"]', style: { shape: 'ellipse' } },
    { selector: 'node[kind = "ENTERPRISE"]', style: { shape: 'round-rectangle', width: 28 } },
    { selector: 'node[kind != "PERSON"][kind != "ENTERPRISE"]', style: { shape: 'diamond' } },
    { selector: 'node[red = 1]', style: { 'background-color': '#146c2e', 'border-color': '#0b3d1a' } },
    { selector: 'node[black = 1]', style: { 'background-color': '#b3261e', 'border-color': '#6e1510' } },
    { selector: 'node[ring = 1]', style: { 'border-width': 4, 'border-color': '#e07b00' } },
    { selector: 'node.owner', style: { 'border-width': 3, 'border-color': '#0069c2' } },
    { selector: 'node.controller', style: { 'border-width': 5, 'border-color': '#0069c2', 'border-style': 'double' } },
    { selector: 'node.whatif', style: { 'border-width': 4, 'border-style': 'dashed', 'border-color': '#0069c2' } },
    { selector: 'node.path', style: { 'border-width': 5, 'border-color': '#6f2dbd' } },
    { selector: 'node:selected', style: { 'overlay-color': '#0069c2', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
    { selector: 'edge', style: {
      width: 1.2, 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1', 'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8, 'curve-style': 'bezier', label: '', 'font-size': 8, color: '#44505c',
      'min-zoomed-font-size': 9, 'text-rotation': 'autorotate', 'text-background-color': '#fff',
      'text-background-opacity': 0.8, 'text-background-padding': 1 } },
    { selector: 'edge.lbl', style: { label: 'data(label)' } },
    { selector: 'edge[rel = "SHAREHOLDER"]', style: { 'line-color': '#0069c2', 'target-arrow-color': '#0069c2' } },
    { selector: 'edge[rel = "LEGAL_REP"]', style: { 'line-color': '#6b4f2a', 'target-arrow-color': '#6b4f2a' } },
    { selector: 'edge.equity', style: { 'line-style': 'dashed', width: 2 } },
    { selector: 'edge.path', style: { width: 4, 'line-color': '#6f2dbd', 'target-arrow-color': '#6f2dbd', 'z-index': 10 } },
    { selector: 'edge.off', style: { display: 'none' } },
  ];
}

function short(name) {
  const s = String(name || '');
  return s.length > 14 ? s.slice(0, 13) + '…' : s;
}

function pct(r) {
  if (r === undefined || r === null || Number.isNaN(Number(r))) return '?';
  return (Math.round(Number(r) * 1000) / 10) + '%';
}

function dt(k, v) {
  return [el('dt', {}, k), el('dd', {}, v)];
}

function table(head, rows) {
  return el('div', { class: 'overflow-auto' }, el('table', { class: 'data striped' },
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c)))))));
}

/** An evidence path (alternating subjects and relations) as a chain of text. */
function chain(path) {
  return el('div', { class: 'chain' }, (path || []).map((x) => x.rel
    ? el('span', { class: 'rel' }, t('rel.' + x.rel) + (x.forward === false ? ' ←' : ''))
    : el('span', { class: 'node' }, x.name || x.id)));
}
