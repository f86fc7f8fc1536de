// The registration desk: every value shown comes from the complaint-office WebAssembly module,
// recomputed on each keystroke. The page never reads the clock for a rule: the clerk's "now"
// (new Date()) is passed in as the default receipt time, like any host does.
import init, * as co from './pkg/complaint_office.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

await init(); // fetches ./pkg/complaint_office_bg.wasm, next to the module

const policy = new co.Policy();
const calendar = policy.calendar;
const offset = policy.officeOffset;
const vocab = co.vocabularies();

// The sample ledger: what the office has registered so far (a CSV export). Its first column
// holds the numbers already issued.
const ledgerText = await (await fetch('sample-ledger.csv')).text();
const issued = ledgerText.trim().split('\n').slice(1).map((line) => line.split(',')[0]);

// --- the form ------------------------------------------------------------------------------------
const LABELS = {
  email: 'E-mail 郵件', hotline: 'Hotline 熱線', on_site: 'On site 現場', oa: 'OA board OA系統',
  employee: 'Employee 員工', customer: 'Customer 客戶', partner: 'Partner 合作夥伴',
  general: 'General 一般', serious: 'Serious 嚴重', major: 'Major 重大',
  normal: 'Normal 一般', urgent: 'Urgent 緊急', simple: 'Simple 簡單', complex: 'Complex 複雜',
};
const fill = (select, names, chosen) => {
  for (const name of names) select.append(el('option', { value: name, textContent: LABELS[name] ?? name }));
  select.value = chosen;
};
fill($('channel'), vocab.channel, 'hotline');
fill($('kind'), vocab.complainantKind, 'customer');
fill($('severity'), vocab.severity, 'general');
fill($('urgency'), vocab.urgency, 'normal');
fill($('complexity'), vocab.complexity, 'simple');
$('offset').textContent = offset;
$('received').value = co.inOffice(new Date(), offset).slice(0, 16);
$('policy-name').textContent = `Policy: ${policy.name || 'default (POLICY.md)'}.`;

const value = (id) => $(id).value.trim();
/** The receipt instant: the form's office-time wall clock with the policy's offset. */
const receivedAt = () => (value('received') ? `${value('received')}:00${offset}` : null);

// --- what the library computes ---------------------------------------------------------------------
function show(id, text, cls) {
  const node = $(id);
  node.textContent = text;
  if (cls !== undefined) node.className = cls;
}

function renderNumber(at) {
  const month = co.yearMonthOf(at, offset);
  const sequences = co.NumberSequences.fromIssued(issued);
  show('number', sequences.peek(month).toString());
  const last = sequences.last(month);
  show('number-note', `Next in ${month}${last ? `, after ${last}` : ', the first of the month'} (sample ledger).`);
}

function renderIntake(at) {
  const report = co.checkIntake(policy, {
    channel: value('channel'), complainant_kind: value('kind'), name: value('name') || null,
    contact: value('contact') || null, content: value('content') || null,
    subject: value('subject') || null, received_at: at,
  });
  if (report.complete) show('completeness', '✔ complete: ready to register 可登記', 'ok');
  else show('completeness', `✘ missing: ${report.missing.join(', ')} — ask the complainant (§2.2.1)`, 'missing');
  $('intake-violations').replaceChildren(
    ...report.violations.map((v) => el('li', { className: 'missing', textContent: `${v.code} (${v.clause})` })));
}

function renderCategory() {
  const suggestions = co.suggestCategory(policy, `${value('subject')} ${value('content')}`);
  const [best, ...others] = suggestions;
  if (!best) {
    show('suggestion', '—');
    $('matched').replaceChildren(el('span', { className: 'note', textContent: 'no keyword matched yet' }));
    $('alternatives').replaceChildren();
    return;
  }
  show('suggestion', `${best.label} · ${best.category} (${Math.round(best.confidence * 100)}%)`);
  $('matched').replaceChildren('matched: ', ...best.matched.map((m) => el('span', { className: 'word', textContent: m.count > 1 ? `${m.word} ×${m.count}` : m.word })),
    el('div', { className: 'note', textContent: `department: ${best.department}` }));
  $('alternatives').replaceChildren(...others.slice(0, 3).map((s) =>
    el('li', { textContent: `${s.label} (${s.matched.map((m) => m.word).join(', ')})` })));
}

function renderTriage() {
  const a = co.assessTriage(policy, { severity: value('severity'), urgency: value('urgency'), complexity: value('complexity') });
  $('emergency').hidden = !a.emergency;
  show('track', `track: ${a.track}`, `badge track-${a.track}`);
  show('priority', `priority ${a.priority}`);
}

