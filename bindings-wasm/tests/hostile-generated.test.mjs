// The generated hostile-input suite (issue 16, "Everywhere"): every exported function, every
// static and instance method and getter of every exported class, found by introspection over
// the package's exports and prototypes, called with hostile arguments — lone surrogates, a
// planted phone number in text, 2 ** 80 / NaN / -1 / 1.5 / ±Infinity, null and undefined,
// objects and arrays nested 15,000 deep and cyclic, a BigInt, a function, a 1 MiB string, and
// class instances freed or copied. Each hostile value goes in every parameter position, the
// other parameters holding plausible values (chosen by the parameter's name, which the glue
// keeps from Rust) or the same hostile value.
//
// The process must live through all of it, and each throw must be a ComplaintOfficeError
// with a non-empty code whose message holds none of the planted values. A function the
// package gains is walked without a change here; one that throws an uncoded error fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as co from 'complaint-office';

const PHONE = '13912345678';
const NAME = '張三豐';
const AT = '2025-09-26T10:00:00+08:00';
const RECEIVED = { type: 'received', at: AT, channel: 'hotline', complainant_kind: 'customer',
  name: NAME, contact: PHONE, content: `${NAME} ${PHONE}` };
const REGISTERED = { type: 'registered', at: '2025-09-26T11:00:00+08:00', number: '25090001' };
const CSV = 'number,received_at,channel,category,department,severity,closed_at,satisfied\n'
  + '25010001,2025-01-02 09:00:00,hotline,product_quality,quality,general,2025-01-04 09:00:00,true\n';
const HUGE = `${'x'.repeat(1 << 20)}${PHONE}`;

const deep = (levels, wrap) => {
  let v = PHONE;
  for (let i = 0; i < levels; i++) v = wrap(v);
  return v;
};
const cyclicArray = () => {
  const a = [PHONE];
  a.push(a);
  return a;
};
const cyclicObject = () => {
  const o = { ...RECEIVED };
  o.note = o;
  return o;
};

/** A freed instance and a copy of an instance (what `structuredClone` or a Worker gets). */
const freedPolicy = () => {
  const p = new co.Policy();
  p.free();
  return p;
};

/** The hostile values, each built fresh for a call (no call can change the next one's). */
const HOSTILE = {
  'lone high surrogate': () => `\ud800${PHONE}`,
  'lone low surrogate': () => `${NAME}\udfff`,
  'planted phone': () => PHONE,
  'planted name and phone': () => `${NAME} ${PHONE}`,
  'huge string': () => HUGE,
  '2 ** 80': () => 2 ** 80,
  NaN: () => NaN,
  Infinity: () => Infinity,
  '-Infinity': () => -Infinity,
  '-1': () => -1,
  '1.5': () => 1.5,
  '2 ** 53': () => 2 ** 53,
  null: () => null,
  undefined: () => undefined,
  'BigInt': () => 13912345678n,
  'function': () => () => PHONE,
  'symbol': () => Symbol(PHONE),
  'array 15,000 deep': () => deep(15_000, (v) => [v]),
  'object 15,000 deep': () => deep(15_000, (v) => ({ k: v })),
  'cyclic array': cyclicArray,
  'cyclic object': cyclicObject,
  'event with a lone surrogate': () => ({ ...RECEIVED, content: `\udc00${PHONE}` }),
  'array with NaN and 2 ** 80': () => [NaN, 2 ** 80, -1, 1.5],
  'object with a planted key': () => ({ [PHONE]: PHONE }),
  'freed instance': freedPolicy,
  'copied instance': () => structuredClone(new co.Policy()),
};

