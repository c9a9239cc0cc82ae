// Enforcement feedback on the case handler's page (/checks, DOMAIN.md section 7): each measure row of a check takes
// the department's outcome (APPLIED; NOT_APPLIED with a reason code and a text; NOT_APPLICABLE), sent with the check's
// checkId to POST /api/v1/checks/{checkId}/feedback; the row then shows what the server recorded (and the version
// when corrected). Refusals (403 for another department, 400 problem+json) are shown as text next to the row. The
// server decides who may send (the session's feedback.send says whether to offer it; the API refuses anyway).
import { addStrings, api, el, fill, t } from './app.js';
import { label, NOT_APPLIED_REASONS, OUTCOMES } from './labels.js';

addStrings({
  zh: {
    'fb.legend': '执行反馈', 'fb.outcome': '实施情况', 'fb.choose': '请选择', 'fb.reason': '未实施原因', 'fb.note': '说明',
    'fb.send': '报送反馈', 'fb.correct': '更正反馈', 'fb.sending': '报送中…', 'fb.recorded': '已记录：{0}',
    'fb.version': '（第 {0} 次报送）', 'fb.corrected': '已更正（第 {0} 次报送）', 'fb.none': '尚未反馈',
    'fb.needOutcome': '请先选择实施情况。', 'fb.needReason': '未实施须选择原因并填写说明。', 'fb.refused': '未记录',
    'fb.due': '反馈期限：{0}', 'fb.open': '打开核查', 'fb.openLabel': '核查编号（继续报送以前核查的反馈）',
    'fb.items': '核查发现的措施', 'fb.subject': '主体编号',
  },
  en: {
    'fb.legend': 'Enforcement feedback', 'fb.outcome': 'Outcome', 'fb.choose': 'choose', 'fb.reason': 'Reason not applied',
    'fb.note': 'Note', 'fb.send': 'Send feedback', 'fb.correct': 'Correct feedback', 'fb.sending': 'Sending…',
    'fb.recorded': 'Recorded: {0}', 'fb.version': ' (sending {0})', 'fb.corrected': 'corrected (sending {0})',
    'fb.none': 'no feedback yet', 'fb.needOutcome': 'Choose an outcome first.',
    'fb.needReason': 'Not applied needs a reason and a note.', 'fb.refused': 'not recorded', 'fb.due': 'Feedback due by {0}',
    'fb.open': 'Open check', 'fb.openLabel': 'Check reference (to report on an earlier check)',
    'fb.items': 'Measures the check found', 'fb.subject': 'Subject id',
  },
});

const itemKey = (subject, rule, measure) => subject + '|' + rule + '|' + measure;

/**
 * The feedback of one check: the latest outcome per (subject, rule, measure) as the server answered, and the
 * controls drawn for it (several rows can show the same measure).
 */
export class CheckFeedback {
  constructor(checkId) {
    this.checkId = checkId;
    this.states = new Map();
    this.sendings = new Map();
    this.controls = new Map();
    this.dueOn = null;
    this.seq = 0;
  }

  /** Takes a FeedbackAnswer (from sending or reading) and redraws every control. */
  apply(answer) {
    this.dueOn = answer.dueOn;
    this.states.clear();
    this.sendings.clear();
    for (const i of answer.items || []) this.states.set(itemKey(i.subject, i.rule, i.measure), i);
    for (const v of answer.versions || []) {
      for (const f of v.feedback || []) {
        const k = itemKey(f.subject, f.rule, f.measure);
        this.sendings.set(k, (this.sendings.get(k) || 0) + 1);
      }
    }
    for (const [k, list] of this.controls) list.forEach((c) => c.show(this.states.get(k), this.sendings.get(k) || 0));
  }

  /** Reads the check's feedback from the server (GET); an error is thrown to the caller. */
  async load() {
    this.apply(await api('/api/v1/checks/' + encodeURIComponent(this.checkId) + '/feedback'));
  }

