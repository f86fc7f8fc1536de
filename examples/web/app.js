// The registration desk: every value shown comes from the complaint-office WebAssembly module,
// recomputed on each keystroke. The page never reads the clock for a rule: the clerk's "now"
// (new Date()) is passed in as the default receipt time, like any host does.
//
// One script per page: the page is Traditional Chinese and English, so the policy it loads
// says `language = "zh-Hant"` and every label the library gives (categories, departments, the
// trend chart) comes in Traditional characters.
import init, * as co from './pkg/complaint_office.js';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

await init(); // fetches ./pkg/complaint_office_bg.wasm, next to the module

// The default policy (POLICY.md), its labels in Traditional Chinese.
const policy = co.Policy.fromToml('language = "zh-Hant"');
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
const TRACKS = { general: 'General track 一般程序', complex: 'Complex track 複雜程序', major: 'Major track 重大程序' };
const FIELDS = {
  name: 'name 姓名', contact: 'contact 聯繫方式', content: 'content 投訴內容', subject: 'subject 郵件主題',
  received_at: 'time received 收到時間',
};
/** What an intake violation means, for the clerk; its code and clause are shown beside it. */
const VIOLATIONS = {
  'intake.channel_not_for_complainant': 'this channel is not open to this complainant 此渠道不受理',
  'intake.subject_word_missing': 'the e-mail subject lacks the complaint word 郵件主題缺少「投訴」',
  'intake.missing_field': 'a required field is missing 缺少必填項',
  'intake.invalid_contact': 'the contact is neither a phone number nor an e-mail address 聯繫方式無效',
  'intake.invalid_email': 'the e-mail address is not usable 電子郵件地址無效',
  'intake.invalid_phone': 'the phone number is not usable 電話號碼無效',
  'intake.invalid_mobile': 'the mobile number is not usable 手機號碼無效',
  'intake.invalid_landline': 'the landline number is not usable 固定電話號碼無效',
  'intake.international_phone': 'phone numbers abroad are not accepted 不受理境外電話',
};
const FESTIVALS = {
  new_year: '元旦', spring_festival: '春節', tomb_sweeping: '清明節', labour_day: '勞動節',
  dragon_boat: '端午節', mid_autumn: '中秋節', national_day: '國慶節', victory_day: '抗戰勝利紀念日',
};
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

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
// A policy file without a name of its own is called `default`: say what that is.
$('policy-name').textContent = policy.name === 'default'
  ? '制度 Policy: 投訴室管理制度（預設） the default rules (POLICY.md).'
  : `制度 Policy: ${policy.name}.`;

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
    channel: value('channel'), complainantKind: value('kind'), name: value('name') || null,
    contact: value('contact') || null, content: value('content') || null,
    subject: value('subject') || null, receivedAt: at,
  });
  const node = $('completeness');
  node.dataset.state = report.complete ? 'complete' : 'incomplete';
  if (report.complete) show('completeness', '✔ 完整 Complete: ready to register', 'ok');
  else {
    const missing = report.missing.map((f) => FIELDS[f] ?? f).join(', ');
    show('completeness', `✘ 不完整 Incomplete: ask the complainant for ${missing} (§2.2.1)`, 'missing');
  }
  $('intake-violations').replaceChildren(
    ...report.violations.map((v) => el('li', { className: 'missing' }, VIOLATIONS[v.code] ?? v.code,
      el('small', { textContent: ` ${v.code} ${v.clause}` }))));
}

/**
 * A keyword as the complainant wrote it. The policy writes its Chinese keywords once, in
 * Simplified characters, and the library matches them in Traditional text too (one character
 * for one, so a match is as long as the keyword); the page asks the library which stretch of
 * the text matched, so that it shows 質量 on a Traditional page, never 质量.
 */
function asWritten(text, word) {
  if (/^[\x20-\x7e]*$/.test(word)) return word;
  const chars = [...text];
  const length = [...word].length;
  for (let i = 0; i + length <= chars.length; i++) {
    const stretch = chars.slice(i, i + length).join('');
    if (co.suggestCategory(policy, stretch).some((s) => s.matched.some((m) => m.word === word))) return stretch;
  }
  return word;
}