function renderMasked() {
  const contact = value('contact');
  const view = co.viewPersonalData({
    complainant_name: value('name') || null,
    contact_phone: contact && !contact.includes('@') ? contact : null,
    contact_email: contact.includes('@') ? contact : null,
    content: value('content') || null,
  }, 'investigation_team');
  // The department sees none of the identity (§1.3.4); show what masking leaves of it.
  show('masked-name', value('name') ? co.mask('name', value('name')) : '—');
  show('masked-contact', contact ? co.mask(contact.includes('@') ? 'email' : 'phone', contact) : '—');
  show('masked-content', co.viewPersonalData({ ...view, content: value('content') || null }, 'department').content ?? '—');
}

const STAGES = [
  ['registration', 'Registration 登記', (d) => d.registration],
  ['plan', 'Handling plan 處理方案', (d) => d.plan],
  ['plan_extended', 'Plan, extended (complex/major) 延長', (d) => d.planExtendedMax],
  ['feedback', 'Result feedback 結果反饋', (d) => d.feedback],
  ['follow_up', 'Follow-up visit 回訪', (d) => d.followUp],
];
const CLAUSES = { registration: '§2.2.1', plan: '§4.1.2', plan_extended: '§4.1.2', feedback: '§4.4.1', follow_up: '§5.2.1' };

function renderTimeline(at) {
  const deadlines = policy.deadlines;
  // Registration runs from receipt; the clerk registers now, so the plan runs from receipt too;
  // each later stage is projected from the previous one's due instant.
  const starts = { registration: at, plan: at, plan_extended: at };
  const rows = [];
  const lastDays = new Set();
  let previous = null;
  for (const [stage, label, limit] of STAGES) {
    const start = starts[stage] ?? previous.due;
    const d = co.periodEnd(calendar, start, limit(deadlines));
    if (stage === 'plan' || stage === 'feedback' || stage === 'follow_up') previous = d;
    lastDays.add(d.lastDay);
    const row = el('tr', {},
      el('td', { textContent: label }), el('td', { textContent: CLAUSES[stage] }),
      el('td', { textContent: d.duration }), el('td', { textContent: d.start.replace('T', ' ').slice(0, 16) }),
      el('td', { className: 'last', textContent: d.lastDay }),
      el('td', { className: 'due', textContent: d.due.replace('T', ' ').slice(0, 16) }),
      el('td', { className: 'rules', textContent: d.rules.map((r) => r.rule).join(', ') },
        d.provisional ? el('div', { className: 'provisional', textContent: 'provisional: outside the statutory data' }) : ''));
    row.dataset.stage = stage;
    rows.push(row);
  }
  $('timeline').tBodies[0].replaceChildren(...rows);

  // Every day from receipt to the last due day, marked from the calendar.
  const first = co.officeDate(at, offset);
  const last = [...lastDays].sort().at(-1);
  const days = [];
  for (let n = co.Calendar.toEpochDay(first), end = co.Calendar.toEpochDay(last); n <= end; n++) {
    const info = calendar.day(co.Calendar.fromEpochDay(n));
    const kind = { holiday: 'holiday', makeup_workday: 'makeup', weekend: 'weekend', company_day_off: 'holiday',
      company_workday: 'makeup' }[info.kind] ?? 'working';
    const classes = ['day', kind];
    if (lastDays.has(info.date)) classes.push('due-day');
    if (info.date === first) classes.push('received-day');
    const mark = { holiday: '休', makeup: '班', weekend: '末', working: '' }[kind];
    days.push(el('span', { className: classes.join(' '), title: `${info.date} ${info.kind}${info.festival ? ` (${info.festival})` : ''}` },
      el('b', { textContent: info.date.slice(8) }), `${info.date.slice(5, 7)}月${mark}`));
  }
  $('days').replaceChildren(...days);
}

function renderTrend() {
  const report = co.Ledger.fromCsv(ledgerText, policy).report('month', policy);
  // A self-contained SVG document made by the library from the ledger (text escaped there).
  $('trend').innerHTML = report.charts(policy).trend;
  const months = report.toJSON().periods;
  const last = months.at(-1);
  $('trend').append(el('p', { className: 'note', textContent:
    `${months.length} months, ${months.reduce((n, m) => n + m.total, 0)} complaints; ${last.period}: ${last.total}` +
    (last.change?.percent != null ? ` (${last.change.percent > 0 ? '+' : ''}${last.change.percent.toFixed(1)} %)` : '') }));
}

function update() {
  try {
    const at = receivedAt();
    $('error').hidden = true;
    renderIntake(at);
    renderCategory();
    renderTriage();
    renderMasked();
    if (at) {
      renderNumber(at);
      renderTimeline(at);
    }
  } catch (e) {
    // A library error names its code; personal data never appears in it.
    show('error', co.isComplaintOfficeError(e) ? `${e.code}: ${e.message}` : String(e));
    $('error').hidden = false;
  }
}

$('form').addEventListener('input', update);
$('form').addEventListener('change', update);
renderTrend();
update();
document.body.dataset.ready = 'true';