/** One instance of each exported class, built fresh. */
const FACTORIES = {
  ArchiveFile: () => co.ArchiveFile.fromJson({ number: '22100001', archived_on: '2022-10-01',
    documents: [{ document: 'registration_form', electronic: 'dms://1', paper: null }] }),
  Calendar: () => co.Calendar.cn(),
  Case: () => co.Case.replay(new co.Policy(), [RECEIVED, REGISTERED]),
  CaseEvent: () => co.CaseEvent.fromJson(RECEIVED),
  Caseload: () => co.Caseload.fromHistories(new co.Policy(), [[RECEIVED, REGISTERED]]),
  ComplaintNumber: () => co.ComplaintNumber.parse('25090001'),
  DisciplineTable: () => new co.Policy().discipline,
  Duration: () => co.Duration.parse('15 days'),
  Ledger: () => co.Ledger.fromCsv(CSV, new co.Policy()),
  NumberAllocator: () => co.NumberAllocator.withSequences(co.NumberSequences.fromIssued(['25090002'])),
  NumberSequences: () => co.NumberSequences.fromIssued(['25090002']),
  Policy: () => new co.Policy(),
  PolicySet: () => {
    const set = new co.PolicySet();
    set.add(new co.Policy());
    return set;
  },
  Report: () => co.Ledger.fromCsv(CSV, new co.Policy()).report('month', new co.Policy()),
};

/** A shared instance of a class (made again once a consuming method or `free` emptied it):
 * fresh instances for each of the tens of thousands of calls would only wait for the GC. */
const cache = new Map();
function instance(name) {
  const held = cache.get(name);
  if (held && held.__wbg_ptr !== 0) return held;
  const made = FACTORIES[name]();
  cache.set(name, made);
  return made;
}

/** A plausible value for a parameter, by its name; `undefined` when the name says nothing. */
function plausible(name) {
  const n = name.toLowerCase().replace(/_/g, '');
  if (n === 'policy') return instance('Policy');
  if (n === 'policies' || n === 'set') return instance('PolicySet');
  if (n === 'calendar') return instance('Calendar');
  if (n === 'replayed' || n === 'case') return instance('Case');
  if (n === 'file') return instance('ArchiveFile');
  if (n === 'table' || n === 'discipline') return instance('DisciplineTable');
  if (n === 'duration') return instance('Duration');
  if (n === 'ledger') return instance('Ledger');
  if (n === 'event') return { ...RECEIVED };
  if (/events|history|histories|chain|records/.test(n)) return [{ ...RECEIVED }, { ...REGISTERED }];
  if (/^(now|at|from|to|start|end|instant|receivedat|previous|head)$/.test(n)) return AT;
  if (/date|day|on$|today|archivedon/.test(n)) return '2025-09-26';
  if (/month/.test(n)) return '2025-09';
  if (/offset/.test(n)) return '+08:00';
  if (/role|view/.test(n)) return 'department';
  if (/granularity/.test(n)) return 'month';
  if (/kind|unit/.test(n)) return 'days';
  if (/csv|text|content|message|value|name|number|data|json/.test(n)) return 'x';
  if (/^(n|days|amount|count|year|serial|index|rows|maxbytes)$/.test(n)) return 1;
  return undefined;
}

/** The parameter names of a glue function or method, from its source. */
function parameters(fn) {
  const m = /^[^(]*\(([^)]*)\)/.exec(Function.prototype.toString.call(fn));
  return m ? m[1].split(',').map((p) => p.trim().replace(/=.*$/, '')).filter(Boolean) : [];
}