function renderCategory() {
  const text = `${value('subject')} ${value('content')}`;
  const suggestions = co.suggestCategory(policy, text);
  const [best, ...others] = suggestions;
  if (!best) {
    show('suggestion', '—');
    $('matched').replaceChildren();
    $('department').replaceChildren();
    $('alternatives').replaceChildren();
    return;
  }
  const info = co.categoryInfo(policy, best.category);
  // Without any keyword the library suggests the policy's fallback category.
  show('suggestion', `${info.labels.zhHant} ${info.labels.en}` +
    (best.hits > 0 ? ` (${Math.round(best.confidence * 100)}%)` : ''));
  $('matched').replaceChildren(...(best.hits > 0
    ? ['matched 關鍵詞: ', ...best.matched.map((m) => {
      const word = asWritten(text, m.word);
      return el('span', { className: 'word', textContent: m.count > 1 ? `${word} ×${m.count}` : word });
    })]
    : [el('span', { className: 'note', textContent: 'no keyword matched yet: the fallback category 尚無關鍵詞' })]));
  const department = info.department.labels;
  $('department').replaceChildren(el('span', { className: 'note', textContent: '處理部門 Department: ' }),
    el('span', { id: 'department-name', textContent: `${department.zhHant} ${department.en}` }));
  $('alternatives').replaceChildren(...others.slice(0, 3).map((s) =>
    el('li', { textContent: `${s.label} (${s.matched.map((m) => asWritten(text, m.word)).join('、')})` })));
}