  /** The control for one measure row: subject id, rule and measure code of the check's answer. */
  control(subject, rule, measure) {
    const n = ++this.seq;
    const k = itemKey(subject, rule, measure);
    const id = (s) => 'fb-' + s + '-' + n;
    const outcome = el('select', { id: id('outcome'), class: 'fb-outcome' },
      el('option', { value: '' }, t('fb.choose')), OUTCOMES.map((o) => el('option', { value: o }, label('outcome', o))));
    const reason = el('select', { id: id('reason'), class: 'fb-reason' },
      el('option', { value: '' }, t('fb.choose')),
      NOT_APPLIED_REASONS.map((r) => el('option', { value: r }, label('reason', r))));
    const note = el('input', { id: id('note'), class: 'fb-note', type: 'text', maxlength: 2000, autocomplete: 'off' });
    const reasonBox = el('label', { for: id('reason'), class: 'fb-reason-box' }, t('fb.reason'), reason);
    const send = el('button', { type: 'submit', id: id('send'), class: 'fb-send secondary' }, t('fb.send'));
    const state = el('span', { class: 'fb-state', id: id('state'), 'aria-live': 'polite' }, t('fb.none'));
    const error = el('span', { class: 'fb-error no-text', id: id('error'), role: 'alert' });
    const toggle = () => { reasonBox.hidden = outcome.value !== 'NOT_APPLIED'; };
    outcome.addEventListener('change', toggle);
    toggle();
    const form = el('form', { class: 'feedback', dataset: { subject, rule, measure, outcome: '' },
      'aria-describedby': id('state') + ' ' + id('error'), on: { submit: async (ev) => {
        ev.preventDefault();
        error.textContent = '';
        if (!outcome.value) { error.textContent = t('fb.needOutcome'); outcome.focus(); return; }
        const item = { measure, subject, rule, outcome: outcome.value };
        if (outcome.value === 'NOT_APPLIED') item.reason = reason.value || undefined;
        if (note.value.trim()) item.note = note.value.trim();
        send.setAttribute('aria-busy', 'true');
        send.disabled = true;
        try {
          this.apply(await api('/api/v1/checks/' + encodeURIComponent(this.checkId) + '/feedback',
            { method: 'POST', body: { feedback: [item] } }));
        } catch (e) {
          const p = e.problem || {};
          error.textContent = t('fb.refused') + ' (' + (e.status || '') + ') ' + [p.title, p.detail || e.message]
            .filter(Boolean).join(': ');
          form.dataset.error = String(e.status || 0);
        } finally {
          send.removeAttribute('aria-busy');
          send.disabled = false;
        }
      } } },
    el('fieldset', { class: 'fb-fields' }, el('legend', {}, t('fb.legend')),
      el('label', { for: id('outcome') }, t('fb.outcome'), outcome),
      reasonBox,
      el('label', { for: id('note') }, t('fb.note'), note),
      send),
    el('p', { class: 'fb-status' }, state, ' ', error));
    const c = {
      show: (s, sendings) => {
        delete form.dataset.error;
        if (!s || !s.outcome) {
          form.dataset.outcome = '';
          state.textContent = t('fb.none');
          send.textContent = t('fb.send');
          return;
        }
        form.dataset.outcome = s.outcome;
        form.dataset.version = String(s.version || '');
        outcome.value = s.outcome;
        reason.value = s.reason || '';
        note.value = s.note || '';
        toggle();
        const what = label('outcome', s.outcome) + (s.reason ? ' · ' + label('reason', s.reason) : '')
          + (s.note ? ' · ' + s.note : '');
        state.textContent = t('fb.recorded', what) + (sendings > 1 ? ' · ' + t('fb.corrected', s.version)
          : t('fb.version', s.version));
        send.textContent = t('fb.correct');
      },
    };
    if (!this.controls.has(k)) this.controls.set(k, []);
    this.controls.get(k).push(c);
    c.show(this.states.get(k), this.sendings.get(k) || 0);
    return form;
  }

  /** Forgets controls no longer on the page (the table was redrawn). */
  forgetControls() {
    this.controls.clear();
  }
}

/** A small form to open an earlier check by its reference: its measures (subject ids) with their controls. */
export function openCheckForm(onOpen) {
  const input = el('input', { id: 'fb-open-id', type: 'text', autocomplete: 'off', spellcheck: 'false',
    pattern: 'chk-[0-9a-zA-Z]+', placeholder: 'chk-…' });
  return el('form', { id: 'fb-open', class: 'toolbar', on: { submit: (ev) => {
    ev.preventDefault();
    if (input.value.trim()) onOpen(input.value.trim());
  } } }, el('label', { for: 'fb-open-id' }, t('fb.openLabel'), input),
  el('button', { type: 'submit', class: 'secondary', id: 'fb-open-btn' }, t('fb.open')));
}

/** Draws a check opened by reference: one row per measure found, with its control. */
export function drawItems(out, fb, answer) {
  fill(out, el('p', { id: 'checks-summary' }, el('strong', {}, t('fb.items')), ' · ',
    el('code', { id: 'check-id' }, fb.checkId), ' · ', t('fb.due', answer.dueOn)),
  el('div', { class: 'overflow-auto' }, el('table', { class: 'data', id: 'checks-table' },
    el('thead', {}, el('tr', {}, ['fb.subject', 'checks.measure', 'checks.rule', 'checks.domain', 'fb.legend']
      .map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, answer.items.map((i) => el('tr', {}, el('td', {}, i.subject), el('td', {}, i.measure),
      el('td', {}, i.rule), el('td', {}, label('domain', i.domain)),
      el('td', {}, fb.control(i.subject, i.rule, i.measure))))))));
  fb.apply(answer);
}