/** Every callable of the package: [label, parameter names, call(args)]. */
function callables() {
  const out = [];
  const skip = new Set(['constructor', 'free', '__destroy_into_raw', '__wrap', 'length', 'name', 'prototype',
    'default', 'initSync', '__wbg_init']);
  for (const [name, value] of Object.entries(co)) {
    if (typeof value !== 'function') continue;
    const isClass = /^class\b/.test(Function.prototype.toString.call(value));
    if (!isClass) {
      if (skip.has(name)) continue;
      out.push([name, parameters(value), (args) => value(...args)]);
      continue;
    }
    const factory = FACTORIES[name];
    out.push([`${name} (factory)`, [], () => {
      if (!factory) throw new Error(`no instance factory for class ${name}: add one to FACTORIES`);
      const made = factory();
      if (!(made instanceof value)) throw new Error(`the factory of ${name} made something else`);
      return made;
    }]);
    // The constructor, when the class has one that JavaScript may call.
    out.push([`new ${name}`, parameters(value).length ? parameters(value) : ['a', 'b', 'c'], (args) => new value(...args)]);
    for (const key of Object.getOwnPropertyNames(value)) {
      if (skip.has(key) || key.startsWith('__')) continue;
      const d = Object.getOwnPropertyDescriptor(value, key);
      if (typeof d.value === 'function') out.push([`${name}.${key}`, parameters(d.value), (args) => d.value.apply(value, args)]);
    }
    for (const key of Object.getOwnPropertyNames(value.prototype)) {
      if (skip.has(key) || key.startsWith('__')) continue;
      const d = Object.getOwnPropertyDescriptor(value.prototype, key);
      if (typeof d.value === 'function') {
        out.push([`${name}#${key}`, parameters(d.value), (args) => d.value.apply(instance(name), args)]);
      } else if (d.get) {
        out.push([`${name}#${key} (getter)`, [], () => d.get.call(instance(name))]);
        // A getter read from a freed or copied instance.
        out.push([`${name}#${key} (getter of a freed instance)`, [], () => {
          const made = factory();
          made.free();
          return d.get.call(made);
        }]);
      }
      if (d.set) out.push([`${name}#${key} (setter)`, ['value'], (args) => d.set.call(instance(name), args[0])]);
    }
    // Methods called on a copy of an instance (not a wasm object) and on a freed one.
    for (const key of Object.getOwnPropertyNames(value.prototype)) {
      const d = Object.getOwnPropertyDescriptor(value.prototype, key);
      if (skip.has(key) || key.startsWith('__') || typeof d.value !== 'function') continue;
      out.push([`${name}#${key} on a freed instance`, parameters(d.value), (args) => {
        const made = factory();
        made.free();
        return d.value.apply(made, args);
      }]);
    }
  }
  return out;
}

/** What is wrong with an outcome, if anything: an uncoded throw, or a planted value shown. */
function fault(error) {
  if (!co.isComplaintOfficeError(error)) {
    return `uncoded ${error?.constructor?.name ?? typeof error}: ${String(error?.message ?? error).slice(0, 160)}`;
  }
  if (typeof error.code !== 'string' || !/^[a-z]+\.[a-z_]+$/.test(error.code)) return `bad code ${error.code}`;
  for (const planted of [PHONE, NAME, '\ud800', '\udfff', '\udc00', 'x'.repeat(64)]) {
    if (error.message.includes(planted) || String(error.key ?? '').includes(planted)) {
      return `${error.code}: the message shows a planted value`;
    }
  }
  return null;
}

test('every exported function and method, with every hostile value in every position, throws only coded errors without planted values', () => {
  const all = callables();
  const failures = [];
  let tried = 0;
  let threw = 0;
  for (const [label, params, call] of all) {
    const arity = Math.max(params.length, 1);
    for (const [kind, make] of Object.entries(HOSTILE)) {
      // The hostile value in each position with plausible values around it, then everywhere.
      const variants = [];
      for (let i = 0; i < arity; i++) {
        variants.push(() => params.length ? params.map((p, j) => (j === i ? make() : plausible(p))) : [make()]);
      }
      variants.push(() => Array.from({ length: arity }, make));
      for (const args of variants) {
        tried++;
        try {
          call(args());
        } catch (e) {
          threw++;
          const wrong = fault(e);
          if (wrong) failures.push(`${label} (${kind}): ${wrong}`);
        }
      }
    }
  }
  const unique = [...new Set(failures)];
  console.log(`hostile-generated: ${all.length} callables, ${tried} calls, ${threw} refused with a code or otherwise, ${unique.length} faults`);
  assert.ok(all.length > 200, `only ${all.length} callables found: the walk lost the package`);
  assert.deepEqual(unique.slice(0, 40), [], `${unique.length} faults`);
});

test('the walk notices an uncoded throw (the check can fail)', () => {
  assert.match(fault(new TypeError(`x ${PHONE}`)), /uncoded TypeError/);
  const leaked = (() => {
    try {
      co.Policy.fromToml('[');
    } catch (e) {
      return e;
    }
  })();
  assert.equal(fault(leaked), null);
  leaked.message += PHONE;
  assert.match(fault(leaked), /planted/);
});

test('the module still answers after the hostile calls', () => {
  const c = co.Case.replay(new co.Policy(), [RECEIVED, REGISTERED]);
  assert.equal(c.number, '25090001');
  assert.equal(co.Calendar.cn().addWorkingDays('2025-09-30', 1), '2025-10-09');
});