function renderTriage() {
  const a = co.assessTriage(policy, { severity: value('severity'), urgency: value('urgency'), complexity: value('complexity') });
  $('emergency').hidden = !a.emergency;
  show('track', TRACKS[a.track] ?? a.track, `badge track-${a.track}`);
  show('priority', `priority 優先級 ${a.priority}`);
  return a;
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

// --- deadlines -------------------------------------------------------------------------------------
/** `2025-09-28 (日)`. */
const dayText = (date) => `${date} (${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]})`;

/**
 * When a period ends, as a clerk reads it: a period that runs to the end of its last day ends
 * at `24:00` of that day (Civil Code art. 203), not at `00:00` of the next one; close of
 * business or an hours period ends at its own time.
 */
function endText(deadline) {
  const [date, time] = [deadline.due.slice(0, 10), deadline.due.slice(11, 16)];
  if (time === '00:00' && date > deadline.lastDay) return `${dayText(deadline.lastDay)} 24:00`;
  return `${dayText(date)} ${time}`;
}

const rulesText = (deadline) => deadline.rules.map((r) => `${r.description} (${r.article})`);

/**
 * The stages of a complaint from the desk's point of view. Registration runs from receipt:
 * a real deadline. The plan runs from registration, which has not happened yet: projected as
 * if the complaint were registered when it was received. Its extension exists only on the
 * complex and major tracks (§4.1.2). Feedback and the follow-up visit start with events that
 * lie weeks ahead (implementation completed, result fed back): their limits are shown, not a
 * date nobody can know.
 */
function stages(track) {
  const d = policy.deadlines;
  return [
    { stage: 'registration', label: 'Registration 登記', clause: '§2.2.1', limit: d.registration, kind: 'deadline',
      from: 'receipt 收到' },
    { stage: 'plan', label: 'Handling plan 處理方案', clause: '§4.1.2', limit: d.plan, kind: 'projected',
      from: 'registration 登記 (assumed at receipt)' },
    ...(track === 'general' ? [] : [
      { stage: 'plan_extended', label: 'Plan, extended at most 處理方案延長上限', clause: '§4.1.2', limit: d.planExtendedMax,
        kind: 'projected', from: 'registration 登記 (assumed at receipt)' }]),
    { stage: 'feedback', label: 'Result feedback 結果反饋', clause: '§4.4.1', limit: d.feedback, kind: 'later',
      from: 'implementation completed 實施完成' },
    { stage: 'follow_up', label: 'Follow-up visit 回訪', clause: '§5.2.1', limit: d.followUp, kind: 'later',
      from: 'result fed back 結果反饋' },
  ];
}

const TAGS = { projected: '預計 projected', later: '未開始 not started' };

function renderTimeline(at, track) {
  const rows = [];
  const lastDays = new Map(); // date → 'deadline' | 'projected'
  for (const s of stages(track)) {
    const d = s.kind === 'later' ? null : co.periodEnd(calendar, at, s.limit);
    if (d && !(lastDays.get(d.lastDay) === 'deadline')) lastDays.set(d.lastDay, s.kind);
    const label = el('td', { className: 'stage' }, s.label);
    if (TAGS[s.kind]) label.append(' ', el('span', { className: `tag ${s.kind}`, textContent: TAGS[s.kind] }));
    const from = d ? `${s.from}, ${d.start.replace('T', ' ').slice(0, 16)}` : s.from;
    const ends = d ? endText(d) : `${s.limit} after it 之後`;
    const rules = d ? rulesText(d) : ['its clock starts with that event; the date is not known yet'];
    const row = el('tr', { className: s.kind },
      label, el('td', { textContent: s.clause }), el('td', { textContent: s.limit }),
      el('td', { className: 'from', textContent: from }),
      el('td', { className: 'due', textContent: ends }),
      el('td', { className: 'rules' }, ...rules.map((r) => el('div', { textContent: r })),
        d?.provisional ? el('div', { className: 'provisional', textContent: 'provisional: outside the statutory data' }) : ''));
    row.dataset.stage = s.stage;
    if (d) row.dataset.lastDay = d.lastDay;
    rows.push(row);
  }
  // Each cell names its column, for the narrow layout where the header is not shown.
  const headings = [...$('timeline').tHead.rows[0].cells].map((th) => th.textContent);
  for (const row of rows) [...row.cells].slice(1).forEach((td, i) => { td.dataset.label = headings[i + 1]; });
  $('timeline').tBodies[0].replaceChildren(...rows);

  // Every day from receipt to the last day shown, marked from the calendar; a month's name
  // starts each month.
  const first = co.officeDate(at, offset);
  const last = [...lastDays.keys()].sort().at(-1);
  const days = [];
  for (let n = co.Calendar.toEpochDay(first), end = co.Calendar.toEpochDay(last); n <= end; n++) {
    const info = calendar.day(co.Calendar.fromEpochDay(n));
    const kind = { holiday: 'holiday', makeup_workday: 'makeup', weekend: 'weekend', company_day_off: 'holiday',
      company_workday: 'makeup' }[info.kind] ?? 'working';
    const day = Number(info.date.slice(8));
    if (n === co.Calendar.toEpochDay(first) || day === 1) {
      days.push(el('span', { className: 'month', textContent: `${Number(info.date.slice(5, 7))}月` }));
    }
    const classes = ['day', kind];
    const stageDay = lastDays.get(info.date);
    if (stageDay === 'deadline') classes.push('due-day');
    if (stageDay === 'projected') classes.push('projected-day');
    if (info.date === first) classes.push('received-day');
    const cell = el('span', {
      className: classes.join(' '),
      title: `${dayText(info.date)} ${info.kind}${info.festival ? ` (${FESTIVALS[info.festival] ?? info.festival})` : ''}`,
    }, el('b', { textContent: String(day) }), WEEKDAYS[new Date(`${info.date}T00:00:00Z`).getUTCDay()]);
    const mark = { holiday: '休', makeup: '班' }[kind];
    if (mark) cell.append(el('i', { textContent: mark }));
    cell.dataset.date = info.date;
    days.push(cell);
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
    `${months.length} months 個月, ${months.reduce((n, m) => n + m.total, 0)} complaints 宗投訴; ${last.period}: ${last.total}` +
    (last.change?.percent != null ? ` (${last.change.percent > 0 ? '+' : ''}${last.change.percent.toFixed(1)} %)` : '') }));
}

function update() {
  try {
    const at = receivedAt();
    $('error').hidden = true;
    renderIntake(at);
    renderCategory();
    const triage = renderTriage();
    renderMasked();
    if (at) {
      renderNumber(at);
      renderTimeline(at, triage.track);
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
